/**
 * Brings an authority's SSDA903 history in: one or many years of files (CSV or XML), years in
 * date order, children matched across years by CHILD. Rows that cannot be loaded are reported
 * with file, line, table, child and reason; the rest load. Writing is set-based (a few thousand
 * rows a statement, one transaction a batch) and idempotent: importing the same files again
 * inserts nothing and rewrites nothing.
 */
import type { ImportProblem, ImportSummary, ImportTableCounts } from "@family-story/schemas";
import { readSsda903Files, SSDA903_TABLE_NAMES, type Ssda903Tables, type Ssda903TableName } from "@family-story/returns";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { chunks, inParallel, type UpsertCounts } from "./set-based-upsert.ts";
import { ChildRegistry, reconcileCases, writeHeaders, writePrevPerm, writeUasc } from "./ssda903-children.ts";
import { ImportInputError, type Ssda903ImportYear } from "./ssda903-files.ts";
import { prepareTable, yearFromDates, yearFromName, type PreparedRow } from "./ssda903-prepare.ts";
import { loadPostcodes, postcodeDirectoryLoaded, withPlacementFields, writeRecords, type RecordTable } from "./ssda903-records.ts";

/** Where the import is: a phase ("children", "Episodes"…) and rows done of the total. */
export interface ImportProgress {
  phase: string;
  processed: number;
  total: number;
}

export interface Ssda903ImportOptions {
  laCode: string;
  years: readonly Ssda903ImportYear[];
  /** The user the created records are attributed to (null from the command line). */
  createdBy?: string | null;
  /** Called after each batch; awaited, so a caller may write the progress somewhere. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /** Rows per statement and transaction. */
  batchSize?: number;
  /** Batches written at once, each in its own transaction on its own connection (PGlite runs them in turn). */
  concurrency?: number;
}

export interface Ssda903ImportResult {
  summary: ImportSummary;
  /** Every row and file that was not loaded. */
  problems: ImportProblem[];
}

interface YearRead {
  label: string;
  year: number;
  yearFrom: "given" | "name" | "dates";
  files: string[];
  tables: Ssda903Tables;
}

const RECORD_ORDER: readonly RecordTable[] = ["Episodes", "Reviews", "Missing", "OC2", "OC3", "AD1", "PlacedAdoption", "SWEpisodes", "DoLo"];

/** Reads every year's files, resolving each year and sorting the years into date order. */
function readYears(years: readonly Ssda903ImportYear[], problems: ImportProblem[], warnings: string[]): YearRead[] {
  const read = years.map((y, index) => {
    const result = readSsda903Files(y.files);
    for (const u of result.unrecognised) problems.push({ file: u.name, line: u.line, table: null, child: null, reason: `File not loaded: ${u.reason}` });
    warnings.push(...result.warnings);
    const fromName = yearFromName(y.label);
    const fromDates = yearFromDates(result.tables);
    const resolved: [number, YearRead["yearFrom"]] =
      y.year != null ? [y.year, "given"] : fromName !== null ? [fromName, "name"] : fromDates !== null ? [fromDates, "dates"] : [new Date().getFullYear() - 1, "dates"];
    return { index, label: y.label, year: resolved[0], yearFrom: resolved[1], files: result.files.map((f) => f.name), tables: result.tables };
  });
  read.sort((a, b) => a.year - b.year || a.index - b.index);
  return read;
}

/**
 * One batch's transaction. Its commit does not wait for the WAL flush (synchronous_commit off,
 * for this transaction only): a crash can lose the last batches but never leaves them half
 * written, and re-running the import completes them, as it changes nothing already there.
 */
function batchTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = off`.execute(trx);
    return fn(trx);
  });
}

/** The first DECOM of each child in a year's episodes, for the case of a child seen for the first time. */
function firstDecoms(rows: readonly PreparedRow[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const r of rows) {
    const decom = r.fields.decom as string;
    const known = first.get(r.child);
    if (known === undefined || decom < known) first.set(r.child, decom);
  }
  return first;
}

/**
 * Imports SSDA903 files for one authority. Throws ImportInputError when the authority does not
 * exist; unreadable files and rows are reported in the result, not thrown.
 */
export async function importSsda903(db: Kysely<Database>, options: Ssda903ImportOptions): Promise<Ssda903ImportResult> {
  const { laCode } = options;
  const batchSize = options.batchSize ?? 2500;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const authority = await db.selectFrom("local_authority").select("la_code").where("la_code", "=", laCode).executeTakeFirst();
  if (authority === undefined) throw new ImportInputError(`There is no authority ${laCode} on this database.`);

  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const years = readYears(options.years, problems, warnings);
  const total = years.reduce((n, y) => n + Object.values(y.tables).reduce((m, t) => m + t.rows.length, 0), 0);
  let processed = 0;
  const progress = async (phase: string, done: number): Promise<void> => {
    processed += done;
    await options.onProgress?.({ phase, processed, total });
  };
  await progress("reading files", 0);

  const counts = new Map<Ssda903TableName, ImportTableCounts>(SSDA903_TABLE_NAMES.map((t) => [t, { table: t, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 }]));
  const tally = (table: Ssda903TableName, c: UpsertCounts, rows: number): void => {
    const entry = counts.get(table);
    if (entry === undefined) return;
    entry.inserted += c.inserted;
    entry.updated += c.updated;
    entry.unchanged += rows - c.inserted - c.updated;
  };
  const registry = await ChildRegistry.load(db, laCode);
  const lookupNeeded = await postcodeDirectoryLoaded(db);
  const touchedChildren = new Set<string>();
  let created = 0;
  let matched = 0;

  const write = <T>(batches: T[][], fn: (batch: T[]) => Promise<void>) => inParallel(batches, concurrency, fn);
  for (const y of years) {
    const prepare = (table: Ssda903TableName, isKnown: (child: string) => boolean = (child) => registry.isLookedAfter(child)) => {
      const prepared = prepareTable(table, y.tables[table]?.rows ?? [], isKnown);
      // The rows as read are not needed again: let them go before the writing starts.
      if (table !== "Episodes") y.tables = Object.fromEntries(Object.entries(y.tables).filter(([name]) => name !== table));
      problems.push(...prepared.problems);
      const entry = counts.get(table);
      if (entry !== undefined) {
        entry.read += prepared.read;
        entry.rejected += prepared.problems.length;
      }
      return prepared;
    };
    const headers = prepare("Header");
    const inHeader = new Set(headers.rows.map((r) => r.child));
    const known = (child: string): boolean => registry.isLookedAfter(child) || inHeader.has(child);
    const uasc = prepare("UASC", known);
    const prevPerm = prepare("PrevPerm", known);
    // Children new to the authority take their UASC and previous permanence with their first rows.
    const isNew = (r: PreparedRow): boolean => registry.get(r.child) === undefined && inHeader.has(r.child);
    const firstUasc = new Map(uasc.rows.filter(isNew).map((r) => [r.child, r]));
    const firstPerm = new Map(prevPerm.rows.filter(isNew).map((r) => [r.child, r]));
    await progress("children", headers.problems.length + uasc.problems.length + prevPerm.problems.length);
    // Episodes are checked before the children are written only to know when each new child's care began.
    const decoms = firstDecoms(prepareTable("Episodes", y.tables.Episodes?.rows ?? [], () => true).rows);
    const context = {
      createdBy: options.createdBy ?? null,
      openedOn: (child: string) => decoms.get(child) ?? `${String(y.year)}-04-01`,
      firstFacts: (child: string) => ({ uasc: firstUasc.get(child), prevPerm: firstPerm.get(child) }),
    };
    await write(chunks(headers.rows, batchSize), async (batch) => {
      const c = await batchTransaction(db, (trx) => writeHeaders(trx, laCode, registry, batch, context));
      created += c.inserted;
      matched += c.matched;
      tally("Header", c, batch.length);
      await progress("children", batch.length);
    });
    const filled = [...firstPerm.values()].filter((r) => Object.values(r.fields).some((v) => v !== null)).length;
    tally("UASC", { inserted: firstUasc.size, updated: 0 }, firstUasc.size);
    tally("PrevPerm", { inserted: filled, updated: 0 }, firstPerm.size);
    await progress("children", firstUasc.size + firstPerm.size);

    for (const [table, prepared, firsts] of [["UASC", uasc, firstUasc], ["PrevPerm", prevPerm, firstPerm]] as const) {
      const rest = prepared.rows.filter((r) => firsts.get(r.child) !== r);
      await write(chunks(rest, batchSize), async (batch) => {
        const c = await batchTransaction(db, (trx) => (table === "UASC" ? writeUasc(trx, laCode, registry, batch) : writePrevPerm(trx, laCode, registry, batch)));
        tally(table, c, batch.length);
        await progress(table, batch.length);
      });
    }

    for (const table of RECORD_ORDER) {
      const prepared = prepare(table);
      await progress(table, prepared.problems.length);
      let rows = prepared.rows;
      if (table === "Episodes") {
        const lookup = lookupNeeded ? await loadPostcodes(db, rows.flatMap((r) => [r.fields.home_post, r.fields.pl_post]).filter((p): p is string => typeof p === "string")) : null;
        rows = withPlacementFields(rows, laCode, lookup);
        for (const r of rows) {
          const personId = registry.get(r.child)?.personId;
          if (personId !== undefined) touchedChildren.add(personId);
        }
      }
      await write(chunks(rows, batchSize), async (batch) => {
        const c = await batchTransaction(db, (trx) => writeRecords(trx, laCode, table, registry, batch, y.year));
        tally(table, c, batch.length);
        await progress(table, batch.length);
      });
    }
  }

  await progress("closing cases", 0);
  for (const batch of chunks([...touchedChildren], 5000)) await reconcileCases(db, laCode, batch);
  await progress("done", 0);

  return {
    summary: {
      years: years.map((y) => ({ label: y.label, year: y.year, yearFrom: y.yearFrom, files: y.files })),
      tables: [...counts.values()].filter((c) => c.read > 0),
      children: { created, matched },
      placementFieldsDerived: lookupNeeded,
      warnings,
      error: null,
    },
    problems,
  };
}
