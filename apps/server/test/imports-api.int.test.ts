import type { ImportJob, ImportJobList } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildTenant, buildUser } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { fixtureText } from "./ssda903-fixture.ts";

/** The first `n` children of the fixture's header and their episodes and reviews, as uploaded files. */
function smallUpload(n: number): { name: string; text: string }[] {
  const [header = "", ...rows] = fixtureText("header.csv").split(/\r?\n/);
  const kept = rows.filter((r) => r.trim() !== "").slice(0, n);
  const ids = new Set(kept.map((r) => r.split(",")[0]));
  const only = (name: string) => {
    const [h = "", ...rest] = fixtureText(name).split(/\r?\n/);
    return [h, ...rest.filter((r) => ids.has(r.split(",")[0]))].join("\n");
  };
  return [
    { name: "header.csv", text: [header, ...kept, ",2,01/01/2012,WBRI,,,"].join("\n") },
    { name: "episodes.csv", text: only("episodes.csv") },
    { name: "reviews.csv", text: only("reviews.csv") },
    { name: "notes.csv", text: "FOO,BAR\n1,2\n" },
  ];
}

async function until(client: Client, id: string): Promise<{ final: ImportJob; seen: ImportJob[] }> {
  const seen: ImportJob[] = [];
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/v1/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const job = res.json<ImportJob>();
    seen.push(job);
    if (job.status !== "running") return { final: job, seen };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the import did not finish");
}

describe.each(DATABASE_KINDS)("SSDA903 import through the API on %s", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await createTestService(kind);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it("runs an upload as a job whose progress is polled to done, with the summary and the rows not loaded", async () => {
    const tenant = await buildTenant(t.services);
    const admin = await buildUser(t.services.db, tenant, "administrator");
    const client = await signIn(t.app, admin.username, TEST_PASSWORD);

    const started = await client.post("/api/v1/imports/ssda903", { files: smallUpload(40), year: 2017 });
    expect(started.statusCode).toBe(202);
    const job = started.json<ImportJob>();
    expect(started.headers.location).toBe(`/api/v1/imports/${job.id}`);
    expect(job).toMatchObject({ laCode: tenant.laCode, kind: "ssda903", status: "running" });

    const { final, seen } = await until(client, job.id);
    for (const s of seen) expect(s.processed).toBeLessThanOrEqual(Math.max(s.total, s.processed));
    expect(final.status).toBe("done");
    expect(final.phase).toBe("done");
    expect(final.processed).toBe(final.total);
    expect(final.total).toBeGreaterThan(40);
    expect(final.startedBy).toMatch(/^Test administrator/);
    expect(final.finishedAt).not.toBeNull();
    expect(final.summary?.years).toEqual([{ label: "upload", year: 2017, yearFrom: "given", files: ["header.csv", "episodes.csv", "reviews.csv"] }]);
    expect(final.summary?.tables.find((s) => s.table === "Header")).toEqual({ table: "Header", read: 41, inserted: 40, updated: 0, unchanged: 0, rejected: 1 });
    expect(final.problemCount).toBe(2);
    expect(final.problems).toEqual([
      { file: "notes.csv", line: 1, table: null, child: null, reason: expect.stringMatching(/^File not loaded: notes\.csv line 1/) as string },
      { file: "header.csv", line: 42, table: "Header", child: null, reason: "CHILD is blank, so the row cannot be matched to a child." },
    ]);
    const people = await t.services.db.selectFrom("person").select("created_by").where("la_code", "=", tenant.laCode).execute();
    expect(people).toHaveLength(40);
    expect(new Set(people.map((p) => p.created_by))).toEqual(new Set([admin.id]));

    const list = await client.get("/api/v1/imports");
    expect(list.statusCode).toBe(200);
    expect(list.json<ImportJobList>().jobs[0]).toMatchObject({ id: job.id, status: "done", problemCount: 2 });
    expect(list.json<ImportJobList>().jobs[0]).not.toHaveProperty("problems");

    const audit = await t.services.db.selectFrom("audit_event").select(["action", "entity_id"]).where("la_code", "=", tenant.laCode).where("action", "like", "import.%").orderBy("seq").execute();
    expect(audit).toEqual([{ action: "import.ssda903.start", entity_id: job.id }, { action: "import.ssda903", entity_id: job.id }]);
  }, 120_000);

  it("refuses bad uploads with a problem naming the field, and other authorities' jobs are not found", async () => {
    const tenant = await buildTenant(t.services);
    const admin = await buildUser(t.services.db, tenant, "administrator");
    const client = await signIn(t.app, admin.username, TEST_PASSWORD);
    const empty = await client.post("/api/v1/imports/ssda903", { files: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("files");
    const blank = await client.post("/api/v1/imports/ssda903", { files: [{ name: "a.csv", text: "" }] });
    expect(blank.json<{ errors: { field: string; message: string }[] }>().errors[0]).toEqual({ field: "files.0.text", message: "The file is empty" });

    const other = await buildTenant(t.services);
    const otherAdmin = await signIn(t.app, (await buildUser(t.services.db, other, "administrator")).username, TEST_PASSWORD);
    const started = await client.post("/api/v1/imports/ssda903", { files: smallUpload(2) });
    const id = started.json<ImportJob>().id;
    await until(client, id);
    expect((await otherAdmin.get(`/api/v1/imports/${id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get("/api/v1/imports")).json<ImportJobList>().jobs).toEqual([]);

    const practitioner = await signIn(t.app, (await buildUser(t.services.db, tenant, "practitioner")).username, TEST_PASSWORD);
    expect((await practitioner.get(`/api/v1/imports/${id}`)).statusCode).toBe(403);
  }, 120_000);
});
