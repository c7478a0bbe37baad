import { DEFAULT_AMBER_TOLERANCE } from "@family-story/domain";
import type { MeasureTarget, MeasureTargetInput } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { presentTarget } from "../../presenters/measure-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";

/**
 * A stale version is answered 412, as every versioned record is (data/versioning.ts).
 */
const STALE = 412;

/** The answer to a stale version: who changed the target last and what it is now. */
async function staleTarget(db: Kysely<Database>, current: MeasureTarget | null, updatedBy: string | null, theirs: number | null): Promise<HttpProblem> {
  const currentVersion = current?.version ?? 0;
  const who = updatedBy ? ((await db.selectFrom("app_user").select("display_name").where("id", "=", updatedBy).executeTakeFirst())?.display_name ?? "someone else") : "someone else";
  if (theirs === null) {
    return new HttpProblem(428, "Version required", "This measure already has a target: send the If-Match header with the version (ETag) you are editing, so nobody's work is overwritten.", {
      errors: [{ field: "If-Match", message: "Required" }],
      currentVersion,
    });
  }
  const detail =
    current === null
      ? `There is no target yet; send If-Match: W/"0" (or none) to set the first one.`
      : `${who} changed the target after you opened it (you edited version ${String(theirs)}; it is now version ${String(currentVersion)}, target ${current.targetValue ?? "none"}). Your change was not saved: review theirs and make yours again.`;
  return new HttpProblem(STALE, "The target was changed by someone else", detail, { changedBy: who, currentVersion });
}

/**
 * Sets an authority's baseline and target for a measure. The first time, If-Match may be left
 * out (or W/"0"); after that it must carry the version read, or the answer is 412 with the
 * current version (428 when it is missing). Audited in the authority's chain with the change.
 */
export async function setMeasureTarget(db: Kysely<Database>, actor: Actor, audit: AuditLog, measureId: string, laCode: string, version: number | null, input: MeasureTargetInput): Promise<MeasureTarget> {
  const values = {
    baseline_value: input.baselineValue,
    baseline_label: input.baselineLabel === null || input.baselineLabel === "" ? null : input.baselineLabel,
    target_value: input.targetValue,
    target_date: input.targetDate,
    amber_tolerance: input.amberTolerance ?? DEFAULT_AMBER_TOLERANCE,
    note: input.note === undefined || input.note === null || input.note === "" ? null : input.note,
    updated_at: new Date(),
    updated_by: actor.userId,
  };
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("measure_target").selectAll().where("la_code", "=", laCode).where("measure_id", "=", measureId).forUpdate().executeTakeFirst();
    const before = existing ? presentTarget(existing) : null;
    let saved;
    if (existing) {
      if (version === null || version !== existing.version) throw await staleTarget(trx, before, existing.updated_by, version);
      saved = await trx
        .updateTable("measure_target")
        .set((eb) => ({ ...values, version: eb("version", "+", 1) }))
        .where("la_code", "=", laCode)
        .where("measure_id", "=", measureId)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
    } else {
      if (version !== null && version !== 0) throw await staleTarget(trx, null, null, version);
      // Two first saves at once: the second inserts nothing and is told to reload.
      saved = await trx
        .insertInto("measure_target")
        .values({ la_code: laCode, measure_id: measureId, ...values })
        .onConflict((oc) => oc.columns(["la_code", "measure_id"]).doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    if (!saved) throw new HttpProblem(409, "The target was changed by someone else", "Someone saved a target for this measure at the same time. Reload it, then make your change again.", { currentVersion: (existing?.version ?? 0) + 1 });
    const after = presentTarget(saved);
    await audit.appendInTransaction(trx, actorForAudit(actor), [{ laCode, action: "measure.target.update", entity: "measure", entityId: measureId, details: { from: before, to: after } }]);
    return after;
  });
}
