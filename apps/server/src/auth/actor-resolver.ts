import { ROLES, type Role, todayIso } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import type { Actor } from "../data/actor.ts";

/**
 * Resolves a user id into the Actor the data layer scopes by, in one query: the user, their
 * organisation, team and authority, and the authorities of any live shared service that
 * names their team (for partners: that their authority belongs to).
 */
export async function resolveActor(db: Kysely<Database>, userId: string, requestId: string): Promise<Actor | null> {
  const today = todayIso();
  const row = await db
    .selectFrom("app_user as u")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .innerJoin("local_authority as la", "la.la_code", "u.la_code")
    .leftJoin("team as t", "t.id", "u.team_id")
    .select(["u.id", "u.username", "u.display_name", "u.role", "u.la_code", "u.organisation_id", "u.team_id", "u.active", "o.name as organisation_name", "t.name as team_name", "la.name as la_name"])
    .select((eb) =>
      eb
        .selectFrom("shared_service as ss")
        .innerJoin("shared_service_authority as ssa", "ssa.shared_service_id", "ss.id")
        .select((e) => e.fn.agg<string[]>("array_agg", ["ssa.la_code"]).as("codes"))
        .where("ss.from_date", "<=", today)
        .where((w) => w.or([w("ss.to_date", "is", null), w("ss.to_date", ">=", today)]))
        .where((w) =>
          w.or([
            w.exists(w.selectFrom("shared_service_team as sst").select("sst.team_id").whereRef("sst.shared_service_id", "=", "ss.id").whereRef("sst.team_id", "=", "u.team_id")),
            w.and([
              w("u.role", "=", "partner_practitioner"),
              w.exists(w.selectFrom("shared_service_authority as mine").select("mine.la_code").whereRef("mine.shared_service_id", "=", "ss.id").whereRef("mine.la_code", "=", "u.la_code")),
            ]),
          ]),
        )
        .as("shared_la_codes"),
    )
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row?.active) return null;
  if (!(ROLES as readonly string[]).includes(row.role)) return null;
  const role = row.role as Role;
  const scope = new Set<string>([row.la_code]);
  for (const code of row.shared_la_codes ?? []) scope.add(code);
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    laCode: row.la_code,
    laName: row.la_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    teamId: row.team_id,
    teamName: row.team_name,
    scopeLaCodes: [...scope].sort(),
    requestId,
  };
}
