/**
 * Loads the ONS Postcode Directory (pcd, oseast1m, osnrth1m, laua, any other columns ignored)
 * into ons_postcode, from which the SSDA903 placement fields are derived. The directory has
 * 2.7 million lines, so the file is streamed a line at a time (gunzipped on the fly) and written
 * in multi-row batches; it is never held in memory. The whole load is one transaction: a re-run
 * replaces the directory, and a failed one leaves the previous directory in place.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { createInterface, type Interface } from "node:readline";
import { createGunzip } from "node:zlib";
import { parseOnsPostcodeLine, readOnsPostcodeHeader, type OnsPostcodeLayout } from "@family-story/returns";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { ImportInputError } from "./ssda903-files.ts";

/** A line that was not loaded. */
export interface PostcodeProblem {
  line: number;
  reason: string;
}

export interface PostcodeImportResult {
  /** Postcodes now in the directory. */
  rows: number;
  /** Lines the directory gives without a grid reference or authority (terminated, non-geographic). */
  withoutGridReference: number;
  /** Lines refused, the first 1,000 of them listed. */
  problemCount: number;
  problems: PostcodeProblem[];
  file: string;
}

export interface PostcodeImportOptions {
  /** Called as the file is read: compressed bytes read so far of the file's size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  batchSize?: number;
}

/** OS National Grid extent in metres (with a margin), so a stray value is caught before it reaches an integer column. */
const MAX_EASTING = 800_000;
const MAX_NORTHING = 1_400_000;
const KEEP_PROBLEMS = 1000;

interface Point {
  pcd: string;
  easting: number;
  northing: number;
  laua: string;
}

/** Parses one line, or says why it cannot be loaded; null for a line with nothing to load. */
function parseLine(text: string, layout: OnsPostcodeLayout): Point | null | { problem: string } {
  let parsed;
  try {
    parsed = parseOnsPostcodeLine(text, layout);
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
  if (parsed === null) return null;
  const easting = Math.round(parsed.easting);
  const northing = Math.round(parsed.northing);
  if (easting < 0 || easting > MAX_EASTING || northing < 0 || northing > MAX_NORTHING) {
    return { problem: `The grid reference ${parsed.easting}, ${parsed.northing} of ${parsed.postcode} is outside the OS National Grid.` };
  }
  return { pcd: parsed.postcode, easting, northing, laua: parsed.laua };
}

/** The file's lines, gunzipped when it is .gz; a read or gunzip failure ends them and is kept in `failure`. */
function openLines(file: string): { lines: Interface; failure: { error: Error | null }; bytesRead: () => number; close: () => void } {
  const source = createReadStream(file);
  let read = 0;
  source.on("data", (chunk) => {
    read += chunk.length;
  });
  const gunzip = /\.gz$/i.test(file) ? createGunzip() : null;
  const input = gunzip === null ? source : source.pipe(gunzip);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const failure: { error: Error | null } = { error: null };
  const fail = (error: Error): void => {
    failure.error ??= error;
    lines.close();
  };
  source.on("error", fail);
  gunzip?.on("error", fail);
  const close = (): void => {
    lines.close();
    source.destroy();
  };
  return { lines, failure, bytesRead: () => read, close };
}

async function writeBatch(trx: Transaction<Database>, batch: Map<string, Point>): Promise<void> {
  const rows = [...batch.values()];
  await sql`INSERT INTO ons_postcode (pcd, easting, northing, laua)
    SELECT * FROM unnest(${sql.val(rows.map((r) => r.pcd))}::text[], ${sql.val(rows.map((r) => r.easting))}::int[], ${sql.val(rows.map((r) => r.northing))}::int[], ${sql.val(rows.map((r) => r.laua))}::text[])
    ON CONFLICT (pcd) DO UPDATE SET easting = excluded.easting, northing = excluded.northing, laua = excluded.laua`.execute(trx);
}

/**
 * Loads a directory file (.csv, or .csv.gz) into ons_postcode, replacing what was there, and
 * records it in reference_dataset. Lines with a bad grid reference are reported by line number
 * and skipped. Throws ImportInputError naming the file when it cannot be read or is not the directory.
 */
export async function importOnsPostcodes(db: Kysely<Database>, file: string, options: PostcodeImportOptions = {}): Promise<PostcodeImportResult> {
  const size = (await stat(file).catch((error: unknown) => {
    throw new ImportInputError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  })).size;
  const batchSize = options.batchSize ?? 10_000;
  const result: PostcodeImportResult = { rows: 0, withoutGridReference: 0, problemCount: 0, problems: [], file: path.basename(file) };
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM ons_postcode`.execute(trx);
    // Opened only now, just before the loop reads it: a line reader emits lines as soon as it
    // is created, and lines emitted before the loop asks for them would be lost.
    const { lines, failure, bytesRead, close } = openLines(file);
    let layout: OnsPostcodeLayout | null = null;
    let lineNumber = 0;
    let batch = new Map<string, Point>();
    try {
      for await (const text of lines) {
        lineNumber += 1;
        if (layout === null) {
          if (text.trim() === "") continue;
          try {
            layout = readOnsPostcodeHeader(text);
          } catch (error) {
            throw new ImportInputError(`${file} line ${lineNumber}: ${error instanceof Error ? error.message : String(error)}`);
          }
          continue;
        }
        const parsed = parseLine(text, layout);
        if (parsed === null) {
          if (text.trim() !== "") result.withoutGridReference += 1;
        } else if ("problem" in parsed) {
          result.problemCount += 1;
          if (result.problems.length < KEEP_PROBLEMS) result.problems.push({ line: lineNumber, reason: parsed.problem });
        } else {
          // A postcode given twice keeps its last line, as a re-run would.
          batch.set(parsed.pcd, parsed);
          if (batch.size >= batchSize) {
            await writeBatch(trx, batch);
            batch = new Map();
            options.onProgress?.(bytesRead(), size);
          }
        }
      }
    } catch (error) {
      // The line reader rethrows a read or gunzip failure (fs errors are E…, zlib's Z_…).
      const code = (error as { code?: unknown }).code;
      if (typeof code === "string" && /^(E[A-Z]|Z_)/.test(code)) failure.error ??= error as Error;
      else throw error;
    } finally {
      close();
    }
    if (failure.error !== null) throw new ImportInputError(`Cannot read ${file}: ${failure.error.message}`);
    if (layout === null) throw new ImportInputError(`${file} is empty: there is no header line.`);
    if (batch.size > 0) await writeBatch(trx, batch);
    const counted = await trx.selectFrom("ons_postcode").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    result.rows = counted.n;
    await trx
      .insertInto("reference_dataset")
      .values({ name: "ons_postcode", rows: result.rows, source: result.file })
      .onConflict((oc) => oc.column("name").doUpdateSet({ rows: result.rows, source: result.file, loaded_at: new Date() }))
      .execute();
  });
  options.onProgress?.(size, size);
  return result;
}
