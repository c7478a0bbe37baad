import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import { req, type SessionCase } from "./permission-support.ts";

/** Roles holding measure:read: team managers, performance analysts and senior leaders. */
const MEASURE_READERS: readonly Role[] = ["team_manager", "performance_analyst", "leader"];

/** The committee-paper PDF of a dashboard: the user's own authority and one in a shared service with their team, never another. */
export const MEASURE_EXPORT_CASES: Record<string, SessionCase> = {
  "GET /api/v1/measure-dashboards/:board/export.pdf": {
    target: "authority",
    roles: MEASURE_READERS,
    ok: 200,
    inScope: { sameLa: MEASURE_READERS, otherLa: [], sharedService: MEASURE_READERS },
    outOfScope: 404,
    build: (f, _role, rel) => req(`/api/v1/measure-dashboards/leaders/export.pdf?la=${f.authorities[rel].tenant.laCode}`),
    // Runs for every expected answer of a role holding measure:read, the 404s included.
    check: (res) => {
      if (res.statusCode !== 200) return;
      expect(res.headers["content-type"]).toBe("application/pdf");
      expect(res.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
  },
};
