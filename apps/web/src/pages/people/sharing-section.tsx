import type { Person, Sharing } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { errorText, get, post } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { ScrollTable } from "../../components/scroll-table.tsx";

const BASIS_LABELS = { consent: "Consent", safeguarding: "Safeguarding", statutory: "Statutory duty", safeguarding_override: "Safeguarding override of consent" } as const;

function loadSharing(personId: string): Promise<Sharing[]> {
  return get<Sharing[]>(`/api/v1/people/${personId}/sharing`);
}

/** Which partner organisations this record is shared with, and withdrawing a share. */
export function SharingSection({ person }: { person: Person }) {
  const user = useUser();
  const [load, reload] = useLoad(() => loadSharing(person.id), [person.id]);
  const [problem, setProblem] = useState<string | null>(null);

  async function withdraw(id: string) {
    setProblem(null);
    try {
      await post(`/api/v1/sharing/${id}/withdraw`, {});
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <section aria-labelledby="sharing-heading">
      <h2 className="govuk-heading-m" id="sharing-heading">
        Shared with partner organisations
      </h2>
      {problem && <p className="govuk-error-message">{problem}</p>}
      {can(user, "sharing:write") && (
        <Link to={`/people/${person.id}/sharing/new`} className="govuk-button govuk-button--secondary">
          Share with a partner organisation
        </Link>
      )}
      <Loaded load={load}>
        {(shares) =>
          shares.length === 0 ? (
            <p className="govuk-body">This record is not shared with any partner organisation.</p>
          ) : (
            <ScrollTable label="Sharing table"><table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Organisations this record is shared with</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Organisation</th>
                  <th scope="col" className="govuk-table__header">Purpose</th>
                  <th scope="col" className="govuk-table__header">Basis</th>
                  <th scope="col" className="govuk-table__header">Dates</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {shares.map((s) => (
                  <tr className="govuk-table__row" key={s.id}>
                    <td className="govuk-table__cell">{s.organisationName}</td>
                    <td className="govuk-table__cell">{s.purpose}</td>
                    <td className="govuk-table__cell">{BASIS_LABELS[s.basis]}</td>
                    <td className="govuk-table__cell">
                      {formatDate(s.fromDate)} to {s.toDate ? formatDate(s.toDate) : "no end date"}
                    </td>
                    <td className="govuk-table__cell">
                      {s.active ? "Active" : "Withdrawn or ended"}
                      {s.active && can(user, "sharing:write") && (
                        <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0 govuk-!-margin-left-2" onClick={() => void withdraw(s.id)}>
                          Withdraw<span className="govuk-visually-hidden"> sharing with {s.organisationName}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table></ScrollTable>
          )
        }
      </Loaded>
    </section>
  );
}
