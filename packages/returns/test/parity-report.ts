/**
 * Prints, rule by rule, how the engine's findings on the shared 2017/18 fixture differ from the
 * reference's: `npx tsx packages/returns/test/parity-report.ts [--ruleset lac2025_26] [code ...]`.
 * With codes, only those rules are run and compared. Exits 1 when anything differs.
 */
import { validateSsda903 } from "../src/ssda903/validate-ssda903.ts";
import { ssda903Metadata } from "../src/ssda903/metadata.ts";
import type { Ssda903Ruleset } from "../src/ssda903/rule-catalogue.ts";
import { KNOWN_REFERENCE_DEFECTS, expectedFixtureFindings, parityByRule, ssda903FixtureInput } from "./shared-returns.ts";

const args = process.argv.slice(2);
const at = args.indexOf("--ruleset");
const ruleset = (at >= 0 ? args.splice(at, 2)[1] : "lac2026_27") as Ssda903Ruleset;
const codes = args.length > 0 ? new Set(args) : undefined;
const started = performance.now();
const report = validateSsda903(ssda903FixtureInput(), {
  ruleset,
  metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027" }),
  ...(codes === undefined ? {} : { only: [...codes] }),
});
const differences = parityByRule(report.findings.filter((f) => !KNOWN_REFERENCE_DEFECTS.has(f.rule)), expectedFixtureFindings(ruleset), codes);
if (codes === undefined || [...KNOWN_REFERENCE_DEFECTS].some((c) => codes.has(c))) console.log(`Known reference defects, not compared: ${[...KNOWN_REFERENCE_DEFECTS].join(", ")}`);
for (const d of differences) {
  console.log(`${d.rule}: ${String(d.extra.length)} extra, ${String(d.missing.length)} missing`);
  if (d.extra.length > 0) console.log(`  extra e.g. ${d.extra.slice(0, 5).join("  ")}`);
  if (d.missing.length > 0) console.log(`  missing e.g. ${d.missing.slice(0, 5).join("  ")}`);
}
for (const e of report.errors) console.log(`${e.rule}: ERROR ${e.reason}`);
for (const s of report.skipped) console.log(`${s.rule}: skipped (${s.reason})`);
console.log(`${String(report.findings.length)} findings from ${String(report.rulesRun)} rules in ${(performance.now() - started).toFixed(0)} ms; ${String(differences.length)} rules differ.`);
process.exitCode = differences.length > 0 || report.errors.length > 0 ? 1 : 0;
