import { randomUUID } from "node:crypto";
import type { TafActionCreate, TafActionUpdate, TafActionView } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { EhActionRow, EhTafMemberRow } from "../../db/early-help-types.ts";
import { HttpProblem, forbidden, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { outcomeLabel, presentAction } from "../../presenters/early-help-presenter.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { completeWorkItem, upsertWorkItem } from "../casework/work-items.ts";
import { auditIn, auditRead, stateProblem, type EhContext } from "./early-help-context.ts";
import type { TafRepository } from "./taf-repository.ts";

const FINISHED = ["done", "not_done"];

/** The user owns the action as a current TAF member: someone removed from the team no longer does. */
export function ownedBy(owner: EhTafMemberRow | undefined, userId: string): boolean {
  return owner !== undefined && owner.removed_at === null && owner.user_id === userId;
}

/**
 * Family plan actions. Each is owned by a Team Around the Family member and is a `taf_action`
 * work item in their tray (partners included). The owner records progress from their own
 * sign-in; a partner may update only the actions they own.
 */
export class ActionRepository {
  constructor(
    private readonly ctx: EhContext,
    private readonly taf: TafRepository,
  ) {}

  /** Keeps the action's work item with its owner (or, for someone outside the system, the case worker). */
  private async syncWorkItem(trx: Transaction<Database>, c: CaseRow, action: EhActionRow, owner: EhTafMemberRow): Promise<void> {
    if (FINISHED.includes(action.status)) {
      await completeWorkItem(trx, this.ctx.actor.userId, c.la_code, "taf_action", "eh_action", action.id);
      return;
    }
    const title = `Family plan action (${c.title}): ${action.description.length > 120 ? `${action.description.slice(0, 117)}…` : action.description}`;
    await upsertWorkItem(trx, this.ctx.actor.userId, { laCode: c.la_code, kind: "taf_action", sourceEntity: "eh_action", sourceId: action.id, caseId: c.id, personId: c.subject_person_id, title, dueDate: action.target_date, assignedTo: owner.user_id ?? c.allocated_to, teamId: c.team_id });
  }

  /** Adds an action under a goal, owned by a current TAF member. */
  async add(caseId: string, goalId: string, input: TafActionCreate): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const goal = await this.ctx.db.selectFrom("eh_goal").select(["id", "status"]).where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("id", "=", goalId).executeTakeFirst();
    if (!goal) throw notFound("Goal");
    const plan = await this.ctx.db.selectFrom("eh_plan").select("status").where("la_code", "=", c.la_code).where("case_id", "=", c.id).executeTakeFirst();
    if (plan?.status === "awaiting_authorisation") throw stateProblem("Awaiting authorisation", "The plan is with the team manager. Ask them to return it before changing it.");
    const owner = await this.taf.requireMember(this.ctx.db, c, input.ownerMemberId).catch(() => {
      throw new HttpProblem(422, "Not a member of the team", "Choose the action's owner from the Team Around the Family.", { errors: [{ field: "ownerMemberId", message: "Not a current member of the Team Around the Family" }] });
    });
    await this.ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("eh_action")
        .values({ la_code: c.la_code, id: randomUUID(), case_id: c.id, goal_id: goal.id, owner_member_id: owner.id, description: input.description, target_date: input.targetDate, created_by: this.ctx.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.syncWorkItem(trx, c, row, owner);
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.action.create", personId: c.subject_person_id, entity: "eh_action", entityId: row.id, details: { goalId: goal.id, owner: owner.id } }]);
    });
  }

  /** The action, its case (which must be visible) and owner; 404 if any is out of reach. */
  private async load(actionId: string): Promise<{ action: EhActionRow; c: CaseRow; owner: EhTafMemberRow | undefined }> {
    const action = await this.ctx.db.selectFrom("eh_action").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", actionId).executeTakeFirst();
    if (!action) throw notFound("Action");
    const c = await this.ctx.cases.findVisibleCase(action.case_id);
    if (!c) throw notFound("Action");
    const owner = await this.ctx.db.selectFrom("eh_taf_member").selectAll().where("la_code", "=", c.la_code).where("id", "=", action.owner_member_id).executeTakeFirst();
    return { action, c, owner };
  }

  private async view(action: EhActionRow, c: CaseRow, owner: EhTafMemberRow | undefined): Promise<TafActionView> {
    const [goal, updates] = await Promise.all([
      this.ctx.db.selectFrom("eh_goal").select(["description", "outcome"]).where("la_code", "=", c.la_code).where("id", "=", action.goal_id).executeTakeFirstOrThrow(),
      this.ctx.db.selectFrom("eh_action_update").selectAll().where("la_code", "=", c.la_code).where("action_id", "=", action.id).orderBy("recorded_at", "desc").execute(),
    ]);
    const users = await loadUserNames(this.ctx.db, updates.map((u) => u.recorded_by));
    const canUpdate = c.status === "open" && (roleCan(this.ctx.actor.role, "case:write") || ownedBy(owner, this.ctx.actor.userId));
    return { ...presentAction(action, owner, updates, users, canUpdate), caseTitle: c.title, goal: goal.description, outcomeLabel: outcomeLabel(goal.outcome) };
  }

  /** One action, for its owner's page (audited). */
  async get(actionId: string): Promise<TafActionView> {
    const { action, c, owner } = await this.load(actionId);
    await auditRead(this.ctx, { laCode: c.la_code, action: "early-help.action.read", personId: c.subject_person_id, entity: "eh_action", entityId: action.id });
    return this.view(action, c, owner);
  }

  /** Records progress and status (If-Match). Staff who work cases update any; others only their own. */
  async update(actionId: string, version: number, input: TafActionUpdate): Promise<TafActionView> {
    const { action, c, owner } = await this.load(actionId);
    const mine = ownedBy(owner, this.ctx.actor.userId);
    if (!mine && !roleCan(this.ctx.actor.role, "case:write")) {
      await auditRead(this.ctx, { laCode: c.la_code, action: "early-help.action.update", outcome: "denied", personId: c.subject_person_id, entity: "eh_action", entityId: action.id });
      throw forbidden("You can update only the actions you own. Ask the lead professional to change this one.");
    }
    if (c.status !== "open") throw stateProblem("This case is closed", "Actions on a closed episode cannot be updated.");
    const updated = await this.ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("eh_action")
        .set((eb) => ({ status: input.status, updated_at: new Date(), version: eb("version", "+", 1) }))
        .where("la_code", "=", c.la_code)
        .where("id", "=", action.id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new HttpProblem(412, "This action was changed by someone else", `It is now version ${String(action.version)}; you edited version ${String(version)}. Reload it to see their update, then add yours.`, { currentVersion: action.version });
      await trx.insertInto("eh_action_update").values({ la_code: c.la_code, id: randomUUID(), action_id: action.id, status: input.status, progress: input.progress, recorded_by: this.ctx.actor.userId }).execute();
      if (owner) await this.syncWorkItem(trx, c, row, owner);
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.action.update", personId: c.subject_person_id, entity: "eh_action", entityId: action.id, details: { from: action.status, to: input.status, own: mine } }]);
      return row;
    });
    return this.view(updated, c, owner);
  }
}
