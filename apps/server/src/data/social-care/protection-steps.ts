import { randomUUID } from "node:crypto";
import { checkEndPlan, checkInitialConference, checkReviewConference, checkS47Outcome, checkStartS47, checkStrategyDiscussion, openCpPlan } from "@family-story/domain";
import type { ConferenceCreate, conferencePatchSchema, s47OutcomeSchema, strategyDiscussionCreateSchema, strategyDiscussionPatchSchema } from "@family-story/schemas";
import type { z } from "zod";
import { HttpProblem } from "../../http/problem.ts";
import { refuse, requireRow, requireVersion, stepEvent, type Step, type StepResult } from "./social-care-step.ts";

function tooLate(field: string, date: string, limit: string, what: string): HttpProblem {
  return new HttpProblem(422, "Date is too late", `The date (${date}) cannot be after ${what} (${limit}).`, { errors: [{ field, message: `Must be on or before ${limit}` }] });
}

/** Records a strategy discussion and whether it decided on a section 47 enquiry. */
export async function recordStrategyDiscussion(step: Step, input: z.output<typeof strategyDiscussionCreateSchema>): Promise<StepResult> {
  refuse(checkStrategyDiscussion(step.state, input.discussionDate, step.today));
  const id = randomUUID();
  await step.trx
    .insertInto("strategy_discussion")
    .values({ la_code: step.c.la_code, id, case_id: step.c.id, person_id: step.c.subject_person_id, discussion_date: input.discussionDate, attendees: input.attendees, decision: input.decision, notes: input.notes ?? null, created_by: step.actor.userId })
    .execute();
  await stepEvent(step, "strategy_discussion", input.discussionDate, input.decision === "s47" ? "Strategy discussion: section 47 enquiry to start" : "Strategy discussion: no section 47 enquiry", "strategy_discussion", id);
  return { action: "social_care.strategy_discussion.create", entity: "strategy_discussion", entityId: id, details: { decision: input.decision } };
}

/** Corrects a strategy discussion; a new date moves the ICPC's due date (15 working days from it). */
export async function correctStrategyDiscussion(step: Step, id: string, version: number, input: z.output<typeof strategyDiscussionPatchSchema>): Promise<StepResult> {
  const sd = requireRow(step.rows.strategyDiscussions, id, "Strategy discussion");
  requireVersion(sd, version, "strategy discussion");
  const date = input.discussionDate ?? sd.discussion_date;
  refuse(checkStrategyDiscussion(step.state, date, step.today));
  const s47 = step.rows.s47s.find((s) => s.strategy_discussion_id === sd.id);
  if (s47 && date > s47.start_date) throw tooLate("discussionDate", date, s47.start_date, "the section 47 enquiry it started");
  await step.trx
    .updateTable("strategy_discussion")
    .set((eb) => ({ discussion_date: date, attendees: input.attendees ?? sd.attendees, notes: input.notes === undefined ? sd.notes : input.notes, version: eb("version", "+", 1) }))
    .where("la_code", "=", sd.la_code)
    .where("id", "=", sd.id)
    .execute();
  await stepEvent(step, "strategy_discussion", date, sd.decision === "s47" ? "Strategy discussion: section 47 enquiry to start" : "Strategy discussion: no section 47 enquiry", "strategy_discussion", sd.id);
  return { action: "social_care.strategy_discussion.correct", entity: "strategy_discussion", entityId: sd.id, details: { from: sd.discussion_date, to: date } };
}

/** Starts the section 47 enquiry a strategy discussion decided on. */
export async function startS47(step: Step, strategyDiscussionId: string, startDate: string): Promise<StepResult> {
  refuse(checkStartS47(step.state, strategyDiscussionId, startDate, step.today));
  const id = randomUUID();
  await step.trx
    .insertInto("s47_enquiry")
    .values({ la_code: step.c.la_code, id, case_id: step.c.id, person_id: step.c.subject_person_id, strategy_discussion_id: strategyDiscussionId, start_date: startDate, created_by: step.actor.userId })
    .execute();
  await stepEvent(step, "s47", startDate, "Section 47 enquiry started", "s47_enquiry", id);
  return { action: "social_care.s47.start", entity: "s47_enquiry", entityId: id };
}

