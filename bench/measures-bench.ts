/**
 * The outcomes framework at regional scale on PostgreSQL: a synthetic region of 20 authorities
 * and 2,000,000 children and young people with five and a half years of casework history
 * (bench/measures-bench-data.ts), the measures' facts built in full once, then, timed: one write
 * (a child's care episode ends today) followed by reading every measure's values for every
 * authority over five financial years through the repository the API uses (the leaders,
 * early-help and team dashboards of each authority, which between them hold every measure),
 * checking that the write shows in the figures. Goal: write + every read ≤ 5 s.
 *
 *   npx tsx bench/measures-bench.ts [--authorities 20] [--children 2000000] [--runs 3] [--rebuild]
 *
 * Uses DATABASE_URL if set (its name must contain "bench"), else creates and uses
 * familystory_bench_measures on 127.0.0.1:5432. The region is generated on the first run and
 * kept (an authority is generated in one transaction, so a run stopped half way resumes); the
 * facts are built when an authority has none, or for all with --rebuild. Each timed write is
 * undone afterwards (untimed), so runs start from the same data.
 */
import { performance } from "node:perf_hooks";
import { MEASURES, todayIso } from "@family-story/domain";
import type { MeasureDashboard, MeasureDashboardKind } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import type { Actor } from "../apps/server/src/data/actor.ts";
import { AuditLog } from "../apps/server/src/data/audit-log.ts";
import { rebuildMeasures } from "../apps/server/src/data/measures/measure-rebuild.ts";
import { ensureMeasuresFresh } from "../apps/server/src/data/measures/measure-refresh.ts";
import { MeasureRepository } from "../apps/server/src/data/measures/measure-repository.ts";
import type { Database } from "../apps/server/src/db/database-types.ts";
import { openBenchDatabase, option, percentile } from "./bench-database.ts";
import { benchLaCode, generateAuthority, presentAuthorities } from "./measures-bench-data.ts";

const authorities = Number(option("authorities", "20"));
const children = Number(option("children", "2000000"));
const runs = Number(option("runs", "3"));
const HISTORY_FROM = "2021-04-01";
const BOARDS: readonly MeasureDashboardKind[] = ["leaders", "early-help", "team"];
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/familystory_bench_measures";

async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = async (db: Kysely<Database>, table: string): Promise<number> => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0;

/** Generates the authorities not there yet; returns whether any were. */
async function ensureRegion(db: Kysely<Database>, today: string): Promise<boolean> {
  const present = new Set(await presentAuthorities(db));
  const per = Math.round(children / authorities);
  let generated = false;
  const started = performance.now();
  for (let i = 1; i <= authorities; i++) {
    if (present.has(benchLaCode(i))) continue;
    const t = performance.now();
    await generateAuthority(db, i, per, { authorities, childrenPerAuthority: per, historyFrom: HISTORY_FROM, today });
    console.log(`  ${benchLaCode(i)}: ${String(per)} children in ${seconds(performance.now() - t)}`);
    generated = true;
  }
  if (generated) {
    console.log(`Generation: ${seconds(performance.now() - started)}; VACUUM ANALYZE…`);
    await sql`VACUUM ANALYZE`.execute(db);
  }
  return generated;
}

/** Builds the facts of every authority without any (or all with --rebuild), timing each. */
async function ensureFacts(db: Kysely<Database>, codes: readonly string[], today: string): Promise<void> {
  const built = new Set((await db.selectFrom("measure_state").select("la_code").execute()).map((r) => r.la_code));
  const todo = codes.filter((c) => process.argv.includes("--rebuild") || !built.has(c));
  if (todo.length === 0) return;
  console.log(`Full rebuild of ${String(todo.length)} authorities (rebuildMeasures, one after another):`);
  const started = performance.now();
  let childrenDone = 0;
  let facts = 0;
  for (const laCode of todo) {
    const t = performance.now();
    let shown = -1;
    const r = await rebuildMeasures(db, laCode, {
      today,
      onProgress: (done, total) => {
        const tenth = total === 0 ? 10 : Math.floor((10 * done) / total);
        if (tenth !== shown && process.stdout.isTTY) process.stdout.write(`\r  ${laCode}: ${String(done)}/${String(total)} children`);
        shown = tenth;
      },
    });
    childrenDone += r.children;
    facts += r.facts;
    process.stdout.write(`${process.stdout.isTTY ? "\r" : ""}  ${laCode}: ${String(r.children)} children, ${String(r.facts)} facts in ${seconds(performance.now() - t)} (window ${r.window.firstMonth} to ${r.window.lastMonth})\n`);
  }
  const ms = performance.now() - started;
  console.log(`Full rebuild: ${seconds(ms)} for ${String(childrenDone)} children and ${String(facts)} facts (${String(Math.round(childrenDone / (ms / 1000)))} children/s); VACUUM ANALYZE…`);
  await sql`VACUUM ANALYZE measure_fact`.execute(db);
  await sql`VACUUM ANALYZE measure_month`.execute(db);
}

/** A leader who works every bench authority (as a regional shared service would give). */
function benchActor(codes: string[]): Actor {
  const first = codes[0] ?? benchLaCode(1);
  return { userId: "00000000-0000-0000-0000-0000000000b2", username: "bench.leader", displayName: "Bench Leader", role: "leader", laCode: first, laName: "Bench Authority 1", organisationId: "00000000-0000-0000-0000-0000000000b3", organisationName: "Bench", teamId: null, teamName: null, scopeLaCodes: codes, requestId: "measures-bench" };
}

