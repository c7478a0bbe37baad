import { randomUUID } from "node:crypto";
import { checkAuthoriseAssessment, checkCompleteAssessment, checkRequestAuthorisation, checkStartAssessment, dateOrder} from "@family-story/domain";
import type { z } from "zod";
import type { assessmentCompleteSchema, referralCreateSchema, referralPatchSchema } from "@family-story/schemas";
import { HttpProblem } from "../../http/problem.ts";
import { insertReferralRow, REFERRAL_SOURCE_ENTITY } from "./open-referral.ts";
import { refuse, requireRow, requireVersion, stepEvent, type Step, type StepResult } from "./social-care-step.ts";

/** Gives a case opened without one (an import) its CIN referral. */
export async function createReferral(step: Step, input: z.output<typeof referralCreateSchema>): Promise<StepResult> {
  if (step.rows.referral) throw new HttpProblem(409, "The referral is already recorded", "Correct the referral instead.");
  refuse(dateOrder("referralDate", input.referralDate, "0001-01-01", "", step.today));
  await insertReferralRow(step.trx, step.actor, step.c, { referralDate: input.referralDate, referralSource: input.referralSource, contactId: step.c.contact_id, route: input.route });
  return { action: "social_care.referral.create", entity: "cin_referral", entityId: step.c.id };
}

/** Corrects the referral's date or source; every date recorded since must still follow it. */
export async function correctReferral(step: Step, version: number, input: z.output<typeof referralPatchSchema>): Promise<StepResult> {
  const r = step.rows.referral;
  if (!r) throw new HttpProblem(409, "No referral recorded", "Record the referral first.");
  requireVersion(r, version, "referral");
  const date = input.referralDate ?? r.referral_date;
  const earliest = [...step.state.assessments.map((a) => a.startDate), ...step.state.strategyDiscussions.map((s) => s.date), ...step.state.cinPlans.map((p) => p.startDate)].sort()[0];
  if (earliest !== undefined && date > earliest) {
    throw new HttpProblem(422, "Date is too late", `The referral date (${date}) cannot be after work recorded on the case (${earliest}).`, { errors: [{ field: "referralDate", message: `Must be on or before ${earliest}` }] });
  }
  refuse(dateOrder("referralDate", date, "0001-01-01", "", step.today));
  await step.trx
    .updateTable("cin_referral")
    .set((eb) => ({ referral_date: date, referral_source: input.referralSource ?? r.referral_source, version: eb("version", "+", 1) }))
    .where("la_code", "=", r.la_code)
    .where("case_id", "=", r.case_id)
    .execute();
  await step.trx.updateTable("casework_case").set({ opened_on: date, updated_at: new Date() }).where("la_code", "=", r.la_code).where("id", "=", r.case_id).execute();
  await stepEvent(step, "referral", date, r.route === "strategy_discussion" ? "Referral to children’s social care: strategy discussion" : "Referral to children’s social care: child and family assessment", REFERRAL_SOURCE_ENTITY, r.case_id);
  return { action: "social_care.referral.correct", entity: "cin_referral", entityId: r.case_id, details: { from: r.referral_date, to: date } };
}

/** Starts a child and family assessment. */
export async function startAssessment(step: Step, startDate: string): Promise<StepResult> {
  refuse(checkStartAssessment(step.state, startDate, step.today));
  const id = randomUUID();
  await step.trx
    .insertInto("cin_assessment")
    .values({ la_code: step.c.la_code, id, case_id: step.c.id, person_id: step.c.subject_person_id, start_date: startDate, factors: "[]", created_by: step.actor.userId })
    .execute();
  await stepEvent(step, "assessment_start", startDate, "Child and family assessment started", "cin_assessment", id);
  return { action: "social_care.assessment.start", entity: "cin_assessment", entityId: id };
}

/** Completes an assessment: the factors identified and the primary need, which the referral takes for the census. */
export async function completeAssessment(step: Step, assessmentId: string, input: z.output<typeof assessmentCompleteSchema>): Promise<StepResult> {
  const a = requireRow(step.rows.assessments, assessmentId, "Assessment");
  refuse(checkCompleteAssessment(step.state, a.id, input.completedDate, input.factors, step.today));
  await step.trx
    .updateTable("cin_assessment")
    .set((eb) => ({ completed_date: input.completedDate, factors: JSON.stringify([...new Set(input.factors)]), primary_need: input.primaryNeed, summary: input.summary ?? null, version: eb("version", "+", 1) }))
    .where("la_code", "=", a.la_code)
    .where("id", "=", a.id)
    .execute();
  await step.trx.updateTable("cin_referral").set((eb) => ({ primary_need: input.primaryNeed, version: eb("version", "+", 1) })).where("la_code", "=", a.la_code).where("case_id", "=", a.case_id).execute();
  await stepEvent(step, "assessment_complete", input.completedDate, "Child and family assessment completed", "cin_assessment", a.id, `Primary need ${input.primaryNeed}`);
  return { action: "social_care.assessment.complete", entity: "cin_assessment", entityId: a.id, details: { factors: input.factors, primaryNeed: input.primaryNeed } };
}

/** Asks the team's managers to authorise a completed assessment (an item in the team's tray). */
export async function requestAuthorisation(step: Step, assessmentId: string): Promise<StepResult> {
  const a = requireRow(step.rows.assessments, assessmentId, "Assessment");
  refuse(checkRequestAuthorisation(step.state, a.id));
  await step.trx.updateTable("cin_assessment").set((eb) => ({ authorisation_requested_on: step.today, version: eb("version", "+", 1) })).where("la_code", "=", a.la_code).where("id", "=", a.id).execute();
  return { action: "social_care.assessment.request_authorisation", entity: "cin_assessment", entityId: a.id };
}

/** A manager authorises the assessment; the census counts it from this date. */
export async function authoriseAssessment(step: Step, assessmentId: string, authorisedDate: string): Promise<StepResult> {
  const a = requireRow(step.rows.assessments, assessmentId, "Assessment");
  refuse(checkAuthoriseAssessment(step.state, a.id, authorisedDate, step.today));
  await step.trx
    .updateTable("cin_assessment")
    .set((eb) => ({ authorised_date: authorisedDate, authorised_by: step.actor.userId, version: eb("version", "+", 1) }))
    .where("la_code", "=", a.la_code)
    .where("id", "=", a.id)
    .execute();
  await stepEvent(step, "assessment_authorised", authorisedDate, "Child and family assessment authorised", "cin_assessment", a.id);
  return { action: "social_care.assessment.authorise", entity: "cin_assessment", entityId: a.id };
}
