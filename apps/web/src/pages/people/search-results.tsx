import type { PersonSearchResult } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";

const SEX_LABELS = { male: "Male", female: "Female", unknown: "Sex not known" } as const;

/** Search results as cards: who they are, enough to tell people apart, and why they matched. */
export function SearchResults({ results, total }: { results: PersonSearchResult[]; total: number }) {
  return (
    <section aria-labelledby="results-heading">
      <h2 className="govuk-heading-m" id="results-heading" aria-live="polite">
        {results.length === 0 ? "No one found" : `${total} ${total === 1 ? "person" : "people"} found`}
      </h2>
      {results.length === 0 ? (
        <p className="govuk-body">Try another spelling, fewer details, or just the year of birth. You will only find people you are allowed to see.</p>
      ) : (
        <ol className="govuk-list" data-testid="search-results">
          {results.map((r) => (
            <li className="app-result" key={r.id}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/people/${r.id}`}>
                  {r.name}
                </Link>
              </h3>
              {r.otherNames.length > 0 && <p className="app-result__meta">Also known as {r.otherNames.join(", ")}</p>}
              <dl className="govuk-summary-list govuk-summary-list--no-border govuk-!-margin-bottom-1">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Born</dt>
                  <dd className="govuk-summary-list__value">
                    {r.dobDisplay ? formatDate(r.dobDisplay) : "Not known"}
                    {r.age !== null && ` (age ${r.age})`}, {SEX_LABELS[r.sex]}
                  </dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Postcode area</dt>
                  <dd className="govuk-summary-list__value">{r.postcodeDistrict ?? "Not known"}</dd>
                </div>
                {r.familyMembers.length > 0 && (
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Family</dt>
                    <dd className="govuk-summary-list__value">{r.familyMembers.map((m) => `${m.name} (${m.relationship.toLowerCase()})`).join(", ")}</dd>
                  </div>
                )}
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Matched on</dt>
                  <dd className="govuk-summary-list__value">{r.matchedOn.join(", ") || "—"}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
