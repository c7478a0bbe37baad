import type { Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { HttpProblem } from "../http/problem.ts";
import type { Actor } from "./actor.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditEntry, AuditLog } from "./audit-log.ts";

/** Keeps a snapshot of every version of an editable record, for conflicts and history. */
export async function recordVersion(
  trx: Transaction<Database>,
  actor: Actor,
  laCode: string,
  entity: string,
  entityId: string,
  version: number,
  data: Record<string, unknown>,
): Promise<void> {
  await trx
    .insertInto("record_history")
    .values({
      la_code: laCode,
      entity,
      entity_id: entityId,
      version,
      data: JSON.stringify(data),
      changed_by: actor.userId,
      changed_by_name: actor.displayName,
    })
    .execute();
}

/**
 * Keeps the snapshot of the version an edit starts from, for records created before
 * history was kept (imports, bulk loads); a snapshot already there is left alone.
 */
export async function ensureVersionRecorded(trx: Transaction<Database>, laCode: string, entity: string, entityId: string, version: number, data: Record<string, unknown>): Promise<void> {
  await trx
    .insertInto("record_history")
    .values({ la_code: laCode, entity, entity_id: entityId, version, data: JSON.stringify(data), changed_by: null, changed_by_name: null })
    .onConflict((oc) => oc.columns(["la_code", "entity", "entity_id", "version"]).doNothing())
    .execute();
}

/**
 * Builds the 412 for a stale edit: what changed between the version the editor had and the
 * current one, who changed it and when, so they can redo their edit knowingly.
 */
export async function conflictProblem(
  trx: Transaction<Database>,
  laCode: string,
  entity: string,
  entityId: string,
  theirVersion: number,
  current: Record<string, unknown>,
  currentVersion: number,
): Promise<HttpProblem> {
  const rows = await trx
    .selectFrom("record_history")
    .select(["version", "data", "changed_by_name", "changed_at"])
    .where("la_code", "=", laCode)
    .where("entity", "=", entity)
    .where("entity_id", "=", entityId)
    .where("version", "in", [theirVersion, currentVersion])
    .execute();
  const theirs = rows.find((r) => r.version === theirVersion)?.data;
  const latest = rows.find((r) => r.version === currentVersion);
  const changes = theirs
    ? Object.keys(current)
        .filter((k) => JSON.stringify(theirs[k] ?? null) !== JSON.stringify(current[k] ?? null))
        .map((field) => ({ field, from: theirs[field] ?? null, to: current[field] ?? null }))
    : [];
  const who = latest?.changed_by_name ?? "someone else";
  const when = latest ? new Date(latest.changed_at).toISOString() : undefined;
  const summary = changes.length > 0 ? changes.map((c) => c.field).join(", ") : "the record";
  return new HttpProblem(412, "This record was changed by someone else", `${who} changed ${summary} after you opened it (you edited version ${theirVersion}; it is now version ${currentVersion}). Your changes were not saved: review theirs and make your edit again.`, {
    changes,
    changedBy: who,
    ...(when ? { changedAt: when } : {}),
    currentVersion,
  });
}

/** One If-Match edit of a versioned record, for applyVersionedUpdate. */
export interface VersionedUpdate<Row extends { version: number }> {
  actor: Actor;
  audit: AuditLog;
  laCode: string;
  entity: string;
  id: string;
  /** The version the editor had (If-Match). */
  version: number;
  /** The record as read before the edit. */
  before: Row;
  snapshot: (row: Row) => Record<string, unknown>;
  /** The UPDATE … SET version = version + 1 WHERE la_code, id and version = the editor's, RETURNING *. */
  update: () => Promise<Row | undefined>;
  /** Re-reads the record when the update matched no row; without it, `before` is the current one. */
  current?: () => Promise<Row>;
  /** Side effects of the change, before its version is recorded (name keys, sessions ended…). */
  afterUpdate?: (updated: Row) => Promise<void>;
  /** The audit entries for the change. */
  auditEntries: (updated: Row) => AuditEntry[];
}

/**
 * Applies an If-Match edit in the caller's transaction: keeps the starting snapshot, runs the
 * update, answers 412 with what changed if the editor's version was stale, then records the
 * new version and audits the change, so every versioned record is edited the same way.
 */
export async function applyVersionedUpdate<Row extends { version: number }>(trx: Transaction<Database>, edit: VersionedUpdate<Row>): Promise<Row> {
  const { laCode, entity, id, snapshot } = edit;
  await ensureVersionRecorded(trx, laCode, entity, id, edit.before.version, snapshot(edit.before));
  const updated = await edit.update();
  if (!updated) {
    const current = edit.current ? await edit.current() : edit.before;
    throw await conflictProblem(trx, laCode, entity, id, edit.version, snapshot(current), current.version);
  }
  if (edit.afterUpdate) await edit.afterUpdate(updated);
  await recordVersion(trx, edit.actor, laCode, entity, id, updated.version, snapshot(updated));
  await edit.audit.appendInTransaction(trx, actorForAudit(edit.actor), edit.auditEntries(updated));
  return updated;
}

/** Reads the version an editor had from an If-Match header (a weak or strong ETag, or a number). */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === "") {
    throw new HttpProblem(428, "Version required", "Send the If-Match header with the version (ETag) you are editing, so nobody's work is overwritten.", {
      errors: [{ field: "If-Match", message: "Required" }],
    });
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) {
    throw new HttpProblem(400, "Check your input", "If-Match must be the ETag you were given, such as W/\"3\".", { errors: [{ field: "If-Match", message: "Not a version" }] });
  }
  return Number(match[1]);
}

/** The ETag for a version. */
export function etag(version: number): string {
  return `W/"${version}"`;
}
