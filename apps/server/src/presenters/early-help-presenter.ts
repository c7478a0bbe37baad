import { EARLY_HELP_CLOSURE_REASONS, SUPPORTING_FAMILIES_OUTCOMES, codeLabel, isSupportingFamiliesOutcome } from "@family-story/domain";
import type { EhAssessment, EhGoal, TafAction, TafMember } from "@family-story/schemas";
import type { EhActionRow, EhActionUpdateRow, EhAssessmentRow, EhClosureRow, EhGoalRow, EhReviewRow, EhTafMemberRow } from "../db/early-help-types.ts";

type Users = Map<string, string>;
type Status = TafAction["status"];

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const user = (id: string | null, users: Users): string | null => (id === null ? null : (users.get(id) ?? "Unknown"));

function actionStatus(s: string): Status {
  return s === "in_progress" || s === "done" || s === "not_done" ? s : "not_started";
}

/** The outcome's label (a goal recorded under a retired code shows the code). */
export function outcomeLabel(code: string): string {
  return isSupportingFamiliesOutcome(code) ? codeLabel(SUPPORTING_FAMILIES_OUTCOMES, code) : code;
}

/** The whole-family assessment. */
export function presentAssessment(row: EhAssessmentRow, users: Users): EhAssessment {
  const status = row.status === "awaiting_authorisation" || row.status === "authorised" ? row.status : "draft";
  return {
    id: row.id,
    status,
    content: row.content as EhAssessment["content"],
    needsCount: row.content.members.reduce((n, m) => n + m.needs.length, 0),
    submittedBy: user(row.submitted_by, users),
    submittedAt: iso(row.submitted_at),
    authorisedBy: user(row.authorised_by, users),
    authorisedAt: iso(row.authorised_at),
    decisionNote: row.decision_note,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** A Team Around the Family member; partners are users outside the authority's own staff. */
export function presentTafMember(row: EhTafMemberRow, partnerUserIds: Set<string>): TafMember {
  return {
    id: row.id,
    user: row.user_id === null ? null : { id: row.user_id, name: row.name },
    name: row.name,
    organisationName: row.organisation_name,
    role: row.role,
    contact: row.contact,
    isLead: row.is_lead,
    isPartner: row.user_id !== null && partnerUserIds.has(row.user_id),
  };
}

/** An action with its owner and updates, newest update first. */
export function presentAction(row: EhActionRow, owner: EhTafMemberRow | undefined, updates: EhActionUpdateRow[], users: Users, canUpdate: boolean): TafAction {
  return {
    id: row.id,
    caseId: row.case_id,
    goalId: row.goal_id,
    owner: { memberId: row.owner_member_id, name: owner?.name ?? "Former member", organisationName: owner?.organisation_name ?? null },
    description: row.description,
    targetDate: row.target_date,
    status: actionStatus(row.status),
    updates: updates.map((u) => ({ status: actionStatus(u.status), progress: u.progress, recordedBy: users.get(u.recorded_by) ?? "Unknown", recordedAt: u.recorded_at.toISOString() })),
    canUpdate,
    version: row.version,
  };
}

/** A goal with its actions. */
export function presentGoal(row: EhGoalRow, people: Map<string, { name: string }>, actions: TafAction[]): EhGoal {
  const status = row.status === "met" || row.status === "not_met" ? row.status : "open";
  return {
    id: row.id,
    outcome: row.outcome as EhGoal["outcome"],
    outcomeLabel: outcomeLabel(row.outcome),
    person: row.person_id === null ? null : { id: row.person_id, name: people.get(row.person_id)?.name ?? "Unknown" },
    description: row.description,
    targetDate: row.target_date,
    status,
    actions,
  };
}

/** A plan review. */
export function presentReview(row: EhReviewRow, users: Users) {
  return { id: row.id, reviewDate: row.review_date, progress: row.progress, familyViews: row.family_views, nextReviewDue: row.next_review_due, recordedBy: user(row.recorded_by, users) };
}

/** A closure request and its decision, with the share of goals met. */
export function presentClosure(row: EhClosureRow, users: Users) {
  const outcomes = row.goal_outcomes;
  const met = outcomes.filter((o) => o.status === "met").length;
  const status: "authorised" | "returned" | "awaiting_authorisation" = row.status === "authorised" || row.status === "returned" ? row.status : "awaiting_authorisation";
  return {
    id: row.id,
    reason: row.reason,
    reasonLabel: EARLY_HELP_CLOSURE_REASONS.find((r) => r.code === row.reason)?.label ?? row.reason,
    closedOn: row.closed_on,
    summary: row.summary,
    goalOutcomes: outcomes,
    status,
    requestedBy: user(row.requested_by, users),
    requestedAt: row.requested_at.toISOString(),
    decidedBy: user(row.decided_by, users),
    decidedAt: iso(row.decided_at),
    decisionNote: row.decision_note,
    outcomesMetPercent: outcomes.length === 0 ? null : Math.round((met / outcomes.length) * 100),
  };
}
