/**
 * The IRO annual report on a national-scale synthetic year on PostgreSQL: 80,000 children
 * looked after during 2018/19, about 150,000 episodes and 250,000 reviews (two years of review
 * history), with health checks and visit notes for the timeliness report.
 *
 *   npx tsx bench/iro-report-bench.ts [--children 80000] [--runs 10] [--cold-runs 3] [--rebuild]
 *
 * Uses DATABASE_URL if set (its name must contain "bench"), else creates and uses
 * familystory_bench_reports on 127.0.0.1:5432. The data is generated set-based in the database
 * (generate_series) on first run and reused afterwards. Goal: the whole report in ≤ 2 s.
 * "Cold" runs each open a fresh connection pool (no cached plans or catalogues); PostgreSQL's
 * shared buffers and the operating system's page cache stay as generation left them.
 */
import { performance } from "node:perf_hooks";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import type { Database } from "../apps/server/src/db/database-types.ts";
import { buildIroAnnualReport } from "../apps/server/src/data/reports/iro-annual-report.ts";
import { buildPlacementStabilityReport } from "../apps/server/src/data/reports/placement-stability-report.ts";
import { buildTimelinessReport } from "../apps/server/src/data/reports/timeliness-report.ts";
import { openBenchDatabase, option, percentile } from "./bench-database.ts";

const LA = "E08000990";
const YEAR = 2018;
const children = Number(option("children", "80000"));
const runs = Number(option("runs", "10"));
const coldRuns = Number(option("cold-runs", "3"));
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/familystory_bench_reports";

async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
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

