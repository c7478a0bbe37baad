import { todayIso } from "@family-story/domain";
import { randomUUID } from "node:crypto";
import type { TaskCreate, TaskPatch, WorkItem, Worker, WorkTray, WorkTrayQuery } from "@family-story/schemas";
import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { Database, WorkItemRow } from "../../db/database-types.ts";
import { HttpProblem, forbidden, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { clockNow, compareCases, compareWorkItems, presentCaseSummary, presentWorkItem } from "../../presenters/casework-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { visiblePeople } from "../person-scope.ts";
import type { CaseRepository } from "./case-repository.ts";
import { anyUuid, loadUserNames, loadVisiblePeople } from "./name-lookup.ts";

/** Work items someone ticks off by hand: tasks, and the actions a looked-after review decided. */
const TICKABLE_KINDS: ReadonlySet<string> = new Set(["task", "lac_review_action"]);

/**
 * Work trays and tasks. A worker's tray is their open cases and the open items assigned to
 * them; a manager's team tray adds the team's unallocated work. Items about a person are shown
 * only where the person is visible, so a tray never leaks a restricted record.
 */
export class WorkTrayRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly cases: CaseRepository,
  ) {}

  /** The tray for the actor, or for their team (managers). */
  async tray(query: WorkTrayQuery): Promise<WorkTray> {
    const teamId = query.teamId ?? this.actor.teamId;
    if (query.scope === "team") {
      if (!roleCan(this.actor.role, "case:allocate")) throw forbidden("Only team managers see a team's work tray.");
      if (teamId === null) throw new HttpProblem(422, "No team", "You are not in a team; choose one with teamId.", { errors: [{ field: "teamId", message: "Required" }] });
    }
    const team = query.scope === "team" ? teamId : null;
    const scope = this.actor.scopeLaCodes;
    // The tray's own items: the team's (and the manager's own), or the worker's.
    const onTray = (eb: ExpressionBuilder<Database, "work_item">) => (team !== null ? eb.or([eb("team_id", "=", team), eb("assigned_to", "=", this.actor.userId)]) : eb("assigned_to", "=", this.actor.userId));
    const [allCases, trayItems] = await Promise.all([
      this.db
        .selectFrom("casework_case")
        .selectAll()
        .where("la_code", "in", scope)
        .where("status", "=", "open")
        .where((eb) => (team !== null ? eb("team_id", "=", team) : eb("allocated_to", "=", this.actor.userId)))
        .execute(),
      this.db.selectFrom("work_item").selectAll().where("la_code", "in", scope).where("status", "=", "open").where(onTray).orderBy("due_date").execute(),
    ]);
    // Then, at once: open items of the tray's cases that sit on someone else's tray (a partner's
    // action, say); the people rule with names for every child the tray mentions (one indexed
    // lookup each, not a join per row: a restricted child's case or item never reaches the tray);
    // and the names of the workers.
    const [elsewhere, people, users] = await Promise.all([
      allCases.length === 0
        ? Promise.resolve([])
        : this.db
            .selectFrom("work_item")
            .selectAll()
            .where("la_code", "in", scope)
            .where("case_id", "=", anyUuid(allCases.map((c) => c.id)))
            .where("status", "=", "open")
            .where((eb) => eb.not(onTray(eb)))
            .execute(),
      loadVisiblePeople(this.db, this.actor, [...allCases.map((c) => c.subject_person_id), ...trayItems.map((i) => i.person_id)]),
      loadUserNames(this.db, [...allCases.map((c) => c.allocated_to), ...trayItems.map((i) => i.assigned_to)]),
    ]);
    const caseRows = allCases.filter((c) => people.has(c.subject_person_id));
    const itemRows = trayItems.filter((i) => i.person_id === null || people.has(i.person_id));
    const byCase = new Map<string, WorkItemRow[]>();
    const caseIds = new Set(caseRows.map((c) => c.id));
    for (const i of [...trayItems, ...elsewhere]) {
      if (i.case_id === null || !caseIds.has(i.case_id)) continue;
      const list = byCase.get(i.case_id);
      if (list) list.push(i);
      else byCase.set(i.case_id, [i]);
    }
    const missing = elsewhere.map((i) => i.assigned_to).filter((id) => id !== null && !users.has(id));
    if (missing.length > 0) for (const [id, name] of await loadUserNames(this.db, missing)) users.set(id, name);
    const names = { users, people };
    const clock = clockNow();
    const cases = caseRows.map((c) => presentCaseSummary(c, names, byCase.get(c.id) ?? [], clock)).sort(compareCases);
    // Every item is judged and ordered; only the most pressing page is sent (counts cover all).
    const allItems = itemRows.map((i) => presentWorkItem(i, names, clock)).sort(compareWorkItems);
    const items = allItems.slice(0, query.itemLimit);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "worktray.read", entity: team !== null ? "team" : "user", entityId: team ?? this.actor.userId, details: { cases: cases.length, items: items.length } }]);
    return {
      scope: query.scope,
      cases,
      items,
      counts: {
        cases: cases.length,
        items: allItems.length,
        overdue: allItems.filter((i) => i.dueStatus === "overdue").length,
        unallocated: cases.filter((c) => c.allocatedTo === null).length,
      },
    };
  }

  /** A task goes only to an active user of the authorities the actor works in. */
  private async requireAssignable(userId: string): Promise<void> {
    const user = await this.db.selectFrom("app_user").select(["id", "active", "la_code"]).where("id", "=", userId).executeTakeFirst();
    if (!user || !user.active || !this.actor.scopeLaCodes.includes(user.la_code)) {
      throw new HttpProblem(422, "Cannot assign the task to that person", "Choose an active user in your authority or shared service.", { errors: [{ field: "assignedTo", message: "Not someone you can assign to" }] });
    }
  }

  private async presentOne(row: WorkItemRow): Promise<WorkItem> {
    return presentWorkItem(row, await this.cases.names([], [row]));
  }

  /** A task of the actor's own, on a case they may see or on nothing in particular. */
  async createTask(input: TaskCreate): Promise<WorkItem> {
    const caseRow = input.caseId !== undefined ? await this.cases.requireOpenCase(input.caseId) : null;
    const laCode = caseRow?.la_code ?? this.actor.laCode;
    const assignee = input.assignedTo ?? this.actor.userId;
    if (assignee !== this.actor.userId) await this.requireAssignable(assignee);
    const id = randomUUID();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("work_item")
        .values({ la_code: laCode, id, kind: "task", source_entity: "task", source_id: id, case_id: caseRow?.id ?? null, person_id: caseRow?.subject_person_id ?? null, title: input.title, due_date: input.dueDate, assigned_to: assignee, team_id: caseRow?.team_id ?? this.actor.teamId, created_by: this.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "task.create", personId: created.person_id, entity: "work_item", entityId: id, details: { caseId: created.case_id, assignedTo: assignee } }]);
      return created;
    });
    return this.presentOne(row);
  }

  /**
   * Changes a task or marks it done. Staff who work cases change any task they can see; a
   * partner only marks their own done or open (their Team Around the Family actions).
   */
  async updateTask(id: string, version: number, patch: TaskPatch): Promise<WorkItem> {
    const row = await this.db
      .selectFrom("work_item")
      .leftJoin("person", (j) => j.onRef("person.la_code", "=", "work_item.la_code").onRef("person.id", "=", "work_item.person_id"))
      .selectAll("work_item")
      .where("work_item.la_code", "in", this.actor.scopeLaCodes)
      .where("work_item.id", "=", id)
      .where((eb) => eb.or([eb("work_item.person_id", "is", null), visiblePeople(this.actor)(eb as never)]))
      .executeTakeFirst();
    const mine = row?.assigned_to === this.actor.userId;
    if (!row || (!mine && !roleCan(this.actor.role, "case:write"))) throw notFound("Task");
    if (!TICKABLE_KINDS.has(row.kind)) throw new HttpProblem(409, "Not a task", "This item is done when what it waits for is recorded (a visit, a review, a Team Around the Family action's update), not by ticking it off here.");
    if (!roleCan(this.actor.role, "case:write") && (patch.title !== undefined || patch.dueDate !== undefined || patch.assignedTo !== undefined)) {
      throw forbidden("You can mark your own actions done or not done; ask the lead professional to change anything else.");
    }
    if (patch.assignedTo !== undefined && patch.assignedTo !== row.assigned_to) await this.requireAssignable(patch.assignedTo);
    const done = patch.status === "done";
    const updated = await this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable("work_item")
        .set((eb) => ({
          ...(patch.title !== undefined && { title: patch.title }),
          ...(patch.dueDate !== undefined && { due_date: patch.dueDate }),
          ...(patch.assignedTo !== undefined && { assigned_to: patch.assignedTo }),
          ...(patch.status !== undefined && { status: patch.status, completed_at: done ? new Date() : null, completed_by: done ? this.actor.userId : null }),
          version: eb("version", "+", 1),
        }))
        .where("la_code", "=", row.la_code)
        .where("id", "=", id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!result) {
        throw new HttpProblem(412, "This task was changed by someone else", `It is now version ${String(row.version)}; you edited version ${String(version)}. Reload it and make your change again.`, { currentVersion: row.version });
      }
      if (row.kind === "lac_review_action" && patch.status !== undefined) {
        // A review decision's task and the decision itself are done together.
        await trx.updateTable("lac_review_decision").set((eb) => ({ status: done ? "done" : "open", done_on: done ? todayIso() : null, version: eb("version", "+", 1) })).where("la_code", "=", row.la_code).where("id", "=", row.source_id).execute();
      }
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: row.la_code, action: "task.update", personId: row.person_id, entity: "work_item", entityId: id, details: { fields: Object.keys(patch) } }]);
      return result;
    });
    return this.presentOne(updated);
  }

  /** Workers a manager can allocate to, with their open caseload: their team first. */
  async workers(teamId: string | null = this.actor.teamId): Promise<Worker[]> {
    const rows = await this.db
      .selectFrom("app_user as u")
      .select(["u.id", "u.display_name", "u.role", "u.team_id"])
      .select((eb) =>
        eb
          .selectFrom("casework_case as c")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("c.la_code", "=", "u.la_code")
          .whereRef("c.allocated_to", "=", "u.id")
          .where("c.status", "=", "open")
          .as("open_cases"),
      )
      .where("u.la_code", "in", this.actor.scopeLaCodes)
      .where("u.active", "=", true)
      .where("u.role", "in", ["practitioner", "team_manager", "iro", "youth_justice_worker"])
      .orderBy("u.display_name")
      .execute();
    const workers = rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role, teamId: r.team_id, openCases: r.open_cases ?? 0 }));
    return [...workers.filter((w) => w.teamId === teamId), ...workers.filter((w) => w.teamId !== teamId)];
  }
}
