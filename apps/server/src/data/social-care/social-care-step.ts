import { todayIso, type Refusal, type SocialCareState } from "@family-story/domain";
import type { SocialCareRecord } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import type { CaseRepository } from "../casework/case-repository.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { syncSocialCareDue } from "./social-care-due.ts";
import { loadSocialCareRows, presentSocialCare, toRuleState, type SocialCareRows } from "./social-care-record.ts";

/** What every social care step needs: the request's data access parts. */
export interface StepContext {
  db: Kysely<Database>;
  actor: Actor;
  audit: AuditLog;
  cases: CaseRepository;
}

/** One step in progress, inside its transaction, with the record as it stood before it. */
export interface Step {
  trx: Transaction<Database>;
  actor: Actor;
  c: CaseRow;
  rows: SocialCareRows;
  state: SocialCareState;
  today: string;
}

/** What a step did, for the audit log. */
export interface StepResult {
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Throws the refusal as a problem response (409 state, 422 value), naming the field at fault. */
export function refuse(refusal: Refusal | null): void {
  if (refusal === null) return;
  throw new HttpProblem(refusal.status, refusal.title, refusal.detail, refusal.field === undefined ? {} : { errors: [{ field: refusal.field, message: refusal.detail }] });
}

/** Records a key event of the child's social care story in the step's transaction. */
export async function stepEvent(step: Step, kind: string, occurredOn: string, title: string, sourceEntity: string, sourceId: string, summary: string | null = null): Promise<void> {
  await recordCaseEvent(step.trx, step.actor.userId, { laCode: step.c.la_code, personId: step.c.subject_person_id, caseId: step.c.id, occurredOn, kind, service: "social_care", title, summary, sourceEntity, sourceId });
}

/** The early help case a social care case stepped down to, if any. */
async function stepDownCaseId(db: Kysely<Database>, c: CaseRow): Promise<string | null> {
  const row = await db.selectFrom("casework_case").select("id").where("la_code", "=", c.la_code).where("previous_case_id", "=", c.id).where("kind", "=", "early_help").executeTakeFirst();
  return row?.id ?? null;
}

/** Presents a case's record (the caller audits). */
export async function presentRecord(db: Kysely<Database>, c: CaseRow, rows?: SocialCareRows): Promise<SocialCareRecord> {
  const loaded = rows ?? (await loadSocialCareRows(db, c));
  const names = await loadUserNames(db, loaded.assessments.map((a) => a.authorised_by));
  return presentSocialCare(c, loaded, names, await stepDownCaseId(db, c));
}

/**
 * Runs one social care step: scopes the case (404) and requires it open (409), locks it so two
 * steps on one case cannot interleave, checks and records the step, recomputes every due date
 * from the record, and audits, all in one transaction.
 */
export async function runStep(ctx: StepContext, caseId: string, work: (step: Step) => Promise<StepResult>, options: { needsReferral?: boolean } = {}): Promise<SocialCareRecord> {
  const visible = await ctx.cases.requireOpenCase(caseId, "social_care");
  const c = await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom("casework_case").selectAll().where("la_code", "=", visible.la_code).where("id", "=", caseId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== "open") throw new HttpProblem(409, "This case is closed", "Nothing more can be recorded on a closed case.");
    const rows = await loadSocialCareRows(trx, locked);
    if (options.needsReferral !== false && !rows.referral) {
      throw new HttpProblem(409, "No referral recorded", "Record the case’s referral (date and source) before recording work on it.");
    }
    const step: Step = { trx, actor: ctx.actor, c: locked, rows, state: toRuleState(locked, rows), today: todayIso() };
    const result = await work(step);
    const after = await trx.selectFrom("casework_case").selectAll().where("la_code", "=", locked.la_code).where("id", "=", caseId).executeTakeFirstOrThrow();
    if (after.status === "open") await syncSocialCareDue(trx, ctx.actor.userId, after, await loadSocialCareRows(trx, after));
    await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), [
      { laCode: locked.la_code, action: result.action, personId: locked.subject_person_id, entity: result.entity, entityId: result.entityId, details: { caseId, ...(result.details ?? {}) } },
    ]);
    return after;
  });
  return presentRecord(ctx.db, c);
}

/** The row a step names, or 404. */
export function requireRow<T extends { id: string }>(rows: T[], id: string, what: string): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new HttpProblem(404, `${what} not found`, `This case has no ${what.toLowerCase()} with that identifier.`);
  return row;
}

/** Answers 412 when the editor's version is not the row's current one. */
export function requireVersion(row: { version: number }, version: number, what: string): void {
  if (row.version !== version) {
    throw new HttpProblem(412, "This record was changed by someone else", `The ${what} changed after you opened it (you edited version ${String(version)}; it is now version ${String(row.version)}). Reload it and make your change again.`, { currentVersion: row.version });
  }
}
