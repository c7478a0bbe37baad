/**
 * `familystory returns validate cin`: validates a CIN census XML file by the DfE ruleset, offline.
 */
import { CinFileError, readCinXml, validateCin, type CinRuleset } from "@family-story/returns";
import type { Output } from "../audit-verify-command.ts";
import { InputError, readInputFiles } from "./read-input.ts";
import { exitCodeFor, exitCodeForError, printReport, progressBar, type ReportFormat } from "./report-output.ts";

/** Options of the cin command. */
export interface CinValidateOptions {
  readonly ruleset: CinRuleset;
  readonly format: ReportFormat;
}

/** Runs the command; returns the exit code (0 when validation ran, whatever it found). */
export async function cinValidateCommand(target: string, options: CinValidateOptions, io: Output): Promise<number> {
  try {
    const { name, read } = await readCensus(target);
    for (const w of read.warnings) io.err(`Note: ${w}`);
    const rows = Object.values(read.tables).reduce((n, t) => n + t.rows.length, 0);
    const bar = progressBar(io, rows);
    const report = validateCin(read.tables, { ruleset: options.ruleset, ...(bar === null ? {} : { onProgress: bar.update }) });
    bar?.stop();
    await printReport(report, { format: options.format, title: `CIN census ${name}, ${String(rows)} rows` }, io);
    return exitCodeFor(report, io);
  } catch (error) {
    return exitCodeForError(error, io);
  }
}

/**
 * Reads the one census XML file into tables. Kept apart from the command so the file's text
 * (150+ MiB nationally) is no longer reachable while the rules run.
 */
async function readCensus(target: string): Promise<{ name: string; read: ReturnType<typeof readCinXml> }> {
  const files = (await readInputFiles(target)).filter((f) => /\.xml$/i.test(f.name));
  const [file, ...others] = files;
  if (file === undefined) throw new InputError(`${target}: no CIN census XML file was found.`);
  if (others.length > 0) throw new InputError(`${target}: holds ${String(files.length)} XML files; give the one CIN census file.`);
  try {
    return { name: file.name, read: readCinXml(file) };
  } catch (error) {
    if (error instanceof CinFileError) throw new InputError(error.message);
    throw error;
  }
}
