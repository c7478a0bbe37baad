/**
 * Lines of the ONS Postcode Directory as a CSV (pcd, oseast1m, osnrth1m, laua and possibly many
 * more columns). The directory has 2.7 million lines, so an import reads it a line at a time:
 * `readOnsPostcodeHeader` on the first line, then `parseOnsPostcodeLine` on each of the others.
 * Nothing here reads files, so it runs in Node and the browser alike.
 */
import { normalisePostcode } from "@family-story/domain";
import type { PostcodeLookup, PostcodePoint } from "./postcode-distance.ts";

/** The directory's columns the return needs. */
export const ONS_POSTCODE_COLUMNS = Object.freeze(["pcd", "oseast1m", "osnrth1m", "laua"] as const);

/** Where each needed column sits in a line (0-based), and how many cells a line has. */
export interface OnsPostcodeLayout {
  readonly pcd: number;
  readonly oseast1m: number;
  readonly osnrth1m: number;
  readonly laua: number;
  readonly width: number;
}

/** The layout of the four-column extract (pcd,oseast1m,osnrth1m,laua). */
export const ONS_POSTCODE_EXTRACT_LAYOUT: OnsPostcodeLayout = Object.freeze({ pcd: 0, oseast1m: 1, osnrth1m: 2, laua: 3, width: 4 });

/** One postcode with its grid reference and lower-tier authority; the postcode normalised ("E7 5YR"). */
export interface OnsPostcodeRecord extends PostcodePoint {
  readonly postcode: string;
}

/** Splits a CSV line, honouring double quotes (the full directory quotes every cell). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * Reads the directory's header line and says where the needed columns are (any order, any
 * extra columns, case-insensitive). Throws an Error naming the columns that are missing.
 */
export function readOnsPostcodeHeader(line: string): OnsPostcodeLayout {
  const cells = splitCsvLine(line.replace(/^\uFEFF/, "")).map((c) => c.toLowerCase());
  const missing = ONS_POSTCODE_COLUMNS.filter((c) => !cells.includes(c));
  if (missing.length > 0) {
    throw new Error(`Not the ONS Postcode Directory: the header lacks ${missing.join(", ")} (it needs ${ONS_POSTCODE_COLUMNS.join(", ")}).`);
  }
  return Object.freeze({
    pcd: cells.indexOf("pcd"),
    oseast1m: cells.indexOf("oseast1m"),
    osnrth1m: cells.indexOf("osnrth1m"),
    laua: cells.indexOf("laua"),
    width: cells.length,
  });
}

/**
 * Parses one data line of the directory. Returns null for a blank line and for a postcode the
 * directory gives no grid reference or no authority (terminated and non-geographic postcodes),
 * since no placement field can be derived from it. Throws an Error on a malformed line.
 */
export function parseOnsPostcodeLine(line: string, layout: OnsPostcodeLayout = ONS_POSTCODE_EXTRACT_LAYOUT): OnsPostcodeRecord | null {
  if (line.trim() === "") return null;
  const cells = splitCsvLine(line);
  if (cells.length !== layout.width) throw new Error(`Expected ${layout.width} cells in the postcode line "${line}", found ${cells.length}.`);
  const pcd = cells[layout.pcd] ?? "";
  const east = cells[layout.oseast1m] ?? "";
  const north = cells[layout.osnrth1m] ?? "";
  const laua = cells[layout.laua] ?? "";
  if (pcd === "") throw new Error(`The postcode line "${line}" has no postcode.`);
  if (east === "" || north === "" || laua === "") return null;
  const easting = Number(east);
  const northing = Number(north);
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new Error(`The postcode line "${line}" has a grid reference that is not a number.`);
  }
  return { postcode: normalisePostcode(pcd), easting, northing, laua };
}

/** An in-memory lookup over parsed records (tests, small areas, or a cache the importer fills). */
export function createPostcodeLookup(records: Iterable<OnsPostcodeRecord>): PostcodeLookup {
  const byPostcode = new Map<string, PostcodePoint>();
  for (const r of records) byPostcode.set(r.postcode, { easting: r.easting, northing: r.northing, laua: r.laua });
  return { get: (postcode) => byPostcode.get(postcode) };
}
