import type { Person } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";

/** Every recorded relationship, including ones the diagram does not draw (carers, professionals). */
export function RelationshipList({ person }: { person: Person }) {
  return (
    <section aria-labelledby="relationships-heading">
      <h2 className="govuk-heading-m" id="relationships-heading">
        Relationships
      </h2>
      {person.relationships.length === 0 ? (
        <p className="govuk-body">No relationships recorded.</p>
      ) : (
        <table className="govuk-table" data-testid="relationships">
          <caption className="govuk-table__caption govuk-visually-hidden">People related to {person.givenName}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Name</th>
              <th scope="col" className="govuk-table__header">Is their</th>
              <th scope="col" className="govuk-table__header">Age</th>
              <th scope="col" className="govuk-table__header">Same household</th>
              <th scope="col" className="govuk-table__header">Since</th>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
