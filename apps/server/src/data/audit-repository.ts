import type { AuditEvent, AuditQuery, AuditVerifyResult } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { AuditEventRow, Database } from "../db/database-types.ts";
import { HttpProblem } from "../http/problem.ts";
import type { Actor } from "./actor.ts";
import { requireAction } from "./admin-repository.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { verifyAuditChain } from "./audit-verify.ts";

function presentEvent(row: AuditEventRow): AuditEvent {
  return {
    laCode: row.la_code,
    seq: row.seq,
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    requestId: row.request_id,
    actor: { userId: row.actor_user_id, username: row.actor_username, name: row.actor_name, role: row.actor_role, organisationName: row.actor_organisation_name, laCode: row.actor_la_code },
    action: row.action,
    outcome: row.outcome === "denied" ? "denied" : "allowed",
    personId: row.person_id,
    entity: row.entity,
    entityId: row.entity_id,
    reason: row.reason,
    details: (typeof row.details === "string" ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
    hash: row.hash,
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/**
 * The audit log as an auditor reads it: the authorities in their scope only, newest first.
 * Every search is itself audited, so who looked at whose access history is on record too.
 */
export class AuditRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  private authorities(laCode: string | undefined): string[] {
    if (laCode === undefined) return this.actor.scopeLaCodes;
    if (!this.actor.scopeLaCodes.includes(laCode)) {
      throw new HttpProblem(403, "Forbidden", "You do not audit that authority.", { errors: [{ field: "laCode", message: "Not an authority you audit" }] });
    }
    return [laCode];
  }

  /**
   * Events matching the filters, newest (highest sequence) first. Pages by beforeSeq; a page
   * never splits one sequence number across authorities, so the next page loses nothing.
   */
  async search(query: AuditQuery): Promise<{ events: AuditEvent[]; nextBeforeSeq: number | null }> {
    requireAction(this.actor, "audit:read");
    if (query.from && query.to && query.to < query.from) {
      throw new HttpProblem(400, "Check your input", "There is a problem with: to", { errors: [{ field: "to", message: "The end date must be on or after the start date" }] });
    }
    const laCodes = this.authorities(query.laCode);
    let q = this.db.selectFrom("audit_event").selectAll().where("la_code", "in", laCodes);
    if (query.personId) q = q.where("person_id", "=", query.personId);
    if (query.actorUserId) q = q.where("actor_user_id", "=", query.actorUserId);
    if (query.action) q = query.action.endsWith("*") ? q.where("action", "like", `${query.action.slice(0, -1).replace(/[%_\\]/g, "\\$&")}%`) : q.where("action", "=", query.action);
    if (query.from) q = q.where("occurred_at", ">=", new Date(`${query.from}T00:00:00Z`));
    if (query.to) q = q.where("occurred_at", "<", new Date(nextDay(query.to)));
    if (query.beforeSeq !== undefined) q = q.where("seq", "<", query.beforeSeq);
    const rows = await q.orderBy("seq", "desc").orderBy("la_code").limit(query.limit + 1).execute();
    let page = rows.slice(0, query.limit);
    let nextBeforeSeq: number | null = null;
    const firstLeft = rows[query.limit];
    if (firstLeft) {
      const cut = firstLeft.seq;
      const whole = page.filter((r) => r.seq > cut);
      // Keep the page whole by sequence number unless that would leave it empty.
      if (whole.length > 0) {
        page = whole;
        nextBeforeSeq = cut + 1;
      } else {
        nextBeforeSeq = cut;
      }
    }
    await this.audit.record(actorForAudit(this.actor), [
      {
        laCode: this.actor.laCode,
        action: "audit.search",
        personId: query.personId ?? null,
        details: { filters: JSON.parse(JSON.stringify(query)) as Record<string, unknown>, returned: page.length },
      },
    ]);
    return { events: page.map(presentEvent), nextBeforeSeq };
  }

  /** Verifies the hash chain of each authority in scope; the check itself is audited. */
  async verify(): Promise<AuditVerifyResult[]> {
    requireAction(this.actor, "audit:verify");
    const results: AuditVerifyResult[] = [];
    for (const laCode of this.actor.scopeLaCodes) results.push(await verifyAuditChain(this.db, laCode));
    await this.audit.record(actorForAudit(this.actor), [
      { laCode: this.actor.laCode, action: "audit.verify", details: { results: results.map((r) => ({ laCode: r.laCode, checked: r.checked, ok: r.ok, firstBrokenSeq: r.firstBrokenSeq })) } },
    ]);
    return results;
  }
}
