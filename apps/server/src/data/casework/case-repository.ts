import { randomUUID } from "node:crypto";
import type { Allocation, CaseDetail, CaseKind, CaseSummary } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database, WorkItemRow } from "../../db/database-types.ts";
import { HttpProblem, notFound } from "../../http/problem.ts";
import { compareWorkItems, presentCaseSummary, presentWorkItem, type NameMaps } from "../../presenters/casework-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { visibleCases } from "./case-scope.ts";
import { anyUuid, loadPersonNames, loadUserNames, loadVisiblePersonIds } from "./name-lookup.ts";
import { reassignCaseWorkItems } from "./work-items.ts";

/** What a module states when it opens a case. */
export interface NewCase {
  laCode: string;
  kind: CaseKind;
  subjectPersonId: string;
  title: string;
  openedOn: string;
  thresholdLevel?: number | null;
  allocatedTo?: string | null;
  teamId?: string | null;
  localityId?: string | null;
  contactId?: string | null;
  previousCaseId?: string | null;
  members: { personId: string; role: string }[];
}

/** The fields of a case a conflict message compares. */
export function caseSnapshot(c: CaseRow): Record<string, unknown> {
  return { title: c.title, status: c.status, allocatedTo: c.allocated_to, teamId: c.team_id, localityId: c.locality_id, closedOn: c.closed_on, closureReason: c.closure_reason, thresholdLevel: c.threshold_level };
}

/**
 * Opens a case inside the caller's transaction (the front door's decision, a step up or down).
 * The caller audits the event that opened it.
 */
