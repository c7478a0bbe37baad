/** Prints a validation report as CSV, JSON or a summary, and draws progress on a terminal. */
import { fstatSync, writeSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { FindingsCsvEncoder, findingsCsvBytes, summariseFindings, type Finding, type ProgressListener, type ValidationReport } from "@family-story/returns";
import type { Output } from "../audit-verify-command.ts";
import { InputError } from "./read-input.ts";

/** The output formats. */
export const REPORT_FORMATS = ["csv", "json", "summary"] as const;
/** One output format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Inputs at least this many rows get a progress bar (when stderr is a terminal). */
const PROGRESS_FROM_ROWS = 20_000;

/** A progress bar over the rules on stderr, or null when not on a terminal or the input is small. */
export function progressBar(io: Output, rows: number): { update: ProgressListener; stop: () => void } | null {
  if (!io.interactive || rows < PROGRESS_FROM_ROWS) return null;
  const bar = new SingleBar({ format: "  Validating [{bar}] {value}/{total} rules, rule {rule}", hideCursor: true, stream: process.stderr });
  let started = false;
  return {
    update: (done, total, rule) => {
      if (!started) {
        bar.start(total, done, { rule });
        started = true;
      } else bar.update(done, { rule });
    },
    stop: () => {
      bar.stop();
    },
  };
}

/** Writes text to stdout, waiting while the reader catches up so a million rows never pile up in memory. */
async function write(text: string | Uint8Array): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

/** How stdout can be written while validating: a file, or a pipe or socket; null for a terminal (left to the stream). */
function stdoutKind(): "file" | "pipe" | null {
  try {
    const info = fstatSync(1);
    if (info.isFile()) return "file";
    return info.isFIFO() || info.isSocket() ? "pipe" : null;
  } catch {
    return null;
  }
}

/** Node's handle on a pipe: setBlocking is what the `set-blocking` package calls. */
interface PipeHandle {
  setBlocking?: (blocking: boolean) => number;
}

/**
 * Makes writes to a stdout pipe wait in the kernel until the reader has taken enough, rather than
 * fail with EAGAIN (Node opens it non-blocking): far fewer system calls and no polling.
 */
function blockOnStdoutPipe(): void {
  (process.stdout as unknown as { _handle?: PipeHandle })._handle?.setBlocking?.(true);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of a chunk to stdout before returning. Should a pipe still be full (EAGAIN, where it
 * could not be made blocking) it is waited for, briefly at first and longer while it stays full;
 * a reader that has gone away (EPIPE, e.g. `| head`) ends the command quietly, as main.ts does
 * for the stream.
 */
function writeStdoutNow(chunk: Uint8Array): void {
  let wait = 0.05;
  for (let done = 0; done < chunk.length; ) {
    try {
      done += writeSync(1, chunk, done);
      wait = 0.05;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0);
      if (code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, wait);
      wait = Math.min(wait * 2, 5);
    }
  }
}

/**
 * For CSV output to a file or pipe: writes each finding's line as validation makes it, so the
 * million findings of a national return are never held (call finish() after validating, instead
 * of printReport). Null for other formats and a terminal: the report is printed at the end.
 */
export function csvWhileValidating(format: ReportFormat): { onFinding: (finding: Finding) => void; finish: () => void } | null {
  const kind = format === "csv" ? stdoutKind() : null;
  if (kind === null) return null;
  if (kind === "pipe") blockOnStdoutPipe();
  // Each chunk is written before the encoder goes on, so its memory is used again for the next.
  const encoder = new FindingsCsvEncoder(writeStdoutNow, 1 << 20, true);
  return {
    onFinding: (finding) => {
      encoder.add(finding);
    },
    finish: () => {
      encoder.finish();
    },
  };
}

/** Writes the report to stdout in the chosen format. */
export async function printReport(report: ValidationReport, options: { format: ReportFormat; title: string }, io: Output): Promise<void> {
  switch (options.format) {
    case "csv":
      for (const chunk of findingsCsvBytes(report.findings)) await write(chunk);
      return;
    case "json":
      io.out(JSON.stringify({ ruleset: report.ruleset, rulesRun: report.rulesRun, findings: report.findings, skipped: report.skipped, errors: report.errors }, null, 2));
      return;
    case "summary": {
      const rules = summariseFindings(report.findings);
      io.out(`${options.title}: ruleset ${report.ruleset}, ${String(report.rulesRun)} rules run.`);
      io.out(`${String(report.findings.length)} finding(s) from ${String(rules.length)} rule(s).`);
      if (rules.length > 0) io.out("");
      for (const r of rules) io.out(`${r.rule.padEnd(10)}${String(r.count).padStart(7)}  ${r.tables.join(", ")}: ${r.message}`);
      if (report.skipped.length > 0) {
        io.out("");
        io.out(`Not run (${String(report.skipped.length)}):`);
        for (const s of report.skipped) io.out(`  ${s.rule}: ${s.reason}`);
      }
      return;
    }
  }
}

/**
 * The exit code once validation ran: 0 whatever it found, 3 when a rule failed inside the engine
 * (a defect to report), with those rules named on stderr grouped by reason.
 */
export function exitCodeFor(report: ValidationReport, io: Output): number {
  if (report.errors.length === 0) return 0;
  const reasons = new Map<string, string[]>();
  for (const e of report.errors) reasons.set(e.reason, [...(reasons.get(e.reason) ?? []), e.rule]);
  for (const [reason, rules] of reasons) io.err(`familystory: ${rules.length === 1 ? "rule" : "rules"} ${rules.join(", ")}: ${reason}`);
  return 3;
}

/** The exit code for a failure: 2 with the message for input that cannot be read; anything else is rethrown. */
export function exitCodeForError(error: unknown, io: Output): number {
  if (!(error instanceof InputError)) throw error;
  io.err(`familystory: ${error.message}`);
  return 2;
}
