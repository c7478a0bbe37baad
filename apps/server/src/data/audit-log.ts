import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { GENESIS_HASH, hashEvent, type ChainedFields } from "./audit-chain.ts";

/** Who did it, as the audit log records it (anonymous for a failed sign-in). */
export interface AuditActor {
  userId: string | null;
  username: string | null;
  displayName: string | null;
  role: string | null;
  organisationId: string | null;
  organisationName: string | null;
  laCode: string | null;
  requestId: string | null;
}

/** One thing that happened, appended to the log of the authority that owns the record. */
export interface AuditEntry {
  laCode: string;
  action: string;
  outcome?: "allowed" | "denied";
  personId?: string | null;
  entity?: string | null;
  entityId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

interface Pending {
  actor: AuditActor;
  entries: AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends to the hash-chained, append-only audit log. Changes append inside their own
 * transaction (appendInTransaction), so a change and its audit commit or fail together.
 * Reads go through record(), which groups the reads of concurrent requests into one
 * transaction: each request still waits until its events are durable before it answers.
 */
export class AuditLog {
  private queue: Pending[] = [];
  private flushing = false;
  private readonly knownHeads = new Set<string>();
  /** The head each authority's chain had after this process last appended to it (a guess, checked on write). */
  private readonly lastHeads = new Map<string, { seq: number; hash: string }>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Appends entries in the caller's transaction, locking each authority's chain head. */
  async appendInTransaction(trx: Transaction<Database>, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    await this.append(trx, entries.map((entry) => ({ actor, entry })));
  }

  /** Appends entries in a transaction of their own, shared with other requests waiting now. */
  record(actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ actor, entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.appendOptimistic(batch.flatMap((p) => p.entries.map((entry) => ({ actor: p.actor, entry }))));
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    this.flushing = false;
  }

  private async append(trx: Transaction<Database>, items: Item[]): Promise<void> {
    const byLa = groupByAuthority(items);
    // A fixed lock order across authorities keeps two writers from deadlocking.
    for (const laCode of [...byLa.keys()].sort()) {
      const list = byLa.get(laCode) ?? [];
      // A head, once there, is never removed: after the first sight of it, skip creating it.
      const lockHead = () => trx.selectFrom("audit_head").select(["seq", "hash"]).where("la_code", "=", laCode).forUpdate().executeTakeFirst();
      let head = this.knownHeads.has(laCode) ? await lockHead() : undefined;
      if (!head) {
        await trx.insertInto("audit_head").values({ la_code: laCode, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column("la_code").doNothing()).execute();
        head = await lockHead();
        if (!head) throw new Error(`audit head for ${laCode} missing`);
        this.knownHeads.add(laCode);
      }
      const chained = chain(laCode, { seq: head.seq, hash: head.hash }, list);
      // Events and the moved head in one statement: one round trip fewer per batch.
      await trx
        .with("appended", (qb) => qb.insertInto("audit_event").values(chained.rows.map((r) => ({ ...r, details: JSON.stringify(r.details) }))))
        .updateTable("audit_head")
        .set({ seq: chained.seq, hash: chained.hash })
        .where("la_code", "=", laCode)
        .execute();
    }
  }

  /**
   * Appends reads without holding a lock across round trips: the events are chained to the
   * head last seen and written in ONE statement that moves the head only if it is still
   * that head (compare-and-set), inserting the events only if it moved. A writer that got
   * there first makes the statement insert nothing; the head is then read again and the
   * chain rebuilt. Usually one round trip per authority and batch, atomic and durable.
   */
  private async appendOptimistic(items: Item[]): Promise<void> {
    const byLa = groupByAuthority(items);
    for (const laCode of [...byLa.keys()].sort()) {
      const list = byLa.get(laCode) ?? [];
      for (let attempt = 0; ; attempt++) {
        const head = this.lastHeads.get(laCode) ?? (await this.readHead(laCode));
        const chained = chain(laCode, head, list);
        const result = await sql`WITH moved AS (
            UPDATE audit_head SET seq = ${chained.seq}, hash = ${chained.hash}
            WHERE la_code = ${laCode} AND seq = ${head.seq} AND hash = ${head.hash} RETURNING la_code)
          INSERT INTO audit_event (${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))})
          SELECT ${sql.join(EVENT_COLUMNS.map((c) => sql.ref(c)))} FROM json_populate_recordset(NULL::audit_event, ${JSON.stringify(chained.rows)}::json)
          WHERE EXISTS (SELECT 1 FROM moved)
          RETURNING seq`.execute(this.db);
        // Rows returned, not the affected count: PGlite reports no count for a WITH statement.
        if (result.rows.length === list.length) {
          this.lastHeads.set(laCode, { seq: chained.seq, hash: chained.hash });
          break;
        }
        this.lastHeads.delete(laCode);
        if (attempt >= 50) throw new Error(`audit log for ${laCode}: head kept moving`);
      }
    }
  }

  private async readHead(laCode: string): Promise<{ seq: number; hash: string }> {
    await this.db.insertInto("audit_head").values({ la_code: laCode, seq: 0, hash: GENESIS_HASH }).onConflict((oc) => oc.column("la_code").doNothing()).execute();
    const head = await this.db.selectFrom("audit_head").select(["seq", "hash"]).where("la_code", "=", laCode).executeTakeFirstOrThrow();
    return { seq: head.seq, hash: head.hash };
  }
}

type Item = { actor: AuditActor; entry: AuditEntry };

const EVENT_COLUMNS = ["la_code", "seq", "id", "occurred_at", "request_id", "actor_user_id", "actor_username", "actor_name", "actor_role", "actor_organisation_id", "actor_organisation_name", "actor_la_code", "action", "outcome", "person_id", "entity", "entity_id", "reason", "details", "prev_hash", "hash"] as const;

function groupByAuthority(items: Item[]): Map<string, Item[]> {
  const byLa = new Map<string, Item[]>();
  for (const item of items) {
    const list = byLa.get(item.entry.laCode) ?? [];
    list.push(item);
    byLa.set(item.entry.laCode, list);
  }
  return byLa;
}

/** The events chained on from a head, and the head they leave. */
function chain(laCode: string, head: { seq: number; hash: string }, list: Item[]): { rows: (ChainedFields & { hash: string })[]; seq: number; hash: string } {
  let seq = head.seq;
  let prev = head.hash;
  const rows = list.map(({ actor, entry }) => {
    seq += 1;
    const fields: ChainedFields = {
      la_code: laCode,
      seq,
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
      request_id: actor.requestId,
      actor_user_id: actor.userId,
      actor_username: actor.username,
      actor_name: actor.displayName,
      actor_role: actor.role,
      actor_organisation_id: actor.organisationId,
      actor_organisation_name: actor.organisationName,
      actor_la_code: actor.laCode,
      action: entry.action,
      outcome: entry.outcome ?? "allowed",
      person_id: entry.personId ?? null,
      entity: entry.entity ?? null,
      entity_id: entry.entityId ?? null,
      reason: entry.reason ?? null,
      details: entry.details ?? {},
      prev_hash: prev,
    };
    const hash = hashEvent(fields);
    prev = hash;
    return { ...fields, hash };
  });
  return { rows, seq, hash: prev };
}
