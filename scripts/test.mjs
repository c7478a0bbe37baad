#!/usr/bin/env node
// The whole test suite, as the README's second command and CI run it:
// typecheck, lint, unit and integration tests (PostgreSQL when reachable, and PGlite),
// the web build, then end-to-end tests in Debian's Chromium. Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(tmpdir(), "family-story-tests-"));
const CHROMIUM = "/usr/bin/chromium";
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

function count(reportFile) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTodoTests ?? 0) + (report.numPendingTests ?? 0);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium package for the end-to-end tests.");
    spawnSync("apt-get", ["update"], { stdio: "inherit" });
    const r = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit" });
    return r.status === 0 && existsSync(CHROMIUM);
  }
  console.error(`End-to-end tests need ${CHROMIUM}: run "sudo apt-get install chromium" and try again.`);
  return false;
}

const only = process.argv[2];
if (!only || only === "static") {
  run("typecheck", "npx", ["tsc", "-b"]);
  run("lint", "npx", ["eslint", "."]);
}
if (!only || only === "unit") {
  const file = path.join(reports, "unit.json");
  run("unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
  count(file);
}
if (!only || only === "e2e") {
  if (ensureChromium()) {
    run("web build", "npm", ["run", "build", "-w", "@family-story/web"]);
    const file = path.join(reports, "e2e.json");
    run("end-to-end tests in Chromium", "npx", ["vitest", "run", "--config", "apps/web/e2e/vitest.e2e.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`]);
    count(file);
  } else {
    failures.push("end-to-end tests (no Chromium)");
  }
}

console.log("");
if (failures.length > 0) console.log(`Failed steps: ${failures.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length > 0 || failed > 0 ? 1 : 0);
