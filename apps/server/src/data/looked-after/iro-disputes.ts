import { randomUUID } from "node:crypto";
import { applyDisputeAction, disputeStageLabel, raiseDispute, todayIso, type DisputeStage } from "@family-story/domain";
import type { Dispute, DisputeAction, DisputeCreate } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import { disputeSnapshot, disputeState, presentDispute, type IroDisputeRow } from "../../presenters/iro-presenter.ts";
import { actorForAudit } from "../audit-actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { applyVersionedUpdate, conflictProblem, recordVersion } from "../versioning.ts";
import { refuse, type IroContext } from "./iro-context.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

const ENTITY = "iro_dispute";

async function present(ctx: IroContext, rows: IroDisputeRow[]): Promise<Dispute[]> {
  const users = await loadUserNames(ctx.db, rows.flatMap((r) => [r.raised_by, ...disputeState(r).stages.map((s) => s.by)]));
  return rows.map((r) => presentDispute(r, users));
}

/** The case event each stage's outcome writes to the child's chronology (one per stage). */
async function disputeEvent(trx: Transaction<Database>, ctx: IroContext, row: IroDisputeRow, caseId: string, kind: string, occurredOn: string, title: string): Promise<void> {
  await recordCaseEvent(trx, ctx.actor.userId, { laCode: row.la_code, personId: row.person_id, caseId, occurredOn, kind, service: "looked_after", title, summary: row.summary, sourceEntity: ENTITY, sourceId: row.id });
}

/** A child's disputes, newest first (audited). */
export async function listDisputes(ctx: IroContext, personId: string): Promise<Dispute[]> {
  const { person } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  const rows = await ctx.db.selectFrom("iro_dispute").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).orderBy("raised_on", "desc").orderBy("created_at", "desc").execute();
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: person.la_code, action: "iro.dispute.list", personId: person.id, entity: "lac_child", entityId: person.id, details: { count: rows.length } }]);
  return present(ctx, rows);
}

/** The IRO raises a dispute: an informal alert with its theme and the concern. */
export async function createDispute(ctx: IroContext, personId: string, input: DisputeCreate): Promise<Dispute> {
  const { person, lac } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  const raised = raiseDispute(input.raisedOn, input.notes ?? "", ctx.actor.userId, todayIso());
  if (!("ok" in raised)) refuse(raised);
  const id = randomUUID();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("iro_dispute")
      .values({ la_code: person.la_code, id, person_id: person.id, raised_on: input.raisedOn, theme: input.theme, summary: input.summary, stage: raised.state.stage, status: "open", stages: JSON.stringify(raised.state.stages), raised_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordVersion(trx, ctx.actor, person.la_code, ENTITY, id, created.version, disputeSnapshot(created));
    await disputeEvent(trx, ctx, created, lac.case_id, "iro_dispute", input.raisedOn, "IRO raised an informal alert (dispute resolution)");
    await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), [{ laCode: person.la_code, action: "iro.dispute.raise", personId: person.id, entity: ENTITY, entityId: id, details: { theme: input.theme } }]);
    return created;
  });
  return (await present(ctx, [row]))[0] as Dispute;
}

/** A dispute the actor may see (its child in scope), else 404. */
async function requireDispute(ctx: IroContext, id: string): Promise<{ row: IroDisputeRow; caseId: string }> {
  const row = await ctx.db.selectFrom("iro_dispute").selectAll().where("la_code", "in", ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Dispute");
  try {
    const { lac } = await requireLookedAfterChild(ctx.db, ctx.actor, row.person_id);
    return { row, caseId: lac.case_id };
  } catch {
    throw notFound("Dispute");
  }
}

/** One dispute with its stage history (audited). */
export async function getDispute(ctx: IroContext, id: string): Promise<Dispute> {
  const { row } = await requireDispute(ctx, id);
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: row.la_code, action: "iro.dispute.read", personId: row.person_id, entity: ENTITY, entityId: id }]);
  return (await present(ctx, [row]))[0] as Dispute;
}

const ACTION_AUDIT = { resolved: "iro.dispute.resolve", escalated: "iro.dispute.escalate", unresolved: "iro.dispute.close-unresolved" } as const;

/**
 * Records the outcome of the dispute's current stage (If-Match): resolved, escalated one stage,
 * or closed unresolved. A stale version is 412; a step the protocol does not allow is 409.
 */
export async function actOnDispute(ctx: IroContext, id: string, version: number, input: DisputeAction): Promise<Dispute> {
  const { row: visible, caseId } = await requireDispute(ctx, id);
  const today = todayIso();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("iro_dispute").selectAll().where("la_code", "=", visible.la_code).where("id", "=", id).forUpdate().executeTakeFirstOrThrow();
    if (before.version !== version) throw await conflictProblem(trx, before.la_code, ENTITY, id, version, disputeSnapshot(before), before.version);
    const result = applyDisputeAction(disputeState(before), { outcome: input.outcome, date: input.date, notes: input.notes, toStage: input.toStage }, ctx.actor.userId, today);
    if (!("ok" in result)) refuse(result);
    const next = result.state;
    return applyVersionedUpdate(trx, {
      actor: ctx.actor,
      audit: ctx.audit,
      laCode: before.la_code,
      entity: ENTITY,
      id,
      version,
      before,
      snapshot: disputeSnapshot,
      update: () =>
        trx
          .updateTable("iro_dispute")
          .set((eb) => ({ stage: next.stage, status: next.status, resolved_on: next.status === "open" ? null : input.date, stages: JSON.stringify(next.stages), version: eb("version", "+", 1) }))
          .where("la_code", "=", before.la_code)
          .where("id", "=", id)
          .where("version", "=", version)
          .returningAll()
          .executeTakeFirst(),
      afterUpdate: async (updated) => {
        const decided = before.stage as DisputeStage;
        const title =
          input.outcome === "escalated" ? `IRO dispute escalated to ${disputeStageLabel(next.stage)}` : input.outcome === "resolved" ? `IRO dispute resolved at ${disputeStageLabel(decided)}` : `IRO dispute closed unresolved at ${disputeStageLabel(decided)}`;
        await disputeEvent(trx, ctx, updated, caseId, `iro_dispute_${decided}`, input.date, title);
      },
      auditEntries: (updated) => [{ laCode: updated.la_code, action: ACTION_AUDIT[input.outcome], personId: updated.person_id, entity: ENTITY, entityId: id, details: { from: before.stage, to: updated.stage, status: updated.status, version: updated.version } }],
    });
  });
  return (await present(ctx, [row]))[0] as Dispute;
}
