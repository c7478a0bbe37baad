/**
 * Social care (children in need and child protection) transition rules: what may follow what,
 * and the order dates must keep. Pure functions over a summary of a child's social care record,
 * so the server refuses an illegal step and the web offers only the legal ones from one source.
 * Each check answers null when the step is allowed, else a `Refusal` saying why.
 */
import type { AssessmentFactor, CpCategory, S47Outcome } from "./casework-codes.ts";

/** Why a step is refused: 409 when the record's state forbids it, 422 when a date or value is wrong. */
export interface Refusal {
  status: 409 | 422;
  title: string;
  detail: string;
  /** The input field at fault, for the form's error summary. */
  field?: string;
}

/** A child's social care record, as the rules see it. Dates are ISO dates. */
export interface SocialCareState {
  caseOpen: boolean;
  referralDate: string;
  assessments: readonly { id: string; startDate: string; completedDate: string | null; authorisationRequestedOn: string | null; authorisedDate: string | null }[];
  strategyDiscussions: readonly { id: string; date: string; decision: "s47" | "no_s47" }[];
  s47s: readonly { id: string; strategyDiscussionId: string; startDate: string; outcome: S47Outcome | null; outcomeDate: string | null }[];
  conferences: readonly { id: string; kind: "initial" | "review"; date: string; s47Id: string | null; cpPlanId: string | null }[];
  cpPlans: readonly { id: string; startDate: string; endDate: string | null }[];
  cinPlans: readonly { id: string; startDate: string; endDate: string | null; reviewDates: readonly string[] }[];
}

/** The steps a worker may take next; the web shows these as actions. */
export type SocialCareAction =
  | "start_assessment"
  | "complete_assessment"
  | "request_authorisation"
  | "authorise_assessment"
  | "strategy_discussion"
  | "start_s47"
  | "s47_outcome"
  | "initial_conference"
  | "review_conference"
  | "end_cp_plan"
  | "start_cin_plan"
  | "review_cin_plan"
  | "end_cin_plan"
  | "close_case";

const conflict = (title: string, detail: string): Refusal => ({ status: 409, title, detail });
const invalid = (field: string, title: string, detail: string): Refusal => ({ status: 422, title, detail, field });

/** Refuses `date` when it falls before `earliest` (what it follows) or after today. */
export function dateOrder(field: string, date: string, earliest: string, earliestLabel: string, today?: string): Refusal | null {
  if (date < earliest) return invalid(field, "Date is too early", `The date (${date}) cannot be before ${earliestLabel} (${earliest}).`);
  if (today !== undefined && date > today) return invalid(field, "Date is in the future", `The date (${date}) cannot be in the future: record what has happened.`);
  return null;
}

function openCase(state: SocialCareState): Refusal | null {
  return state.caseOpen ? null : conflict("This case is closed", "Nothing more can be recorded on a closed case.");
}

/** The open child protection plan, if any. */
export function openCpPlan(state: SocialCareState): SocialCareState["cpPlans"][number] | undefined {
  return state.cpPlans.find((p) => p.endDate === null);
}

/** The open child in need plan, if any. */
export function openCinPlan(state: SocialCareState): SocialCareState["cinPlans"][number] | undefined {
  return state.cinPlans.find((p) => p.endDate === null);
}

/** An assessment can start when none is in progress, on or after the referral. */
export function checkStartAssessment(state: SocialCareState, startDate: string, today?: string): Refusal | null {
  if (state.assessments.some((a) => a.completedDate === null)) return conflict("An assessment is already in progress", "Complete the child and family assessment in progress before starting another.");
  return openCase(state) ?? dateOrder("startDate", startDate, state.referralDate, "the referral date", today);
}

/** An assessment is completed once, on or after its start, with factors that are consistent. */
export function checkCompleteAssessment(state: SocialCareState, assessmentId: string, completedDate: string, factors: readonly AssessmentFactor[], today?: string): Refusal | null {
  const a = state.assessments.find((x) => x.id === assessmentId);
  if (!a) return conflict("No such assessment", "Start the assessment before completing it.");
  if (a.completedDate !== null) return conflict("The assessment is already complete", `It was completed on ${a.completedDate}. Correct it instead.`);
  if (factors.length === 0) return invalid("factors", "Select the factors identified", "Select at least one factor, or ‘No factors identified’.");
  if (factors.includes("21") && factors.length > 1) return invalid("factors", "‘No factors identified’ stands alone", "Choose ‘No factors identified’ or the factors identified, not both.");
  return openCase(state) ?? dateOrder("completedDate", completedDate, a.startDate, "the assessment’s start", today);
}

