import { randomUUID } from "node:crypto";
import { checkCloseCase, checkEndPlan, checkReviewCinPlan, checkStartCinPlan, openCinPlan } from "@family-story/domain";
import type { cinPlanReviewSchema, socialCareClosureSchema } from "@family-story/schemas";
import type { z } from "zod";
import { recordVersion } from "../versioning.ts";
import { caseSnapshot } from "../casework/case-repository.ts";
import { cancelCaseWorkItems } from "../casework/work-items.ts";
import { openEarlyHelpCase } from "../early-help/open-early-help.ts";
import { refuse, requireRow, stepEvent, type Step, type StepResult } from "./social-care-step.ts";

/** Starts a child in need plan. */
export async function startCinPlan(step: Step, startDate: string): Promise<StepResult> {
  refuse(checkStartCinPlan(step.state, startDate, step.today));
  const id = randomUUID();
  await step.trx.insertInto("cin_plan").values({ la_code: step.c.la_code, id, case_id: step.c.id, person_id: step.c.subject_person_id, start_date: startDate, created_by: step.actor.userId }).execute();
  await stepEvent(step, "cin_plan_start", startDate, "Child in need plan started", "cin_plan", id);
  return { action: "social_care.cin_plan.start", entity: "cin_plan", entityId: id };
}

/** Records a review of the open child in need plan. */
export async function reviewCinPlan(step: Step, planId: string, input: z.output<typeof cinPlanReviewSchema>): Promise<StepResult> {
  const plan = requireRow(step.rows.cinPlans, planId, "Child in need plan");
  refuse(checkReviewCinPlan(step.state, input.reviewDate, step.today));
  if (openCinPlan(step.state)?.id !== plan.id) refuse({ status: 409, title: "The plan has ended", detail: "Only the open child in need plan can be reviewed." });
  const id = randomUUID();
  await step.trx.insertInto("cin_plan_review").values({ la_code: step.c.la_code, id, case_id: step.c.id, cin_plan_id: plan.id, review_date: input.reviewDate, notes: input.notes ?? null, created_by: step.actor.userId }).execute();
  await stepEvent(step, "cin_plan_review", input.reviewDate, "Child in need plan reviewed", "cin_plan_review", id);
  return { action: "social_care.cin_plan.review", entity: "cin_plan_review", entityId: id };
}

/** Ends a child in need plan. */
export async function endCinPlan(step: Step, planId: string, endDate: string): Promise<StepResult> {
  const plan = requireRow(step.rows.cinPlans, planId, "Child in need plan");
  refuse(checkEndPlan({ startDate: plan.start_date, endDate: plan.end_date }, endDate, step.today));
  await step.trx.updateTable("cin_plan").set((eb) => ({ end_date: endDate, version: eb("version", "+", 1) })).where("la_code", "=", plan.la_code).where("id", "=", plan.id).execute();
  await stepEvent(step, "cin_plan_end", endDate, "Child in need plan ended", "cin_plan", plan.id);
  return { action: "social_care.cin_plan.end", entity: "cin_plan", entityId: plan.id };
}

/**
 * Closes the CIN episode with its census reason: ends an open CIN plan, closes the case and
 * cancels what was due on it; RC9 (or a step down asked for) opens early help for the family.
 * Refused while a CP plan, an enquiry or an assessment is open.
 */
export async function closeCase(step: Step, input: z.output<typeof socialCareClosureSchema>): Promise<StepResult> {
  refuse(checkCloseCase(step.state, input.closureDate, step.today));
  const { trx, c } = step;
  const cin = openCinPlan(step.state);
  if (cin) {
    await trx.updateTable("cin_plan").set((eb) => ({ end_date: input.closureDate, version: eb("version", "+", 1) })).where("la_code", "=", c.la_code).where("id", "=", cin.id).execute();
    await stepEvent(step, "cin_plan_end", input.closureDate, "Child in need plan ended", "cin_plan", cin.id);
  }
  // The census's ReferralNFA: the referral led to nothing (no assessment, no enquiry).
  const nfa = step.rows.assessments.length === 0 && step.rows.s47s.length === 0 && step.rows.cinPlans.length === 0;
  await trx
    .updateTable("cin_referral")
    .set((eb) => ({ closure_date: input.closureDate, closure_reason: input.reason, nfa, version: eb("version", "+", 1) }))
    .where("la_code", "=", c.la_code)
    .where("case_id", "=", c.id)
    .execute();
  const closed = await trx
    .updateTable("casework_case")
    .set((eb) => ({ status: "closed", closed_on: input.closureDate, closure_reason: input.reason, updated_at: new Date(), version: eb("version", "+", 1) }))
    .where("la_code", "=", c.la_code)
    .where("id", "=", c.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordVersion(trx, step.actor, c.la_code, "case", c.id, closed.version, caseSnapshot(closed));
  await cancelCaseWorkItems(trx, c.la_code, c.id);
  await stepEvent(step, "closure", input.closureDate, "Children’s social care case closed", "casework_case", c.id, input.reason);
  let earlyHelpCaseId: string | null = null;
  if (input.stepDownToEarlyHelp || input.reason === "RC9") {
    const members = await trx.selectFrom("case_member").select(["person_id", "role"]).where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute();
    const eh = await openEarlyHelpCase(trx, step.actor, {
      laCode: c.la_code,
      childIds: [c.subject_person_id],
      familyMembers: members.filter((m) => m.person_id !== c.subject_person_id).map((m) => ({ personId: m.person_id, role: m.role })),
      openedOn: input.closureDate,
      contactId: null,
      thresholdLevel: 3,
      teamId: null,
      localityId: c.locality_id,
      allocatedTo: null,
      previousCaseId: c.id,
    });
    earlyHelpCaseId = eh.id;
    await stepEvent(step, "step_down", input.closureDate, "Stepped down to early help", "casework_case", eh.id);
  }
  return { action: "social_care.close", entity: "casework_case", entityId: c.id, details: { reason: input.reason, earlyHelpCaseId } };
}
