import type { AuditEvent } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDateTime } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** "person.read" → "Person read". */
function actionLabel(action: string): string {
  const words = action.replace(/[._:]/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Audit events, newest first, each with who, what, outcome and why. */
export function AuditEventsTable({ events, caption, showPerson = true }: { events: AuditEvent[]; caption: string; showPerson?: boolean }) {
  if (events.length === 0) return <p className="govuk-body">No events match.</p>;
  return (
    <ScrollTable label="Audit events"><table className="govuk-table" data-testid="audit-events">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">When</th>
          <th scope="col" className="govuk-table__header">Who</th>
          <th scope="col" className="govuk-table__header">What</th>
          <th scope="col" className="govuk-table__header">Outcome</th>
          {showPerson && <th scope="col" className="govuk-table__header">Person</th>}
          <th scope="col" className="govuk-table__header">Reason</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {events.map((e) => (
          <tr className="govuk-table__row" key={`${e.laCode}-${e.seq}`}>
            <td className="govuk-table__cell">{formatDateTime(e.occurredAt)}</td>
            <td className="govuk-table__cell">
              {e.actor.name ?? e.actor.username ?? "The system"}
              {e.actor.organisationName && <div className="govuk-hint govuk-!-margin-0 govuk-!-font-size-16">{e.actor.organisationName}</div>}
            </td>
            <td className="govuk-table__cell">{actionLabel(e.action)}</td>
            <td className="govuk-table__cell">{e.outcome === "allowed" ? <strong className="govuk-tag govuk-tag--green">Allowed</strong> : <strong className="govuk-tag govuk-tag--red">Refused</strong>}</td>
            {showPerson && (
              <td className="govuk-table__cell">
                {e.personId ? (
                  <Link className="govuk-link" to={`/audit/people/${e.personId}`}>
                    Access history<span className="govuk-visually-hidden"> for person {e.personId}</span>
                  </Link>
                ) : (
                  "—"
                )}
              </td>
            )}
            <td className="govuk-table__cell">{e.reason ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table></ScrollTable>
  );
}
