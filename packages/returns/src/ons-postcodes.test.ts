import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ONS_POSTCODE_EXTRACT_LAYOUT, createPostcodeLookup, parseOnsPostcodeLine, readOnsPostcodeHeader } from "./ons-postcodes.ts";
import { upperTierAuthority } from "./postcode-distance.ts";

const DIRECTORY = path.resolve(import.meta.dirname, "../../../../shared/reference/ons-postcodes.csv.gz");

describe("ONS Postcode Directory lines", () => {
  it("finds the needed columns in the extract's header and in the full directory's", () => {
    expect(readOnsPostcodeHeader("\uFEFFpcd,oseast1m,osnrth1m,laua")).toEqual(ONS_POSTCODE_EXTRACT_LAYOUT);
    const full = readOnsPostcodeHeader('"pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","parish","usertype","oseast1m","osnrth1m","laua"');
    expect(full).toEqual({ pcd: 0, oseast1m: 11, osnrth1m: 12, laua: 13, width: 14 });
    expect(() => readOnsPostcodeHeader("pcd,east,north,laua")).toThrow("the header lacks oseast1m, osnrth1m");
  });

  it("parses a line to a normalised postcode, grid reference and authority", () => {
    expect(parseOnsPostcodeLine("E7  0AA,540117.0,185880.0,E09000031")).toEqual({ postcode: "E7 0AA", easting: 540117, northing: 185880, laua: "E09000031" });
    expect(parseOnsPostcodeLine("SW1A0AA,530268.0,179545.0,E09000033")?.postcode).toBe("SW1A 0AA");
    const layout = readOnsPostcodeHeader('"laua","x","pcd","osnrth1m","oseast1m"');
    expect(parseOnsPostcodeLine('"E09000033","a,b","W2  1AB","181733","526479"', layout)).toEqual({ postcode: "W2 1AB", easting: 526479, northing: 181733, laua: "E09000033" });
  });

  it("skips postcodes with no grid reference or authority, and refuses malformed lines", () => {
    expect(parseOnsPostcodeLine("AB113AG,,,")).toBeNull();
    expect(parseOnsPostcodeLine("  ")).toBeNull();
    expect(() => parseOnsPostcodeLine("AB1 0AA,385386.0,801193.0")).toThrow("Expected 4 cells");
    expect(() => parseOnsPostcodeLine("AB1 0AA,east,801193.0,S12000033")).toThrow("not a number");
    expect(() => parseOnsPostcodeLine(",1,2,S12000033")).toThrow("no postcode");
  });

  it("reads the real directory a line at a time", async () => {
    const lines = createInterface({ input: createReadStream(DIRECTORY).pipe(createGunzip()), crlfDelay: Infinity });
    let layout = ONS_POSTCODE_EXTRACT_LAYOUT;
    let first = true;
    const records = [];
    let skipped = 0;
    for await (const line of lines) {
      if (first) {
        layout = readOnsPostcodeHeader(line);
        first = false;
        continue;
      }
      const record = parseOnsPostcodeLine(line, layout);
      if (record === null) skipped++;
      else records.push(record);
      if (records.length + skipped >= 50_000) break;
    }
    lines.close();
    expect(records.length).toBeGreaterThan(40_000);
    expect(records[0]).toEqual({ postcode: "AB1 0AA", easting: 385386, northing: 801193, laua: "S12000033" });
    const lookup = createPostcodeLookup(records);
    expect(lookup.get("AB1 0AD")).toEqual({ easting: 385053, northing: 801092, laua: "S12000033" });
    expect(upperTierAuthority(records[0]?.laua ?? "")).toBe("S12000033");
  });
});