/** Every dashboard of every authority, one after another, as the API would read them. */
async function readEverything(repo: MeasureRepository, codes: readonly string[]): Promise<{ dashboards: Map<string, MeasureDashboard>; firstMs: number }> {
  const dashboards = new Map<string, MeasureDashboard>();
  const started = performance.now();
  let firstMs = 0;
  for (const la of codes) {
    for (const board of BOARDS) {
      dashboards.set(`${la}/${board}`, await repo.dashboard(board, { la }));
      if (firstMs === 0) firstMs = performance.now() - started;
    }
  }
  return { dashboards, firstMs };
}

const valueOf = (d: MeasureDashboard | undefined, id: string): number | null => d?.groups.flatMap((g) => g.measures).find((m) => m.measure.id === id)?.value.value ?? null;

const url = process.env.DATABASE_URL ?? DEFAULT_URL;
process.env.DATABASE_URL = url;
await ensureDatabase(url);
const handle = await openBenchDatabase(20);
const db = handle.db;
const today = todayIso();
console.log(`Region: ${String(authorities)} authorities, ${String(children)} children, history from ${HISTORY_FROM} (${handle.label})`);
await ensureRegion(db, today);
const codes = (await presentAuthorities(db)).slice(0, authorities);
const sizes: Record<string, number> = {};
for (const t of ["person", "contact", "cin_referral", "cin_assessment", "s47_enquiry", "cp_plan", "cin_plan", "casework_case", "eh_goal", "eh_closure", "lac_episode", "lac_review", "lac_missing", "lac_check", "lac_oc3"]) sizes[t] = await count(db, t);
console.log("Rows:", sizes);
await ensureFacts(db, codes, today);
sizes.measure_fact = await count(db, "measure_fact");
sizes.measure_month = await count(db, "measure_month");
console.log(`Facts: ${String(sizes.measure_fact)} measure_fact rows, ${String(sizes.measure_month)} measure_month rows`);

const repo = new MeasureRepository(db, benchActor(codes), new AuditLog(db), () => today);
const la = codes[0] ?? benchLaCode(1);
// Warm-up (untimed): the queue drained, plans and caches as a running service has them.
await ensureMeasuresFresh(db, codes);
const before = await readEverything(repo, codes);
const covered = new Set([...before.dashboards.values()].flatMap((d) => d.groups.flatMap((g) => g.measures.map((m) => m.measure.id))));
console.log(`Every dashboard of every authority: ${String(before.dashboards.size)} dashboards holding ${String(covered.size)} of the ${String(MEASURES.length)} measures`);

const totals: number[] = [];
for (let run = 1; run <= runs; run++) {
  // A child in care today whose latest episode is open: their care ends today, returned home.
  const child = await sql<{ id: string; person_id: string }>`SELECT e.id, e.person_id FROM lac_episode e WHERE e.la_code = ${la} AND e.dec IS NULL
    AND NOT EXISTS (SELECT 1 FROM measure_dirty d WHERE d.la_code = e.la_code AND d.person_id = e.person_id) ORDER BY e.person_id OFFSET ${run * 7} LIMIT 1`.execute(db);
  const episode = child.rows[0];
  if (!episode) throw new Error("No open episode to end");
  const baseline = await repo.dashboard("team", { la });
  const started = performance.now();
  await sql`UPDATE lac_episode SET dec = ${today}::date, rec = 'E4A' WHERE la_code = ${la} AND id = ${episode.id}::uuid`.execute(db);
  const wrote = performance.now() - started;
  const { dashboards, firstMs } = await readEverything(repo, codes);
  const total = performance.now() - started;
  totals.push(total);
  const lacBefore = valueOf(baseline, "lac-count");
  const lacAfter = valueOf(dashboards.get(`${la}/team`), "lac-count");
  const reflected = lacBefore !== null && lacAfter === lacBefore - 1;
  console.log(`run ${String(run)}: write ${wrote.toFixed(0)} ms; first dashboard (refresh included) ${firstMs.toFixed(0)} ms; all ${String(dashboards.size)} dashboards ${(total - wrote).toFixed(0)} ms; total ${total.toFixed(0)} ms; lac-count ${String(lacBefore)} → ${String(lacAfter)} (${reflected ? "write reflected" : "WRITE NOT REFLECTED"})`);
  if (!reflected) process.exitCode = 1;
  // Undo (untimed), so the next run and the next invocation start from the same region.
  await sql`UPDATE lac_episode SET dec = NULL, rec = NULL WHERE la_code = ${la} AND id = ${episode.id}::uuid`.execute(db);
  await ensureMeasuresFresh(db, [la]);
}
const sorted = [...totals].sort((a, b) => a - b);
const p50 = percentile(sorted, 50);
console.log(JSON.stringify({ database: handle.label, authorities: codes.length, sizes, runs: totals.map((t) => Math.round(t)), p50: Math.round(p50), max: Math.round(sorted.at(-1) ?? 0) }, null, 2));
console.log(p50 <= 5000 ? `Goal met: write + every read p50 ${p50.toFixed(0)} ms ≤ 5000 ms` : `Goal missed: write + every read p50 ${p50.toFixed(0)} ms > 5000 ms`);
await handle.close();
