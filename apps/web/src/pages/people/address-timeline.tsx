import type { Address } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";

/** Addresses over time, newest first, as a timeline. */
export function AddressTimeline({ addresses, personId, editable }: { addresses: Address[]; personId: string; editable: boolean }) {
  const sorted = [...addresses].sort((a, b) => b.fromDate.localeCompare(a.fromDate));
  return (
    <section aria-labelledby="addresses-heading">
      <h2 className="govuk-heading-m" id="addresses-heading">
        Addresses
      </h2>
      {sorted.length === 0 ? (
        <p className="govuk-body">No address recorded.</p>
      ) : (
        <ol className="app-timeline" data-testid="address-timeline">
          {sorted.map((a) => (
            <li key={a.id} className={`app-timeline__item${a.current ? " app-timeline__item--current" : ""}`}>
              <p className="app-timeline__date">
                {formatDate(a.fromDate)} to {a.toDate ? formatDate(a.toDate) : "now"}
                {a.current && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-1">Current</strong>}
              </p>
              <p className="app-timeline__address">{[a.line1, a.line2, a.town, a.postcode].filter(Boolean).join(", ")}</p>
              {editable && (
                <p className="govuk-body-s app-actions">
                  {a.toDate === null && (
                    <Link className="govuk-link" to={`/people/${personId}/addresses/${a.id}/end`}>
                      Record a move out<span className="govuk-visually-hidden"> of {a.line1}</span>
                    </Link>
                  )}
                  <Link className="govuk-link" to={`/people/${personId}/addresses/${a.id}/change`}>
                    Correct<span className="govuk-visually-hidden"> the address {a.line1}</span>
                  </Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
