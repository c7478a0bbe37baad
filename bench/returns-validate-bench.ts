/**
 * SSDA903 validation speed and memory, as `familystory returns validate ssda903` runs it:
 * 1. the shared 2017/18 fixture (25,945 rows), wall time including start-up (goal < 1 s);
 * 2. a national-scale synthetic year: the fixture repeated 30 times with CHILD ids made unique
 *    (80,250 children, 151,500 episodes, 377,460 reviews), goal ≤ 5 s and ≤ 1 GB peak memory.
 * Each is timed through the installed command, its CSV written to a file (wall time and peak RSS
 * from /usr/bin/time), then
 * the national year in-process to show where the time goes (reading, each slowest rule).
 *
 *   npx tsx bench/returns-validate-bench.ts [--copies 30] [--runs 5]
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readSsda903Files, ssda903Input, ssda903Metadata, validateSsda903 } from "../packages/returns/src/index.ts";
import { option } from "./bench-database.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "apps/cli/bin/familystory.mjs");
const FIXTURES = path.resolve(ROOT, "../shared/returns/ssda903/fixtures/fake-2017-18");
const copies = Number(option("copies", "30"));
const runs = Number(option("runs", "5"));

/** Writes the fixture's CSVs `copies` times over, each copy's CHILD ids prefixed to keep them apart. */
function writeNationalYear(dir: string): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith(".csv"))) {
    const [header = "", ...lines] = readFileSync(path.join(FIXTURES, name), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
    const out = [header];
    for (let k = 0; k < copies; k++) for (const line of lines) out.push(`${String(10 + k)}${line}`);
    writeFileSync(path.join(dir, name), `${out.join("\n")}\n`);
    rows[name] = out.length - 1;
  }
  return rows;
}

/** Runs the command under /usr/bin/time, CSV to a file as a user would: wall seconds, peak RSS in MiB, findings written. */
function timedRun(target: string): { seconds: number; mib: number; findings: number } {
  const args = ["-f", "%e %M", process.execPath, BIN, "returns", "validate", "ssda903", "--year", "2017", "--la", "E09000027", "--format", "csv", target];
  const out = path.join(dir, "findings.csv");
  const fd = openSync(out, "w");
  const result = spawnSync("/usr/bin/time", args, { encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  if (result.status !== 0) throw new Error(`familystory failed (${String(result.status)}): ${result.stderr}`);
  const last = result.stderr.trim().split("\n").at(-1) ?? "";
  const [seconds = "NaN", kb = "NaN"] = last.split(" ");
  const findings = readFileSync(out, "utf8").split("\n").length - 2;
  rmSync(out);
  return { seconds: Number(seconds), mib: Number(kb) / 1024, findings };
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

function measure(label: string, target: string): void {
  const first = timedRun(target);
  const rest = Array.from({ length: runs }, () => timedRun(target));
  console.log(
    `${label}: first run ${first.seconds.toFixed(2)} s; then median ${median(rest.map((r) => r.seconds)).toFixed(2)} s (max ${Math.max(...rest.map((r) => r.seconds)).toFixed(2)}) over ${String(runs)} runs; peak RSS ${Math.max(first.mib, ...rest.map((r) => r.mib)).toFixed(0)} MiB; ${String(first.findings)} findings`,
  );
}

function profile(dir: string): void {
  const began = performance.now();
  const files = readdirSync(dir).map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
  const input = ssda903Input({ current: readSsda903Files(files).tables });
  const read = performance.now();
  const times: { rule: string; ms: number }[] = [];
  let last = performance.now();
  const report = validateSsda903(input, {
    ruleset: "lac2026_27",
    metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027" }),
    onProgress: (_done, _total, rule) => {
      const now = performance.now();
      times.push({ rule, ms: now - last });
      last = now;
    },
  });
  const done = performance.now();
  const slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 8).map((t) => `${t.rule} ${t.ms.toFixed(0)} ms`);
  console.log(`In process: read ${(read - began).toFixed(0)} ms, validate ${(done - read).toFixed(0)} ms (${String(report.findings.length)} findings, ${String(report.errors.length)} rule errors); slowest rules: ${slowest.join(", ")}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "returns-bench-"));
const national = path.join(dir, "national");
try {
  measure("Shared fixture 2017/18", FIXTURES);
  mkdirSync(national);
  console.log(`National year (${String(copies)} copies): ${JSON.stringify(writeNationalYear(national))}`);
  measure("National year", national);
  profile(national);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