/** Authorisation is requested for a completed assessment not yet authorised. */
export function checkRequestAuthorisation(state: SocialCareState, assessmentId: string): Refusal | null {
  const a = state.assessments.find((x) => x.id === assessmentId);
  if (!a) return conflict("No such assessment", "Start the assessment first.");
  if (a.completedDate === null) return conflict("The assessment is not complete", "Complete the assessment (factors and primary need) before asking a manager to authorise it.");
  if (a.authorisedDate !== null) return conflict("The assessment is already authorised", `A manager authorised it on ${a.authorisedDate}.`);
  if (a.authorisationRequestedOn !== null) return conflict("Authorisation already requested", `Authorisation was requested on ${a.authorisationRequestedOn}.`);
  return openCase(state);
}

/** A manager authorises a completed assessment whose authorisation was requested, on or after completion. */
export function checkAuthoriseAssessment(state: SocialCareState, assessmentId: string, authorisedDate: string, today?: string): Refusal | null {
  const a = state.assessments.find((x) => x.id === assessmentId);
  if (!a) return conflict("No such assessment", "Start the assessment first.");
  if (a.authorisedDate !== null) return conflict("The assessment is already authorised", `A manager authorised it on ${a.authorisedDate}.`);
  if (a.completedDate === null || a.authorisationRequestedOn === null) return conflict("Authorisation has not been requested", "The worker completes the assessment and requests authorisation before a manager authorises it.");
  return openCase(state) ?? dateOrder("authorisedDate", authorisedDate, a.completedDate, "the assessment’s completion", today);
}

/** A strategy discussion can be held on an open case, on or after the referral. */
export function checkStrategyDiscussion(state: SocialCareState, date: string, today?: string): Refusal | null {
  return openCase(state) ?? dateOrder("discussionDate", date, state.referralDate, "the referral date", today);
}

/** A section 47 enquiry follows a strategy discussion that decided on one; one enquiry per discussion. */
export function checkStartS47(state: SocialCareState, strategyDiscussionId: string, startDate: string, today?: string): Refusal | null {
  const sd = state.strategyDiscussions.find((x) => x.id === strategyDiscussionId);
  if (!sd) return conflict("No such strategy discussion", "A section 47 enquiry starts from a strategy discussion: record that first.");
  if (sd.decision !== "s47") return conflict("The strategy discussion did not decide on a section 47 enquiry", "Record a strategy discussion that decides on a section 47 enquiry before starting one.");
  if (state.s47s.some((s) => s.strategyDiscussionId === sd.id)) return conflict("A section 47 enquiry has already started", "This strategy discussion already has its section 47 enquiry.");
  return openCase(state) ?? dateOrder("startDate", startDate, sd.date, "the strategy discussion", today);
}

/** An enquiry's outcome is recorded once, on or after it started. */
export function checkS47Outcome(state: SocialCareState, s47Id: string, outcomeDate: string, today?: string): Refusal | null {
  const s = state.s47s.find((x) => x.id === s47Id);
  if (!s) return conflict("No such section 47 enquiry", "Start the enquiry first.");
  if (s.outcome !== null) return conflict("The enquiry’s outcome is already recorded", `The outcome was recorded on ${s.outcomeDate ?? s.startDate}.`);
  return openCase(state) ?? dateOrder("outcomeDate", outcomeDate, s.startDate, "the enquiry’s start", today);
}

/** An initial conference follows an enquiry whose outcome was a conference, once, with no plan already open. */
export function checkInitialConference(state: SocialCareState, s47Id: string, date: string, today?: string): Refusal | null {
  const s = state.s47s.find((x) => x.id === s47Id);
  if (!s) return conflict("No section 47 enquiry", "An initial child protection conference follows a section 47 enquiry: start the enquiry first.");
  if (s.outcome === null) return conflict("The enquiry has no outcome yet", "Record the section 47 enquiry’s outcome (initial conference) before recording the conference.");
  if (s.outcome !== "icpc") return conflict("The enquiry did not lead to a conference", "The section 47 enquiry’s outcome was not an initial child protection conference.");
  if (state.conferences.some((c) => c.kind === "initial" && c.s47Id === s.id)) return conflict("The initial conference is already recorded", "This enquiry already has its initial child protection conference.");
  if (openCpPlan(state)) return conflict("The child is already on a child protection plan", "Hold a review conference for the current plan instead.");
  return openCase(state) ?? dateOrder("conferenceDate", date, s.startDate, "the section 47 enquiry’s start", today);
}

/** A review conference needs an open plan, after the plan's last conference. */
export function checkReviewConference(state: SocialCareState, date: string, today?: string): Refusal | null {
  const plan = openCpPlan(state);
  if (!plan) return conflict("The child is not on a child protection plan", "A review conference reviews an open child protection plan.");
  const last = lastConferenceDate(state, plan.id) ?? plan.startDate;
  if (date <= last) return invalid("conferenceDate", "Date is too early", `A review conference must be after the plan’s last conference (${last}).`);
  return openCase(state) ?? dateOrder("conferenceDate", date, last, "the last conference", today);
}

/** The date of the latest conference about a plan (its initial conference included). */
export function lastConferenceDate(state: SocialCareState, cpPlanId: string): string | undefined {
  return state.conferences.filter((c) => c.cpPlanId === cpPlanId).map((c) => c.date).sort().at(-1);
}

