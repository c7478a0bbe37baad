import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import type { CaseRepository } from "../casework/case-repository.ts";

/** What every early help repository is built from: one actor's view of the data. */
export interface EhContext {
  db: Kysely<Database>;
  actor: Actor;
  audit: AuditLog;
  cases: CaseRepository;
}

/** Appends audit entries inside the transaction that made the change. */
export async function auditIn(trx: Transaction<Database>, ctx: EhContext, entries: AuditEntry[]): Promise<void> {
  await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), entries);
}

/** Records a read (outside any transaction). */
export async function auditRead(ctx: EhContext, entry: AuditEntry): Promise<void> {
  await ctx.audit.record(actorForAudit(ctx.actor), [entry]);
}

/** The children of an episode (subject first): key events go into each child's chronology. */
export async function childrenOf(db: Kysely<Database> | Transaction<Database>, c: CaseRow): Promise<string[]> {
  const rows = await db.selectFrom("case_member").select(["person_id", "role"]).where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute();
  const children = rows.filter((r) => r.role === "child" || r.role === "young_person").map((r) => r.person_id);
  return [c.subject_person_id, ...children.filter((id) => id !== c.subject_person_id)];
}

/** Records one key event for every child of the episode. */
export async function recordForChildren(trx: Transaction<Database>, ctx: EhContext, c: CaseRow, event: { kind: string; title: string; occurredOn: string; summary?: string | null; sourceEntity: string; sourceId: string }): Promise<void> {
  for (const personId of await childrenOf(trx, c)) {
    await recordCaseEvent(trx, ctx.actor.userId, { laCode: c.la_code, personId, caseId: c.id, service: "early_help", ...event });
  }
}

/** 409 for an action the record's state does not allow. */
export function stateProblem(title: string, detail: string): HttpProblem {
  return new HttpProblem(409, title, detail);
}

/** 422 naming the field at fault. */
export function fieldProblem(title: string, field: string, message: string): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}
