/**
 * A team manager's work tray through the API on PostgreSQL: the team holds 400 open cases and
 * 2,000 open tasks and due dates, in an authority with many other teams' cases around them.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench npx tsx bench/work-tray-bench.ts --duration 20 --connections 10
 *
 * Builds what it needs on first run (the demo organisation, 40,000 people, the caseload) and
 * reuses it afterwards. Goal: p95 ≤ 100 ms.
 */
import { fork } from "node:child_process";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { sql, type Insertable, type Kysely } from "kysely";
import { loadConfig } from "../apps/server/src/config.ts";
import type { CaseworkCaseTable, Database, WorkItemTable } from "../apps/server/src/db/database-types.ts";
import { DEMO_PASSWORD, WCC } from "../apps/server/src/demo/demo-organisation.ts";
import { hasDemo, seedDemo } from "../apps/server/src/demo/seed-demo.ts";
import { startService } from "../apps/server/src/start.ts";
import { openBenchDatabase, option } from "./bench-database.ts";
import { signInOverHttp } from "./http-client.ts";

interface Latency { requests: number; rps: number; failures: number; p50: number; p95: number; p99: number; max: number }

const connections = Number(option("connections", "10"));
const duration = Number(option("duration", "20"));
const TEAM_CASES = 400;
const TEAM_ITEMS = 2000;
const OTHER_CASES = 20000;
const OTHER_ITEMS = 60000;

function measure(baseUrl: string, cookie: string, paths: string[], seconds: number): Promise<Latency> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./latency-worker.mjs", import.meta.url), { stdio: "inherit" });
    child.once("message", (m) => {
      resolve(m as Latency);
    });
    child.once("error", reject);
    child.send({ url: baseUrl, cookie, paths, connections, duration: seconds });
  });
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The team's caseload and a larger authority around it, written once, in batches. */
async function buildCaseload(db: Kysely<Database>, teamId: string, workerIds: string[], otherTeamIds: string[]): Promise<void> {
  const people = await db.selectFrom("person").select("id").where("la_code", "=", WCC).where("restricted", "=", false).orderBy("id").limit(TEAM_CASES + OTHER_CASES).execute();
  if (people.length < TEAM_CASES + OTHER_CASES) throw new Error("Not enough people in Westminster: use a fresh bench database");
  const cases: Insertable<CaseworkCaseTable>[] = [];
  const items: Insertable<WorkItemTable>[] = [];
  people.forEach((p, i) => {
    const inTeam = i < TEAM_CASES;
    const id = randomUUID();
    const team = inTeam ? teamId : (otherTeamIds[i % otherTeamIds.length] ?? teamId);
    // One case in ten in the team waits for allocation.
    const worker = inTeam ? (i % 10 === 0 ? null : (workerIds[i % workerIds.length] ?? null)) : null;
    cases.push({ la_code: WCC, id, kind: i % 3 === 0 ? "early_help" : "social_care", subject_person_id: p.id, title: `Bench case ${String(i)}`, status: "open", opened_on: day(-(i % 400)), closed_on: null, closure_reason: null, threshold_level: 3, allocated_to: worker, team_id: team, locality_id: null, contact_id: null, previous_case_id: null, last_supervised_on: null, version: 1, created_at: new Date(), updated_at: new Date(), created_by: null });
    const perCase = inTeam ? TEAM_ITEMS / TEAM_CASES : OTHER_ITEMS / OTHER_CASES;
    for (let k = 0; k < perCase; k++) {
      const itemId = randomUUID();
      const task = k >= 2;
      items.push({ la_code: WCC, id: itemId, kind: task ? "task" : k === 0 ? "visit_due" : "assessment_due", source_entity: task ? "task" : "casework_case", source_id: task ? itemId : id, case_id: id, person_id: p.id, title: task ? `Task ${String(k)}` : "Statutory item", due_date: day(((i * 7 + k * 13) % 120) - 30), due_at: null, assigned_to: task && inTeam && k === 4 ? null : worker, team_id: team, status: "open", completed_at: null, completed_by: null, version: 1, created_at: new Date(), created_by: null });
    }
  });
  for (let i = 0; i < cases.length; i += 2000) await db.insertInto("casework_case").values(cases.slice(i, i + 2000)).execute();
  for (let i = 0; i < cases.length; i += 2000) await db.insertInto("case_member").values(cases.slice(i, i + 2000).map((c) => ({ la_code: WCC, case_id: c.id, person_id: c.subject_person_id, role: "child" }))).execute();
  for (let i = 0; i < items.length; i += 2000) await db.insertInto("work_item").values(items.slice(i, i + 2000)).execute();
  await sql`VACUUM ANALYZE`.execute(db);
}