const count = async (db: Kysely<Database>, table: string, where = sql`TRUE`): Promise<number> =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE la_code = ${LA} AND ${where}`.execute(db)).rows[0]?.n ?? 0;

/** Everything of the bench authority, written with a handful of set-based statements on one connection. */
async function generate(db: Kysely<Database>): Promise<void> {
  await db.connection().execute(async (conn) => {
    for (const t of ["case_note", "lac_check", "lac_review", "lac_episode", "lac_child", "person"]) await sql`DELETE FROM ${sql.table(t)} WHERE la_code = ${LA}`.execute(conn);
    await sql`INSERT INTO local_authority (la_code, name) VALUES (${LA}, 'Bench Borough (synthetic)') ON CONFLICT DO NOTHING`.execute(conn);
    // Each child's one period of care: a start skewed to recent years (a third start in 2018/19),
    // an age that keeps them under 18 at 31 March 2019, a third ending during the year.
    await sql`CREATE TEMP TABLE bench_child ON COMMIT PRESERVE ROWS AS
      WITH base AS (
        SELECT gen_random_uuid() AS id, gen_random_uuid() AS case_id, g,
          DATE '2019-03-31' - (power(random(), 1.6) * 2190)::int AS s, random() AS r1, random() AS r2, random() AS r3, random() AS r4
        FROM generate_series(1, ${children}) AS g
      ),
      aged AS (
        SELECT *, s - (r1 * greatest(0, 6200 - (DATE '2019-03-31' - s)))::int AS dob,
          CASE WHEN r2 < 0.33 AND s < DATE '2019-03-29' THEN greatest(s + 2, DATE '2018-04-01') + (random() * (DATE '2019-03-31' - greatest(s + 2, DATE '2018-04-01')))::int END AS fin
        FROM base
      )
      SELECT *, least(1 + (r3 < 0.6)::int + (r4 < 0.275)::int, greatest(1, coalesce(fin, DATE '2019-03-31') - s)) AS n,
        greatest(1, coalesce(fin, DATE '2019-03-31') - s) AS span,
        (s - dob >= 14 * 365 AND random() < 0.35) AS uasc,
        (ARRAY['E4A','E4A','E4B','E5','E8','E11','E13','E3','E41','E45','E6','E17'])[1 + floor(random() * 12)::int] AS rec,
        10 + (random() * 22)::int AS first_off, 150 + (random() * 40)::int AS gap
      FROM aged`.execute(conn);
    await sql`INSERT INTO person (la_code, id, given_name, family_name, dob, sex, uasc, search_text)
      SELECT ${LA}, id, 'Child', 'Bench' || g, dob, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, uasc, 'child bench' || g FROM bench_child`.execute(conn);
    await sql`INSERT INTO lac_child (la_code, person_id, case_id, uasc_ceased, source)
      SELECT ${LA}, id, case_id, CASE WHEN uasc THEN (dob + interval '18 years')::date END, 'import' FROM bench_child`.execute(conn);
    await sql`INSERT INTO lac_episode (la_code, id, person_id, case_id, decom, rne, ls, cin, place, place_provider, dec, rec, source)
      SELECT ${LA}, gen_random_uuid(), c.id, c.case_id, c.s + (c.span * (k - 1) / c.n),
        CASE WHEN k = 1 THEN 'S' ELSE (ARRAY['P','P','P','P','P','L','L','T','B','U'])[1 + floor(random() * 10)::int] END,
        (ARRAY['C2','C2','C2','C1','C1','V2','V2','E1','J1','V3'])[1 + floor(random() * 10)::int],
        CASE WHEN c.uasc THEN 'N8' ELSE (ARRAY['N1','N1','N1','N1','N1','N2','N3','N4','N5','N6'])[1 + floor(random() * 10)::int] END,
        (ARRAY['U6','U6','U6','U6','U4','U4','U3','U1','K2','K2','K3','P1','A4','R1','S1','Z11'])[1 + floor(random() * 16)::int],
        (ARRAY['PR1','PR1','PR4','PR5','PR2'])[1 + floor(random() * 5)::int],
        CASE WHEN k < c.n THEN c.s + (c.span * k / c.n) ELSE c.fin END,
        CASE WHEN k < c.n THEN 'X1' WHEN c.fin IS NOT NULL THEN c.rec END, 'import'
      FROM bench_child c CROSS JOIN LATERAL generate_series(1, c.n) AS k`.execute(conn);
    // Reviews from the period's start roughly on schedule (some late), two years of history.
    await sql`INSERT INTO lac_review (la_code, id, person_id, case_id, status, review_date, participation_code, source)
      SELECT ${LA}, gen_random_uuid(), c.id, c.case_id, 'held', r.d,
        CASE WHEN r.d - c.dob < 4 * 365 THEN 'PN0' ELSE (ARRAY['PN1','PN1','PN1','PN1','PN1','PN1','PN3','PN4','PN5','PN6','PN7'])[1 + floor(random() * 11)::int] END, 'import'
      FROM bench_child c CROSS JOIN LATERAL (
        SELECT CASE WHEN j = 1 THEN c.s + c.first_off ELSE c.s + c.first_off + 88 + (j - 2) * c.gap END AS d FROM generate_series(1, 16) AS j
      ) r
      WHERE r.d >= DATE '2017-04-01' AND r.d <= least(coalesce(c.fin, DATE '2019-03-31'), DATE '2019-03-31')`.execute(conn);
    await sql`INSERT INTO lac_check (la_code, id, person_id, kind, check_date)
      SELECT ${LA}, gen_random_uuid(), c.id, k.kind, DATE '2019-03-31' - (random() * 420)::int
      FROM bench_child c CROSS JOIN (VALUES ('health_assessment', 1.0), ('dental_check', 0.75), ('pep', 0.5)) AS k(kind, share)
      WHERE (hashtext(c.id::text || k.kind) & 1023) / 1024.0 < k.share`.execute(conn);
    await sql`INSERT INTO case_note (la_code, id, person_id, case_id, note_date, note_type, child_seen, seen_alone, body, locks_at)
      SELECT ${LA}, gen_random_uuid(), id, case_id, DATE '2019-03-31' - (random() * 70)::int, 'home_visit', true, true, 'Visit.', now() FROM bench_child`.execute(conn);
    await sql`DROP TABLE bench_child`.execute(conn);
    // As autovacuum would: statistics for the planner, and the visibility map for index-only scans.
    for (const t of ["person", "lac_child", "lac_episode", "lac_review", "lac_check", "case_note"]) await sql`VACUUM ANALYZE ${sql.table(t)}`.execute(conn);
  });
}

async function time<T>(label: string, work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  console.log(`  ${label}: ${ms.toFixed(0)} ms`);
  return ms;
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { runs: ms.length, p50: Math.round(percentile(sorted, 50)), max: Math.round(sorted.at(-1) ?? 0) };
};

const url = process.env.DATABASE_URL ?? DEFAULT_URL;
process.env.DATABASE_URL = url;
await ensureDatabase(url);
let handle = await openBenchDatabase(10);
const authority = { code: LA, name: "Bench Borough (synthetic)" };
if (process.argv.includes("--rebuild") || (await count(handle.db, "lac_child")) !== children) {
  console.log(`Generating ${String(children)} children in ${handle.label}…`);
  const ms = await time("generation", () => generate(handle.db));
  console.log(`  (${(ms / 1000).toFixed(1)} s)`);
}
const sizes = {
  children: await count(handle.db, "lac_child"),
  episodes: await count(handle.db, "lac_episode"),
  reviews: await count(handle.db, "lac_review"),
  reviewsInYear: await count(handle.db, "lac_review", sql`review_date BETWEEN DATE '2018-04-01' AND DATE '2019-03-31'`),
  checks: await count(handle.db, "lac_check"),
  visitNotes: await count(handle.db, "case_note"),
};
console.log("Data:", sizes);

console.log("IRO annual report, cold (a fresh connection pool each run):");
const cold: number[] = [];
for (let i = 0; i < coldRuns; i++) {
  if (i > 0) {
    await handle.close();
    handle = await openBenchDatabase(10);
  }
  cold.push(await time(`cold ${String(i + 1)}`, () => buildIroAnnualReport(handle.db, authority, YEAR)));
}
console.log("IRO annual report, warm:");
const warm: number[] = [];
for (let i = 0; i < runs; i++) warm.push(await time(`warm ${String(i + 1)}`, () => buildIroAnnualReport(handle.db, authority, YEAR)));
console.log("Placement stability (three years), warm:");
const stability: number[] = [];
for (let i = 0; i < 3; i++) stability.push(await time(`run ${String(i + 1)}`, () => buildPlacementStabilityReport(handle.db, authority, YEAR)));
console.log("Timeliness, warm:");
const timeliness: number[] = [];
for (let i = 0; i < 3; i++) timeliness.push(await time(`run ${String(i + 1)}`, () => buildTimelinessReport(handle.db, authority, YEAR)));

const report = await buildIroAnnualReport(handle.db, authority, YEAR);
const total = (id: string) => JSON.stringify(report.tables.find((t) => t.id === id)?.rows.at(-1));
console.log("Sanity: Table A at 31 March 2019", total("A"), "; reviews", total("reviews"));
console.log(JSON.stringify({ database: handle.label, sizes, iroAnnual: { cold: summary(cold), warm: summary(warm) }, placementStability: summary(stability), timeliness: summary(timeliness) }, null, 2));
const p50 = summary(warm).p50;
console.log(p50 <= 2000 ? `Goal met: warm p50 ${String(p50)} ms ≤ 2000 ms` : `Goal missed: warm p50 ${String(p50)} ms > 2000 ms`);
await handle.close();
