import { availableSocialCareActions, firstReviewConferenceDue, icpcDue, nextReviewConferenceDue, type S47Outcome, type SocialCareState } from "@family-story/domain";
import type { SocialCareRecord } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type {
  CaseRow,
  CinAssessmentRow,
  CinPlanReviewRow,
  CinPlanRow,
  CinReferralRow,
  CpConferenceRow,
  CpPlanRow,
  Database,
  S47EnquiryRow,
  StrategyDiscussionRow,
} from "../../db/database-types.ts";

/** Every social care row of one case. */
export interface SocialCareRows {
  referral: CinReferralRow | undefined;
  assessments: CinAssessmentRow[];
  strategyDiscussions: StrategyDiscussionRow[];
  s47s: S47EnquiryRow[];
  conferences: CpConferenceRow[];
  cpPlans: CpPlanRow[];
  cinPlans: CinPlanRow[];
  cinReviews: CinPlanReviewRow[];
}

/** Reads a case's whole social care record (the caller has scoped the case). */
export async function loadSocialCareRows(db: Kysely<Database>, c: CaseRow): Promise<SocialCareRows> {
  const [referral, assessments, strategyDiscussions, s47s, conferences, cpPlans, cinPlans, cinReviews] = await Promise.all([
    db.selectFrom("cin_referral").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).executeTakeFirst(),
    db.selectFrom("cin_assessment").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("start_date").orderBy("created_at").execute(),
    db.selectFrom("strategy_discussion").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("discussion_date").orderBy("created_at").execute(),
    db.selectFrom("s47_enquiry").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("start_date").orderBy("created_at").execute(),
    db.selectFrom("cp_conference").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("conference_date").orderBy("created_at").execute(),
    db.selectFrom("cp_plan").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("start_date").orderBy("created_at").execute(),
    db.selectFrom("cin_plan").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("start_date").orderBy("created_at").execute(),
    db.selectFrom("cin_plan_review").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("review_date").execute(),
  ]);
  return { referral, assessments, strategyDiscussions, s47s, conferences, cpPlans, cinPlans, cinReviews };
}

/** The record as the transition rules see it. A case without a referral counts from its opening. */
export function toRuleState(c: CaseRow, rows: SocialCareRows): SocialCareState {
  return {
    caseOpen: c.status === "open",
    referralDate: rows.referral?.referral_date ?? c.opened_on,
    assessments: rows.assessments.map((a) => ({ id: a.id, startDate: a.start_date, completedDate: a.completed_date, authorisationRequestedOn: a.authorisation_requested_on, authorisedDate: a.authorised_date })),
    strategyDiscussions: rows.strategyDiscussions.map((s) => ({ id: s.id, date: s.discussion_date, decision: s.decision === "s47" ? "s47" : "no_s47" })),
    s47s: rows.s47s.map((s) => ({ id: s.id, strategyDiscussionId: s.strategy_discussion_id, startDate: s.start_date, outcome: s.outcome as S47Outcome | null, outcomeDate: s.outcome_date })),
    conferences: rows.conferences.map((k) => ({ id: k.id, kind: k.kind === "review" ? "review" : "initial", date: k.conference_date, s47Id: k.s47_id, cpPlanId: k.cp_plan_id })),
    cpPlans: rows.cpPlans.map((p) => ({ id: p.id, startDate: p.start_date, endDate: p.end_date })),
    cinPlans: rows.cinPlans.map((p) => ({ id: p.id, startDate: p.start_date, endDate: p.end_date, reviewDates: rows.cinReviews.filter((r) => r.cin_plan_id === p.id).map((r) => r.review_date) })),
  };
}

/** When the strategy discussion behind an enquiry needing a conference puts the ICPC due. */
export function icpcDueFor(rows: SocialCareRows, s: S47EnquiryRow): string | null {
  if (s.outcome !== "icpc") return null;
  const sd = rows.strategyDiscussions.find((d) => d.id === s.strategy_discussion_id);
  return sd ? icpcDue(sd.discussion_date) : null;
}

/** When an open plan's next review conference is due: 3 months after the initial, then 6 months after each review. */
export function reviewConferenceDueFor(rows: SocialCareRows, plan: CpPlanRow): string | null {
  if (plan.end_date !== null) return null;
  const conferences = rows.conferences.filter((k) => k.cp_plan_id === plan.id);
  const reviews = conferences.filter((k) => k.kind === "review").map((k) => k.conference_date).sort();
  const lastReview = reviews.at(-1);
  if (lastReview !== undefined) return nextReviewConferenceDue(lastReview);
  const initial = conferences.find((k) => k.kind === "initial")?.conference_date ?? plan.start_date;
  return firstReviewConferenceDue(initial);
}

/** The record as the API presents it. */
export function presentSocialCare(c: CaseRow, rows: SocialCareRows, userNames: Map<string, string>, earlyHelpCaseId: string | null): SocialCareRecord {
  const r = rows.referral;
  return {
    caseId: c.id,
    caseStatus: c.status === "closed" ? "closed" : "open",
    referral: r
      ? { referralDate: r.referral_date, referralSource: r.referral_source, contactId: r.contact_id, route: r.route, primaryNeed: r.primary_need, nfa: r.nfa, closureDate: r.closure_date, closureReason: r.closure_reason, version: r.version }
      : null,
    assessments: rows.assessments.map((a) => ({
      id: a.id,
      startDate: a.start_date,
      completedDate: a.completed_date,
      factors: a.factors,
      primaryNeed: a.primary_need,
      summary: a.summary,
      authorisationRequestedOn: a.authorisation_requested_on,
      authorisedDate: a.authorised_date,
      authorisedBy: a.authorised_by === null ? null : (userNames.get(a.authorised_by) ?? "Unknown"),
      version: a.version,
    })),
    strategyDiscussions: rows.strategyDiscussions.map((s) => ({ id: s.id, discussionDate: s.discussion_date, attendees: s.attendees, decision: s.decision === "s47" ? "s47" : "no_s47", notes: s.notes, version: s.version })),
    s47s: rows.s47s.map((s) => ({ id: s.id, strategyDiscussionId: s.strategy_discussion_id, startDate: s.start_date, outcome: s.outcome as S47Outcome | null, outcomeDate: s.outcome_date, icpcDue: icpcDueFor(rows, s), version: s.version })),
    conferences: rows.conferences.map((k) => ({ id: k.id, kind: k.kind === "review" ? "review" : "initial", s47Id: k.s47_id, cpPlanId: k.cp_plan_id, conferenceDate: k.conference_date, outcome: k.outcome, category: k.category, notes: k.notes, version: k.version })),
    cpPlans: rows.cpPlans.map((p) => ({ id: p.id, startDate: p.start_date, initialCategory: p.initial_category, latestCategory: p.latest_category, endDate: p.end_date, nextReviewDue: reviewConferenceDueFor(rows, p), version: p.version })),
    cinPlans: rows.cinPlans.map((p) => ({
      id: p.id,
      startDate: p.start_date,
      endDate: p.end_date,
      reviews: rows.cinReviews.filter((x) => x.cin_plan_id === p.id).map((x) => ({ id: x.id, reviewDate: x.review_date, notes: x.notes })),
      version: p.version,
    })),
    actions: r ? availableSocialCareActions(toRuleState(c, rows)) : [],
    earlyHelpCaseId,
  };
}
