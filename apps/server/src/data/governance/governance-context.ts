import { MEASURES, measureById } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";

/** What every governance repository is built from: one actor's view of the data. */
export interface GovContext {
  db: Kysely<Database>;
  actor: Actor;
  audit: AuditLog;
}

/** Appends audit entries inside the transaction that made the change. */
export async function auditIn(trx: Transaction<Database>, ctx: GovContext, entries: AuditEntry[]): Promise<void> {
  await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), entries);
}

/** Records reads (outside any transaction: PGlite has one session). */
export async function auditRead(ctx: GovContext, entries: AuditEntry[]): Promise<void> {
  await ctx.audit.record(actorForAudit(ctx.actor), entries);
}

/** The names of the authorities the actor works, by code. */
export async function authorityNames(ctx: GovContext): Promise<Map<string, string>> {
  const rows = await ctx.db.selectFrom("local_authority").select(["la_code", "name"]).where("la_code", "in", ctx.actor.scopeLaCodes).execute();
  return new Map(rows.map((r) => [r.la_code, r.name]));
}

/**
 * The authorities a list covers: the one asked for (404 if the actor does not work it, the same
 * answer as one that does not exist) or every one they work.
 */
export function listScope(ctx: GovContext, la: string | undefined): string[] {
  if (la === undefined) return ctx.actor.scopeLaCodes;
  if (!ctx.actor.scopeLaCodes.includes(la)) throw notFound("Local authority");
  return [la];
}

/** The name of an authority the actor works; 404 otherwise. */
export async function requireAuthority(ctx: GovContext, la: string): Promise<string> {
  const name = ctx.actor.scopeLaCodes.includes(la) ? (await authorityNames(ctx)).get(la) : undefined;
  if (name === undefined) throw notFound("Local authority");
  return name;
}

/**
 * Refuses measure ids the catalogue does not hold. While the catalogue is empty (a build
 * without measures) any well-formed id is kept, and shown without a title.
 */
export function checkMeasureIds(ids: readonly string[] | undefined): void {
  if (ids === undefined || MEASURES.length === 0) return;
  const errors = ids.flatMap((id, i) => (measureById(id) ? [] : [{ field: `measureIds.${String(i)}`, message: `There is no measure ${id} in the catalogue` }]));
  if (errors.length > 0) throw badRequest("Link only measures of the outcomes framework.", errors);
  if (new Set(ids).size !== ids.length) throw badRequest("Link each measure once.", [{ field: "measureIds", message: "A measure is listed twice" }]);
}
