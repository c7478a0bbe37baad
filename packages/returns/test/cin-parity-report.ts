/**
 * Prints, rule by rule, how the CIN engine's findings on the shared synthetic census file differ
 * from the reference's: `npx tsx packages/returns/test/cin-parity-report.ts [code ...]`.
 * With codes, only those rules are run and compared. Exits 1 when anything differs.
 */
import { validateCin } from "../src/cin/validate-cin.ts";
import { cinFixtureInput, expectedCinFindings } from "./cin-shared.ts";
import { parityByRule } from "./shared-returns.ts";

const codes = process.argv.length > 2 ? new Set(process.argv.slice(2)) : undefined;
const started = performance.now();
const report = validateCin(cinFixtureInput(), codes === undefined ? {} : { only: [...codes] });
const differences = parityByRule(report.findings, expectedCinFindings(), codes);
for (const d of differences) {
  console.log(`${d.rule}: ${String(d.extra.length)} extra, ${String(d.missing.length)} missing`);
  if (d.extra.length > 0) console.log(`  extra e.g. ${d.extra.slice(0, 5).join("  ")}`);
  if (d.missing.length > 0) console.log(`  missing e.g. ${d.missing.slice(0, 5).join("  ")}`);
}
for (const e of report.errors) console.log(`${e.rule}: ERROR ${e.reason}`);
for (const s of report.skipped) console.log(`${s.rule}: skipped (${s.reason})`);
console.log(`${String(report.findings.length)} findings from ${String(report.rulesRun)} rules in ${(performance.now() - started).toFixed(0)} ms; ${String(differences.length)} rules differ.`);
process.exitCode = differences.length > 0 || report.errors.length > 0 ? 1 : 0;
