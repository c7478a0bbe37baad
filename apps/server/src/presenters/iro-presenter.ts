import {
  DISPUTE_STAGES,
  DISPUTE_THEMES,
  describeDue,
  disputeActions,
  disputeStageLabel,
  dueStatus,
  midpointStatus,
  nextDisputeStage,
  stageOpenedOn,
  type DisputeStage,
  type DisputeStageEntry,
  type DisputeState,
  type DisputeStatus,
} from "@family-story/domain";
import type { CaseloadChild, Dispute, Midpoint, MidpointOverview, NamedRef, Qa } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { IroDisputeTable, IroMidpointTable, IroQaTable } from "../db/looked-after-types.ts";
import type { ChildSchedule } from "../data/looked-after/iro-schedule.ts";

export type IroMidpointRow = Selectable<IroMidpointTable>;
export type IroDisputeRow = Selectable<IroDisputeTable>;
export type IroQaRow = Selectable<IroQaTable>;

function ref(id: string | null, users: Map<string, string>): NamedRef | null {
  return id === null ? null : { id, name: users.get(id) ?? "Unknown" };
}

/** A mid-point check, with the date of the review it followed. */
export function presentMidpoint(row: IroMidpointRow, users: Map<string, string>, reviewDates: Map<string, string>): Midpoint {
  return {
    id: row.id,
    checkDate: row.check_date,
    onTrack: row.on_track,
    notes: row.notes,
    reviewId: row.review_id,
    reviewDate: row.review_id === null ? null : (reviewDates.get(row.review_id) ?? null),
    recordedBy: ref(row.recorded_by, users),
    createdAt: row.created_at.toISOString(),
  };
}

/** Where mid-point monitoring stands for today, as words ("Overdue by 3 working days"). */
export function midpointFacts(schedule: ChildSchedule, lastCheck: string | null, today: string): Pick<MidpointOverview, "midpointStatus" | "midpointDueText"> {
  const status = midpointStatus(schedule.lastReview?.date ?? null, schedule.midpointDue, lastCheck, today);
  let text: string;
  switch (status) {
    case "none":
      text = schedule.lookedAfter ? "Due once the first review is held" : "Not looked after now";
      break;
    case "done":
      text = "Done since the last review";
      break;
    case "overdue":
    case "due_today":
    case "due_soon":
    case "not_due":
      text = schedule.midpointDue === null ? "" : describeDue(schedule.midpointDue, today);
      break;
  }
  return { midpointStatus: status, midpointDueText: text };
}

/** A child's mid-point monitoring: the schedule and every check, newest first. */
export function presentMidpointOverview(schedule: ChildSchedule, rows: IroMidpointRow[], users: Map<string, string>, today: string): MidpointOverview {
  const reviewDates = new Map(schedule.heldReviews.map((r) => [r.id, r.date]));
  return {
    lastReview: schedule.lastReview,
    nextReviewDue: schedule.nextReviewDue,
    midpointDue: schedule.midpointDue,
    ...midpointFacts(schedule, rows[0]?.check_date ?? null, today),
    midpoints: rows.map((r) => presentMidpoint(r, users, reviewDates)),
  };
}

/** The dispute row as the rules see it. */
export function disputeState(row: IroDisputeRow): DisputeState {
  return { raisedOn: row.raised_on, stage: row.stage as DisputeStage, status: row.status as DisputeStatus, stages: row.stages as DisputeStageEntry[] };
}

/** The fields a conflict message and the record history compare. */
export function disputeSnapshot(row: IroDisputeRow): Record<string, unknown> {
  return { theme: row.theme, summary: row.summary, stage: row.stage, status: row.status, resolvedOn: row.resolved_on, stages: row.stages };
}

function themeLabel(theme: string): string {
  return DISPUTE_THEMES.find((t) => t.code === theme)?.label ?? theme;
}

/** A dispute with its stage history (each stage's opening, outcome and notes) and what may be recorded now. */
export function presentDispute(row: IroDisputeRow, users: Map<string, string>): Dispute {
  const state = disputeState(row);
  const next = state.status === "open" ? nextDisputeStage(state.stage) : null;
  return {
    id: row.id,
    personId: row.person_id,
    raisedOn: row.raised_on,
    theme: row.theme,
    themeLabel: themeLabel(row.theme),
    summary: row.summary,
    stage: row.stage,
    stageLabel: disputeStageLabel(state.stage),
    status: state.status,
    endedOn: row.resolved_on,
    raisedBy: ref(row.raised_by, users),
    stages: state.stages.map((s, i) => ({
      stage: s.stage,
      label: disputeStageLabel(s.stage),
      openedOn: stageOpenedOn(state, i),
      outcome: s.outcome,
      outcomeOn: s.outcome === "open" ? null : s.date,
      notes: s.notes,
      recordedBy: ref(s.by, users),
    })),
    actions: disputeActions(state),
    nextStage: next === null ? null : { stage: next, label: DISPUTE_STAGES.find((s) => s.code === next)?.label ?? next },
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** An open dispute as the caseload lists it. */
export function presentCaseloadDispute(row: Pick<IroDisputeRow, "id" | "person_id" | "theme" | "stage" | "raised_on">, name: string) {
  return { id: row.id, person: { id: row.person_id, name }, theme: row.theme, themeLabel: themeLabel(row.theme), stage: row.stage, stageLabel: disputeStageLabel(row.stage as DisputeStage), raisedOn: row.raised_on };
}

/** The fields a conflict message and the record history compare. */
export function qaSnapshot(row: IroQaRow): Record<string, unknown> {
  return { answers: row.answers, comments: row.comments, completedOn: row.completed_on };
}

/** A review's quality-assurance form. The version lives in record_history (the table has no column for it). */
export function presentQa(row: IroQaRow, version: number, reviewDate: string | null, users: Map<string, string>): Qa {
  return {
    id: row.id,
    reviewId: row.review_id,
    personId: row.person_id,
    reviewDate,
    answers: row.answers,
    comments: row.comments,
    completedOn: row.completed_on,
    completedBy: ref(row.completed_by, users),
    version,
  };
}

/** A child on an IRO's caseload: placement, reviews, mid-point and open disputes, judged today. */
export function presentCaseloadChild(
  child: { personId: string; name: string; dob: string | null; caseId: string },
  schedule: ChildSchedule,
  lastCheck: string | null,
  openDisputes: number,
  today: string,
): CaseloadChild {
  const next = schedule.nextReviewDue;
  return {
    person: { id: child.personId, name: child.name },
    dob: child.dob,
    caseId: child.caseId,
    placement: schedule.placement,
    lastReviewDate: schedule.lastReview?.date ?? null,
    nextReviewDue: next,
    reviewDueStatus: next === null ? "none" : dueStatus(next, today),
    reviewDueText: next === null ? "" : describeDue(next, today),
    midpointDue: schedule.midpointDue,
    ...midpointFacts(schedule, lastCheck, today),
    openDisputes,
  };
}
