import type { Role } from "@family-story/domain";
import type { MeasureScope, MeasureScopeOptions } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";

/** The nil uuid measure_fact and measure_month use for "no team". */
export const NO_TEAM = "00000000-0000-0000-0000-000000000000";

/** Roles that may read the figures of any team of an authority they work, not just their own. */
const ANY_TEAM_READERS: ReadonlySet<Role> = new Set<Role>(["leader", "performance_analyst"]);

/** Whose figures are read: the authorities summed and, for a team, the team's facts only. */
export interface ResolvedScope extends MeasureScope {
  /** The team whose facts are counted (team scope only). */
  teamId: string | null;
}

/** The scope a query names; exactly one of them is set (the schemas check that). */
export interface ScopeRequest {
  la?: string | undefined;
  service?: string | undefined;
  team?: string | undefined;
}

/**
 * Resolves la, service or team into the authorities counted, or 404 when the actor does not
 * work every authority in it (the same answer as a scope that does not exist). A team is the
 * actor's own, or any team of an authority they work for a leader or performance analyst.
 */
export async function resolveScope(db: Kysely<Database>, actor: Actor, request: ScopeRequest): Promise<ResolvedScope> {
  if (request.team !== undefined) {
    const team = await db.selectFrom("team").select(["id", "la_code", "name"]).where("id", "=", request.team).executeTakeFirst();
    const readable = team !== undefined && actor.scopeLaCodes.includes(team.la_code) && (team.id === actor.teamId || ANY_TEAM_READERS.has(actor.role));
    if (!readable) throw notFound("Team");
    return { kind: "team", id: team.id, name: team.name, authorities: [team.la_code], teamId: team.id };
  }
  if (request.service !== undefined) {
    const service = await db.selectFrom("shared_service").select(["id", "name"]).where("id", "=", request.service).executeTakeFirst();
    const codes = service ? (await db.selectFrom("shared_service_authority").select("la_code").where("shared_service_id", "=", service.id).orderBy("la_code").execute()).map((r) => r.la_code) : [];
    if (!service || codes.length === 0 || !codes.every((c) => actor.scopeLaCodes.includes(c))) throw notFound("Shared service");
    return { kind: "shared-service", id: service.id, name: service.name, authorities: codes, teamId: null };
  }
  const laCode = request.la ?? actor.laCode;
  const authority = actor.scopeLaCodes.includes(laCode) ? await db.selectFrom("local_authority").select(["la_code", "name"]).where("la_code", "=", laCode).executeTakeFirst() : undefined;
  if (!authority) throw notFound("Local authority");
  return { kind: "authority", id: authority.la_code, name: authority.name, authorities: [authority.la_code], teamId: null };
}

/** The scopes the actor may choose from, their own authority and team first. */
export async function scopeOptions(db: Kysely<Database>, actor: Actor): Promise<MeasureScopeOptions> {
  const codes = actor.scopeLaCodes;
  const authorities = await db.selectFrom("local_authority").select(["la_code", "name"]).where("la_code", "in", codes).orderBy("name").execute();
  const links = await db
    .selectFrom("shared_service_authority as ssa")
    .innerJoin("shared_service as ss", "ss.id", "ssa.shared_service_id")
    .select(["ss.id", "ss.name", "ssa.la_code"])
    .where("ss.id", "in", (eb) => eb.selectFrom("shared_service_authority").select("shared_service_id").where("la_code", "in", codes))
    .orderBy("ss.name")
    .orderBy("ssa.la_code")
    .execute();
  const services = new Map<string, { id: string; name: string; authorities: string[] }>();
  for (const link of links) {
    const service = services.get(link.id) ?? { id: link.id, name: link.name, authorities: [] };
    service.authorities.push(link.la_code);
    services.set(link.id, service);
  }
  const teams = ANY_TEAM_READERS.has(actor.role)
    ? await db.selectFrom("team").select(["id", "name", "la_code"]).where("la_code", "in", codes).where("active", "=", true).orderBy("name").execute()
    : actor.teamId === null
      ? []
      : await db.selectFrom("team").select(["id", "name", "la_code"]).where("id", "=", actor.teamId).execute();
  const own = <T>(list: T[], mine: (item: T) => boolean): T[] => [...list.filter(mine), ...list.filter((item) => !mine(item))];
  return {
    authorities: own(authorities, (a) => a.la_code === actor.laCode).map((a) => ({ code: a.la_code, name: a.name })),
    services: [...services.values()].filter((s) => s.authorities.every((c) => codes.includes(c))),
    teams: own(teams, (t) => t.id === actor.teamId).map((t) => ({ id: t.id, name: t.name, laCode: t.la_code })),
  };
}
