import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The first active team of the given kinds in an authority (in the order of the kinds, then
 * by name), or null. The front door's queue belongs to its front_door team; a decision hands
 * the case to an early help or locality social work team, where a manager allocates it.
 */
export async function firstTeamOfKind(db: Db, laCode: string, kinds: readonly string[]): Promise<string | null> {
  const rows = await db.selectFrom("team").select(["id", "kind", "name"]).where("la_code", "=", laCode).where("kind", "in", kinds).where("active", "=", true).execute();
  rows.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.name.localeCompare(b.name));
  return rows[0]?.id ?? null;
}

/** The team that holds an authority's front-door queue. */
export function frontDoorTeam(db: Db, laCode: string): Promise<string | null> {
  return firstTeamOfKind(db, laCode, ["front_door"]);
}
