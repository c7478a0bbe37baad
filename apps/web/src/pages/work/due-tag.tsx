import type { WorkItem } from "@family-story/schemas";

const TAG: Record<WorkItem["dueStatus"], string> = {
  overdue: "govuk-tag--red",
  due_today: "govuk-tag--orange",
  due_soon: "govuk-tag--yellow",
  not_due: "govuk-tag--grey",
  none: "govuk-tag--grey",
};

/** How pressing a work item is, as a GOV.UK tag with the words ("Overdue by 3 working days"). */
export function DueTag({ item }: { item: Pick<WorkItem, "dueStatus" | "dueText"> }) {
  if (item.dueStatus === "none") return null;
  return <strong className={`govuk-tag ${TAG[item.dueStatus]}`}>{item.dueText}</strong>;
}

/** A case kind in words. */
export function caseKindLabel(kind: string): string {
  return kind === "early_help" ? "Early help" : kind === "social_care" ? "Social care" : kind === "looked_after" ? "Looked after" : kind;
}
