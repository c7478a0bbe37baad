import type { Person, Relationship } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { errorText, request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** Remove a relationship, after a second click to confirm; If-Match guards a stale page. */
function RemoveRelationship({ relationship, onRemoved }: { relationship: Relationship; onRemoved: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const who = relationship.person.canOpen ? relationship.person.name : "this person";
  async function remove() {
    try {
      await request("DELETE", `/api/v1/relationships/${relationship.id}`, { ifMatch: etagFor(relationship.version) });
      onRemoved();
    } catch (error) {
      setProblem(errorText(error));
    }
  }
  if (problem) return <p className="govuk-error-message">{problem}</p>;
  return confirming ? (
    <span className="app-actions">
      <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void remove()}>
        Yes, remove<span className="govuk-visually-hidden"> the relationship with {who}</span>
      </button>
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => {
        setConfirming(false);
      }}>
        Keep
      </button>
    </span>
  ) : (
    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => {
      setConfirming(true);
    }}>
      Remove<span className="govuk-visually-hidden"> the relationship with {who}</span>
    </button>
  );
}

/** Every recorded relationship, including ones the diagram does not draw (carers, professionals). */
export function RelationshipList({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const user = useUser();
  const editable = can(user, "relationship:write");
  return (
    <section aria-labelledby="relationships-heading">
      <h2 className="govuk-heading-m" id="relationships-heading">
        Relationships
      </h2>
      {person.relationships.length === 0 ? (
        <p className="govuk-body">No relationships recorded.</p>
      ) : (
        <ScrollTable label="Relationships table"><table className="govuk-table" data-testid="relationships">
          <caption className="govuk-table__caption govuk-visually-hidden">People related to {person.givenName}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Is their</th>
              <th scope="col" className="govuk-table__header">Age</th>
              <th scope="col" className="govuk-table__header">Same household</th>
              <th scope="col" className="govuk-table__header">Since</th>
              {editable && (
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {person.relationships.map((r) => (
              <tr className="govuk-table__row" key={r.id}>
                <td className="govuk-table__cell">
                  {r.person.canOpen ? (
                    <Link className="govuk-link" to={`/people/${r.person.id}`}>
                      {r.person.name}
                    </Link>
                  ) : (
                    "Not shown: you cannot open this record"
                  )}
                  {r.person.deceased && " (died)"}
                </td>
                <td className="govuk-table__cell">{r.label}</td>
                <td className="govuk-table__cell">{r.person.age ?? "Not known"}</td>
                <td className="govuk-table__cell">{r.person.sameHousehold ? "Yes" : "No"}</td>
                <td className="govuk-table__cell">{r.fromDate ? formatDate(r.fromDate) : "—"}</td>
                {editable && (
                  <td className="govuk-table__cell">
                    <span className="app-actions">
                      <Link className="govuk-link" to={`/people/${person.id}/relationships/${r.id}/change`}>
                        Change<span className="govuk-visually-hidden"> the relationship with {r.person.canOpen ? r.person.name : "this person"}</span>
                      </Link>
                      <RemoveRelationship relationship={r} onRemoved={onChanged} />
                    </span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table></ScrollTable>
      )}
    </section>
  );
}