const prep = await openBenchDatabase(4);
try {
  if (!(await hasDemo(prep.db))) {
    console.log("Seeding the demo organisation and 40,000 people…");
    await seedDemo(prep.db, { people: 40000 });
  }
  const manager = await prep.db.selectFrom("app_user").select(["id", "team_id"]).where("username", "=", "tm.wcc").executeTakeFirstOrThrow();
  const teamId = manager.team_id ?? "";
  const workers = await prep.db.selectFrom("app_user").select("id").where("team_id", "=", teamId).execute();
  const otherTeams = await prep.db.selectFrom("team").select("id").where("la_code", "=", WCC).where("id", "!=", teamId).execute();
  const existing = await prep.db.selectFrom("casework_case").select(sql<number>`count(*)::int`.as("n")).where("la_code", "=", WCC).where("team_id", "=", teamId).where("status", "=", "open").executeTakeFirstOrThrow();
  if (existing.n < TEAM_CASES) {
    console.log("Writing the caseload…");
    await buildCaseload(prep.db, teamId, workers.map((w) => w.id), otherTeams.map((t) => t.id));
  }
  const counts = await sql<{ team_cases: number; team_items: number; cases: number; items: number }>`
    SELECT (SELECT count(*)::int FROM casework_case WHERE la_code = ${WCC} AND team_id = ${teamId} AND status = 'open') AS team_cases,
           (SELECT count(*)::int FROM work_item WHERE la_code = ${WCC} AND team_id = ${teamId} AND status = 'open') AS team_items,
           (SELECT count(*)::int FROM casework_case) AS cases, (SELECT count(*)::int FROM work_item) AS items`.execute(prep.db);
  console.log("Caseload:", counts.rows[0]);
} finally {
  await prep.close();
}

const config = loadConfig({ ...process.env, SEED_DEMO: "false", LOG_LEVEL: "silent", PORT: option("port", "3913"), LOGIN_RATE_LIMIT: "1000" });
const service = await startService(config, () => undefined);
try {
  const managerCookie = await signInOverHttp(service.url, "tm.wcc", DEMO_PASSWORD);
  const workerCookie = await signInOverHttp(service.url, "sw.wcc", DEMO_PASSWORD);
  const probe = await fetch(`${service.url}/api/v1/work-tray?scope=team`, { headers: { cookie: managerCookie } });
  const tray = (await probe.json()) as { counts: Record<string, number> };
  console.log(`Team tray answers ${String(probe.status)} with`, tray.counts, `(${String(Number(probe.headers.get("content-length") ?? 0) / 1000)} kB)`);
  await measure(service.url, managerCookie, ["/api/v1/work-tray?scope=team"], 3); // warm-up
  const team = await measure(service.url, managerCookie, ["/api/v1/work-tray?scope=team"], duration);
  const everything = await measure(service.url, managerCookie, ["/api/v1/work-tray?scope=team&itemLimit=5000"], duration);
  const mine = await measure(service.url, workerCookie, ["/api/v1/work-tray"], duration);
  const line = (name: string, r: Latency) => `  ${name}: ${r.rps.toFixed(1)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (${String(r.requests)} requests, ${String(r.failures)} failed)`;
  console.log(`Work tray, ${String(connections)} concurrent clients, ${String(duration)} s each, ${service.handle.kind}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(line("manager's team tray (400 cases, first 200 of 2,000 items)", team));
  console.log(line("the same with all 2,000 items", everything));
  console.log(line("a worker's own tray", mine));
} finally {
  await service.stop();
}
