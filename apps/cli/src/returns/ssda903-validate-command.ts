/**
 * `familystory returns validate ssda903`: validates a year of SSDA903 files (CSV or XML, a
 * folder or one file) by a DfE ruleset, optionally with last year's files for the cross-year
 * rules and the ONS Postcode Directory to derive PL_LA, PL_LOCATION and PL_DISTANCE. Runs
 * entirely offline: no database, nothing sent anywhere.
 */
import {
  readSsda903Files,
  ssda903Input,
  ssda903Metadata,
  validateSsda903,
  withPlacementFields,
  type Ssda903ReadResult,
  type Ssda903Ruleset,
  type Ssda903Tables,
} from "@family-story/returns";
import { normalisePostcode } from "@family-story/domain";
import type { Output } from "../audit-verify-command.ts";
import { InputError, loadPostcodes, readInputFiles } from "./read-input.ts";
import { csvWhileValidating, exitCodeFor, exitCodeForError, printReport, progressBar, type ReportFormat } from "./report-output.ts";

/** Options of the ssda903 command. */
export interface Ssda903ValidateOptions {
  readonly ruleset: Ssda903Ruleset;
  readonly year: number;
  readonly la: string;
  readonly previous?: string | undefined;
  readonly postcodes?: string | undefined;
  readonly format: ReportFormat;
}

/** Reads files into tables; any file that is not a readable SSDA903 table stops the run. */
async function readYear(target: string, io: Output): Promise<Ssda903ReadResult> {
  let files = await readInputFiles(target);
  // The DfE takes the return as CSVs or as XML; a folder holding both is validated as its CSVs.
  const csv = files.filter((f) => /\.csv$/i.test(f.name));
  if (csv.length > 0 && csv.length < files.length) {
    for (const f of files) if (!/\.csv$/i.test(f.name)) io.err(`Note: ${f.name} set aside: the folder also has CSV files, and a return is either CSVs or XML.`);
    files = csv;
  }
  const read = readSsda903Files(files);
  const bad = read.unrecognised[0];
  if (bad !== undefined) throw new InputError(bad.reason.startsWith(bad.name) ? bad.reason : `${bad.name}${bad.line === null ? "" : ` line ${String(bad.line)}`}: ${bad.reason}`);
  if (Object.keys(read.tables).length === 0) throw new InputError(`${target}: no SSDA903 table was found.`);
  return read;
}

/** Adds the placement fields to Episodes from the postcode directory, loading only the postcodes used. */
async function derivePlacements(tables: Ssda903Tables, file: string, la: string, io: Output): Promise<Ssda903Tables> {
  const episodes = tables.Episodes;
  if (episodes === undefined) return tables;
  const wanted = new Set<string>();
  for (const row of episodes.rows) {
    for (const value of [row.values.HOME_POST, row.values.PL_POST]) if (value != null) wanted.add(normalisePostcode(value));
  }
  const { lookup, found } = await loadPostcodes(file, wanted);
  io.err(`Postcodes: ${String(found)} of the ${String(wanted.size)} used were found in ${file}.`);
  return { ...tables, Episodes: withPlacementFields(episodes, { lookup, returningAuthority: la }) };
}

/** Runs the command; returns the exit code (0 when validation ran, whatever it found). */
export async function ssda903ValidateCommand(target: string, options: Ssda903ValidateOptions, io: Output): Promise<number> {
  try {
    const current = await readYear(target, io);
    const previous = options.previous === undefined ? undefined : await readYear(options.previous, io);
    for (const w of [...current.warnings, ...(previous?.warnings ?? [])]) io.err(`Note: ${w}`);
    const tables = options.postcodes === undefined ? current.tables : await derivePlacements(current.tables, options.postcodes, options.la, io);
    const input = ssda903Input({ current: tables, ...(previous === undefined ? {} : { previous: previous.tables }) });
    const rows = Object.values(input).reduce((n, t) => n + t.rows.length, 0);
    const fileFormat = current.files.every((f) => f.format === "xml") ? "xml" : "csv";
    const bar = progressBar(io, rows);
    const csv = csvWhileValidating(options.format);
    const report = validateSsda903(input, {
      ruleset: options.ruleset,
      metadata: ssda903Metadata({ year: options.year, localAuthority: options.la, fileFormat }),
      ...(bar === null ? {} : { onProgress: bar.update }),
      ...(csv === null ? {} : { onFinding: csv.onFinding }),
    });
    bar?.stop();
    if (csv !== null) csv.finish();
    else await printReport(report, { format: options.format, title: `SSDA903 ${String(options.year)}/${String((options.year + 1) % 100).padStart(2, "0")} for ${options.la}, ${String(rows)} rows` }, io);
    return exitCodeFor(report, io);
  } catch (error) {
    return exitCodeForError(error, io);
  }
}
