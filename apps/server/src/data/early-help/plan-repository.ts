import { randomUUID } from "node:crypto";
import { addWorkingDays, earlyHelpReviewDue, todayIso } from "@family-story/domain";
import type { EhDecision, EhGoalCreate, EhReviewCreate } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { EhPlanRow } from "../../db/early-help-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { loadLocalStandards } from "../casework/settings-repository.ts";
import { completeWorkItem, upsertWorkItem } from "../casework/work-items.ts";
import { AUTHORISATION_WORKING_DAYS, authorisingTeam } from "./assessment-repository.ts";
import { auditIn, fieldProblem, recordForChildren, stateProblem, type EhContext } from "./early-help-context.ts";

/**
 * The family plan: goals (each under one of the ten Supporting Families outcomes), its
 * authorisation by a team manager, and reviews, which move the next review's due date by the
 * authority's early help review interval.
 */
export class PlanRepository {
  constructor(private readonly ctx: EhContext) {}

  private plan(db: Transaction<Database> | EhContext["db"], c: CaseRow): Promise<EhPlanRow | undefined> {
    return db.selectFrom("eh_plan").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).executeTakeFirst();
  }

  /** Adds a goal (about the family, or one member of it). Not while the plan awaits authorisation. */
  async addGoal(caseId: string, input: EhGoalCreate): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    if ((await this.plan(this.ctx.db, c))?.status === "awaiting_authorisation") throw stateProblem("Awaiting authorisation", "The plan is with the team manager. Ask them to return it before changing it.");
    const personId = input.personId ?? null;
    if (personId !== null) {
      const member = await this.ctx.db.selectFrom("case_member").select("person_id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("person_id", "=", personId).executeTakeFirst();
      if (!member) throw fieldProblem("Not a member of this family", "personId", "Choose a member of the family, or leave empty for the whole family");
    }
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto("eh_plan").values({ la_code: c.la_code, case_id: c.id }).onConflict((oc) => oc.columns(["la_code", "case_id"]).doNothing()).execute();
      const id = randomUUID();
      await trx.insertInto("eh_goal").values({ la_code: c.la_code, id, case_id: c.id, outcome: input.outcome, person_id: personId, description: input.description, target_date: input.targetDate ?? null, created_by: this.ctx.actor.userId }).execute();
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.goal.create", personId: c.subject_person_id, entity: "eh_goal", entityId: id, details: { outcome: input.outcome } }]);
    });
  }

  /** Sends the plan for authorisation: it needs a goal with an action, and a lead professional. */
  async submit(caseId: string, version: number): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const plan = await this.plan(this.ctx.db, c);
    if (!plan) throw stateProblem("No plan yet", "Add the family's goals before sending the plan for authorisation.");
    if (plan.status !== "draft") throw stateProblem("Already sent", plan.status === "authorised" ? "The plan is already authorised." : "The plan is already with the team manager.");
    const [actions, lead] = await Promise.all([
      this.ctx.db.selectFrom("eh_action").select("id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute(),
      this.ctx.db.selectFrom("eh_taf_member").select("id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("is_lead", "=", true).where("removed_at", "is", null).executeTakeFirst(),
    ]);
    if (actions.length === 0) throw fieldProblem("No actions yet", "actions", "Add at least one action, owned by a member of the Team Around the Family");
    if (!lead) throw fieldProblem("No lead professional", "leadProfessional", "Name the lead professional before sending the plan for authorisation");
    await this.transition(c, plan, version, "awaiting_authorisation", { submitted_at: new Date(), submitted_by: this.ctx.actor.userId }, "early-help.plan.submit", async (trx) => {
      await upsertWorkItem(trx, this.ctx.actor.userId, { laCode: c.la_code, kind: "plan_authorisation", sourceEntity: "eh_plan", sourceId: c.id, caseId: c.id, personId: c.subject_person_id, title: `Authorise family plan: ${c.title}`, dueDate: addWorkingDays(todayIso(), AUTHORISATION_WORKING_DAYS), assignedTo: null, teamId: authorisingTeam(c, this.ctx) });
    });
  }

  /** The manager authorises the plan (recorded who and when): the first review falls due. Or returns it. */
  async decide(caseId: string, version: number, decision: EhDecision): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const plan = await this.plan(this.ctx.db, c);
    if (plan?.status !== "awaiting_authorisation") throw stateProblem("Nothing to authorise", "The plan has not been sent for authorisation.");
    const authorise = decision.decision === "authorise";
    const today = todayIso();
    const standards = await loadLocalStandards(this.ctx.db, c.la_code);
    await this.transition(c, plan, version, authorise ? "authorised" : "draft", authorise ? { authorised_at: new Date(), authorised_by: this.ctx.actor.userId, decision_note: decision.note ?? null } : { decision_note: decision.note ?? null }, authorise ? "early-help.plan.authorise" : "early-help.plan.return", async (trx) => {
      await completeWorkItem(trx, this.ctx.actor.userId, c.la_code, "plan_authorisation", "eh_plan", c.id);
      if (!authorise) return;
      await recordForChildren(trx, this.ctx, c, { kind: "eh_plan_start", title: "Family plan authorised", occurredOn: today, sourceEntity: "eh_plan", sourceId: c.id });
      const reviewed = await trx.selectFrom("eh_review").select("id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).executeTakeFirst();
      if (!reviewed) await this.setReviewDue(trx, c, earlyHelpReviewDue(today, standards));
    });
  }

  private async setReviewDue(trx: Transaction<Database>, c: CaseRow, due: string): Promise<void> {
    await upsertWorkItem(trx, this.ctx.actor.userId, { laCode: c.la_code, kind: "eh_review_due", sourceEntity: "early_help_case", sourceId: c.id, caseId: c.id, personId: c.subject_person_id, title: `Family plan review: ${c.title}`, dueDate: due, assignedTo: c.allocated_to, teamId: c.team_id });
  }

  /**
   * Records a review of an authorised plan. The next review is due the authority's review
   * interval after the latest review (a review entered late, with an earlier date, does not
   * pull the due date back before a later one).
   */
  async addReview(caseId: string, input: EhReviewCreate): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const plan = await this.plan(this.ctx.db, c);
    if (plan?.status !== "authorised") throw stateProblem("The plan is not authorised", "A review looks at an authorised family plan; send the plan for authorisation first.");
    if (input.reviewDate > todayIso()) throw fieldProblem("Review date in the future", "reviewDate", "The review date cannot be in the future");
    if (input.reviewDate < c.opened_on) throw fieldProblem("Review before the episode", "reviewDate", `The review date cannot be before the episode opened (${c.opened_on})`);
    const standards = await loadLocalStandards(this.ctx.db, c.la_code);
    await this.ctx.db.transaction().execute(async (trx) => {
      const latest = await trx.selectFrom("eh_review").select("review_date").where("la_code", "=", c.la_code).where("case_id", "=", c.id).orderBy("review_date", "desc").executeTakeFirst();
      const last = latest && latest.review_date > input.reviewDate ? latest.review_date : input.reviewDate;
      const due = earlyHelpReviewDue(last, standards);
      const id = randomUUID();
      await trx.insertInto("eh_review").values({ la_code: c.la_code, id, case_id: c.id, review_date: input.reviewDate, progress: input.progress, family_views: input.familyViews ?? null, next_review_due: due, recorded_by: this.ctx.actor.userId }).execute();
      await this.setReviewDue(trx, c, due);
      await recordForChildren(trx, this.ctx, c, { kind: "eh_review", title: "Family plan review", occurredOn: input.reviewDate, sourceEntity: "eh_review", sourceId: id });
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.review.create", personId: c.subject_person_id, entity: "eh_review", entityId: id, details: { reviewDate: input.reviewDate, nextReviewDue: due, intervalWeeks: standards.earlyHelpReviewWeeks } }]);
    });
  }

  private async transition(c: CaseRow, plan: EhPlanRow, version: number, status: string, extra: Partial<Pick<EhPlanRow, "submitted_at" | "submitted_by" | "authorised_at" | "authorised_by" | "decision_note">>, action: string, effects: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("eh_plan")
        .set((eb) => ({ ...extra, status, updated_at: new Date(), version: eb("version", "+", 1) }))
        .where("la_code", "=", c.la_code)
        .where("case_id", "=", c.id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new HttpProblem(412, "The plan was changed by someone else", `It is now version ${String(plan.version)}; you had version ${String(version)}. Reload the plan and try again.`, { currentVersion: plan.version });
      await effects(trx);
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action, personId: c.subject_person_id, entity: "eh_plan", entityId: c.id }]);
    });
  }
}
