/**
 * CIN census validation speed and memory at national scale, as `familystory returns validate cin`
 * runs it: the shared fake census's children repeated `copies` times (240 × 332 ≈ 80,000
 * children) with LAchildID made unique, written to one XML file. The fixture's episodes carry no
 * assessments, plans, enquiries or protection plans, so unless --bare is given each episode gets one
 * of each (dates a fixed number of days after its referral, two factors, two reviews), as a national
 * census has (about 150 MiB). Our aim (the issue sets none for the CIN census; not yet met, see
 * docs/benchmarks.md): read + validate in ≤ 5 s
 * and ≤ 1 GB peak memory. The command is timed under /usr/bin/time (wall, peak RSS), its CSV
 * written to a file; then the same census in-process to show where the time goes (reading,
 * validating, the slowest rules).
 *
 *   npx tsx bench/cin-validate-bench.ts [--copies 240] [--runs 3] [--bare]
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readCinXml, validateCin } from "../packages/returns/src/index.ts";
import { option } from "./bench-database.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "apps/cli/bin/familystory.mjs");
const FIXTURE = path.resolve(ROOT, "../shared/returns/cin/fixtures/fake_CIN_data.xml");
const copies = Number(option("copies", "240"));
const runs = Number(option("runs", "3"));
const bare = process.argv.includes("--bare");

/** The ISO date `days` after an ISO date. */
function after(iso: string, days: number): string {
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** One assessment, CIN plan, section 47 enquiry and protection plan for an episode referred on `r`. */
function modules(r: string): string {
  const leaf = (name: string, value: string): string => `<${name}>${value}</${name}>`;
  return [
    `<Assessments>${leaf("AssessmentActualStartDate", after(r, 2))}${leaf("AssessmentInternalReviewDate", after(r, 20))}${leaf("AssessmentAuthorisationDate", after(r, 30))}`,
    `<FactorsIdentifiedAtAssessment>${leaf("AssessmentFactors", "2A")}${leaf("AssessmentFactors", "3B")}</FactorsIdentifiedAtAssessment></Assessments>`,
    `<CINPlanDates>${leaf("CINPlanStartDate", after(r, 35))}${leaf("CINPlanEndDate", after(r, 200))}</CINPlanDates>`,
    `<Section47>${leaf("S47ActualStartDate", after(r, 3))}${leaf("InitialCPCtarget", after(r, 18))}${leaf("DateOfInitialCPC", after(r, 15))}${leaf("ICPCnotRequired", "false")}</Section47>`,
    `<ChildProtectionPlans>${leaf("CPPstartDate", after(r, 15))}${leaf("CPPendDate", after(r, 300))}${leaf("InitialCategoryOfAbuse", "NEG")}${leaf("LatestCategoryOfAbuse", "NEG")}${leaf("NumberOfPreviousCPP", "0")}`,
    `<Reviews>${leaf("CPPreviewDate", after(r, 100))}${leaf("CPPreviewDate", after(r, 280))}</Reviews></ChildProtectionPlans>`,
  ].join("\n");
}

/** Writes the census with the fixture's children `copies` times over; returns the child count and size. */
function writeNationalCensus(file: string): { children: number; mib: number } {
  const text = readFileSync(FIXTURE, "utf8");
  const open = text.indexOf("<Children>") + "<Children>".length;
  const close = text.lastIndexOf("</Children>");
  const fixtureChildren = text.slice(open, close);
  const children = bare
    ? fixtureChildren
    : fixtureChildren.replace(/<CINdetails>([\s\S]*?)<\/CINdetails>/g, (episode: string, body: string) => {
        const referral = /<CINreferralDate>([^<]+)</.exec(body)?.[1];
        return referral === undefined ? episode : `<CINdetails>${body}${modules(referral)}\n</CINdetails>`;
      });
  const count = children.split("<Child>").length - 1;
  const parts = [text.slice(0, open)];
  for (let k = 0; k < copies; k++) {
    // Each copy's ids get their own 3-character prefix in place of the fixture's, keeping their length.
    const prefix = `C${k.toString(36).padStart(2, "0")}`;
    parts.push(children.replace(/<LAchildID>[^<]{0,3}/g, `<LAchildID>${prefix}`));
  }
  parts.push(text.slice(close));
  const out = parts.join("");
  writeFileSync(file, out);
  return { children: count * copies, mib: Buffer.byteLength(out) / 2 ** 20 };
}

/** Runs the command under /usr/bin/time, CSV to a file as a user would: wall seconds, peak RSS in MiB, findings written. */
function timedRun(file: string, out: string): { seconds: number; mib: number; findings: number } {
  const args = ["-f", "%e %M", process.execPath, BIN, "returns", "validate", "cin", "--format", "csv", file];
  const fd = openSync(out, "w");
  const result = spawnSync("/usr/bin/time", args, { encoding: "utf8", stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  const last = result.stderr.trim().split("\n").at(-1) ?? "";
  // The command exits 1 when it reports errors; only a missing report is a failure.
  if (!/^[\d.]+ \d+$/.test(last)) throw new Error(`familystory failed (${String(result.status)}): ${result.stderr}`);
  const [seconds = "NaN", kb = "NaN"] = last.split(" ");
  const findings = readFileSync(out, "utf8").split("\n").length - 2;
  return { seconds: Number(seconds), mib: Number(kb) / 1024, findings };
}

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

function measure(file: string, out: string): void {
  const all = Array.from({ length: runs }, () => timedRun(file, out));
  console.log(
    `Command: median ${median(all.map((r) => r.seconds)).toFixed(2)} s (min ${Math.min(...all.map((r) => r.seconds)).toFixed(2)}, max ${Math.max(...all.map((r) => r.seconds)).toFixed(2)}) over ${String(runs)} runs; peak RSS ${Math.max(...all.map((r) => r.mib)).toFixed(0)} MiB; ${String(all[0]?.findings ?? 0)} findings`,
  );
}

function profile(file: string): void {
  const began = performance.now();
  const read = readCinXml({ name: file, text: readFileSync(file, "utf8") });
  const readDone = performance.now();
  const times: { rule: string; ms: number }[] = [];
  let last = performance.now();
  const report = validateCin(read.tables, {
    onProgress: (_done, _total, rule) => {
      const now = performance.now();
      times.push({ rule, ms: now - last });
      last = now;
    },
  });
  const done = performance.now();
  const rows = Object.entries(read.tables).map(([name, t]) => `${name} ${String(t.rows.length)}`);
  const slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 8).map((t) => `${t.rule} ${t.ms.toFixed(0)} ms`);
  console.log(`Tables: ${rows.join(", ")}`);
  console.log(`In process: read ${(readDone - began).toFixed(0)} ms, validate ${(done - readDone).toFixed(0)} ms (${String(report.findings.length)} findings, ${String(report.errors.length)} rule errors); slowest rules: ${slowest.join(", ")}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "cin-bench-"));
const census = path.join(dir, "national-cin.xml");
try {
  const { children, mib } = writeNationalCensus(census);
  console.log(`National census (${String(copies)} copies${bare ? ", fixture modules only" : ", with synthetic modules"}): ${String(children)} children, ${mib.toFixed(0)} MiB`);
  measure(census, path.join(dir, "findings.csv"));
  profile(census);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
