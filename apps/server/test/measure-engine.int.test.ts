import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NO_TEAM } from "../src/data/measures/fact-store.ts";
import { rebuildMeasures } from "../src/data/measures/measure-rebuild.ts";
import { dirtyCount, refreshDirty, startMeasureDrain } from "../src/data/measures/measure-refresh.ts";
import { buildCase, buildPerson, buildTeam, buildTenant, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { buildMixedChildren, measureSnapshot } from "./measure-engine-fixture.ts";

// The engine is tested on stand-in measures (measure-engine-facts.ts) so its bookkeeping is
// checked on facts of every kind whatever the real catalogue holds; measures-refresh.int.test.ts
// runs the same comparisons on the real measures.
vi.mock("@family-story/domain", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@family-story/domain")>();
  const { TEST_MEASURES, testFacts } = await import("./measure-engine-facts.ts");
  return { ...actual, MEASURES: [...actual.MEASURES, ...TEST_MEASURES], measureFacts: testFacts };
});

const TODAY = "2025-06-15";

describe.each(DATABASE_KINDS)("measure engine on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  async function monthRow(la: string, measureId: string, teamId: string, month: string) {
    return db().selectFrom("measure_month").select(["numerator", "denominator", "subjects"]).where("la_code", "=", la).where("measure_id", "=", measureId).where("team_id", "=", teamId).where("month", "=", month).executeTakeFirst();
  }
  async function referral(tenant: Tenant, personId: string, caseId: string, date: string) {
    await db().insertInto("cin_referral").values({ la_code: tenant.laCode, case_id: caseId, person_id: personId, referral_date: date, referral_source: "2A", created_by: null }).execute();
  }

  it("builds every child's facts and their monthly sums, with the window and an empty queue", async () => {
    const tenant = await buildTenant(svc.services);
    const x = await buildPerson(db(), tenant);
    const xCase = await buildCase(db(), tenant, x, { openedOn: "2025-01-10", dueDate: null });
    await referral(tenant, x, xCase, "2025-01-10");
    await db().insertInto("cin_assessment").values({ la_code: tenant.laCode, id: randomUUID(), case_id: xCase, person_id: x, start_date: "2025-01-10", completed_date: "2025-02-24", factors: "[]", created_by: null }).execute();
    const y = await buildPerson(db(), tenant);
    const yCase = await buildCase(db(), tenant, y, { openedOn: "2025-01-20", dueDate: null });
    await referral(tenant, y, yCase, "2025-01-20");
    await buildPerson(db(), tenant); // no records: not a child the build visits
    expect(await dirtyCount(db(), tenant.laCode)).toBe(3);

    const progress: [number, number][] = [];
    const result = await rebuildMeasures(db(), tenant.laCode, { today: TODAY, batchSize: 1, onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toMatchObject({ children: 2, window: { firstMonth: "2015-04", lastMonth: "2025-06" } });
    expect(progress).toEqual([[0, 2], [1, 2], [2, 2]]);
    expect(await monthRow(tenant.laCode, "t-referrals", tenant.teamId, "2025-01-01")).toEqual({ numerator: 2, denominator: 2, subjects: 2 });
    // Completed on the 45th day after the start: on time.
    expect(await monthRow(tenant.laCode, "t-assessed-45", tenant.teamId, "2025-02-01")).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
    for (const month of ["2025-01-01", "2025-03-01", "2025-06-01"]) expect(await monthRow(tenant.laCode, "t-open-social-care", tenant.teamId, month)).toEqual({ numerator: 2, denominator: 2, subjects: 2 });
    expect(await monthRow(tenant.laCode, "t-open-social-care", tenant.teamId, "2024-12-01")).toBeUndefined();
    expect(await db().selectFrom("measure_state").select(["first_month", "last_month"]).where("la_code", "=", tenant.laCode).executeTakeFirst()).toEqual({ first_month: "2015-04-01", last_month: "2025-06-01" });
    expect(await dirtyCount(db(), tenant.laCode)).toBe(0);
  });

  it("after writes, updates and deletes, a refresh leaves exactly what a full rebuild makes", async () => {
    const tenant = await buildTenant(svc.services);
    const teamB = await buildTeam(db(), tenant);
    const children = await buildMixedChildren(db(), tenant, [tenant.teamId, teamB, null], 30, 11, TODAY);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    const built = await measureSnapshot(db(), tenant.laCode);
    expect(new Set(built.months.map((m) => (m as { measure_id: string }).measure_id))).toEqual(new Set(["t-referrals", "t-open-social-care", "t-in-care", "t-assessed-45", "t-eh-goals-met", "t-repeat-contacts", "t-sdq", "t-missing", "t-conferences", "t-reviews", "t-oc3"]));

    // New children, a closed case, a moved referral, a case given to another team, deleted records.
    await buildMixedChildren(db(), tenant, [teamB], 8, 12, TODAY);
    const [a, b, c, d, e] = children as [(typeof children)[0], (typeof children)[0], (typeof children)[0], (typeof children)[0], (typeof children)[0]];
    await db().updateTable("casework_case").set({ status: "closed", closed_on: "2024-12-31" }).where("la_code", "=", tenant.laCode).where("id", "=", a.caseId).execute();
    await db().updateTable("cin_referral").set({ referral_date: "2023-05-02" }).where("la_code", "=", tenant.laCode).where("case_id", "=", b.caseId).execute();
    await db().updateTable("casework_case").set({ team_id: teamB }).where("la_code", "=", tenant.laCode).where("subject_person_id", "=", c.personId).execute();
    await db().deleteFrom("cin_assessment").where("la_code", "=", tenant.laCode).where("person_id", "=", d.personId).execute();
    await db().deleteFrom("eh_closure").where("la_code", "=", tenant.laCode).execute();
    await db().deleteFrom("lac_episode").where("la_code", "=", tenant.laCode).where("person_id", "=", e.personId).execute();
    await db().deleteFrom("contact_child").where("la_code", "=", tenant.laCode).execute();
    const waiting = await dirtyCount(db(), tenant.laCode);
    expect(waiting).toBeGreaterThanOrEqual(13);

    const refreshed = await refreshDirty(db(), [tenant.laCode], { today: TODAY, batchSize: 4 });
    expect(refreshed).toEqual({ children: waiting, built: [], rolled: [] });
    expect(await dirtyCount(db(), tenant.laCode)).toBe(0);
    const incremental = await measureSnapshot(db(), tenant.laCode);
    expect(incremental).not.toEqual(built);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(incremental);
  });

  it("a deleted record takes its contribution away, and a month no child counts in goes", async () => {
    const tenant = await buildTenant(svc.services);
    const team = await buildTeam(db(), tenant);
    const keep = await buildPerson(db(), tenant);
    const keepCase = await buildCase(db(), tenant, keep, { teamId: team, openedOn: "2025-03-03", dueDate: null });
    await referral(tenant, keep, keepCase, "2025-03-03");
    const gone = await buildPerson(db(), tenant);
    const goneCase = await buildCase(db(), tenant, gone, { teamId: team, openedOn: "2025-04-07", dueDate: null });
    await referral(tenant, gone, goneCase, "2025-04-07");
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    expect(await monthRow(tenant.laCode, "t-referrals", team, "2025-04-01")).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
    expect(await monthRow(tenant.laCode, "t-open-social-care", team, "2025-05-01")).toEqual({ numerator: 2, denominator: 2, subjects: 2 });

    await db().deleteFrom("cin_referral").where("la_code", "=", tenant.laCode).where("case_id", "=", goneCase).execute();
    await db().deleteFrom("work_item").where("la_code", "=", tenant.laCode).where("case_id", "=", goneCase).execute();
    await db().deleteFrom("case_member").where("la_code", "=", tenant.laCode).where("case_id", "=", goneCase).execute();
    await db().deleteFrom("casework_case").where("la_code", "=", tenant.laCode).where("id", "=", goneCase).execute();
    await refreshDirty(db(), [tenant.laCode], { today: TODAY });

    expect(await monthRow(tenant.laCode, "t-referrals", team, "2025-04-01")).toBeUndefined();
    expect(await monthRow(tenant.laCode, "t-referrals", team, "2025-03-01")).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
    expect(await monthRow(tenant.laCode, "t-open-social-care", team, "2025-05-01")).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
    expect(await db().selectFrom("measure_fact").select("measure_id").where("la_code", "=", tenant.laCode).where("person_id", "=", gone).execute()).toEqual([]);
  });

  it("a new month extends the window: children counted at the old month end are counted at the new ones", async () => {
    const tenant = await buildTenant(svc.services);
    await buildMixedChildren(db(), tenant, [tenant.teamId, null], 20, 21, "2025-05-10");
    const closedEarly = await buildPerson(db(), tenant);
    await buildCase(db(), tenant, closedEarly, { openedOn: "2024-01-05", status: "closed", dueDate: null });
    await db().updateTable("casework_case").set({ closed_on: "2024-02-10" }).where("la_code", "=", tenant.laCode).where("subject_person_id", "=", closedEarly).execute();
    await rebuildMeasures(db(), tenant.laCode, { today: "2025-05-10" });
    const open = (await monthRow(tenant.laCode, "t-open-social-care", tenant.teamId, "2025-05-01"))?.subjects ?? 0;
    expect(open).toBeGreaterThan(0);
    expect(await monthRow(tenant.laCode, "t-open-social-care", tenant.teamId, "2025-06-01")).toBeUndefined();

    // Same day again: nothing to roll.
    expect(await refreshDirty(db(), [tenant.laCode], { today: "2025-05-31" })).toEqual({ children: 0, built: [], rolled: [] });
    const rolled = await refreshDirty(db(), [tenant.laCode], { today: "2025-07-02" });
    expect(rolled.rolled).toEqual([tenant.laCode]);
    expect(rolled.children).toBeGreaterThan(0);
    expect(await db().selectFrom("measure_fact").select("person_id").where("la_code", "=", tenant.laCode).where("person_id", "=", closedEarly).where("month", ">=", "2024-03-01").execute()).toEqual([]);
    expect((await monthRow(tenant.laCode, "t-open-social-care", tenant.teamId, "2025-07-01"))?.subjects).toBe(open);
    expect(await db().selectFrom("measure_state").select("last_month").where("la_code", "=", tenant.laCode).executeTakeFirst()).toEqual({ last_month: "2025-07-01" });
    const incremental = await measureSnapshot(db(), tenant.laCode);
    await rebuildMeasures(db(), tenant.laCode, { today: "2025-07-02" });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(incremental);
  });

  it("refreshes running at once share the queue and count each child once", async () => {
    const tenant = await buildTenant(svc.services);
    await buildMixedChildren(db(), tenant, [tenant.teamId], 10, 31, TODAY);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    await buildMixedChildren(db(), tenant, [tenant.teamId, null], 40, 32, TODAY);
    const waiting = await dirtyCount(db(), tenant.laCode);
    expect(waiting).toBe(40);

    const runs = await Promise.all([1, 2, 3].map(() => refreshDirty(db(), [tenant.laCode], { today: TODAY, batchSize: 3 })));
    expect(runs.reduce((n, r) => n + r.children, 0)).toBe(waiting);
    const incremental = await measureSnapshot(db(), tenant.laCode);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(incremental);
  });

  it("a build and refreshes at once end as one full build", async () => {
    const tenant = await buildTenant(svc.services);
    await buildMixedChildren(db(), tenant, [tenant.teamId], 15, 41, TODAY);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    await buildMixedChildren(db(), tenant, [null], 10, 42, TODAY);
    // On PostgreSQL the build also works several batches at once on the pool.
    await Promise.all([rebuildMeasures(db(), tenant.laCode, { today: TODAY, batchSize: 4, concurrency: kind === "postgres" ? 3 : 1 }), refreshDirty(db(), [tenant.laCode], { today: TODAY, batchSize: 2 }), refreshDirty(db(), [tenant.laCode], { today: TODAY, batchSize: 2 })]);
    await refreshDirty(db(), [tenant.laCode], { today: TODAY });
    const after = await measureSnapshot(db(), tenant.laCode);
    await rebuildMeasures(db(), tenant.laCode, { today: TODAY });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(after);
  });

  it("the first refresh of an authority never built builds it in full", async () => {
    const tenant = await buildTenant(svc.services);
    await buildMixedChildren(db(), tenant, [null], 5, 51, TODAY);
    const first = await refreshDirty(db(), [tenant.laCode], { today: TODAY });
    expect(first.built).toEqual([tenant.laCode]);
    expect((await measureSnapshot(db(), tenant.laCode)).months.length).toBeGreaterThan(0);
    expect(await db().selectFrom("measure_month").select("team_id").where("la_code", "=", tenant.laCode).where("team_id", "=", NO_TEAM).executeTakeFirst()).toEqual({ team_id: NO_TEAM });
  });

  it("the background drain empties the queue of a built authority", async () => {
    const tenant = await buildTenant(svc.services);
    await rebuildMeasures(db(), tenant.laCode);
    const child = await buildPerson(db(), tenant);
    await buildCase(db(), tenant, child, { openedOn: "2025-02-03", dueDate: null });
    expect(await dirtyCount(db(), tenant.laCode)).toBe(1);
    const stop = startMeasureDrain(db(), () => undefined, { intervalMs: 20, laCodes: [tenant.laCode] });
    try {
      await vi.waitFor(async () => {
        expect(await dirtyCount(db(), tenant.laCode)).toBe(0);
      }, { timeout: 10_000, interval: 50 });
    } finally {
      await stop();
    }
    expect(await db().selectFrom("measure_fact").select("measure_id").where("la_code", "=", tenant.laCode).where("person_id", "=", child).where("measure_id", "=", "t-open-social-care").where("month", "=", "2025-02-01").execute()).toEqual([{ measure_id: "t-open-social-care" }]);
  });
});
