import type { WorkItem } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { completeTask } from "../../api/casework.ts";
import { errorText } from "../../api/api-client.ts";
import { formatDate } from "../../components/format.ts";
import { DueTag } from "./due-tag.tsx";

/** Where an item is worked: the page of the record it waits on, else its case. */
export function workItemHref(item: WorkItem): string | null {
  switch (item.source.entity) {
    case "contact":
      return `/front-door/contacts/${item.source.id}`;
    case "eh_action":
      return item.caseId ? `/cases/${item.caseId}/early-help/actions/${item.source.id}` : null;
    case "eh_assessment":
      return item.caseId ? `/cases/${item.caseId}/early-help/assessment` : null;
    default:
      return lookedAfterHref(item) ?? (item.caseId ? `/cases/${item.caseId}` : null);
  }
}

/** Looked-after due dates open the page where they are dealt with. */
function lookedAfterHref(item: WorkItem): string | null {
  if (!item.person) return null;
  const base = `/people/${item.person.id}/looked-after`;
  if (item.kind === "lac_review_due" || item.kind === "lac_review_action") return `${base}/reviews`;
  if (["lac_health_due", "lac_dental_due", "lac_sdq_due", "lac_pep_due"].includes(item.kind)) return `${base}/health`;
  if (item.kind === "lac_oc3_due" || item.kind === "lac_pathway_review_due") return `${base}/leaving-care`;
  if (item.kind === "rhi_due") return base;
  return null;
}

/** Work items, overdue first as the server orders them; tasks can be marked done here. */
export function WorkItemsTable({ items, caption, onChanged, showPerson = true }: { items: WorkItem[]; caption: string; onChanged: () => void; showPerson?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (items.length === 0) return <p className="govuk-body">Nothing due.</p>;
  async function done(item: WorkItem) {
    setBusy(item.id);
    setError(null);
    try {
      await completeTask(item);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      {error && <p className="govuk-error-message">{error}</p>}
      <table className="govuk-table app-work-items">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">What</th>
            {showPerson && <th scope="col" className="govuk-table__header">Child</th>}
            <th scope="col" className="govuk-table__header">Due</th>
            <th scope="col" className="govuk-table__header">Assigned to</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((item) => (
            <tr className="govuk-table__row" key={item.id} data-testid="work-item">
              <td className="govuk-table__cell">
                {workItemHref(item) ? <Link className="govuk-link" to={workItemHref(item) ?? ""}>{item.title}</Link> : item.title}
              </td>
              {showPerson && <td className="govuk-table__cell">{item.person?.name ?? ""}</td>}
              <td className="govuk-table__cell">
                {formatDate(item.dueDate)} <DueTag item={item} />
              </td>
              <td className="govuk-table__cell">{item.assignedTo?.name ?? "Team (unassigned)"}</td>
              <td className="govuk-table__cell">
                {(item.kind === "task" || item.kind === "lac_review_action") && item.status === "open" && (
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" disabled={busy === item.id} onClick={() => void done(item)}>
                    Mark done<span className="govuk-visually-hidden">: {item.title}</span>
                  </button>
                )}
                {item.status !== "open" && <strong className="govuk-tag govuk-tag--green">{item.status === "done" ? "Done" : "Cancelled"}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
