import { MEASURES, monthOf, todayIso, type MeasureDefinition, type Role } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { NO_TEAM } from "../src/data/measures/measure-scope.ts";
import type { Services } from "../src/services.ts";
import { TEST_PASSWORD, buildPerson, buildSharedService, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { signIn, type Client } from "./harness.ts";
import type { FastifyInstance } from "fastify";

/**
 * Fixtures for the measures API: facts written straight into measure_fact and measure_month, so
 * the arithmetic of values, trends, scopes and drill-down is pinned by hand-computed numbers
 * whatever the fact functions do. The authority is marked built for the current month and its
 * dirty queue emptied first, so the refresh before each read leaves these rows alone.
 */

export interface PinnedFact {
  personId: string;
  measureId: string;
  /** YYYY-MM */
  month: string;
  numerator: number;
  denominator: number;
  teamId?: string | null;
}

/** Writes facts and their monthly sums for an authority, as the engine would have. */
export async function pinFacts(db: Kysely<Database>, laCode: string, facts: readonly PinnedFact[]): Promise<void> {
  const lastMonth = `${monthOf(todayIso())}-01`;
  await db
    .insertInto("measure_state")
    .values({ la_code: laCode, first_month: "2014-04-01", last_month: lastMonth })
    .onConflict((oc) => oc.column("la_code").doUpdateSet({ last_month: lastMonth }))
    .execute();
  await db.deleteFrom("measure_dirty").where("la_code", "=", laCode).execute();
  if (facts.length === 0) return;
  const rows = facts.map((f) => ({ la_code: laCode, measure_id: f.measureId, month: `${f.month}-01`, team_id: f.teamId ?? NO_TEAM, person_id: f.personId, numerator: f.numerator, denominator: f.denominator }));
  await db.insertInto("measure_fact").values(rows).execute();
  const sums = new Map<string, { measure_id: string; team_id: string; month: string; numerator: number; denominator: number; people: Set<string> }>();
  for (const r of rows) {
    const key = `${r.measure_id}|${r.team_id}|${r.month}`;
    const s = sums.get(key) ?? { measure_id: r.measure_id, team_id: r.team_id, month: r.month, numerator: 0, denominator: 0, people: new Set<string>() };
    s.numerator += r.numerator;
    s.denominator += r.denominator;
    s.people.add(r.person_id);
    sums.set(key, s);
  }
  await db
    .insertInto("measure_month")
    .values([...sums.values()].map((s) => ({ la_code: laCode, measure_id: s.measure_id, team_id: s.team_id, month: s.month, numerator: s.numerator, denominator: s.denominator, subjects: s.people.size })))
    .execute();
}

export interface MeasureWorld {
  /** Authority A: every user's home; team A and team B. */
  a: Tenant;
  teamB: string;
  /** Authority B: in a shared service with A that names team A. */
  b: Tenant;
  /** Authority C: unconnected. */
  c: Tenant;
  serviceId: string;
  /** A shared service of A and C (the users do not work C). */
  foreignServiceId: string;
  users: Record<"leader" | "analyst" | "manager" | "managerB" | "practitioner", { id: string; username: string; client: Client }>;
}

async function user(services: Services, app: FastifyInstance, tenant: Tenant, role: Role, teamId?: string) {
  const u = await buildUser(services.db, tenant, role, teamId === undefined ? {} : { teamId });
  return { ...u, client: await signIn(app, u.username, TEST_PASSWORD) };
}

/** Three authorities, two shared services and a user per reading role. */
export async function buildMeasureWorld(services: Services, app: FastifyInstance): Promise<MeasureWorld> {
  const a = await buildTenant(services, "Measures A");
  const b = await buildTenant(services, "Measures B");
  const c = await buildTenant(services, "Measures C");
  const teamB = await buildTeam(services.db, a);
  const serviceId = await buildSharedService(services.db, [a.laCode, b.laCode], [a.teamId]);
  const foreignServiceId = await buildSharedService(services.db, [a.laCode, c.laCode], []);
  return {
    a,
    teamB,
    b,
    c,
    serviceId,
    foreignServiceId,
    users: {
      leader: await user(services, app, a, "leader"),
      analyst: await user(services, app, a, "performance_analyst"),
      manager: await user(services, app, a, "team_manager"),
      managerB: await user(services, app, a, "team_manager", teamB),
      practitioner: await user(services, app, a, "practitioner"),
    },
  };
}

/** A child in the tenant (restricted ones are open only to users named on them). */
export function child(db: Kysely<Database>, tenant: Tenant, givenName: string, familyName: string, restricted = false): Promise<string> {
  return buildPerson(db, tenant, { givenName, familyName, restricted });
}

/** A computed flow measure (percent, up) and a computed stock measure (count) the pinned facts use. */
export const ASSESSMENTS = "assessments-45-days";
export const LAC_COUNT = "lac-count";

/** An external measure of the catalogue with this unit and a direction of good. */
export function external(unit: MeasureDefinition["unit"]): MeasureDefinition {
  const m = MEASURES.find((x) => x.source === "external" && x.unit === unit && x.direction !== "none");
  if (!m) throw new Error(`no external ${unit} measure in the catalogue`);
  return m;
}

/**
 * The world with facts pinned (month: numerator/denominator, team). p3 is restricted and
 * nobody is named on it.
 * - assessments-45-days in A: p1 2023-05 1/1 A, 2024-04 1/1 A; p2 2023-05 0/1 A, 2024-07 0/1
 *   no team; p3 2023-11 1/1 B, 2025-01 1/1 B; p4 2025-03 0/1 A; p5 2023-03 and 2025-04 1/1 A
 *   (both outside April 2023 to March 2025).
 * - assessments-45-days in B (no team): q1 and q2 2023-06 1/1; 2024-02 q1 1/1, q2 0/1;
 *   q1 2024-09 0/1.
 * - lac-count in A (month ends): p1 Jan–Mar 2024 (A); p2 Mar–Jun 2024 (B); p3 May 2024 (B).
 */
export async function buildPinnedWorld(services: Services, app: FastifyInstance): Promise<{ w: MeasureWorld; p: Record<"p1" | "p2" | "p3" | "p4" | "p5" | "q1" | "q2", string> }> {
  const db = services.db;
  const w = await buildMeasureWorld(services, app);
  const { a, b, teamB } = w;
  const p = {
    p1: await child(db, a, "Ava", "Adams"),
    p2: await child(db, a, "Ben", "Brown"),
    p3: await child(db, a, "Cal", "Cole", true),
    p4: await child(db, a, "Dee", "Dunn"),
    p5: await child(db, a, "Eve", "Evans"),
    q1: await child(db, b, "Fay", "Ford"),
    q2: await child(db, b, "Gus", "Gray"),
  };
  const f = (personId: string, measureId: string, month: string, numerator: number, denominator: number, teamId: string | null = null): PinnedFact => ({ personId, measureId, month, numerator, denominator, teamId });
  await pinFacts(db, a.laCode, [
    f(p.p1, ASSESSMENTS, "2023-05", 1, 1, a.teamId),
    f(p.p2, ASSESSMENTS, "2023-05", 0, 1, a.teamId),
    f(p.p3, ASSESSMENTS, "2023-11", 1, 1, teamB),
    f(p.p1, ASSESSMENTS, "2024-04", 1, 1, a.teamId),
    f(p.p2, ASSESSMENTS, "2024-07", 0, 1),
    f(p.p3, ASSESSMENTS, "2025-01", 1, 1, teamB),
    f(p.p4, ASSESSMENTS, "2025-03", 0, 1, a.teamId),
    f(p.p5, ASSESSMENTS, "2025-04", 1, 1, a.teamId),
    f(p.p5, ASSESSMENTS, "2023-03", 1, 1, a.teamId),
    ...["2024-01", "2024-02", "2024-03"].map((m) => f(p.p1, LAC_COUNT, m, 1, 1, a.teamId)),
    ...["2024-03", "2024-04", "2024-05", "2024-06"].map((m) => f(p.p2, LAC_COUNT, m, 1, 1, teamB)),
    f(p.p3, LAC_COUNT, "2024-05", 1, 1, teamB),
  ]);
  await pinFacts(db, b.laCode, [f(p.q1, ASSESSMENTS, "2023-06", 1, 1), f(p.q2, ASSESSMENTS, "2023-06", 1, 1), f(p.q1, ASSESSMENTS, "2024-02", 1, 1), f(p.q2, ASSESSMENTS, "2024-02", 0, 1), f(p.q1, ASSESSMENTS, "2024-09", 0, 1)]);
  await pinFacts(db, w.c.laCode, []);
  return { w, p };
}

/** The fields of one CSV line (RFC 4180 quoting). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}
