import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSsda903Path } from "../src/import/ssda903-files.ts";
import { importSsda903 } from "../src/import/ssda903-import.ts";
import { buildTenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { fixtureText } from "./ssda903-fixture.ts";

/** The first lines of a fixture file, keeping only the rows of the given children. */
function rowsOf(name: string, children: ReadonlySet<string>): string[] {
  const [header = "", ...rows] = fixtureText(name).replace(/^\uFEFF/, "").split(/\r?\n/);
  return [header, ...rows.filter((r) => children.has(r.split(",")[0] ?? ""))];
}

const CHILDREN = new Set(["566910", "384923", "709901"]);
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ssda903-"));
  dirs.push(dir);
  return dir;
}

describe.each(DATABASE_KINDS)("SSDA903 import across years and bad rows on %s", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await createTestService(kind);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("imports two years in date order, matches children by CHILD and updates an episode that gained a DEC", async () => {
    const tenant = await buildTenant(t.services);
    const db = t.services.db;
    const root = tempDir();
    // Written 2018-19 first: the years are processed in date order whatever the folder order.
    const later = path.join(root, "b-2018-19");
    const earlier = path.join(root, "a-2017-18");
    mkdirSync(later);
    mkdirSync(earlier);
    const header = rowsOf("header.csv", CHILDREN);
    const episodes = rowsOf("episodes.csv", CHILDREN);
    writeFileSync(path.join(earlier, "header.csv"), header.join("\n"));
    writeFileSync(path.join(earlier, "episodes.csv"), episodes.join("\n"));
    // The next year: 566910's open episode (from 14/08/2017) ended on 30/06/2018, and the UPN was corrected.
    const header2 = header.map((l) => (l.startsWith("566910,") ? l.replace("D051910639385", "D051910639386") : l));
    const episodes2 = episodes.map((l) => (l.startsWith("566910,14/08/2017,") ? l.replace(/^((?:[^,]*,){7}),X1,/, (_m, fields: string) => `${fields}30/06/2018,E11,`) : l));
    writeFileSync(path.join(later, "header.csv"), header2.join("\n"));
    writeFileSync(path.join(later, "episodes.csv"), episodes2.join("\n"));

    const { years } = await readSsda903Path(root);
    const result = await importSsda903(db, { laCode: tenant.laCode, years });
    expect(result.problems).toEqual([]);
    expect(result.summary.years.map((y) => [y.label, y.year])).toEqual([["a-2017-18", 2017], ["b-2018-19", 2018]]);
    expect(result.summary.children).toEqual({ created: CHILDREN.size, matched: CHILDREN.size });
    const people = await db.selectFrom("person").select(["id", "la_child_id", "upn", "version"]).where("la_code", "=", tenant.laCode).execute();
    expect(people.map((p) => p.la_child_id).sort()).toEqual([...CHILDREN].sort());
    const child = people.find((p) => p.la_child_id === "566910");
    expect(child).toMatchObject({ upn: "D051910639386", version: 2 });

    const episode = await db.selectFrom("lac_episode").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", child?.id ?? "").where("decom", "=", "2017-08-14").executeTakeFirstOrThrow();
    expect({ dec: episode.dec, rec: episode.rec, version: episode.version }).toEqual({ dec: "2018-06-30", rec: "E11", version: 2 });
    const episodeCount = await db.selectFrom("lac_episode").select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", tenant.laCode).executeTakeFirstOrThrow();
    expect(episodeCount.n).toBe(episodes.length - 1);
    const counts = result.summary.tables.find((s) => s.table === "Episodes");
    expect(counts).toMatchObject({ read: 2 * (episodes.length - 1), inserted: episodes.length - 1, updated: 1, rejected: 0 });

    // No open episode is left, so the child's looked-after case closed on the last DEC.
    const lac = await db.selectFrom("lac_child").select("case_id").where("la_code", "=", tenant.laCode).where("person_id", "=", child?.id ?? "").executeTakeFirstOrThrow();
    const lacCase = await db.selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("id", "=", lac.case_id).executeTakeFirstOrThrow();
    expect({ status: lacCase.status, opened: lacCase.opened_on, closed: lacCase.closed_on, reason: lacCase.closure_reason }).toEqual({ status: "closed", opened: "2016-02-15", closed: "2018-06-30", reason: "E11" });
  }, 120_000);

  it("reports rows it cannot load with file, line, table, child and reason, loads the rest, and names a file it does not recognise", async () => {
    const tenant = await buildTenant(t.services);
    const db = t.services.db;
    const dir = tempDir();
    const header = rowsOf("header.csv", new Set(["566910", "384923"]));
    writeFileSync(path.join(dir, "header.csv"), [...header, ",1,01/01/2010,WBRI,,,", "777777,1,30/02/2010,WBRI,,,"].join("\n"));
    writeFileSync(
      path.join(dir, "episodes.csv"),
      [
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN",
        "566910,15/02/2016,L,C2,N3,T2,PR0,14/08/2017,X1,CLOSE,,,4244474",
        ",01/04/2017,S,C2,N1,U1,PR1,,,,,,",
        "566910,31/02/2017,P,C2,N3,U1,PR1,,,,,,",
        "384923,01/05/2017,S,C2,N1,U1,PR1,2017-06-01,E11,,,,",
        "999999,01/05/2017,S,C2,N1,U1,PR1,,,,,,",
        "777777,01/05/2017,S,C2,N1,U1,PR1,,,,,,",
        "384923,01/06/2017,S,ZZ,N1,Q9,PR1,,,,,,",
        "384923,,S,C2,N1,U1,PR1,,,,,,",
      ].join("\n"),
    );
    writeFileSync(path.join(dir, "notes.csv"), "FOO,BAR\n1,2\n");
    writeFileSync(path.join(dir, "readme.txt"), "not a return");

    const { years, skipped } = await readSsda903Path(dir, 2017);
    expect(skipped).toEqual([path.join(dir, "readme.txt")]);
    const result = await importSsda903(db, { laCode: tenant.laCode, years });
    const summary = (p: { file: string; line: number | null; table: string | null; child: string | null }) => `${p.file}:${String(p.line)} ${p.table ?? "-"} ${p.child ?? "-"}`;
    expect(result.problems.map(summary)).toEqual([
      "notes.csv:1 - -",
      "header.csv:4 Header -",
      "header.csv:5 Header 777777",
      "episodes.csv:3 Episodes -",
      "episodes.csv:4 Episodes 566910",
      "episodes.csv:5 Episodes 384923",
      "episodes.csv:6 Episodes 999999",
      "episodes.csv:7 Episodes 777777",
      "episodes.csv:9 Episodes 384923",
    ]);
    const reasons = result.problems.map((p) => p.reason);
    expect(reasons[0]).toMatch(/^File not loaded: notes\.csv line 1: The header /);
    expect(reasons[1]).toBe("CHILD is blank, so the row cannot be matched to a child.");
    expect(reasons[2]).toBe('DOB "30/02/2010" is not a valid date (dd/mm/yyyy).');
    expect(reasons[4]).toBe('DECOM "31/02/2017" is not a valid date (dd/mm/yyyy).');
    expect(reasons[5]).toBe('DEC "2017-06-01" is not a valid date (dd/mm/yyyy).');
    expect(reasons[6]).toBe("No loadable Header row for CHILD 999999, and no looked-after child with that CHILD is on record.");
    expect(reasons[8]).toBe("DECOM is blank; it is needed to match the row on re-import.");

    // The rest loaded, invalid codes (LS ZZ, PLACE Q9) kept as given for the validator to report.
    const episodes = await db.selectFrom("lac_episode").innerJoin("person", (j) => j.onRef("person.la_code", "=", "lac_episode.la_code").onRef("person.id", "=", "lac_episode.person_id"))
      .select(["person.la_child_id", "lac_episode.decom", "lac_episode.ls", "lac_episode.place"]).where("lac_episode.la_code", "=", tenant.laCode).orderBy("lac_episode.decom").execute();
    expect(episodes).toEqual([
      { la_child_id: "566910", decom: "2016-02-15", ls: "C2", place: "T2" },
      { la_child_id: "384923", decom: "2017-06-01", ls: "ZZ", place: "Q9" },
    ]);
    expect(result.summary.tables.find((s) => s.table === "Episodes")).toMatchObject({ read: 8, inserted: 2, rejected: 6 });
    expect(result.summary.tables.find((s) => s.table === "Header")).toMatchObject({ read: 4, inserted: 2, rejected: 2 });
  }, 120_000);

  it("refuses an authority that does not exist and a path that cannot be read", async () => {
    await expect(importSsda903(t.services.db, { laCode: "E09999999", years: [] })).rejects.toThrow("There is no authority E09999999 on this database.");
    await expect(readSsda903Path("/nonexistent/ssda903")).rejects.toThrow(/^Cannot read \/nonexistent\/ssda903: ENOENT/);
    await expect(readSsda903Path(tempDir())).rejects.toThrow(/^No \.csv or \.xml files in /);
  });
});
