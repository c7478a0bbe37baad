import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import { req, type SessionCase } from "./permission-support.ts";

/** Roles holding report:read: team managers, IROs and performance analysts. */
const REPORTERS: readonly Role[] = ["team_manager", "iro", "performance_analyst", "leader"];

/** A report on an authority: the user's own and one in a shared service with their team, never another. */
function reportCase(path: string): SessionCase {
  return {
    target: "authority",
    roles: REPORTERS,
    ok: 200,
    inScope: { sameLa: REPORTERS, otherLa: [], sharedService: REPORTERS },
    outOfScope: 404,
    build: (f, _role, rel) => req(`${path}?la=${f.authorities[rel].tenant.laCode}&year=2024`),
  };
}

/** Aggregate reports on children looked after. */
export const REPORT_CASES: Record<string, SessionCase> = {
  "GET /api/v1/reports/authorities": {
    target: "none",
    roles: REPORTERS,
    ok: 200,
    build: () => req("/api/v1/reports/authorities"),
    // The user's own authority and the one their team's shared service covers, never an unconnected one.
    check: (res, f) => {
      expect(res.json<{ code: string }[]>().map((a) => a.code).sort()).toEqual([f.home.laCode, f.shared.laCode].sort());
    },
  },
  "GET /api/v1/reports/iro-annual": reportCase("/api/v1/reports/iro-annual"),
  "GET /api/v1/reports/iro-annual.csv": reportCase("/api/v1/reports/iro-annual.csv"),
  "GET /api/v1/reports/placement-stability": reportCase("/api/v1/reports/placement-stability"),
  "GET /api/v1/reports/placement-stability.csv": reportCase("/api/v1/reports/placement-stability.csv"),
  "GET /api/v1/reports/looked-after-timeliness": reportCase("/api/v1/reports/looked-after-timeliness"),
  "GET /api/v1/reports/looked-after-timeliness.csv": reportCase("/api/v1/reports/looked-after-timeliness.csv"),
};