/** Records the enquiry's outcome; an ICPC outcome puts the conference in the tray. */
export async function recordS47Outcome(step: Step, s47Id: string, input: z.output<typeof s47OutcomeSchema>): Promise<StepResult> {
  const s = requireRow(step.rows.s47s, s47Id, "Section 47 enquiry");
  refuse(checkS47Outcome(step.state, s.id, input.outcomeDate, step.today));
  await step.trx.updateTable("s47_enquiry").set((eb) => ({ outcome: input.outcome, outcome_date: input.outcomeDate, version: eb("version", "+", 1) })).where("la_code", "=", s.la_code).where("id", "=", s.id).execute();
  await stepEvent(step, "s47_outcome", input.outcomeDate, "Section 47 enquiry concluded", "s47_enquiry", s.id, input.outcome);
  return { action: "social_care.s47.outcome", entity: "s47_enquiry", entityId: s.id, details: { outcome: input.outcome } };
}

/** Records an initial conference (which may start a plan) or a review conference (which continues or ends it). */
export async function recordConference(step: Step, input: ConferenceCreate): Promise<StepResult> {
  const id = randomUUID();
  const base = { la_code: step.c.la_code, id, case_id: step.c.id, person_id: step.c.subject_person_id, conference_date: input.conferenceDate, outcome: input.outcome, notes: input.notes ?? null, created_by: step.actor.userId };
  if (input.kind === "initial") {
    refuse(checkInitialConference(step.state, input.s47Id, input.conferenceDate, step.today));
    let planId: string | null = null;
    if (input.outcome === "plan") {
      if (input.category === undefined) throw new HttpProblem(422, "Choose the category of abuse", "A child protection plan needs its category.", { errors: [{ field: "category", message: "Choose the category of abuse" }] });
      planId = randomUUID();
      await step.trx
        .insertInto("cp_plan")
        .values({ la_code: step.c.la_code, id: planId, case_id: step.c.id, person_id: step.c.subject_person_id, start_date: input.conferenceDate, initial_category: input.category, latest_category: input.category, created_by: step.actor.userId })
        .execute();
      await stepEvent(step, "cp_plan_start", input.conferenceDate, "Child protection plan started", "cp_plan", planId, input.category);
    }
    await step.trx.insertInto("cp_conference").values({ ...base, kind: "initial", s47_id: input.s47Id, cp_plan_id: planId, category: input.category ?? null }).execute();
    await stepEvent(step, "icpc", input.conferenceDate, input.outcome === "plan" ? "Initial child protection conference: plan" : "Initial child protection conference: no plan", "cp_conference", id);
    return { action: "social_care.conference.initial", entity: "cp_conference", entityId: id, details: { outcome: input.outcome, category: input.category ?? null, cpPlanId: planId } };
  }
  refuse(checkReviewConference(step.state, input.conferenceDate, step.today));
  const plan = openCpPlan(step.state);
  if (!plan) throw new HttpProblem(409, "The child is not on a child protection plan", "A review conference reviews an open plan.");
  await step.trx.insertInto("cp_conference").values({ ...base, kind: "review", s47_id: null, cp_plan_id: plan.id, category: input.category ?? null }).execute();
  await step.trx
    .updateTable("cp_plan")
    .set((eb) => ({ latest_category: input.category ?? eb.ref("latest_category"), end_date: input.outcome === "end" ? input.conferenceDate : null, version: eb("version", "+", 1) }))
    .where("la_code", "=", step.c.la_code)
    .where("id", "=", plan.id)
    .execute();
  await stepEvent(step, "review_conference", input.conferenceDate, input.outcome === "end" ? "Review conference: plan ended" : "Review conference: plan continues", "cp_conference", id);
  if (input.outcome === "end") await stepEvent(step, "cp_plan_end", input.conferenceDate, "Child protection plan ended", "cp_plan", plan.id);
  return { action: "social_care.conference.review", entity: "cp_conference", entityId: id, details: { outcome: input.outcome, category: input.category ?? null, cpPlanId: plan.id } };
}

