import type { Dispute } from "@family-story/schemas";
import { formatDate } from "../../components/format.ts";
import { SummaryRow } from "../../components/summary-row.tsx";
import { DisputeStatusTag } from "../iro/iro-tags.tsx";

const OUTCOME_TEXT: Record<Dispute["stages"][number]["outcome"], string> = {
  open: "In progress",
  resolved: "Resolved",
  escalated: "Escalated",
  unresolved: "Closed unresolved",
};

/** A dispute's facts: the concern, where it stands and who raised it. */
export function DisputeSummary({ dispute }: { dispute: Dispute }) {
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Concern"><span className="app-note-body">{dispute.summary}</span></SummaryRow>
      <SummaryRow label="Status">
        <DisputeStatusTag status={dispute.status} />
        {dispute.status === "open" ? ` at ${dispute.stageLabel}` : dispute.endedOn ? ` on ${formatDate(dispute.endedOn)}` : ""}
      </SummaryRow>
      <SummaryRow label="Raised by">{dispute.raisedBy?.name ?? "Not recorded"}</SummaryRow>
    </dl>
  );
}

/** Each stage of the dispute: when it opened, its outcome and date, the notes and who recorded them. */
export function DisputeHistory({ dispute }: { dispute: Dispute }) {
  return (
    <table className="govuk-table" data-testid="dispute-stages">
      <caption className="govuk-table__caption govuk-table__caption--s">Stages</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Stage</th>
          <th scope="col" className="govuk-table__header">Opened</th>
          <th scope="col" className="govuk-table__header">Outcome</th>
          <th scope="col" className="govuk-table__header">Notes</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {dispute.stages.map((s) => (
          <tr className="govuk-table__row" key={s.stage}>
            <th scope="row" className="govuk-table__header">{s.label}</th>
            <td className="govuk-table__cell">{formatDate(s.openedOn)}</td>
            <td className="govuk-table__cell">
              {OUTCOME_TEXT[s.outcome]}
              {s.outcomeOn && ` on ${formatDate(s.outcomeOn)}`}
            </td>
            <td className="govuk-table__cell">
              <span className="app-note-body">{s.notes}</span>
              {s.recordedBy && s.outcome !== "open" && <span className="govuk-hint govuk-!-margin-0">Recorded by {s.recordedBy.name}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
