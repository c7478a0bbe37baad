import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "../versioning.ts";
import type { Actor } from "../actor.ts";

/**
 * Versions of the SSDA903 rows that carry no version column (lac_sw_episode, lac_dolo): the
 * record history is the version. A row never edited is version 1; each edit adds the next
 * version to the history, so If-Match works on them as on every other record.
 */

/** The current versions of some rows, by id (1 for a row never edited). */
export async function historyVersions(db: Kysely<Database> | Transaction<Database>, laCode: string, entity: string, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>(ids.map((id) => [id, 1]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("record_history")
    .select((eb) => ["entity_id", eb.fn.max("version").as("version")])
    .where("la_code", "=", laCode)
    .where("entity", "=", entity)
    .where("entity_id", "=", anyUuid(ids))
    .groupBy("entity_id")
    .execute();
  for (const r of rows) out.set(r.entity_id, r.version);
  return out;
}

/** One If-Match edit of a row whose versions live in the record history. */
export interface HistoryEdit<Row> {
  actor: Actor;
  laCode: string;
  entity: string;
  id: string;
  /** The version the editor had (If-Match). */
  version: number;
  /** Locks and reads the row (SELECT … FOR UPDATE), so concurrent edits of it queue. */
  lock: () => Promise<Row>;
  snapshot: (row: Row) => Record<string, unknown>;
  update: () => Promise<Row>;
}

/**
 * Applies the edit in the caller's transaction: locks the row, answers 412 with what changed if
 * the editor's version is stale, then updates it and records the next version. Returns the row
 * and its new version. The caller audits.
 */
export async function applyHistoryEdit<Row>(trx: Transaction<Database>, edit: HistoryEdit<Row>): Promise<{ row: Row; version: number }> {
  const before = await edit.lock();
  const current = (await historyVersions(trx, edit.laCode, edit.entity, [edit.id])).get(edit.id) ?? 1;
  await ensureVersionRecorded(trx, edit.laCode, edit.entity, edit.id, current, edit.snapshot(before));
  if (current !== edit.version) throw await conflictProblem(trx, edit.laCode, edit.entity, edit.id, edit.version, edit.snapshot(before), current);
  const row = await edit.update();
  await recordVersion(trx, edit.actor, edit.laCode, edit.entity, edit.id, current + 1, edit.snapshot(row));
  return { row, version: current + 1 };
}
