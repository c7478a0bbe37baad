import { writeFile } from "node:fs/promises";
import { AuditLog, finishImportJob, importSsda903, readSsda903Path, recordImportProgress, startImportJob, type ImportProgress } from "@family-story/server";
import { SingleBar } from "cli-progress";
import { openServiceDatabase } from "./database.ts";
import type { Output } from "./audit-verify-command.ts";

/** Rejected rows shown on screen when a report file takes the full list. */
const SHOWN_WITH_REPORT = 50;

export interface ImportSsda903Options {
  la: string;
  year?: number | undefined;
  report?: string | undefined;
}

interface Problem {
  file: string;
  line: number | null;
  table: string | null;
  child: string | null;
  reason: string;
}

/** One CSV cell, quoted when it needs to be. */
function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rejected rows as CSV: file, line, table, CHILD, reason. */
export function problemsCsv(problems: readonly Problem[]): string {
  const lines = [["file", "line", "table", "child", "reason"].join(",")];
  for (const p of problems) lines.push([p.file, p.line, p.table, p.child, p.reason].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}

function pad(text: string | number, width: number, right = false): string {
  const s = String(text);
  return right ? s.padStart(width) : s.padEnd(width);
}

/**
 * `familystory import ssda903 --la <code> [--year <start>] [--report <file.csv>] <path>`: loads
 * SSDA903 files (a folder of one year, a folder of year folders, or one file) for an authority.
 * Exit 0 when the import ran (rejected rows are reported, not a failure); 1 when no file was an
 * SSDA903 table; 2 when the input cannot be read or the authority does not exist.
 */
export async function importSsda903Command(input: string, options: ImportSsda903Options, io: Output): Promise<number> {
  const { years, skipped } = await readSsda903Path(input, options.year ?? null);
  const handle = await openServiceDatabase();
  try {
    const authority = await handle.db.selectFrom("local_authority").select("name").where("la_code", "=", options.la).executeTakeFirst();
    if (authority === undefined) {
      io.err(`familystory: there is no authority ${options.la} on ${handle.where}.`);
      return 2;
    }
    io.out(`Importing SSDA903 files from ${input} into ${options.la} ${authority.name} on ${handle.where}`);
    for (const s of skipped) io.out(`  skipped ${s} (not a .csv or .xml file)`);
    const bar = io.interactive ? new SingleBar({ format: "  {phase} [{bar}] {value}/{total} rows", hideCursor: true, stream: process.stderr }) : null;
    let started = false;
    // The import is listed with the web app's (Administration › Imports), its progress kept there too.
    const jobId = await startImportJob(handle.db, options.la, null);
    let lastWrite = 0;
    const onProgress = async (p: ImportProgress): Promise<void> => {
      if (Date.now() - lastWrite > 1000) {
        lastWrite = Date.now();
        await recordImportProgress(handle.db, options.la, jobId, p);
      }
      if (bar === null) return;
      if (!started) {
        bar.start(p.total, p.processed, { phase: p.phase });
        started = true;
      } else bar.update(p.processed, { phase: p.phase });
    };
    const began = Date.now();
    const { summary, problems } = await importSsda903(handle.db, { laCode: options.la, years, onProgress }).catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      await finishImportJob(handle.db, options.la, jobId, "failed", { years: [], tables: [], children: { created: 0, matched: 0 }, placementFieldsDerived: false, warnings: [], error: message }, []);
      throw error;
    });
    await finishImportJob(handle.db, options.la, jobId, "done", summary, problems);
    bar?.stop();
    const seconds = ((Date.now() - began) / 1000).toFixed(1);

    for (const y of summary.years) {
      const from = y.yearFrom === "given" ? "as given" : y.yearFrom === "name" ? "from the folder name" : "from the dates in the files";
      io.out(`Year ${y.year}/${String((y.year + 1) % 100).padStart(2, "0")} (${from}): ${y.label}, ${y.files.length} file(s)`);
    }
    io.out("");
    io.out(`${pad("table", 16)}${pad("read", 9, true)}${pad("inserted", 10, true)}${pad("updated", 9, true)}${pad("unchanged", 11, true)}${pad("rejected", 10, true)}`);
    for (const t of summary.tables) {
      io.out(`${pad(t.table, 16)}${pad(t.read, 9, true)}${pad(t.inserted, 10, true)}${pad(t.updated, 9, true)}${pad(t.unchanged, 11, true)}${pad(t.rejected, 10, true)}`);
    }
    io.out("");
    io.out(`Children: ${summary.children.created} new, ${summary.children.matched} matched by CHILD to a child already on record.`);
    io.out(summary.placementFieldsDerived ? "PL_LA, PL_LOCATION and PL_DISTANCE derived from the ONS postcode directory." : "The ONS postcode directory is not loaded (familystory import postcodes): placement fields kept as the files gave them.");
    for (const w of summary.warnings) io.out(`Note: ${w}`);

    if (problems.length > 0) {
      const shown = options.report === undefined ? problems : problems.slice(0, SHOWN_WITH_REPORT);
      io.out("");
      io.out(`Not loaded (${problems.length}):`);
      for (const p of shown) io.out(`  ${p.file}${p.line === null ? "" : `:${p.line}`}  ${p.table ?? "-"}  ${p.child === null ? "-" : `CHILD ${p.child}`}  ${p.reason}`);
      if (shown.length < problems.length) io.out(`  … and ${problems.length - shown.length} more in ${options.report ?? ""}`);
    }
    if (options.report !== undefined) {
      await writeFile(options.report, problemsCsv(problems));
      io.out(`Wrote ${problems.length} rejected row(s) to ${options.report}`);
    }
    await new AuditLog(handle.db).record(
      { userId: null, username: "familystory-cli", displayName: "familystory import (command line)", role: null, organisationId: null, organisationName: null, laCode: options.la, requestId: null },
      [{ laCode: options.la, action: "import.ssda903", entity: "import_job", entityId: jobId, details: { source: input, tables: summary.tables, children: summary.children, rejected: problems.length } }],
    );
    if (summary.tables.length === 0) {
      io.err(`familystory: nothing was imported: no file in ${input} was recognised as an SSDA903 table.`);
      return 1;
    }
    io.out(`Done in ${seconds} s.`);
    return 0;
  } finally {
    await handle.close();
  }
}
