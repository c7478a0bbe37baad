import type {
  assessmentCompleteSchema,
  cinPlanReviewSchema,
  ConferenceCreate,
  conferencePatchSchema,
  referralCreateSchema,
  referralPatchSchema,
  s47OutcomeSchema,
  SocialCareRecord,
  socialCareClosureSchema,
  strategyDiscussionCreateSchema,
  strategyDiscussionPatchSchema,
} from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import type { CaseRepository } from "../casework/case-repository.ts";
import { authoriseAssessment, completeAssessment, correctReferral, createReferral, requestAuthorisation, startAssessment } from "./assessment-steps.ts";
import { closeCase, endCinPlan, reviewCinPlan, startCinPlan } from "./plan-steps.ts";
import { correctConference, correctStrategyDiscussion, endCpPlan, recordConference, recordS47Outcome, recordStrategyDiscussion, startS47 } from "./protection-steps.ts";
import { presentRecord, runStep, type StepContext } from "./social-care-step.ts";

/**
 * A child's children in need and child protection record: read whole (audited) and recorded a
 * step at a time. Each step is checked against the transition rules in @family-story/domain,
 * recomputes the case's due dates and is audited in its own transaction.
 */
export class SocialCareRepository {
  private readonly ctx: StepContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog, cases: CaseRepository) {
    this.ctx = { db, actor, audit, cases };
  }

  /** The whole social care record of a case (404 if out of scope); audited. */
  async get(caseId: string): Promise<SocialCareRecord> {
    const c = await this.ctx.cases.requireVisibleCase(caseId, "social_care");
    const record = await presentRecord(this.ctx.db, c);
    await this.ctx.audit.record(actorForAudit(this.ctx.actor), [{ laCode: c.la_code, action: "social_care.read", personId: c.subject_person_id, entity: "case", entityId: c.id }]);
    return record;
  }

  createReferral(caseId: string, input: z.output<typeof referralCreateSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => createReferral(s, input), { needsReferral: false });
  }
  correctReferral(caseId: string, version: number, input: z.output<typeof referralPatchSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => correctReferral(s, version, input));
  }
  startAssessment(caseId: string, startDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => startAssessment(s, startDate));
  }
  completeAssessment(caseId: string, assessmentId: string, input: z.output<typeof assessmentCompleteSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => completeAssessment(s, assessmentId, input));
  }
  requestAuthorisation(caseId: string, assessmentId: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => requestAuthorisation(s, assessmentId));
  }
  authoriseAssessment(caseId: string, assessmentId: string, authorisedDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => authoriseAssessment(s, assessmentId, authorisedDate));
  }
  recordStrategyDiscussion(caseId: string, input: z.output<typeof strategyDiscussionCreateSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => recordStrategyDiscussion(s, input));
  }
  correctStrategyDiscussion(caseId: string, id: string, version: number, input: z.output<typeof strategyDiscussionPatchSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => correctStrategyDiscussion(s, id, version, input));
  }
  startS47(caseId: string, strategyDiscussionId: string, startDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => startS47(s, strategyDiscussionId, startDate));
  }
  recordS47Outcome(caseId: string, s47Id: string, input: z.output<typeof s47OutcomeSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => recordS47Outcome(s, s47Id, input));
  }
  recordConference(caseId: string, input: ConferenceCreate): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => recordConference(s, input));
  }
  correctConference(caseId: string, id: string, version: number, input: z.output<typeof conferencePatchSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => correctConference(s, id, version, input));
  }
  endCpPlan(caseId: string, planId: string, endDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => endCpPlan(s, planId, endDate));
  }
  startCinPlan(caseId: string, startDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => startCinPlan(s, startDate));
  }
  reviewCinPlan(caseId: string, planId: string, input: z.output<typeof cinPlanReviewSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => reviewCinPlan(s, planId, input));
  }
  endCinPlan(caseId: string, planId: string, endDate: string): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => endCinPlan(s, planId, endDate));
  }
  close(caseId: string, input: z.output<typeof socialCareClosureSchema>): Promise<SocialCareRecord> {
    return runStep(this.ctx, caseId, (s) => closeCase(s, input));
  }
}