/** A plan ends once, not before it started. */
export function checkEndPlan(plan: { startDate: string; endDate: string | null } | undefined, endDate: string, today?: string): Refusal | null {
  if (!plan) return conflict("No such plan", "There is no plan to end.");
  if (plan.endDate !== null) return conflict("The plan has already ended", `It ended on ${plan.endDate}.`);
  return dateOrder("endDate", endDate, plan.startDate, "the plan’s start", today);
}

/** A child in need plan starts when neither a CIN nor a CP plan is open. */
export function checkStartCinPlan(state: SocialCareState, startDate: string, today?: string): Refusal | null {
  if (openCinPlan(state)) return conflict("A child in need plan is already open", "Review or end the current child in need plan.");
  if (openCpPlan(state)) return conflict("The child is on a child protection plan", "A child in need plan follows the end of the child protection plan.");
  return openCase(state) ?? dateOrder("startDate", startDate, state.referralDate, "the referral date", today);
}

/** A child in need plan is reviewed while open, after its start and last review. */
export function checkReviewCinPlan(state: SocialCareState, reviewDate: string, today?: string): Refusal | null {
  const plan = openCinPlan(state);
  if (!plan) return conflict("No child in need plan is open", "Start a child in need plan before reviewing it.");
  const last = [plan.startDate, ...plan.reviewDates].sort().at(-1) ?? plan.startDate;
  return openCase(state) ?? dateOrder("reviewDate", reviewDate, last, "the plan’s start or last review", today);
}

/** The latest date anything was recorded on, so a closure cannot precede the work it closes. */
export function latestRecordedDate(state: SocialCareState): string {
  const dates = [
    state.referralDate,
    ...state.assessments.flatMap((a) => [a.startDate, a.completedDate, a.authorisedDate]),
    ...state.strategyDiscussions.map((s) => s.date),
    ...state.s47s.flatMap((s) => [s.startDate, s.outcomeDate]),
    ...state.conferences.map((c) => c.date),
    ...state.cpPlans.flatMap((p) => [p.startDate, p.endDate]),
    ...state.cinPlans.flatMap((p) => [p.startDate, p.endDate, ...p.reviewDates]),
  ].filter((d): d is string => d !== null);
  return dates.sort().at(-1) ?? state.referralDate;
}

/** A case closes when it is open, no CP plan is open, no enquiry or assessment is unfinished, after everything recorded. */
export function checkCloseCase(state: SocialCareState, closureDate: string, today?: string): Refusal | null {
  if (!state.caseOpen) return conflict("The case is not open", "Only an open case can be closed.");
  if (openCpPlan(state)) return conflict("The child is on a child protection plan", "End the child protection plan at a review conference before closing the case.");
  if (state.s47s.some((s) => s.outcome === null)) return conflict("A section 47 enquiry is unfinished", "Record the enquiry’s outcome before closing the case.");
  if (state.assessments.some((a) => a.completedDate === null)) return conflict("An assessment is in progress", "Complete the assessment before closing the case.");
  return dateOrder("closureDate", closureDate, latestRecordedDate(state), "the last thing recorded on the case", today);
}

/** The steps open to a worker now (dates aside). */
export function availableSocialCareActions(state: SocialCareState): SocialCareAction[] {
  if (!state.caseOpen) return [];
  const actions: SocialCareAction[] = [];
  const inProgress = state.assessments.find((a) => a.completedDate === null);
  if (inProgress) actions.push("complete_assessment");
  else actions.push("start_assessment");
  if (state.assessments.some((a) => a.completedDate !== null && a.authorisationRequestedOn === null && a.authorisedDate === null)) actions.push("request_authorisation");
  if (state.assessments.some((a) => a.authorisationRequestedOn !== null && a.authorisedDate === null)) actions.push("authorise_assessment");
  actions.push("strategy_discussion");
  if (state.strategyDiscussions.some((sd) => sd.decision === "s47" && !state.s47s.some((s) => s.strategyDiscussionId === sd.id))) actions.push("start_s47");
  if (state.s47s.some((s) => s.outcome === null)) actions.push("s47_outcome");
  if (!openCpPlan(state) && state.s47s.some((s) => s.outcome === "icpc" && !state.conferences.some((c) => c.kind === "initial" && c.s47Id === s.id))) actions.push("initial_conference");
  if (openCpPlan(state)) actions.push("review_conference");
  if (openCinPlan(state)) actions.push("review_cin_plan", "end_cin_plan");
  else if (!openCpPlan(state)) actions.push("start_cin_plan");
  if (checkCloseCase(state, "9999-12-31") === null) actions.push("close_case");
  return actions;
}

/** An initial conference's decision: a plan (with its category) or none. */
export type InitialConferenceOutcome = "plan" | "no_plan";
/** A review conference's decision: the plan continues or ends. */
export type ReviewConferenceOutcome = "continue" | "end";
/** A category given at a conference. */
export type ConferenceCategory = CpCategory;
