import { randomUUID } from "node:crypto";
import { describeDue, isOverdue, supervisionDue, todayIso, type LocalStandards } from "@family-story/domain";
import type { Supervision, SupervisionCreate, SupervisionSummary, TeamSupervisionStatus } from "@family-story/schemas";
import { sql, type Kysely, type Transaction } from "kysely";
import type { CaseRow, Database, SupervisionRow } from "../../db/database-types.ts";
import { HttpProblem, forbidden, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import type { CaseRepository } from "../casework/case-repository.ts";
import { loadPersonNames, loadUserNames } from "../casework/name-lookup.ts";
import { loadLocalStandards } from "../casework/settings-repository.ts";
import { upsertWorkItem } from "../casework/work-items.ts";

const SUPERVISED_ROLES = ["practitioner", "team_manager", "iro", "youth_justice_worker"];

interface UserRow {
  id: string;
  la_code: string;
  display_name: string;
  role: string;
  team_id: string | null;
  active: boolean;
}

/**
 * Supervision: a manager records a session with a worker (reflections, the cases discussed,
 * the actions agreed). Discussing a case sets its last_supervised_on; actions become tasks in
 * their owners' trays; the worker's next supervision becomes a supervision_due work item.
 */
export class SupervisionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly cases: CaseRepository,
  ) {}

  private async user(id: string): Promise<UserRow | undefined> {
    const row = await this.db.selectFrom("app_user").select(["id", "la_code", "display_name", "role", "team_id", "active"]).where("id", "=", id).executeTakeFirst();
    return row && this.actor.scopeLaCodes.includes(row.la_code) ? row : undefined;
  }

  /** Records a supervision session. */
  async create(input: SupervisionCreate): Promise<Supervision> {
    const worker = await this.user(input.workerId);
    if (!worker || !worker.active || !SUPERVISED_ROLES.includes(worker.role) || worker.id === this.actor.userId) {
      throw new HttpProblem(422, "Cannot record supervision for that person", "Choose an active practitioner in your authority or shared service (not yourself).", { errors: [{ field: "workerId", message: "Not someone you can supervise" }] });
    }
    // A future session would set the cases' last_supervised_on and hide supervision that is due.
    if (input.supervisedOn > todayIso()) throw new HttpProblem(422, "Check the date of the supervision", "Supervision is recorded once it has happened, so it cannot be dated in the future.", { errors: [{ field: "supervisedOn", message: "Must be today or in the past" }] });
    const discussed: CaseRow[] = [];
    for (const c of input.cases) discussed.push(await this.cases.requireVisibleCase(c.caseId));
    const actionCases = new Map<string, CaseRow>();
    for (const [i, a] of input.actions.entries()) {
      const owner = await this.user(a.ownerId);
      if (!owner?.active) throw new HttpProblem(422, "Cannot give the action to that person", "Choose an active user in your authority or shared service.", { errors: [{ field: `actions.${String(i)}.ownerId`, message: "Not someone you can give an action to" }] });
      if (a.caseId !== undefined && !actionCases.has(a.caseId)) actionCases.set(a.caseId, await this.cases.requireVisibleCase(a.caseId));
    }
    const laCode = this.actor.laCode;
    const standards = await loadLocalStandards(this.db, laCode);
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("supervision").values({ la_code: laCode, id, worker_id: worker.id, manager_id: this.actor.userId, supervised_on: input.supervisedOn, reflections: input.reflections }).execute();
      const audit: AuditEntry[] = [{ laCode, action: "supervision.create", entity: "supervision", entityId: id, details: { workerId: worker.id, cases: discussed.length, actions: input.actions.length } }];
      for (const [i, c] of input.cases.entries()) {
        const row = discussed[i];
        if (!row) continue;
        await trx.insertInto("supervision_case").values({ la_code: laCode, supervision_id: id, case_id: row.id, note: c.note }).execute();
        // Derived, not edited by anyone: it does not take a version, so nobody's open edit goes stale.
        await trx
          .updateTable("casework_case")
          .set({ last_supervised_on: sql<string>`greatest(coalesce(last_supervised_on, ${input.supervisedOn}::date), ${input.supervisedOn}::date)` })
          .where("la_code", "=", row.la_code)
          .where("id", "=", row.id)
          .execute();
        audit.push({ laCode: row.la_code, action: "case.supervision-discussed", personId: row.subject_person_id, entity: "case", entityId: row.id, details: { supervisionId: id } });
      }
      for (const a of input.actions) {
        const itemId = randomUUID();
        const onCase = a.caseId === undefined ? undefined : actionCases.get(a.caseId);
        await upsertWorkItem(trx, this.actor.userId, {
          laCode: onCase?.la_code ?? laCode,
          kind: "task",
          sourceEntity: "supervision_action",
          sourceId: itemId,
          caseId: onCase?.id ?? null,
          personId: onCase?.subject_person_id ?? null,
          title: a.title,
          dueDate: a.dueDate,
          assignedTo: a.ownerId,
          teamId: onCase?.team_id ?? worker.team_id,
        });
        const item = await trx.selectFrom("work_item").select("id").where("la_code", "=", onCase?.la_code ?? laCode).where("kind", "=", "task").where("source_entity", "=", "supervision_action").where("source_id", "=", itemId).executeTakeFirstOrThrow();
        await trx.insertInto("supervision_action").values({ la_code: laCode, supervision_id: id, work_item_id: item.id }).execute();
      }
      await this.refreshSupervisionDue(trx, laCode, worker, standards);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), audit);
    });
    return this.get(id);
  }

  /** The worker's next supervision, from their latest one, as a work item in the manager's tray. */
  private async refreshSupervisionDue(trx: Transaction<Database>, laCode: string, worker: UserRow, standards: LocalStandards): Promise<void> {
    const latest = await trx.selectFrom("supervision").select((eb) => eb.fn.max("supervised_on").as("last")).where("la_code", "=", laCode).where("worker_id", "=", worker.id).executeTakeFirst();
    const last = latest?.last ?? null;
    if (last === null) return;
    await upsertWorkItem(trx, this.actor.userId, {
      laCode,
      kind: "supervision_due",
      sourceEntity: "app_user",
      sourceId: worker.id,
      caseId: null,
      personId: null,
      title: `Supervise ${worker.display_name}`,
      dueDate: supervisionDue(last, standards),
      assignedTo: this.actor.userId,
      teamId: worker.team_id,
    });
  }

  /** A worker sees their own supervisions; a manager those of anyone in their scope. */
  private mayRead(row: SupervisionRow): boolean {
    return row.worker_id === this.actor.userId || row.manager_id === this.actor.userId || (roleCan(this.actor.role, "supervision:write") && this.actor.scopeLaCodes.includes(row.la_code));
  }

  /** One supervision record; cases discussed are shown only where the actor may see the case. */
  async get(id: string): Promise<Supervision> {
    const row = await this.db.selectFrom("supervision").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row || !this.mayRead(row)) throw notFound("Supervision");
    const [discussed, actions] = await Promise.all([
      this.db.selectFrom("supervision_case").selectAll().where("la_code", "=", row.la_code).where("supervision_id", "=", id).execute(),
      this.db
        .selectFrom("supervision_action")
        .innerJoin("work_item", (j) => j.onRef("work_item.id", "=", "supervision_action.work_item_id"))
        .selectAll("work_item")
        .where("supervision_action.la_code", "=", row.la_code)
        .where("supervision_action.supervision_id", "=", id)
        .orderBy("work_item.due_date")
        .execute(),
    ]);
    const visible: { row: CaseRow; note: string }[] = [];
    for (const d of discussed) {
      const c = await this.cases.findVisibleCase(d.case_id);
      if (c) visible.push({ row: c, note: d.note });
    }
    const users = await loadUserNames(this.db, [row.worker_id, row.manager_id, ...actions.map((a) => a.assigned_to)]);
    const people = await loadPersonNames(this.db, [...new Set(visible.map((v) => v.row.la_code))], visible.map((v) => v.row.subject_person_id));
    await this.audit.record(actorForAudit(this.actor), [{ laCode: row.la_code, action: "supervision.read", entity: "supervision", entityId: id }]);
    const name = (uid: string) => ({ id: uid, name: users.get(uid) ?? "Unknown" });
    return {
      id: row.id,
      worker: name(row.worker_id),
      manager: name(row.manager_id),
      supervisedOn: row.supervised_on,
      reflections: row.reflections,
      cases: visible.map((v) => ({ caseId: v.row.id, title: v.row.title, subject: { id: v.row.subject_person_id, name: people.get(v.row.subject_person_id)?.name ?? "Unknown" }, note: v.note })),
      actions: actions.map((a) => ({ id: a.id, title: a.title, owner: a.assigned_to === null ? null : name(a.assigned_to), dueDate: a.due_date, caseId: a.case_id, status: a.status })),
      createdAt: row.created_at.toISOString(),
    };
  }

  /** Supervisions, newest first: a worker's own, or (managers) any worker's in scope. */
  async list(workerId?: string): Promise<SupervisionSummary[]> {
    const manager = roleCan(this.actor.role, "supervision:write");
    const target = workerId ?? (manager ? undefined : this.actor.userId);
    if (!manager && target !== this.actor.userId) throw forbidden("You can see your own supervision records only.");
    let q = this.db
      .selectFrom("supervision as s")
      .selectAll("s")
      .select((eb) => [
        eb.selectFrom("supervision_case as c").select(sql<number>`count(*)::int`.as("n")).whereRef("c.la_code", "=", "s.la_code").whereRef("c.supervision_id", "=", "s.id").as("cases"),
        eb.selectFrom("supervision_action as a").select(sql<number>`count(*)::int`.as("n")).whereRef("a.la_code", "=", "s.la_code").whereRef("a.supervision_id", "=", "s.id").as("actions"),
      ])
      .where("s.la_code", "in", this.actor.scopeLaCodes);
    if (target !== undefined) q = q.where("s.worker_id", "=", target);
    else q = q.where("s.manager_id", "=", this.actor.userId);
    const rows = await q.orderBy("s.supervised_on", "desc").orderBy("s.created_at", "desc").limit(200).execute();
    const users = await loadUserNames(this.db, rows.flatMap((r) => [r.worker_id, r.manager_id]));
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "supervision.list", entity: "user", entityId: target ?? this.actor.userId, details: { count: rows.length } }]);
    return rows.map((r) => ({
      id: r.id,
      worker: { id: r.worker_id, name: users.get(r.worker_id) ?? "Unknown" },
      manager: { id: r.manager_id, name: users.get(r.manager_id) ?? "Unknown" },
      supervisedOn: r.supervised_on,
      createdAt: r.created_at.toISOString(),
      casesDiscussed: r.cases ?? 0,
      actions: r.actions ?? 0,
    }));
  }

  /** A manager's team: each worker's last supervision and whether the next is overdue (or none was ever recorded). */
  async teamStatus(teamId: string | null = this.actor.teamId): Promise<TeamSupervisionStatus> {
    if (teamId === null) throw new HttpProblem(422, "No team", "You are not in a team; choose one with teamId.", { errors: [{ field: "teamId", message: "Required" }] });
    const standards = await loadLocalStandards(this.db, this.actor.laCode);
    const rows = await this.db
      .selectFrom("app_user as u")
      .select(["u.id", "u.display_name", "u.role"])
      .select((eb) => [
        eb.selectFrom("supervision as s").select((s) => s.fn.max("s.supervised_on").as("last")).whereRef("s.worker_id", "=", "u.id").where("s.la_code", "in", this.actor.scopeLaCodes).as("last"),
        eb.selectFrom("casework_case as c").select(sql<number>`count(*)::int`.as("n")).whereRef("c.la_code", "=", "u.la_code").whereRef("c.allocated_to", "=", "u.id").where("c.status", "=", "open").as("open_cases"),
      ])
      .where("u.la_code", "in", this.actor.scopeLaCodes)
      .where("u.team_id", "=", teamId)
      .where("u.active", "=", true)
      .where("u.role", "in", SUPERVISED_ROLES)
      .where("u.id", "!=", this.actor.userId)
      .orderBy("u.display_name")
      .execute();
    const today = todayIso();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "supervision.team-status", entity: "team", entityId: teamId, details: { workers: rows.length } }]);
    return {
      supervisionWeeks: standards.supervisionWeeks,
      workers: rows.map((r) => {
        const last = r.last;
        const due = last === null ? null : supervisionDue(last, standards);
        return {
          id: r.id,
          name: r.display_name,
          role: r.role,
          openCases: r.open_cases ?? 0,
          lastSupervisedOn: last,
          dueOn: due,
          overdue: due === null || isOverdue(due, today),
          dueText: due === null ? "No supervision recorded" : describeDue(due, today),
        };
      }),
    };
  }
}
