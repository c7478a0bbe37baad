import type { MeasureFigure, MeasureFigureList, MeasureImportJob, Problem } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildSharedService, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

/**
 * Figures of external measures: entered with If-Match, listed, deleted, and imported from CSV as
 * a job that saves the good rows and reports the bad ones by line and column.
 */

const HEADER = "measure_id,la_code,period_start,period_end,value,numerator,denominator,source,source_date,note";
const gld = (la: string, over: Record<string, unknown> = {}) => ({
  la,
  periodStart: "2023-09-01",
  periodEnd: "2024-08-31",
  value: 65,
  numerator: 130,
  denominator: 200,
  source: "DfE EYFSP results",
  sourceDate: "2024-11-21",
  ...over,
});

async function until(client: Client, id: string): Promise<{ final: MeasureImportJob; seen: MeasureImportJob[] }> {
  const seen: MeasureImportJob[] = [];
  for (let i = 0; i < 300; i++) {
    const res = await client.get(`/api/v1/measure-imports/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const job = res.json<MeasureImportJob>();
    seen.push(job);
    if (job.status !== "running") return { final: job, seen };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the import did not finish");
}

describe.each(DATABASE_KINDS)("measure figures on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  }, 120_000);
  afterAll(async () => svc.close());

  const db = () => svc.services.db;
  async function analyst(tenant: Tenant): Promise<Client> {
    const user = await buildUser(db(), tenant, "performance_analyst");
    return signIn(svc.app, user.username, TEST_PASSWORD);
  }
  const auditActions = async (laCode: string) => (await db().selectFrom("audit_event").select(["action", "entity_id", "details"]).where("la_code", "=", laCode).where("action", "like", "measure.%").orderBy("seq").execute());

  it("enters a figure, corrects it with If-Match, refuses a stale version with 412, and deletes it", async () => {
    const tenant = await buildTenant(svc.services);
    const client = await analyst(tenant);

    const created = await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.json<MeasureFigure>()).toMatchObject({ measureId: "good-level-of-development", laCode: tenant.laCode, value: 65, numerator: 130, denominator: 200, version: 1, imported: false });

    // The figure exists: a change without If-Match is refused, so nobody overwrites it unknowingly.
    expect((await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode, { value: 66, numerator: 132 }))).statusCode).toBe(428);
    const updated = await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode, { value: 66, numerator: 132 }), { "if-match": 'W/"1"' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<MeasureFigure>()).toMatchObject({ value: 66, numerator: 132, version: 2 });

    const stale = await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode, { value: 64, numerator: 128 }), { "if-match": 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<Problem>()).toMatchObject({ currentVersion: 2 });

    const list = await client.get(`/api/v1/measures/good-level-of-development/figures?la=${tenant.laCode}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<MeasureFigureList>().figures.map((f) => [f.periodEnd, f.value])).toEqual([["2024-08-31", 66]]);

    const key = `la=${tenant.laCode}&periodStart=2023-09-01&periodEnd=2024-08-31`;
    expect((await client.delete(`/api/v1/measures/good-level-of-development/figures?${key}`, { "if-match": 'W/"1"' })).statusCode).toBe(412);
    expect((await client.delete(`/api/v1/measures/good-level-of-development/figures?${key}`, { "if-match": 'W/"2"' })).statusCode).toBe(204);
    expect(await db().selectFrom("measure_value").select("value").where("la_code", "=", tenant.laCode).execute()).toEqual([]);

    const actions = await auditActions(tenant.laCode);
    expect(actions.map((a) => a.action)).toEqual(["measure.figure.create", "measure.figure.update", "measure.figure.list", "measure.figure.delete"]);
    expect(actions[0]?.entity_id).toBe("good-level-of-development/2023-09-01/2024-08-31");
    expect(actions[1]?.details).toMatchObject({ value: 66, previousValue: 65, version: 2 });
  });

  it("refuses computed measures, unknown ones, bad fields and authorities outside the user's scope", async () => {
    const tenant = await buildTenant(svc.services);
    const other = await buildTenant(svc.services, "Elsewhere");
    const client = await analyst(tenant);

    const computed = await client.put("/api/v1/measures/lac-count/figures", gld(tenant.laCode, { value: 12, numerator: null, denominator: null }));
    expect(computed.statusCode).toBe(400);
    expect(computed.json<Problem>().detail).toContain("computed from records");
    expect((await client.get(`/api/v1/measures/repeat-referrals-csc/figures?la=${tenant.laCode}`)).statusCode).toBe(400);
    expect((await client.put("/api/v1/measures/no-such-measure/figures", gld(tenant.laCode))).statusCode).toBe(404);
    expect((await client.put("/api/v1/measures/good-level-of-development/figures", gld(other.laCode))).statusCode).toBe(404);

    const bad = await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode, { value: 90, periodEnd: "2023-08-31", source: " " }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(["periodEnd", "source"]);
    const mismatch = await client.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode, { value: 90 }));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json<Problem>().errors).toEqual([{ field: "value", message: "Does not match the numerator and denominator, which give 65" }]);
    const count = await client.put("/api/v1/measures/first-time-entrants/figures", gld(tenant.laCode, { value: 4.5, numerator: null, denominator: null }));
    expect(count.json<Problem>().errors).toEqual([{ field: "value", message: "A count must be a whole number, 0 or more" }]);

    // A team manager may read figures but not change them.
    const manager = await buildUser(db(), tenant, "team_manager");
    const reader = await signIn(svc.app, manager.username, TEST_PASSWORD);
    expect((await reader.get(`/api/v1/measures/good-level-of-development/figures?la=${tenant.laCode}`)).statusCode).toBe(200);
    expect((await reader.put("/api/v1/measures/good-level-of-development/figures", gld(tenant.laCode))).statusCode).toBe(403);
    expect(await db().selectFrom("measure_value").select("value").where("la_code", "in", [tenant.laCode, other.laCode]).execute()).toEqual([]);
  });

  it("imports a file: saves the good rows, reports each bad one by line and column, and keeps what was there", async () => {
    const tenant = await buildTenant(svc.services);
    const partner = await buildTenant(svc.services, "Partner");
    const outside = await buildTenant(svc.services, "Outside");
    await buildSharedService(db(), [tenant.laCode, partner.laCode], [tenant.teamId]);
    const client = await analyst(tenant);
    // A figure entered earlier, not in the file: it stays.
    expect((await client.put("/api/v1/measures/ks2-rwm-expected/figures", { ...gld(tenant.laCode), value: 61, numerator: 122 })).statusCode).toBe(201);

    const la = tenant.laCode;
    const text = [
      HEADER,
      `good-level-of-development,${la},2023-09-01,2024-08-31,65,130,200,DfE EYFSP,2024-11-21,`,
      `good-level-of-development,${partner.laCode},2023-09-01,2024-08-31,"70.0",140,200,DfE EYFSP,2024-11-21,"a note, with a comma"`,
      `first-time-entrants,${la},2023-04-01,2024-03-31,"1,234",,,YJB,2024-10-01,`,
      `lac-count,${la},2023-04-01,2024-03-31,12,,,Ours,2024-10-01,`,
      `good-level-of-development,${la},2023-09-01,2024-08-31,66,132,200,DfE EYFSP,2024-11-21,`,
      `schools-good-outstanding,${outside.laCode},2024-08-31,2024-08-31,88,44,50,Ofsted MI,2024-09-30,`,
      "",
      `schools-good-outstanding,${la},2024-31-08,2024-08-31,lots,44,50,,2024-09-30,`,
      `ks4-progress-8,${la},2023-09-01,2024-08-31,-0.12,,,DfE KS4,2025-02-06,`,
      `no-such-measure,${la},2023-09-01,2024-08-31,1,,,x,2025-02-06,`,
      `attendance-primary,${la},2023-09-01,2024-08-31,93.5,500,`,
    ].join("\r\n");
    const started = await client.post("/api/v1/measure-imports", { name: "figures.csv", text });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json<MeasureImportJob>();
    expect(started.headers.location).toBe(`/api/v1/measure-imports/${job.id}`);

    const { final } = await until(client, job.id);
    expect(final).toMatchObject({ status: "done", fileName: "figures.csv", processed: 10, total: 10 });
    expect(final.summary).toEqual({ rows: 10, inserted: 4, updated: 0, unchanged: 0, rejected: 6, authorities: [la, partner.laCode].sort(), error: null });
    expect(final.problems).toEqual([
      { line: 5, column: "measure_id", message: "This measure is computed from records: its figures cannot be entered or imported" },
      { line: 6, column: null, message: "Repeats the figure on line 2 (the same measure, authority and period)" },
      { line: 7, column: "la_code", message: `${outside.laCode} is not an authority you work in` },
      { line: 9, column: "source", message: "Enter a value" },
      { line: 9, column: "period_start", message: "Enter a real date as YYYY-MM-DD" },
      { line: 9, column: "value", message: "Enter a number" },
      { line: 11, column: "measure_id", message: "There is no measure no-such-measure" },
      { line: 12, column: null, message: "The row has 7 cells; the header has 10" },
    ]);
    expect(final.problemCount).toBe(8);

    const saved = await db().selectFrom("measure_value").select(["la_code", "measure_id", "value", "note", "import_job_id"]).where("la_code", "in", [la, partner.laCode, outside.laCode]).orderBy("la_code").orderBy("measure_id").execute();
    expect(saved.map((r) => [r.la_code, r.measure_id, Number(r.value), r.note, r.import_job_id])).toEqual(
      [
        [la, "first-time-entrants", 1234, null, job.id],
        [la, "good-level-of-development", 65, null, job.id],
        [la, "ks2-rwm-expected", 61, null, null],
        [la, "ks4-progress-8", -0.12, null, job.id],
        [partner.laCode, "good-level-of-development", 70, "a note, with a comma", job.id],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1]))),
    );

    // The same file again changes nothing.
    const again = await client.post("/api/v1/measure-imports", { name: "figures.csv", text });
    const second = (await until(client, again.json<MeasureImportJob>().id)).final;
    expect(second.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 6 });

    const ownChain = (await auditActions(la)).map((a) => a.action);
    expect(ownChain.filter((a) => a.startsWith("measure.import"))).toEqual(["measure.import.start", "measure.import", "measure.import.start", "measure.import"]);
    const partnerChain = await auditActions(partner.laCode);
    expect(partnerChain[0]).toMatchObject({ action: "measure.import", entity_id: job.id, details: { inserted: 4, rejected: 6, file: "figures.csv" } });

    // The administrators' SSDA903 import list does not show figure imports.
    const admin = await buildUser(db(), tenant, "administrator");
    const adminClient = await signIn(svc.app, admin.username, TEST_PASSWORD);
    const listed = (await adminClient.get("/api/v1/imports")).json<{ jobs: { id: string }[] }>().jobs.map((j) => j.id);
    expect(listed).not.toContain(job.id);
    expect((await adminClient.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
  });

  it("reports a header without the required columns and saves nothing; another authority's job is not found", async () => {
    const tenant = await buildTenant(svc.services);
    const client = await analyst(tenant);
    const started = await client.post("/api/v1/measure-imports", { name: "wrong.csv", text: "measure,la_code,period_start,period_end,value,source,source_date\nx,y,z,1,2,3,4\n" });
    const { final } = await until(client, started.json<MeasureImportJob>().id);
    expect(final.summary).toMatchObject({ rows: 0, inserted: 0, rejected: 0 });
    expect(final.problems).toEqual([
      { line: 1, column: "measure_id", message: "The header has no measure_id column" },
      { line: 1, column: "measure", message: "Unknown column measure: the columns are measure_id, la_code, period_start, period_end, value, numerator, denominator, source, source_date, note" },
    ]);
    const stranger = await analyst(await buildTenant(svc.services, "Stranger"));
    expect((await stranger.get(`/api/v1/measure-imports/${final.id}`)).statusCode).toBe(404);
    expect((await client.post("/api/v1/measure-imports", { name: "x.csv", text: "" })).statusCode).toBe(400);
  });
});
