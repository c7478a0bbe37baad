import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { AuthorityRelation, MatrixFixture } from "./permission-fixture.ts";
import { req, type SessionCase } from "./permission-support.ts";

/** Roles holding measure:read (team managers, performance analysts, senior leaders) and measure:write (analysts). */
const READERS: readonly Role[] = ["team_manager", "performance_analyst", "leader"];
const WRITERS: readonly Role[] = ["performance_analyst"];

/** A read of an authority's figures: the user's own and one in a shared service with their team, never another. */
function authorityRead(url: (la: string) => string, check?: SessionCase["check"]): SessionCase {
  return {
    target: "authority",
    roles: READERS,
    ok: 200,
    inScope: { sameLa: READERS, otherLa: [], sharedService: READERS },
    outOfScope: 404,
    build: (f, _role, rel) => req(url(f.authorities[rel].tenant.laCode)),
    ...(check ? { check } : {}),
  };
}

/** The version of the authority's target now, so each allowed change sends the right If-Match. */
async function targetVersion(f: MatrixFixture, rel: AuthorityRelation): Promise<string> {
  const row = await f.db.selectFrom("measure_target").select("version").where("la_code", "=", f.authorities[rel].tenant.laCode).where("measure_id", "=", "lac-count").executeTakeFirst();
  return `W/"${String(row?.version ?? 0)}"`;
}

/** The outcomes framework: definitions, values, drill-down, targets, dashboards and CSV. */
export const MEASURE_CASES: Record<string, SessionCase> = {
  "GET /api/v1/measures": {
    target: "none",
    roles: READERS,
    ok: 200,
    build: () => req("/api/v1/measures"),
    check: (res) => {
      expect(res.json<{ measures: { id: string }[] }>().measures.map((m) => m.id)).toContain("lac-count");
    },
  },
  "GET /api/v1/measure-scopes": {
    target: "none",
    roles: READERS,
    ok: 200,
    build: () => req("/api/v1/measure-scopes"),
    // Only authorities the user works: their own and the shared service's, never an unconnected one.
    check: (res, f) => {
      expect(res.json<{ authorities: { code: string }[] }>().authorities.map((a) => a.code).sort()).toEqual([f.home.laCode, f.shared.laCode].sort());
    },
  },
  "GET /api/v1/measures/:id": authorityRead((la) => `/api/v1/measures/lac-count?la=${la}`),
  "GET /api/v1/measures/:id/export.csv": authorityRead(
    (la) => `/api/v1/measures/lac-count/export.csv?la=${la}`,
    // The check also sees the 404s of holders out of scope: only a success is a CSV.
    (res) => {
      if (res.statusCode === 200) expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    },
  ),
  "GET /api/v1/measures/:id/subjects": authorityRead((la) => `/api/v1/measures/lac-count/subjects?la=${la}`),
  "PUT /api/v1/measures/:id/targets/:la": {
    target: "authority",
    roles: WRITERS,
    ok: 200,
    inScope: { sameLa: WRITERS, otherLa: [], sharedService: WRITERS },
    outOfScope: 404,
    build: async (f, _role, rel) =>
      req(`/api/v1/measures/lac-count/targets/${f.authorities[rel].tenant.laCode}`, { baselineValue: 10, baselineLabel: "2022/23", targetValue: 12, targetDate: null }, { "if-match": await targetVersion(f, rel) }),
  },
  "GET /api/v1/measure-dashboards/:board": authorityRead((la) => `/api/v1/measure-dashboards/leaders?la=${la}`),
  "GET /api/v1/measure-dashboards/:board/export.csv": authorityRead((la) => `/api/v1/measure-dashboards/early-help/export.csv?la=${la}`),
};
