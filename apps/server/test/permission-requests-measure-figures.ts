import { randomInt, randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { AuthorityRelation, MatrixFixture } from "./permission-fixture.ts";
import { req, type SessionCase } from "./permission-support.ts";

/** Roles holding measure:read and measure:write, as the policy gives them. */
const READERS: readonly Role[] = ["team_manager", "performance_analyst", "leader"];
const WRITERS: readonly Role[] = ["performance_analyst"];

const dayAfter2000 = (days: number) => new Date(Date.UTC(2000, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);

/** A period no other request of the matrix uses, so each figure entered is a new one. */
function freshPeriod(): { periodStart: string; periodEnd: string } {
  const start = randomInt(0, 20_000);
  return { periodStart: dayAfter2000(start), periodEnd: dayAfter2000(start + randomInt(0, 3650)) };
}

/** A count figure (first-time entrants) of the relation's authority at a day of its own. */
async function figureIn(f: MatrixFixture, rel: AuthorityRelation): Promise<{ la: string; day: string }> {
  const la = f.authorities[rel].tenant.laCode;
  const day = `${String(1900 + randomInt(0, 99))}-${String(randomInt(1, 12)).padStart(2, "0")}-${String(randomInt(1, 28)).padStart(2, "0")}`;
  await f.db
    .insertInto("measure_value")
    .values({ la_code: la, measure_id: "first-time-entrants", period_start: day, period_end: day, value: 10, numerator: null, denominator: null, source: "YJB", source_date: day })
    .onConflict((oc) => oc.columns(["la_code", "measure_id", "period_start", "period_end"]).doUpdateSet({ version: 1 }))
    .execute();
  return { la, day };
}

/** Figures of external measures: analysts change them, readers of measures list them, in authorities they work. */
export const MEASURE_FIGURE_CASES: Record<string, SessionCase> = {
  "GET /api/v1/measures/:id/figures": {
    target: "authority",
    roles: READERS,
    ok: 200,
    inScope: { sameLa: READERS, otherLa: [], sharedService: READERS },
    outOfScope: 404,
    build: (f, _role, rel) => req(`/api/v1/measures/good-level-of-development/figures?la=${f.authorities[rel].tenant.laCode}`),
  },
  "PUT /api/v1/measures/:id/figures": {
    target: "authority",
    roles: WRITERS,
    ok: 201,
    inScope: { sameLa: WRITERS, otherLa: [], sharedService: WRITERS },
    outOfScope: 404,
    build: (f, _role, rel) => {
      const period = freshPeriod();
      return req("/api/v1/measures/first-time-entrants/figures", { la: f.authorities[rel].tenant.laCode, ...period, value: 12, source: "YJB", sourceDate: period.periodEnd });
    },
  },
  "DELETE /api/v1/measures/:id/figures": {
    target: "authority",
    roles: WRITERS,
    ok: 204,
    inScope: { sameLa: WRITERS, otherLa: [], sharedService: WRITERS },
    outOfScope: 404,
    build: async (f, _role, rel) => {
      const { la, day } = await figureIn(f, rel);
      return req(`/api/v1/measures/first-time-entrants/figures?la=${la}&periodStart=${day}&periodEnd=${day}`, undefined, { "if-match": 'W/"1"' });
    },
  },
  "POST /api/v1/measure-imports": {
    target: "none",
    roles: WRITERS,
    ok: 202,
    // A header alone: the job runs on after the answer and saves nothing.
    build: () => req("/api/v1/measure-imports", { name: "figures.csv", text: "measure_id,la_code,period_start,period_end,value,numerator,denominator,source,source_date,note\n" }),
    check: (res, f) => {
      expect(res.json<{ laCode: string }>().laCode).toBe(f.home.laCode);
    },
  },
  "GET /api/v1/measure-imports/:id": {
    target: "authority",
    roles: WRITERS,
    ok: 200,
    // A job belongs to the authority of whoever started it: only that authority's analysts see it.
    inScope: { sameLa: WRITERS, otherLa: [], sharedService: [] },
    outOfScope: 404,
    build: async (f, _role, rel) => {
      const id = randomUUID();
      await f.db.insertInto("import_job").values({ la_code: f.authorities[rel].tenant.laCode, id, kind: "measure-figures", status: "done", summary: "{}", problems: "[]" }).execute();
      return req(`/api/v1/measure-imports/${id}`);
    },
  },
};