export async function insertCase(trx: Transaction<Database>, actor: Actor, input: NewCase): Promise<CaseRow> {
  const row = await trx
    .insertInto("casework_case")
    .values({
      la_code: input.laCode,
      id: randomUUID(),
      kind: input.kind,
      subject_person_id: input.subjectPersonId,
      title: input.title,
      opened_on: input.openedOn,
      threshold_level: input.thresholdLevel ?? null,
      allocated_to: input.allocatedTo ?? null,
      team_id: input.teamId ?? null,
      locality_id: input.localityId ?? null,
      contact_id: input.contactId ?? null,
      previous_case_id: input.previousCaseId ?? null,
      created_by: actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const members = new Map<string, string>([[input.subjectPersonId, "child"]]);
  for (const m of input.members) if (m.personId !== input.subjectPersonId) members.set(m.personId, m.role);
  await trx
    .insertInto("case_member")
    .values([...members].map(([personId, role]) => ({ la_code: input.laCode, case_id: row.id, person_id: personId, role })))
    .execute();
  await recordVersion(trx, actor, input.laCode, "case", row.id, row.version, caseSnapshot(row));
  return row;
}

/**
 * Cases as one user may see them: each read is scoped through the case's child and audited.
 * Modules (front door, early help, social care) reach a case through requireVisibleCase.
 */
export class CaseRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The case if the actor may see it. */
  async findVisibleCase(id: string): Promise<CaseRow | undefined> {
    return this.db.selectFrom("casework_case").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", id).where(visibleCases(this.actor)).executeTakeFirst();
  }

  /** The case, or 404 (also when it is of another kind than the route expects). */
  async requireVisibleCase(id: string, kind?: CaseKind): Promise<CaseRow> {
    const row = await this.findVisibleCase(id);
    if (!row || (kind !== undefined && row.kind !== kind)) throw notFound("Case");
    return row;
  }

  /** The case if it is open; 409 if it is closed, since nothing more can be recorded on it. */
  async requireOpenCase(id: string, kind?: CaseKind): Promise<CaseRow> {
    const row = await this.requireVisibleCase(id, kind);
    if (row.status !== "open") throw new HttpProblem(409, "This case is closed", `The case was closed on ${row.closed_on ?? "an earlier date"}. Reopen work by stepping up or recording a new contact.`);
    return row;
  }

  /** Names for a batch of cases and items. */
  async names(cases: CaseRow[], items: WorkItemRow[], extraPeople: string[] = []): Promise<NameMaps> {
    const laCodes = [...new Set([...cases.map((c) => c.la_code), ...items.map((i) => i.la_code)])];
    const [users, people] = await Promise.all([
      loadUserNames(this.db, [...cases.map((c) => c.allocated_to), ...items.map((i) => i.assigned_to)]),
      loadPersonNames(this.db, laCodes, [...cases.map((c) => c.subject_person_id), ...items.map((i) => i.person_id), ...extraPeople]),
    ]);
    return { users, people };
  }

  /** Open work items of the given cases, grouped by case. */
  async openItemsByCase(cases: CaseRow[]): Promise<Map<string, WorkItemRow[]>> {
    const byCase = new Map<string, WorkItemRow[]>();
    if (cases.length === 0) return byCase;
    const laCodes = [...new Set(cases.map((c) => c.la_code))];
    const rows = await this.db
      .selectFrom("work_item")
      .selectAll()
      .where("la_code", "in", laCodes)
      .where("case_id", "=", anyUuid(cases.map((c) => c.id)))
      .where("status", "=", "open")
      .execute();
    for (const r of rows) {
      if (r.case_id === null) continue;
      const list = byCase.get(r.case_id) ?? [];
      list.push(r);
      byCase.set(r.case_id, list);
    }
    return byCase;
  }

  /** Opens a case: its people, its work items and the chain it stepped up or down through. */
  async get(id: string): Promise<CaseDetail> {
    const row = await this.findVisibleCase(id);
    if (!row) {
      await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "case.read", outcome: "denied", entity: "case", entityId: id }]);
      throw notFound("Case");
    }
    const [members, items, chain] = await Promise.all([
      this.db.selectFrom("case_member").selectAll().where("la_code", "=", row.la_code).where("case_id", "=", row.id).execute(),
      this.db.selectFrom("work_item").selectAll().where("la_code", "=", row.la_code).where("case_id", "=", row.id).orderBy("due_date").execute(),
      this.chain(row),
    ]);
    // Family members the reader may not open (a restricted parent, say) are counted, not named.
    const visible = await loadVisiblePersonIds(this.db, this.actor, members.map((m) => m.person_id));
    const shown = members.filter((m) => visible.has(m.person_id));
    const names = await this.names([row], items, shown.map((m) => m.person_id));
    const summary = presentCaseSummary(row, names, items.filter((i) => i.status === "open"));
    await this.audit.record(actorForAudit(this.actor), [{ laCode: row.la_code, action: "case.read", personId: row.subject_person_id, entity: "case", entityId: row.id }]);
    return {
      ...summary,
      hiddenMembers: members.length - shown.length,
      members: shown.map((m) => ({ person: { id: m.person_id, name: names.people.get(m.person_id)?.name ?? "Unknown" }, role: m.role, dob: names.people.get(m.person_id)?.dob ?? null })),
      workItems: items.map((i) => presentWorkItem(i, names)).sort(compareWorkItems),
      history: chain.map((c) => ({ id: c.id, kind: c.kind as CaseKind, title: c.title, status: c.status === "closed" ? ("closed" as const) : ("open" as const), openedOn: c.opened_on, closedOn: c.closed_on, closureReason: c.closure_reason })),
    };
  }

  /** Every case linked to this one by stepping up or down, oldest first, this one included. */
  private async chain(row: CaseRow): Promise<CaseRow[]> {
    const seen = new Map<string, CaseRow>([[row.id, row]]);
    let frontier = [row];
    // Chains are short (a family steps up or down a handful of times), so walk them both ways.
    for (let depth = 0; depth < 20 && frontier.length > 0; depth++) {
      const ids = frontier.map((c) => c.id);
      const prev = frontier.map((c) => c.previous_case_id).filter((p): p is string => p !== null && !seen.has(p));
      const found = await this.db
        .selectFrom("casework_case")
        .selectAll()
        .where("la_code", "=", row.la_code)
        .where((eb) => eb.or([eb("previous_case_id", "in", ids), ...(prev.length > 0 ? [eb("id", "in", prev)] : [])]))
        .where(visibleCases(this.actor))
        .execute();
      frontier = found.filter((c) => !seen.has(c.id));
      for (const c of frontier) seen.set(c.id, c);
    }
    return [...seen.values()].sort((a, b) => a.opened_on.localeCompare(b.opened_on) || a.created_at.getTime() - b.created_at.getTime());
  }

  /** A person's cases (as the child or a member), newest first. */
  async listForPerson(personId: string): Promise<CaseSummary[]> {
    const rows = await this.db
      .selectFrom("casework_case")
      .selectAll()
      .where("la_code", "in", this.actor.scopeLaCodes)
      .where((eb) =>
        eb.or([
          eb("subject_person_id", "=", personId),
          eb("id", "in", eb.selectFrom("case_member").select("case_id").where("la_code", "in", this.actor.scopeLaCodes).where("person_id", "=", personId)),
        ]),
      )
      .where(visibleCases(this.actor))
      .orderBy("opened_on", "desc")
      .execute();
    const items = await this.openItemsByCase(rows);
    const names = await this.names(rows, [...items.values()].flat());
    await this.audit.record(actorForAudit(this.actor), [{ laCode: rows[0]?.la_code ?? this.actor.laCode, action: "case.list", personId, entity: "person", entityId: personId, details: { cases: rows.length } }]);
    return rows.map((r) => presentCaseSummary(r, names, items.get(r.id) ?? []));
  }

  /** Allocates (or reallocates) a case to a worker in scope; their open items move with it. */
  async allocate(id: string, version: number, input: Allocation): Promise<CaseSummary> {
    const before = await this.requireOpenCase(id);
    if (input.teamId !== undefined) {
      const team = await this.db.selectFrom("team").select("id").where("la_code", "=", before.la_code).where("id", "=", input.teamId).where("active", "=", true).executeTakeFirst();
      if (!team) throw new HttpProblem(422, "No such team", "Choose an active team of the case's authority.", { errors: [{ field: "teamId", message: "Not a team of the case's authority" }] });
    }
    let teamId = input.teamId ?? before.team_id;
    if (input.userId !== null) {
      const worker = await this.db.selectFrom("app_user").select(["id", "team_id", "active", "role", "la_code"]).where("id", "=", input.userId).executeTakeFirst();
      if (!worker || !worker.active || !this.actor.scopeLaCodes.includes(worker.la_code) || !["practitioner", "team_manager", "iro", "youth_justice_worker"].includes(worker.role)) {
        throw new HttpProblem(422, "Cannot allocate to that person", "Allocate to an active practitioner, team manager, IRO or youth justice worker in your authority or shared service.", { errors: [{ field: "userId", message: "Not someone this case can be allocated to" }] });
      }
      teamId = input.teamId ?? worker.team_id ?? teamId;
    }
    const row = await this.db.transaction().execute(async (trx) =>
      applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: before.la_code,
        entity: "case",
        id,
        version,
        before,
        snapshot: caseSnapshot,
        update: () =>
          trx
            .updateTable("casework_case")
            .set((eb) => ({ allocated_to: input.userId, team_id: teamId, updated_at: new Date(), version: eb("version", "+", 1) }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("casework_case").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        afterUpdate: () => reassignCaseWorkItems(trx, before.la_code, id, before.allocated_to, input.userId, teamId),
        auditEntries: (updated) => [
          { laCode: before.la_code, action: "case.allocate", personId: before.subject_person_id, entity: "case", entityId: id, reason: input.reason ?? null, details: { from: before.allocated_to, to: updated.allocated_to, teamId } },
        ],
      }),
    );
    const items = await this.openItemsByCase([row]);
    return presentCaseSummary(row, await this.names([row], items.get(row.id) ?? []), items.get(row.id) ?? []);
  }
}
