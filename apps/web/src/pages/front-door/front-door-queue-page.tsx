import type { ContactSummary } from "@family-story/schemas";
import { Link, useLocation } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDateTime } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded, SuccessBanner } from "../../components/status.tsx";

function DueTag({ contact }: { contact: ContactSummary }) {
  if (contact.dueStatus === "overdue") return <strong className="govuk-tag govuk-tag--red">Overdue</strong>;
  if (contact.dueStatus === "due_today") return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  return null;
}

/** The front-door queue: contacts awaiting a decision, most urgent first, each with when it is due. */
export function FrontDoorQueuePage() {
  usePageTitle("Front door");
  const user = useUser();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<ContactSummary[]>("/api/v1/contacts"), []);
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Front door: contacts awaiting a decision</h1>
      {can(user, "contact:create") && (
        <Link to="/front-door/contacts/new" className="govuk-button" data-module="govuk-button">
          Record a contact
        </Link>
      )}
      <Loaded load={load}>
        {(contacts) =>
          contacts.length === 0 ? (
            <p className="govuk-body">No contacts are waiting for a decision.</p>
          ) : (
            <ScrollTable label="Contacts awaiting a decision">
              <table className="govuk-table" data-testid="front-door-queue">
                <caption className="govuk-table__caption govuk-table__caption--m">{contacts.length === 1 ? "1 contact" : `${String(contacts.length)} contacts`}, most urgent first</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Children</th>
                    <th scope="col" className="govuk-table__header">From</th>
                    <th scope="col" className="govuk-table__header">Received</th>
                    <th scope="col" className="govuk-table__header">Decision due</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {contacts.map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/front-door/contacts/${c.id}`}>
                          {c.childNames.length > 0 ? c.childNames.join(", ") : "Children not named"}
                        </Link>
                        {c.repeatReferral && <strong className="govuk-tag govuk-tag--purple govuk-!-margin-left-1">Repeat referral</strong>}
                      </td>
                      <td className="govuk-table__cell">
                        {c.contactOrganisation ?? c.contactName}
                        <div className="govuk-hint govuk-!-margin-bottom-0">{c.via === "partner_request" ? "Request for support" : c.referralSourceLabel}</div>
                      </td>
                      <td className="govuk-table__cell">{formatDateTime(c.receivedAt)}</td>
                      <td className="govuk-table__cell">
                        <DueTag contact={c} /> {c.dueText}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Loaded>
    </>
  );
}
