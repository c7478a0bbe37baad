import { randomUUID } from "node:crypto";
import { EARLY_HELP_CLOSURE_REASONS, addWorkingDays, todayIso } from "@family-story/domain";
import type { EhClosureCreate, EhDecision, EhStepUp } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { EhGoalOutcome } from "../../db/early-help-types.ts";
import { caseSnapshot } from "../casework/case-repository.ts";
import { cancelCaseWorkItems, completeWorkItem, upsertWorkItem } from "../casework/work-items.ts";
import { openReferral } from "../social-care/open-referral.ts";
import { recordVersion } from "../versioning.ts";
import { AUTHORISATION_WORKING_DAYS, authorisingTeam } from "./assessment-repository.ts";
import { auditIn, childrenOf, fieldProblem, recordForChildren, stateProblem, type EhContext } from "./early-help-context.ts";

/** Roles a social care case can be allocated to. */
const CASEWORK_ROLES = ["practitioner", "team_manager", "iro", "youth_justice_worker"];

/**
 * Closing an episode: a closure request with a reason and each goal met or not met, authorised
 * by a team manager; or a step up to children's social care, which opens a social care case
 * for each child linked to this one (one history) and closes this one as stepped up.
 */
export class ClosureRepository {
  constructor(private readonly ctx: EhContext) {}

  private pending(c: CaseRow) {
    return this.ctx.db.selectFrom("eh_closure").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("status", "=", "awaiting_authorisation").executeTakeFirst();
  }

  /** Every goal of the episode must be rated met or not met, once each. */
  private async checkOutcomes(c: CaseRow, outcomes: EhGoalOutcome[], field: string): Promise<void> {
    const goals = await this.ctx.db.selectFrom("eh_goal").select(["id", "description"]).where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute();
    const rated = new Set(outcomes.map((o) => o.goalId));
    outcomes.forEach((o, i) => {
      if (!goals.some((g) => g.id === o.goalId)) throw fieldProblem("Not a goal of this plan", `${field}.${String(i)}.goalId`, "Rate only the goals of this family's plan");
    });
    if (rated.size !== outcomes.length) throw fieldProblem("A goal is rated twice", field, "Rate each goal once");
    const unrated = goals.filter((g) => !rated.has(g.id));
    if (unrated.length > 0) throw fieldProblem("Rate every goal", field, `Say whether each goal was met before closing: ${unrated.map((g) => g.description).join("; ")}`);
  }