/**
 * Corrects a conference's date. An initial conference's plan starts on it, and the review
 * conferences are due from it, so both move; the date must stay between its neighbours.
 */
export async function correctConference(step: Step, id: string, version: number, input: z.output<typeof conferencePatchSchema>): Promise<StepResult> {
  const k = requireRow(step.rows.conferences, id, "Conference");
  requireVersion(k, version, "conference");
  const date = input.conferenceDate ?? k.conference_date;
  if (date > step.today) refuse({ status: 422, title: "Date is in the future", detail: `The date (${date}) cannot be in the future.`, field: "conferenceDate" });
  const siblings = step.rows.conferences.filter((x) => x.id !== k.id && k.cp_plan_id !== null && x.cp_plan_id === k.cp_plan_id);
  const before = siblings.filter((x) => x.conference_date <= k.conference_date).map((x) => x.conference_date).sort().at(-1);
  const after = siblings.filter((x) => x.conference_date > k.conference_date).map((x) => x.conference_date).sort()[0];
  const s47 = k.s47_id === null ? undefined : step.rows.s47s.find((s) => s.id === k.s47_id);
  if (k.kind === "initial" && s47 !== undefined && date < s47.start_date) {
    refuse({ status: 422, title: "Date is too early", detail: `The conference (${date}) cannot be before its section 47 enquiry started (${s47.start_date}).`, field: "conferenceDate" });
  }
  if (k.kind === "review" && before !== undefined && date <= before) {
    refuse({ status: 422, title: "Date is too early", detail: `The review conference (${date}) must be after the plan’s previous conference (${before}).`, field: "conferenceDate" });
  }
  const plan = step.rows.cpPlans.find((p) => p.id === k.cp_plan_id);
  const endedHere = plan !== undefined && k.kind === "review" && plan.end_date === k.conference_date;
  const latestAllowed = after ?? (endedHere ? undefined : (plan?.end_date ?? undefined));
  if (latestAllowed !== undefined && date >= latestAllowed) throw tooLate("conferenceDate", date, latestAllowed, "the plan’s next conference or end");
  await step.trx
    .updateTable("cp_conference")
    .set((eb) => ({ conference_date: date, notes: input.notes === undefined ? k.notes : input.notes, version: eb("version", "+", 1) }))
    .where("la_code", "=", k.la_code)
    .where("id", "=", k.id)
    .execute();
  if (plan && (k.kind === "initial" || endedHere)) {
    await step.trx
      .updateTable("cp_plan")
      .set((eb) => (k.kind === "initial" ? { start_date: date, version: eb("version", "+", 1) } : { end_date: date, version: eb("version", "+", 1) }))
      .where("la_code", "=", plan.la_code)
      .where("id", "=", plan.id)
      .execute();
    if (k.kind === "initial") await stepEvent(step, "cp_plan_start", date, "Child protection plan started", "cp_plan", plan.id, plan.initial_category);
    else await stepEvent(step, "cp_plan_end", date, "Child protection plan ended", "cp_plan", plan.id);
  }
  await stepEvent(step, k.kind === "initial" ? "icpc" : "review_conference", date, k.kind === "initial" ? "Initial child protection conference" : "Review conference", "cp_conference", k.id);
  return { action: "social_care.conference.correct", entity: "cp_conference", entityId: k.id, details: { from: k.conference_date, to: date } };
}

/** Ends a child protection plan other than at a review conference (the child moved away, say). */
export async function endCpPlan(step: Step, planId: string, endDate: string): Promise<StepResult> {
  const plan = requireRow(step.rows.cpPlans, planId, "Child protection plan");
  refuse(checkEndPlan({ startDate: plan.start_date, endDate: plan.end_date }, endDate, step.today));
  await step.trx.updateTable("cp_plan").set((eb) => ({ end_date: endDate, version: eb("version", "+", 1) })).where("la_code", "=", plan.la_code).where("id", "=", plan.id).execute();
  await stepEvent(step, "cp_plan_end", endDate, "Child protection plan ended", "cp_plan", plan.id);
  return { action: "social_care.cp_plan.end", entity: "cp_plan", entityId: plan.id };
}
