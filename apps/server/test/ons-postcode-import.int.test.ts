import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../src/db/connect.ts";
import { importOnsPostcodes } from "../src/import/ons-postcode-import.ts";
import { importSsda903 } from "../src/import/ssda903-import.ts";
import { openTestDatabase } from "./harness.ts";

const DIRECTORY = path.resolve(import.meta.dirname, "../../../../shared/reference/ons-postcodes.csv.gz");
const dir = mkdtempSync(path.join(tmpdir(), "ons-"));

/** The directory's header and first `n` lines, with extra lines appended, gzipped. */
function smallDirectory(name: string, n: number, extra: string[]): string {
  // The whole file is 20 MB gzipped; the test reads it once and keeps the first lines.
  const lines = gunzipSync(readFileSync(DIRECTORY)).subarray(0, 200_000).toString("utf8").split("\n").slice(0, n + 1);
  const file = path.join(dir, name);
  writeFileSync(file, gzipSync([...lines, ...extra].join("\n")));
  return file;
}

// ons_postcode is national reference data shared by every tenant, and a load replaces it: this
// runs on PGlite only, so it never swaps the directory under tests sharing the PostgreSQL database.
describe("ONS postcode directory import (PGlite)", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await openTestDatabase("pglite");
  }, 120_000);
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("streams a gzipped file in batches, skips and reports bad grid references by line, and a re-run replaces the directory", async () => {
    const file = smallDirectory("small.csv.gz", 1500, ["ZZ1 1ZZ,abc,801193.0,S12000033", "ZZ1 1ZY,,,", "ZZ1 1ZX,99999999.0,100.0,E09000001", "ZZ9 9ZZ,530000.0,180000.0,E09000033"]);
    const progress: number[] = [];
    const result = await importOnsPostcodes(h.db, file, { batchSize: 400, onProgress: (read, total) => progress.push(read / total) });
    expect(result.rows).toBe(1501);
    expect(result.withoutGridReference).toBe(1);
    expect(result.problemCount).toBe(2);
    expect(result.problems).toEqual([
      { line: 1502, reason: expect.stringContaining("grid reference that is not a number") as string },
      { line: 1504, reason: "The grid reference 99999999, 100 of ZZ1 1ZX is outside the OS National Grid." },
    ]);
    expect(progress.at(-1)).toBe(1);
    const first = await h.db.selectFrom("ons_postcode").selectAll().where("pcd", "=", "AB1 0AA").executeTakeFirstOrThrow();
    expect(first).toEqual({ pcd: "AB1 0AA", easting: 385386, northing: 801193, laua: "S12000033" });
    expect(await h.db.selectFrom("reference_dataset").select(["name", "rows", "source"]).execute()).toEqual([{ name: "ons_postcode", rows: 1501, source: "small.csv.gz" }]);

    // A re-run replaces: postcodes missing from the new file are gone.
    const smaller = smallDirectory("smaller.csv", 10, []);
    writeFileSync(smaller.replace(/\.csv$/, ".plain.csv"), gunzipSync(readFileSync(smaller)));
    const again = await importOnsPostcodes(h.db, smaller.replace(/\.csv$/, ".plain.csv"));
    expect(again.rows).toBe(10);
    const count = await h.db.selectFrom("ons_postcode").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(count.n).toBe(10);
    expect((await h.db.selectFrom("reference_dataset").select("rows").executeTakeFirstOrThrow()).rows).toBe(10);
  }, 120_000);

  it("refuses a file that is missing, not the directory, or a broken gzip, leaving the loaded directory as it was", async () => {
    await expect(importOnsPostcodes(h.db, path.join(dir, "none.csv.gz"))).rejects.toThrow(/^Cannot read .*none\.csv\.gz: ENOENT/);
    const wrong = path.join(dir, "wrong.csv");
    writeFileSync(wrong, "postcode,x,y\nAB1 0AA,1,2\n");
    await expect(importOnsPostcodes(h.db, wrong)).rejects.toThrow("wrong.csv line 1: Not the ONS Postcode Directory: the header lacks pcd, oseast1m, osnrth1m, laua");
    const broken = path.join(dir, "broken.csv.gz");
    writeFileSync(broken, gzipSync("pcd,oseast1m,osnrth1m,laua\nAB1 0AA,385386.0,801193.0,S12000033\n".repeat(50)).subarray(0, 60));
    await expect(importOnsPostcodes(h.db, broken)).rejects.toThrow(/^Cannot read .*broken\.csv\.gz: unexpected end of file/);
    const count = await h.db.selectFrom("ons_postcode").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(count.n).toBe(10);
  }, 60_000);

  it("derives PL_LA, PL_LOCATION and PL_DISTANCE for imported episodes from the loaded directory", async () => {
    await importOnsPostcodes(h.db, smallDirectory("derive.csv.gz", 1500, ["W2 1AA,526000.0,181000.0,E09000033"]));
    await h.db.insertInto("local_authority").values({ la_code: "E09000033", name: "Westminster" }).execute();
    const files = [
      { name: "header.csv", text: "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nP1,1,01/01/2012,WBRI,,,\n" },
      { name: "episodes.csv", text: "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nP1,01/05/2017,S,C2,N1,U1,PR1,01/06/2017,E11,,AB1 0AA,ab10ae,\nP1,01/06/2017,P,C2,N1,U1,PR1,,,,AB1 0AA,W2 1AA,\nP1,01/07/2017,P,C2,N1,U1,PR1,,,,AB1 0AA,XX9 9XX,\n" },
    ];
    const result = await importSsda903(h.db, { laCode: "E09000033", years: [{ label: "2017", files }] });
    expect(result.summary.placementFieldsDerived).toBe(true);
    const rows = await h.db.selectFrom("lac_episode").select(["decom", "pl_la", "pl_location", "pl_distance"]).where("la_code", "=", "E09000033").orderBy("decom").execute();
    // AB1 0AA → AB1 0AE: sqrt(786² + 1893²) m = 1.27 miles; both in Aberdeenshire/Aberdeen (S12), out of Westminster.
    expect(rows).toEqual([
      { decom: "2017-05-01", pl_la: "S12000034", pl_location: "OUT", pl_distance: "1.3" },
      { decom: "2017-06-01", pl_la: "E09000033", pl_location: "IN", pl_distance: expect.any(String) as string },
      { decom: "2017-07-01", pl_la: null, pl_location: null, pl_distance: null },
    ]);
  }, 60_000);
});
