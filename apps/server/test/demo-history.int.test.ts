import { MEASURES, collectionYearOf, ragRating, todayIso } from "@family-story/domain";
import type { WorkTray } from "@family-story/schemas";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasDemoCasework } from "../src/demo/demo-casework.ts";
import { HISTORY_PERSON_FLOOR } from "../src/demo/demo-history.ts";
import { DEMO_PASSWORD, RBKC, WCC } from "../src/demo/demo-organisation.ts";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { createTestService, signIn, type TestService } from "./harness.ts";

interface YearFigure { la_code: string; measure_id: string; year: number; num: number; den: number }

// The demo borough uses fixed authority codes and usernames: a fresh in-memory PGlite only.
describe("the demo borough's casework history (PGlite)", () => {
  let svc: TestService;
  const thisYear = collectionYearOf(todayIso());
  const years = [0, 1, 2, 3, 4].map((i) => thisYear - 4 + i);

  beforeAll(async () => {
    svc = await createTestService("pglite");
    await seedDemo(svc.services.db, { people: 400 });
    await svc.services.refs.refresh();
  }, 120_000);
  afterAll(async () => svc.close());

  it("adds hundreds of new children to each authority, none of them the demo's own families", async () => {
    const db = svc.services.db;
    const counts = await sql<{ la_code: string; n: number }>`SELECT la_code, count(*)::int AS n FROM person WHERE id >= ${HISTORY_PERSON_FLOOR}::uuid GROUP BY la_code`.execute(db);
    const byLa = Object.fromEntries(counts.rows.map((r) => [r.la_code, r.n]));
    expect(byLa[WCC]).toBeGreaterThan(500);
    expect(byLa[RBKC]).toBeGreaterThan(300);
    const related = await sql<{ n: number }>`SELECT count(*)::int AS n FROM relationship WHERE person_id >= ${HISTORY_PERSON_FLOOR}::uuid OR related_person_id >= ${HISTORY_PERSON_FLOOR}::uuid`.execute(db);
    expect(related.rows[0]?.n).toBe(0);
    // The live caseload is still to be recorded: history is not the caseload.
    expect(await hasDemoCasework(db)).toBe(false);
  });

  it("puts nothing on anyone's work tray: no open work, and open cases only for children looked after, allocated to no one", async () => {
    const db = svc.services.db;
    const open = await db.selectFrom("casework_case").select(["kind", "allocated_to"]).where("status", "=", "open").execute();
    expect(open.length).toBeGreaterThan(10);
    expect(open.every((c) => c.kind === "looked_after" && c.allocated_to === null)).toBe(true);
    const items = await db.selectFrom("work_item").select("id").where("status", "=", "open").execute();
    expect(items).toHaveLength(0);
    for (const [user, query] of [["sw.wcc", ""], ["eh.wcc", ""], ["sw.rbkc", ""], ["tm.wcc", "?scope=team"], ["tm.rbkc", "?scope=team"], ["iro.wcc", ""], ["partner.school", ""]] as const) {
      const session = await signIn(svc.app, user, DEMO_PASSWORD);
      const tray = (await session.get(`/api/v1/work-tray${query}`)).json<WorkTray>();
      expect(tray.counts, user).toMatchObject({ cases: 0, items: 0 });
    }
  });

  it("gives every computed measure figures in each of the five financial years, with a mixed RAG against the demo targets", async () => {
    const db = svc.services.db;
    const rows = await sql<YearFigure>`
      SELECT la_code, measure_id, extract(year FROM month - interval '3 months')::int AS year, sum(numerator)::float AS num, sum(denominator)::float AS den
      FROM measure_month GROUP BY 1, 2, 3`.execute(db);
    const figure = (la: string, id: string, year: number) => rows.rows.find((r) => r.la_code === la && r.measure_id === id && r.year === year);
    const computed = MEASURES.filter((m) => m.source === "computed");
    expect(computed.length).toBeGreaterThan(30);
    for (const m of computed) {
      // A conviction is rare: most years have one, not every year.
      const needed = m.id === "lac-convicted" ? 2 : 5;
      expect(years.filter((y) => (figure(WCC, m.id, y)?.den ?? 0) > 0).length, `${m.id} in Westminster`).toBeGreaterThanOrEqual(needed);
      expect(years.filter((y) => (figure(RBKC, m.id, y)?.den ?? 0) > 0).length, `${m.id} in Kensington and Chelsea`).toBeGreaterThanOrEqual(needed - 1);
    }
    // Last complete year's flows against the demo targets: some met, some not.
    const targets = await db.selectFrom("measure_target").select(["measure_id", "target_value"]).where("la_code", "=", WCC).execute();
    const ratings = computed.flatMap((m) => {
      const target = targets.find((t) => t.measure_id === m.id);
      const f = figure(WCC, m.id, thisYear - 1);
      if (m.kind !== "flow" || m.unit !== "percent" || target === undefined || f === undefined || f.den === 0) return [];
      return [ragRating((100 * f.num) / f.den, Number(target.target_value), m.direction)];
    });
    expect(ratings.length).toBeGreaterThan(15);
    expect(ratings.filter((r) => r === "green").length).toBeGreaterThanOrEqual(3);
    expect(ratings.filter((r) => r === "red" || r === "amber").length).toBeGreaterThanOrEqual(3);
  });
});
