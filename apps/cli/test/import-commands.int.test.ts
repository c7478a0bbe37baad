import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { migrateToLatest, openDatabase } from "@family-story/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../bin/familystory.mjs", import.meta.url));
const SHARED = path.resolve(import.meta.dirname, "../../../../shared");
const work = mkdtempSync(path.join(tmpdir(), "familystory-import-"));
const dataDir = path.join(work, "data");

/** Runs the installed entry point as a user would, against the PGlite database in dataDir. */
async function familystory(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", NODE_ENV: "test" };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: 240_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/** Fixture rows of a few children (the shared synthetic year), written as a year folder. */
function writeYear(dir: string): void {
  const fixtures = path.join(SHARED, "returns/ssda903/fixtures/fake-2017-18");
  const keep = new Set(["566910", "384923", "709901"]);
  mkdirSync(dir, { recursive: true });
  for (const name of ["header.csv", "episodes.csv", "reviews.csv"]) {
    const [header = "", ...rows] = readFileSync(path.join(fixtures, name), "utf8").split(/\r?\n/);
    writeFileSync(path.join(dir, name), [header, ...rows.filter((r) => keep.has(r.split(",")[0] ?? ""))].join("\n"));
  }
  // Two rows the import cannot load: no CHILD, and a date that does not exist.
  writeFileSync(path.join(dir, "missing.csv"), "CHILD,DOB,MISSING,MIS_START,MIS_END\n,01/01/2010,M,01/05/2017,02/05/2017\n566910,27/03/2008,M,31/02/2017,\n566910,27/03/2008,A,01/06/2017,03/06/2017\n");
}

describe("familystory import (PGlite DATA_DIR)", () => {
  beforeAll(async () => {
    mkdirSync(dataDir, { recursive: true });
    await withDatabase(async (db) => {
      await migrateToLatest(db as never);
      await db.insertInto("local_authority").values({ la_code: "E09000027", name: "Richmond upon Thames" }).execute();
    });
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it("loads the postcode directory from a gzipped CSV, reporting bad lines by number", async () => {
    const lines = gunzipSync(readFileSync(path.join(SHARED, "reference/ons-postcodes.csv.gz"))).subarray(0, 100_000).toString("utf8").split("\n").slice(0, 501);
    const file = path.join(work, "postcodes.csv.gz");
    writeFileSync(file, gzipSync([...lines, "ZZ1 1ZZ,east,801193.0,S12000033", "TW9 1AA,518000.0,175000.0,E09000027"].join("\n")));
    const result = await familystory("import", "postcodes", file);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Loaded 501 postcodes");
    expect(result.stdout).toContain("1 line(s) not loaded:\n  line 502: The postcode line \"ZZ1 1ZZ,east,801193.0,S12000033\" has a grid reference that is not a number.");
    const missing = await familystory("import", "postcodes", path.join(work, "nope.csv.gz"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/familystory: Cannot read .*nope\.csv\.gz: ENOENT/);
  }, 300_000);

  it("imports SSDA903 folders with a summary per table and the rejected rows; a re-run changes nothing; bad input exits non-zero", async () => {
    const root = path.join(work, "903");
    writeYear(path.join(root, "2017-18"));
    const report = path.join(work, "rejected.csv");
    const first = await familystory("import", "ssda903", "--la", "E09000027", "--report", report, root);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Year 2017/18 (from the folder name): 2017-18, 4 file(s)");
    expect(first.stdout).toMatch(/\nHeader\s+3\s+3\s+0\s+0\s+0\n/);
    expect(first.stdout).toMatch(/\nMissing\s+3\s+1\s+0\s+0\s+2\n/);
    expect(first.stdout).toContain("Children: 3 new, 0 matched");
    expect(first.stdout).toContain("Not loaded (2):");
    expect(first.stdout).toContain("2017-18/missing.csv:2  Missing  -  CHILD is blank, so the row cannot be matched to a child.");
    expect(first.stdout).toContain('2017-18/missing.csv:3  Missing  CHILD 566910  MIS_START "31/02/2017" is not a valid date (dd/mm/yyyy).');
    expect(readFileSync(report, "utf8")).toBe(
      'file,line,table,child,reason\n2017-18/missing.csv,2,Missing,,"CHILD is blank, so the row cannot be matched to a child."\n2017-18/missing.csv,3,Missing,566910,"MIS_START ""31/02/2017"" is not a valid date (dd/mm/yyyy)."\n',
    );

    const second = await familystory("import", "ssda903", "--la", "E09000027", root);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\nHeader\s+3\s+0\s+0\s+3\s+0\n/);
    expect(second.stdout).toContain("Children: 0 new, 3 matched");

    const counts = await withDatabase(async (db) => ({
      people: (await db.selectFrom("person").select("la_child_id").where("la_code", "=", "E09000027").execute()).length,
      missing: (await db.selectFrom("lac_missing").select("id").where("la_code", "=", "E09000027").execute()).length,
      audit: (await db.selectFrom("audit_event").select("action").where("la_code", "=", "E09000027").where("action", "=", "import.ssda903").execute()).length,
      // Listed with the web app's imports.
      jobs: (await db.selectFrom("import_job").select(["status", "problem_count", "created_by"]).where("la_code", "=", "E09000027").orderBy("started_at").execute()),
    }));
    expect(counts).toEqual({ people: 3, missing: 1, audit: 2, jobs: [{ status: "done", problem_count: 2, created_by: null }, { status: "done", problem_count: 2, created_by: null }] });

    const noAuthority = await familystory("import", "ssda903", "--la", "E09000099", root);
    expect(noAuthority.code).toBe(2);
    expect(noAuthority.stderr).toContain("there is no authority E09000099");
    const noFolder = await familystory("import", "ssda903", "--la", "E09000027", path.join(work, "absent"));
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toMatch(/familystory: Cannot read .*absent: ENOENT/);
    const notReturns = path.join(work, "other");
    mkdirSync(notReturns);
    writeFileSync(path.join(notReturns, "list.csv"), "NAME,AGE\nA,1\n");
    const unrecognised = await familystory("import", "ssda903", "--la", "E09000027", notReturns);
    expect(unrecognised.code).toBe(1);
    expect(unrecognised.stdout).toContain("list.csv:1  -  -  File not loaded: list.csv line 1: The header has none of the columns that tell SSDA903 tables apart.");
    expect(unrecognised.stderr).toContain("nothing was imported: no file in");
  }, 600_000);
});
