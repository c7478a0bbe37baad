import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { visiblePeople } from "../person-scope.ts";

/**
 * `= ANY($1::uuid[])`: one array parameter instead of an IN list of hundreds, which PostgreSQL
 * plans far faster (a 400-id IN list took 10–30 ms to plan; the array takes well under one).
 */
export function anyUuid(ids: readonly string[]): RawBuilder<string> {
  return sql<string>`any(${sql.val(ids)}::uuid[])`;
}

/** Which of these people the actor may see by the people rule: one indexed lookup per id. */
export async function loadVisiblePersonIds(db: Kysely<Database>, actor: Actor, ids: Iterable<string | null>): Promise<Set<string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const rows = await db.selectFrom("person").select("id").where("la_code", "in", actor.scopeLaCodes).where("id", "=", anyUuid(wanted)).where(visiblePeople(actor)).execute();
  return new Set(rows.map((r) => r.id));
}

/** The people the actor may see by the people rule, with their names, in one query. */
export async function loadVisiblePeople(db: Kysely<Database>, actor: Actor, ids: Iterable<string | null>): Promise<Map<string, { name: string; dob: string | null }>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "preferred_name", "dob"])
    .where("la_code", "in", actor.scopeLaCodes)
    .where("id", "=", anyUuid(wanted))
    .where(visiblePeople(actor))
    .execute();
  return new Map(rows.map((r) => [r.id, { name: `${r.preferred_name ?? r.given_name} ${r.family_name}`, dob: r.dob }]));
}

/** Display names of users by id, in one query (for work trays and case summaries). */
export async function loadUserNames(db: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("app_user").select(["id", "display_name"]).where("id", "=", anyUuid(wanted)).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * Names of people by id. Callers pass only ids of records they already scoped (a visible case's
 * child, members of a visible case), so this does not re-apply the person rule.
 */
export async function loadPersonNames(db: Kysely<Database>, laCodes: string[], ids: Iterable<string | null>): Promise<Map<string, { name: string; dob: string | null }>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0 || laCodes.length === 0) return new Map();
  const rows = await db.selectFrom("person").select(["id", "given_name", "family_name", "preferred_name", "dob"]).where("la_code", "in", laCodes).where("id", "=", anyUuid(wanted)).execute();
  return new Map(rows.map((r) => [r.id, { name: `${r.preferred_name ?? r.given_name} ${r.family_name}`, dob: r.dob }]));
}
