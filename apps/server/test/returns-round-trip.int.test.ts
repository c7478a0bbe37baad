import { readSsda903Files, SSDA903_TABLES, type Ssda903TableName } from "@family-story/returns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReturn } from "../src/data/returns/return-run.ts";
import { importSsda903 } from "../src/import/ssda903-import.ts";
import { buildTenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { csvRecords, fixtureCsvFiles, fixtureText } from "./ssda903-fixture.ts";

/**
 * The round trip: the shared synthetic 2017/18 SSDA903 CSVs imported by the existing import, then
 * the 2017 return generated from what was loaded, must give back the fixture's rows table by
 * table, as multisets of rows over the DfE columns. The fixture is random data, so it holds rows
 * no 2017/18 return would carry; those are selected here by the DfE inclusion rules, written out
 * independently of the generation:
 * - children: those with an episode open in the year (DECOM ≤ 31/03/2018, DEC blank or ≥ 01/04/2017);
 *   541 of the 2,675 Header rows have no episode at all and are not in the return;
 * - Reviews: held in the year (10,306 of 12,582 fixture reviews fall outside it), less the 14 the
 *   import refuses as repeats of a child's review date;
 * - Episodes, Missing, PlacedAdoption: open at some time in the year;
 * - AD1: only children adopted in the year (REC E11/E12 ending in it): 2 of the 29 AD1 rows;
 * - OC3: every row (imported for the year), its care leavers also in Header;
 * - SWEpisodes, DoLo: the fixture's only rows are CHILD10's, who has no Header row (refused by the import).
 * Fields the generation does not carry back as given: the return is as at 31 March, so an end date
 * after it (12 episodes' DEC, with their REC and REASON_PLACE_CHANGE) is returned blank; and SEX is
 * written in the code set of the rules it is validated by (M, F, U since 2025/26; the 2017/18 file's
 * 1 and 2 come back as M and F). Every other field comes back as the file gave it.
 */

type Row = Record<string, string>;
const F = "2017-04-01";
const T = "2018-03-31";
const iso = (d: string | undefined): string => (d === undefined || d === "" ? "" : `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`);
const overlaps = (start: string | undefined, end: string | undefined): boolean => iso(start) <= T && (iso(end) === "" || iso(end) >= F);

const FILES: Record<Ssda903TableName, string> = {
  Header: "header.csv", Episodes: "episodes.csv", Reviews: "reviews.csv", UASC: "uasc.csv", OC2: "oc2.csv", OC3: "oc3.csv", AD1: "ad1.csv",
  PlacedAdoption: "placed_for_adoption.csv", PrevPerm: "previous_permanence.csv", Missing: "missing.csv", SWEpisodes: "sw_episodes.csv", DoLo: "DoLo.csv",
};
const rowsOf = (table: Ssda903TableName): Row[] => csvRecords(fixtureText(FILES[table]).replace(/^\uFEFF/, "")).map((r) => r.values);

/** SEX as the current return codes it (the 2017/18 files used 1 and 2; every year is validated by the 2025/26+ rules). */
const withSexCode = (r: Row): Row => ({ ...r, SEX: r.SEX === "1" ? "M" : r.SEX === "2" ? "F" : "U" });

/** The fixture's rows a 2017/18 return carries, by the DfE inclusion rules (see above). */
function expectedRows(): Record<Ssda903TableName, Row[]> {
  const header = rowsOf("Header");
  const known = new Set(header.map((h) => h.CHILD));
  const episodes = rowsOf("Episodes").filter((e) => known.has(e.CHILD ?? ""));
  const inYear = new Set(episodes.filter((e) => overlaps(e.DECOM, e.DEC)).map((e) => e.CHILD));
  const oc3 = rowsOf("OC3");
  const inReturn = new Set([...inYear, ...oc3.map((o) => o.CHILD)]);
  const adopted = new Set(episodes.filter((e) => ["E11", "E12"].includes(e.REC ?? "") && iso(e.DEC) >= F && iso(e.DEC) <= T).map((e) => e.CHILD));
  const ofYear = (table: Ssda903TableName): Row[] => rowsOf(table).filter((r) => inYear.has(r.CHILD));
  const seenReview = new Set<string>();
  return {
    Header: header.filter((h) => inReturn.has(h.CHILD)).map(withSexCode),
    Episodes: episodes
      .filter((e) => overlaps(e.DECOM, e.DEC))
      .map((e) => (iso(e.DEC) > T ? { ...e, DEC: "", REC: "", REASON_PLACE_CHANGE: "" } : e)),
    Reviews: ofYear("Reviews").filter((r) => {
      const key = `${r.CHILD ?? ""}|${r.REVIEW ?? ""}`;
      if (seenReview.has(key)) return false;
      seenReview.add(key);
      return iso(r.REVIEW) >= F && iso(r.REVIEW) <= T;
    }),
    UASC: ofYear("UASC").map(withSexCode),
    OC2: ofYear("OC2"),
    OC3: oc3,
    AD1: ofYear("AD1").filter((r) => adopted.has(r.CHILD)),
    PlacedAdoption: ofYear("PlacedAdoption").filter((r) => overlaps(r.DATE_PLACED, r.DATE_PLACED_CEASED)),
    PrevPerm: ofYear("PrevPerm"),
    Missing: ofYear("Missing").filter((r) => overlaps(r.MIS_START, r.MIS_END)),
    SWEpisodes: ofYear("SWEpisodes"),
    DoLo: ofYear("DoLo"),
  };
}

/** Rows as sorted lines of their DfE columns, blanks as "", for comparing as multisets. */
function multiset(table: Ssda903TableName, rows: readonly Readonly<Record<string, string | null | undefined>>[]): string[] {
  const columns: readonly string[] = SSDA903_TABLES[table];
  return rows.map((r) => columns.map((c) => r[c] ?? "").join(",")).sort();
}

describe.each(DATABASE_KINDS)("SSDA903 round trip on %s: import the 2017/18 fixture, generate 2017", (kind) => {
  let t: TestService;
  beforeAll(async () => {
    t = await createTestService(kind, { LOG_LEVEL: "error" });
  }, 120_000);
  afterAll(async () => t.close());

  it("gives back the fixture's rows of the year, table by table, through the CSV writer", async () => {
    const tenant = await buildTenant(t.services);
    await importSsda903(t.services.db, { laCode: tenant.laCode, years: [{ label: "fake-2017-18", files: fixtureCsvFiles() }] });
    const started = performance.now();
    const generated = await generateReturn(t.services.db, "ssda903", tenant.laCode, 2017);
    const elapsed = performance.now() - started;
    // The written files read back through the 903 reader, so the writer is in the loop too.
    const read = readSsda903Files(generated.files.map((f) => ({ name: f.name, text: f.text })));
    expect(read.unrecognised).toEqual([]);
    const expected = expectedRows();
    const counts: string[] = [];
    for (const table of Object.keys(SSDA903_TABLES) as Ssda903TableName[]) {
      const got = (read.tables[table]?.rows ?? []).map((r) => r.values);
      counts.push(`${table} ${String(got.length)}/${String(rowsOf(table).length)}`);
      expect(multiset(table, got), `${table} rows`).toEqual(multiset(table, expected[table]));
    }
    console.log(`round trip (${kind}, generated in ${elapsed.toFixed(0)} ms), rows returned/fixture rows: ${counts.join(", ")}`);
    // Every CHILD of the return maps back to its person.
    for (const h of read.tables.Header?.rows ?? []) expect(generated.personOf.get(h.values.CHILD ?? "")).toBeDefined();
    // And validation runs on it.
    const report = generated.validate();
    expect(report.ruleset).toBe("lac2026_27");
    expect(report.rulesRun).toBeGreaterThan(0);
  }, 240_000);
});
