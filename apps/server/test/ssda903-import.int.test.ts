import { readSsda903Files } from "@family-story/returns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSsda903, type Ssda903ImportResult } from "../src/import/ssda903-import.ts";
import { buildTenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { csvRecords, fixtureCsvFiles, fixtureText, iso, tenantCounts, tenantVersions } from "./ssda903-fixture.ts";

const TABLE_OF_FILE: Record<string, string> = {
  "header.csv": "Header", "episodes.csv": "Episodes", "reviews.csv": "Reviews", "uasc.csv": "UASC", "oc2.csv": "OC2", "oc3.csv": "OC3", "ad1.csv": "AD1",
  "placed_for_adoption.csv": "PlacedAdoption", "previous_permanence.csv": "PrevPerm", "missing.csv": "Missing", "sw_episodes.csv": "SWEpisodes", "DoLo.csv": "DoLo",
};

function rejectedBy(result: Ssda903ImportResult): Map<string, number> {
  const byTable = new Map<string, number>();
  for (const p of result.problems) if (p.table !== null) byTable.set(p.table, (byTable.get(p.table) ?? 0) + 1);
  return byTable;
}

describe.each(DATABASE_KINDS)("SSDA903 import of the shared fixtures on %s", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await createTestService(kind);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it("loads every CSV row it can, reports the rest, matches the files field by field, and a re-import changes nothing", async () => {
    const tenant = await buildTenant(t.services);
    const db = t.services.db;
    const files = fixtureCsvFiles();
    const progress: { phase: string; processed: number; total: number }[] = [];
    const first = await importSsda903(db, { laCode: tenant.laCode, years: [{ label: "fake-2017-18", files }], onProgress: (p) => void progress.push(p) });

    expect(first.summary.years).toEqual([{ label: "fake-2017-18", year: 2017, yearFrom: "name", files: files.map((f) => f.name) }]);
    // Known problems of the synthetic year: 14 reviews repeat a child's review date; CHILD10 has no Header row.
    expect(first.problems.filter((p) => p.table === "Reviews")).toHaveLength(14);
    expect(first.problems).toContainEqual({ file: "sw_episodes.csv", line: 2, table: "SWEpisodes", child: "CHILD10", reason: expect.stringContaining("No loadable Header row for CHILD CHILD10") as string });
    expect(first.problems).toContainEqual({ file: "DoLo.csv", line: 2, table: "DoLo", child: "CHILD10", reason: expect.stringContaining("No loadable Header row") as string });
    const duplicate = first.problems.find((p) => p.table === "Reviews");
    expect(duplicate?.reason).toMatch(/^Duplicate: another row for CHILD \d+ with the same REVIEW comes first \(line \d+\)/);

    // Counts per table: the file's rows less the rows reported.
    const counts = await tenantCounts(db, tenant.laCode);
    const rejected = rejectedBy(first);
    for (const f of files) {
      const table = TABLE_OF_FILE[f.name] ?? "";
      const rows = csvRecords(f.text).filter((r) => table !== "PrevPerm" || r.values.PREV_PERM !== "");
      expect(counts[table], `${table} rows loaded`).toBe(rows.length - (rejected.get(table) ?? 0));
      const summary = first.summary.tables.find((s) => s.table === table);
      expect(summary?.read, `${table} read`).toBe(csvRecords(f.text).length);
      expect(summary?.rejected).toBe(rejected.get(table) ?? 0);
    }
    expect(counts.lacChild).toBe(counts.Header);
    expect(counts.cases).toBe(counts.Header);
    expect(first.summary.children).toEqual({ created: counts.Header, matched: 0 });
    expect(progress.at(-1)).toMatchObject({ phase: "done" });
    expect(progress.at(-1)?.processed).toBe(progress.at(-1)?.total);

    // One child, field by field against the CSVs.
    const child = "566910";
    const person = await db.selectFrom("person").selectAll().where("la_code", "=", tenant.laCode).where("la_child_id", "=", child).executeTakeFirstOrThrow();
    const header = csvRecords(fixtureText("header.csv")).find((r) => r.values.CHILD === child)?.values ?? {};
    expect({ given: person.given_name, family: person.family_name, sex: person.sex, dob: person.dob, ethnicity: person.ethnicity, upn: person.upn }).toEqual({
      given: "Imported child", family: child, sex: header.SEX === "1" ? "male" : "female", dob: iso(header.DOB ?? ""), ethnicity: header.ETHNIC, upn: header.UPN,
    });
    // Search text and name keys are written as for any person (digits fold away: the CHILD id is la_child_id).
    expect(person.search_text).toBe("imported child");
    const keys = await db.selectFrom("person_name_key").select("key").where("la_code", "=", tenant.laCode).where("person_id", "=", person.id).execute();
    expect(keys.length).toBeGreaterThan(0);

    const episodes = await db.selectFrom("lac_episode").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", person.id).orderBy("decom").execute();
    const expectedEpisodes = csvRecords(fixtureText("episodes.csv")).filter((r) => r.values.CHILD === child).map((r) => r.values);
    expect(episodes.map((e) => ({ decom: e.decom, rne: e.rne, ls: e.ls, cin: e.cin, place: e.place, place_provider: e.place_provider, dec: e.dec, rec: e.rec, reason_place_change: e.reason_place_change, home_post: e.home_post, pl_post: e.pl_post, urn: e.urn, source: e.source }))).toEqual(
      expectedEpisodes.map((v) => ({ decom: iso(v.DECOM ?? ""), rne: v.RNE, ls: v.LS, cin: v.CIN, place: v.PLACE, place_provider: v.PLACE_PROVIDER, dec: iso(v.DEC ?? ""), rec: v.REC || null, reason_place_change: v.REASON_PLACE_CHANGE || null, home_post: v.HOME_POST || null, pl_post: v.PL_POST || null, urn: v.URN || null, source: "import" })),
    );
    const reviews = await db.selectFrom("lac_review").select(["review_date", "participation_code", "status", "case_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", person.id).orderBy("review_date").execute();
    const expectedReviews = csvRecords(fixtureText("reviews.csv")).filter((r) => r.values.CHILD === child).map((r) => ({ review_date: iso(r.values.REVIEW ?? ""), participation_code: r.values.REVIEW_CODE, status: "held" }));
    expect(reviews.map(({ case_id: _c, ...r }) => r)).toEqual(expectedReviews);

    // The looked-after case: opened at the first DECOM; the last episode is open, so the case is.
    const lac = await db.selectFrom("lac_child").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", person.id).executeTakeFirstOrThrow();
    const lacCase = await db.selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("id", "=", lac.case_id).executeTakeFirstOrThrow();
    expect({ kind: lacCase.kind, subject: lacCase.subject_person_id, opened: lacCase.opened_on, status: lacCase.status, closed: lacCase.closed_on }).toEqual({ kind: "looked_after", subject: person.id, opened: "2016-02-15", status: "open", closed: null });
    expect(new Set([...episodes.map((e) => e.case_id), ...reviews.map((r) => r.case_id)])).toEqual(new Set([lac.case_id]));

    // Re-importing the same files: nothing inserted, nothing updated, no version moved.
    const versions = await tenantVersions(db, tenant.laCode);
    const second = await importSsda903(db, { laCode: tenant.laCode, years: [{ label: "fake-2017-18", files }] });
    for (const s of second.summary.tables) expect({ table: s.table, inserted: s.inserted, updated: s.updated }).toEqual({ table: s.table, inserted: 0, updated: 0 });
    expect(second.summary.children).toEqual({ created: 0, matched: counts.Header });
    expect(second.problems).toEqual(first.problems);
    expect(await tenantCounts(db, tenant.laCode)).toEqual(counts);
    expect(await tenantVersions(db, tenant.laCode)).toEqual(versions);
  }, 300_000);

  it("loads the XML form the same way: counts are its rows less the rows reported", async () => {
    const tenant = await buildTenant(t.services);
    const db = t.services.db;
    const file = { name: "fake_903.xml", text: fixtureText("fake_903.xml") };
    const read = readSsda903Files([file]);
    const result = await importSsda903(db, { laCode: tenant.laCode, years: [{ label: "upload", year: 2017, files: [file] }] });
    expect(result.summary.years[0]).toMatchObject({ year: 2017, yearFrom: "given" });
    const counts = await tenantCounts(db, tenant.laCode);
    const rejected = rejectedBy(result);
    for (const [table, t2] of Object.entries(read.tables)) {
      const rows = table === "PrevPerm" ? t2.rows.filter((r) => r.values.PREV_PERM !== null) : t2.rows;
      expect(counts[table], `${table} rows loaded`).toBe(rows.length - (rejected.get(table) ?? 0));
    }
    expect(counts.Header).toBeGreaterThan(0);
    expect(counts.Episodes).toBeGreaterThan(0);

    // The XML names the placement type PL; it lands in place, as the CSV's PLACE does.
    const first = read.tables.Episodes?.rows[0]?.values ?? {};
    const person = await db.selectFrom("person").select("id").where("la_code", "=", tenant.laCode).where("la_child_id", "=", first.CHILD ?? "").executeTakeFirstOrThrow();
    const episode = await db.selectFrom("lac_episode").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", person.id).where("decom", "=", iso(first.DECOM ?? "") ?? "").executeTakeFirstOrThrow();
    expect({ place: episode.place, ls: episode.ls, pl_post: episode.pl_post, rec: episode.rec }).toEqual({ place: first.PLACE, ls: first.LS, pl_post: first.PL_POST, rec: first.REC });

    const again = await importSsda903(db, { laCode: tenant.laCode, years: [{ label: "upload", year: 2017, files: [file] }] });
    expect(again.summary.tables.every((s) => s.inserted === 0 && s.updated === 0)).toBe(true);
  }, 300_000);
});