  /** Asks the team manager to close the episode: a closure_authorisation item in the team tray. */
  async request(caseId: string, input: EhClosureCreate): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    if (input.reason === "stepped_up") throw fieldProblem("Step up instead", "reason", "To step up to children’s social care, use step up: it opens the social care case and keeps one history");
    if (await this.pending(c)) throw stateProblem("Closure already requested", "A closure is waiting for the team manager's authorisation.");
    if (input.closedOn < c.opened_on || input.closedOn > todayIso()) throw fieldProblem("Check the closure date", "closedOn", `The closure date must be between ${c.opened_on} and today`);
    await this.checkOutcomes(c, input.goalOutcomes, "goalOutcomes");
    await this.ctx.db.transaction().execute(async (trx) => {
      const id = randomUUID();
      await trx.insertInto("eh_closure").values({ la_code: c.la_code, id, case_id: c.id, reason: input.reason, closed_on: input.closedOn, summary: input.summary ?? null, goal_outcomes: JSON.stringify(input.goalOutcomes), requested_by: this.ctx.actor.userId }).execute();
      await upsertWorkItem(trx, this.ctx.actor.userId, { laCode: c.la_code, kind: "closure_authorisation", sourceEntity: "eh_closure", sourceId: id, caseId: c.id, personId: c.subject_person_id, title: `Authorise closure: ${c.title}`, dueDate: addWorkingDays(todayIso(), AUTHORISATION_WORKING_DAYS), assignedTo: null, teamId: authorisingTeam(c, this.ctx) });
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.closure.request", personId: c.subject_person_id, entity: "eh_closure", entityId: id, details: { reason: input.reason } }]);
    });
  }

  /** The manager authorises the closure (goals take their outcomes; the case closes) or returns it. */
  async decide(caseId: string, decision: EhDecision): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const closure = await this.pending(c);
    if (!closure) throw stateProblem("Nothing to authorise", "No closure is waiting for authorisation.");
    const authorise = decision.decision === "authorise";
    if (authorise) await this.checkOutcomes(c, closure.goal_outcomes, "goalOutcomes").catch(() => {
      throw stateProblem("The plan changed since closure was requested", "A goal was added after the closure was requested. Return the closure so every goal can be rated.");
    });
    await this.ctx.db.transaction().execute(async (trx) => {
      // The status condition is in the WHERE clause: of two managers deciding at once, one wins.
      const decided = await trx
        .updateTable("eh_closure")
        .set({ status: authorise ? "authorised" : "returned", decided_by: this.ctx.actor.userId, decided_at: new Date(), decision_note: decision.note ?? null })
        .where("la_code", "=", c.la_code)
        .where("id", "=", closure.id)
        .where("status", "=", "awaiting_authorisation")
        .returning("id")
        .executeTakeFirst();
      if (!decided) throw stateProblem("Already decided", "Someone else decided this closure a moment ago. Reload the episode to see their decision.");
      await completeWorkItem(trx, this.ctx.actor.userId, c.la_code, "closure_authorisation", "eh_closure", closure.id);
      if (authorise) {
        for (const o of closure.goal_outcomes) await trx.updateTable("eh_goal").set((eb) => ({ status: o.status, updated_at: new Date(), version: eb("version", "+", 1) })).where("la_code", "=", c.la_code).where("id", "=", o.goalId).execute();
        await this.closeCase(trx, c, closure.reason, closure.closed_on, closure.id);
      }
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: authorise ? "early-help.closure.authorise" : "early-help.closure.return", personId: c.subject_person_id, entity: "eh_closure", entityId: closure.id, details: { reason: closure.reason, met: closure.goal_outcomes.filter((o) => o.status === "met").length, goals: closure.goal_outcomes.length } }]);
    });
  }

  private async closeCase(trx: Transaction<Database>, c: CaseRow, reason: string, closedOn: string, closureId: string): Promise<void> {
    const row = await trx
      .updateTable("casework_case")
      .set((eb) => ({ status: "closed", closed_on: closedOn, closure_reason: reason, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("la_code", "=", c.la_code)
      .where("id", "=", c.id)
      .where("status", "=", "open")
      .returningAll()
      .executeTakeFirst();
    // Closed meanwhile (a closure authorised, or a step up, at the same moment): change nothing.
    if (!row) throw stateProblem("This case is closed", "The episode was closed a moment ago by someone else. Reload it to see what happened.");
    await recordVersion(trx, this.ctx.actor, c.la_code, "case", c.id, row.version, caseSnapshot(row));
    await cancelCaseWorkItems(trx, c.la_code, c.id);
    const label = EARLY_HELP_CLOSURE_REASONS.find((r) => r.code === reason)?.label ?? reason;
    await recordForChildren(trx, this.ctx, c, { kind: "early_help_end", title: "Early help closed", summary: label, occurredOn: closedOn, sourceEntity: "eh_closure", sourceId: closureId });
  }

  /**
   * Checks a step up: the team is one of the case's authority, the worker an active casework
   * user in the actor's scope, and each child (once) a child of the episode. Returns the children.
   */
  private async checkStepUp(c: CaseRow, input: EhStepUp): Promise<string[]> {
    if ((input.teamId ?? null) !== null) {
      const team = await this.ctx.db.selectFrom("team").select("id").where("la_code", "=", c.la_code).where("id", "=", input.teamId ?? "").where("active", "=", true).executeTakeFirst();
      if (!team) throw fieldProblem("Unknown team", "teamId", "Choose an active team of the case's authority");
    }
    if ((input.allocatedTo ?? null) !== null) {
      const user = await this.ctx.db.selectFrom("app_user").select("id").where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", input.allocatedTo ?? "").where("active", "=", true).where("role", "in", CASEWORK_ROLES).executeTakeFirst();
      if (!user) throw fieldProblem("Cannot allocate to that person", "allocatedTo", "Choose an active practitioner or manager in your authority or shared service");
    }
    const children = await childrenOf(this.ctx.db, c);
    const asked = input.childIds ?? children;
    asked.forEach((id, i) => {
      if (!children.includes(id)) throw fieldProblem("Not a child of this family", `childIds.${String(i)}`, "Choose children of this early help episode");
    });
    return [...new Set(asked)];
  }

  /**
   * Steps the family up to children's social care (a manager's decision): a social care case
   * and CIN referral for each child, linked to this episode, which closes as stepped up.
   */
  async stepUp(caseId: string, input: EhStepUp): Promise<{ closedCaseId: string; newCaseIds: string[] }> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    if (input.referralDate < c.opened_on || input.referralDate > todayIso()) throw fieldProblem("Check the referral date", "referralDate", `The referral date must be between ${c.opened_on} and today`);
    const members = await this.ctx.db.selectFrom("case_member").select(["person_id", "role"]).where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute();
    const chosen = await this.checkStepUp(c, input);
    const goals = await this.ctx.db.selectFrom("eh_goal").select("id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("status", "=", "open").execute();
    return this.ctx.db.transaction().execute(async (trx) => {
      const newCaseIds: string[] = [];
      // Checked in the transaction that opens the cases: a child has one open social care case.
      const already = await trx.selectFrom("casework_case").select("subject_person_id").where("la_code", "=", c.la_code).where("kind", "=", "social_care").where("status", "=", "open").where("subject_person_id", "in", chosen).execute();
      if (already.length > 0) throw stateProblem("Already open to social care", `${String(already.length)} of the children already has an open social care case. Step up only the others, or work with the open case.`);
      for (const personId of chosen) {
        const opened = await openReferral(trx, this.ctx.actor, {
          laCode: c.la_code, personId, referralDate: input.referralDate, referralSource: input.referralSource, contactId: null,
          thresholdLevel: input.thresholdLevel, route: input.route, teamId: input.teamId ?? null, allocatedTo: input.allocatedTo ?? null,
          previousCaseId: c.id, familyMemberIds: members.map((m) => m.person_id).filter((id) => id !== personId),
        });
        newCaseIds.push(opened.id);
      }
      // Goals still open at step up are recorded as not met: the plan did not meet them in early help.
      const outcomes: EhGoalOutcome[] = goals.map((g) => ({ goalId: g.id, status: "not_met" }));
      const closureId = randomUUID();
      await trx.insertInto("eh_closure").values({ la_code: c.la_code, id: closureId, case_id: c.id, reason: "stepped_up", closed_on: input.referralDate, summary: input.reason, goal_outcomes: JSON.stringify(outcomes), status: "authorised", requested_by: this.ctx.actor.userId, decided_by: this.ctx.actor.userId, decided_at: new Date(), decision_note: "Stepped up to children’s social care" }).execute();
      for (const o of outcomes) await trx.updateTable("eh_goal").set((eb) => ({ status: o.status, updated_at: new Date(), version: eb("version", "+", 1) })).where("la_code", "=", c.la_code).where("id", "=", o.goalId).execute();
      await recordForChildren(trx, this.ctx, c, { kind: "step_up", title: "Stepped up to children’s social care", summary: input.reason, occurredOn: input.referralDate, sourceEntity: "eh_closure", sourceId: closureId });
      await this.closeCase(trx, c, "stepped_up", input.referralDate, closureId);
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.step-up", personId: c.subject_person_id, entity: "case", entityId: c.id, reason: input.reason, details: { newCaseIds, route: input.route } }]);
      return { closedCaseId: c.id, newCaseIds };
    });
  }
}
