import type { AuditVerifyResult } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { AuditEventRow, Database } from "../db/database-types.ts";
import { GENESIS_HASH, hashEvent, type ChainedFields } from "./audit-chain.ts";

/** The fields exactly as they were hashed on append, rebuilt from a stored row. */
export function chainedFieldsOf(row: AuditEventRow): ChainedFields {
  return {
    la_code: row.la_code,
    seq: row.seq,
    id: row.id,
    // Appended as new Date().toISOString(); timestamptz keeps microseconds, so milliseconds round-trip exactly.
    occurred_at: new Date(row.occurred_at).toISOString(),
    request_id: row.request_id,
    actor_user_id: row.actor_user_id,
    actor_username: row.actor_username,
    actor_name: row.actor_name,
    actor_role: row.actor_role,
    actor_organisation_id: row.actor_organisation_id,
    actor_organisation_name: row.actor_organisation_name,
    actor_la_code: row.actor_la_code,
    action: row.action,
    outcome: row.outcome,
    person_id: row.person_id,
    entity: row.entity,
    entity_id: row.entity_id,
    reason: row.reason,
    // jsonb reorders keys; canonicalJson sorts them again, so the hash is unaffected.
    details: typeof row.details === "string" ? (JSON.parse(row.details) as unknown) : row.details,
    prev_hash: row.prev_hash,
  };
}

/**
 * Walks one authority's audit chain in sequence order, in batches, recomputing each hash and
 * checking each link to the one before, and finally the chain head. Reports the first broken
 * link: its sequence number and what is wrong with it.
 */
export async function verifyAuditChain(db: Kysely<Database>, laCode: string, options: { batchSize?: number; onProgress?: (checked: number) => void } = {}): Promise<AuditVerifyResult> {
  const batchSize = options.batchSize ?? 2000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, problem: string): AuditVerifyResult => ({ laCode, checked, ok: false, firstBrokenSeq: seq, problem });
  for (;;) {
    const rows = await db
      .selectFrom("audit_event")
      .selectAll()
      .where("la_code", "=", laCode)
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const seq = row.seq;
      if (seq !== expectedSeq) return broken(expectedSeq, `event ${expectedSeq} is missing (the next stored event is ${seq})`);
      if (row.prev_hash !== prevHash) return broken(seq, `prev_hash does not match the hash of event ${seq - 1}${seq === 1 ? " (the chain must start from the genesis hash)" : ""}`);
      const recomputed = hashEvent(chainedFieldsOf(row));
      if (recomputed !== row.hash) return broken(seq, "the event's content does not match its hash (it was altered after it was written)");
      checked += 1;
      prevHash = row.hash;
      expectedSeq += 1;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) break;
  }
  // The head records the last event appended: a shorter chain means events were removed from the end.
  const head = await db.selectFrom("audit_head").select(["seq", "hash"]).where("la_code", "=", laCode).executeTakeFirst();
  const headSeq = head ? head.seq : 0;
  if (headSeq !== checked) return broken(checked + 1, `the chain head says ${headSeq} events were written but ${checked} are stored`);
  if (head && head.hash !== prevHash) return broken(checked, "the chain head's hash does not match the last event");
  return { laCode, checked, ok: true, firstBrokenSeq: null, problem: null };
}

/** Every authority on the service and every one with a chain head, in code order. */
export async function auditedAuthorities(db: Kysely<Database>): Promise<string[]> {
  const heads = await db.selectFrom("audit_head").select("la_code").execute();
  const authorities = await db.selectFrom("local_authority").select("la_code").execute();
  return [...new Set([...heads.map((h) => h.la_code), ...authorities.map((a) => a.la_code)])].sort();
}
