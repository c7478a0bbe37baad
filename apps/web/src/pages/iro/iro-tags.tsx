import type { CaseloadChild } from "@family-story/schemas";
import { DueTag } from "../work/due-tag.tsx";

/** Where mid-point monitoring stands, as a GOV.UK tag: done, due (by how pressing), or nothing yet. */
export function MidpointTag({ status, text }: { status: CaseloadChild["midpointStatus"]; text: string }) {
  switch (status) {
    case "done":
      return <strong className="govuk-tag govuk-tag--green">{text}</strong>;
    case "none":
      return <span className="govuk-hint govuk-!-margin-0">{text}</span>;
    case "overdue":
    case "due_today":
    case "due_soon":
    case "not_due":
      return <DueTag item={{ dueStatus: status, dueText: text }} />;
  }
}

/** A dispute's status as a tag. */
export function DisputeStatusTag({ status }: { status: "open" | "resolved" | "unresolved" }) {
  switch (status) {
    case "open":
      return <strong className="govuk-tag govuk-tag--blue">Open</strong>;
    case "resolved":
      return <strong className="govuk-tag govuk-tag--green">Resolved</strong>;
    case "unresolved":
      return <strong className="govuk-tag govuk-tag--grey">Closed unresolved</strong>;
  }
}
