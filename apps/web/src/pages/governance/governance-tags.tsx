import { GOV_ACTION_STATUS_LABELS, GOV_COMMITTEE_ACTION_STATUS_LABELS, type GovActionStatus, type GovCommitteeActionStatus } from "@family-story/schemas";

const ACTION_COLOURS: Record<GovActionStatus, string> = { not_started: "govuk-tag--grey", in_progress: "govuk-tag--blue", complete: "govuk-tag--green" };

/** An action's status as a tag: the words carry it, the colour only helps. */
export function GovStatusTag({ status }: { status: GovActionStatus }) {
  return <strong className={`govuk-tag ${ACTION_COLOURS[status]}`}>{GOV_ACTION_STATUS_LABELS[status]}</strong>;
}

/** A committee action's status as a tag. */
export function CommitteeStatusTag({ status }: { status: GovCommitteeActionStatus }) {
  return <strong className={`govuk-tag ${status === "completed" ? "govuk-tag--green" : "govuk-tag--blue"}`}>{GOV_COMMITTEE_ACTION_STATUS_LABELS[status]}</strong>;
}
