/**
 * Latency of fuzzy name + date-of-birth searches through the HTTP API, on a database the
 * generator filled (bench/generate-people.ts). Queries are made from real rows, then
 * misspelt, transliterated, swapped and given partial dates, reproducibly from a seed; each
 * is timed end to end over HTTP, one at a time, and whether the person came back is counted.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench npx tsx bench/search-bench.ts --queries 300
 *   DATA_DIR=/tmp/fs-bench-pglite npx tsx bench/search-bench.ts --queries 300
 */
import { sql } from "kysely";
import { loadConfig } from "../apps/server/src/config.ts";
import { DEMO_PASSWORD } from "../apps/server/src/demo/demo-organisation.ts";
import { startService } from "../apps/server/src/start.ts";
import { SeededRandom } from "../apps/server/src/demo/seeded-random.ts";
import { option, percentile } from "./bench-database.ts";
import { perturbName, perturbDob } from "./search-queries.ts";
import { signInOverHttp } from "./http-client.ts";

const queries = Number(option("queries", "300"));
const user = option("user", "sw.wcc");
const port = Number(option("port", "3911"));
const url = process.env.DATABASE_URL;
if (url && !new URL(url).pathname.includes("bench")) throw new Error("DATABASE_URL must name a bench database");
if (!url && !process.env.DATA_DIR) throw new Error("Set DATABASE_URL or DATA_DIR");

const config = loadConfig({ ...process.env, SEED_DEMO: "false", LOG_LEVEL: "silent", PORT: String(port), LOGIN_RATE_LIMIT: "1000" });
const service = await startService(config, () => undefined);
try {
  const db = service.handle.db;
  const people = await sql<{ n: number }>`SELECT count(*)::int AS n FROM person`.execute(db);
  const rng = new SeededRandom(Number(option("seed", "7")));
  const cookie = await signInOverHttp(service.url, user, DEMO_PASSWORD);

  // Targets: people the user may open (Westminster, not restricted), picked at random ids.
  const targets: { id: string; given_name: string; family_name: string; dob: string }[] = [];
  while (targets.length < queries + 20) {
    const from = rng.uuid();
    const row = await db.selectFrom("person").select(["id", "given_name", "family_name", "dob"]).where("la_code", "=", "E09000033").where("id", ">=", from).where("restricted", "=", false).where("dob", "is not", null).orderBy("id").limit(1).executeTakeFirst();
    if (row?.dob) targets.push({ id: row.id, given_name: row.given_name, family_name: row.family_name, dob: row.dob });
  }

  const timings: number[] = [];
  let top1 = 0;
  let top10 = 0;
  let found = 0;
  const examples: string[] = [];
  const slowest: { ms: number; line: string }[] = [];
  const misses: string[] = [];
  for (const [i, t] of targets.entries()) {
    const q = perturbName(rng, t.given_name, t.family_name);
    const dob = perturbDob(rng, t.dob);
    const started = performance.now();
    const res = await fetch(`${service.url}/api/v1/people?${new URLSearchParams({ q, dob }).toString()}`, { headers: { cookie } });
    const body = (await res.json()) as { results: { id: string; name: string; dobDisplay: string | null; score: number }[] };
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(body)}`);
    if (i < 20) continue; // warm-up
    timings.push(ms);
    const rank = body.results.findIndex((r) => r.id === t.id);
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 10) top10++;
    if (rank >= 0) found++;
    const top = body.results[0];
    if (rank !== 0 && top && misses.length < 8) misses.push(`  "${q}" dob=${dob} → ${t.given_name} ${t.family_name} ${t.dob} at rank ${rank < 0 ? "-" : rank + 1}; first: ${top.name} ${top.dobDisplay ?? ""} (${top.score} vs ${rank >= 0 ? (body.results[rank]?.score ?? "") : "-"})`);
    slowest.push({ ms, line: `  "${q}" dob=${dob}: ${ms.toFixed(1)} ms, ${body.results.length} results` });
    if (examples.length < 12) examples.push(`  "${q}" dob=${dob} → ${t.given_name} ${t.family_name} ${t.dob}: rank ${rank < 0 ? "not found" : rank + 1} of ${body.results.length}, ${ms.toFixed(1)} ms`);
  }
  timings.sort((a, b) => a - b);
  const n = timings.length;
  console.log(`${service.handle.kind === "postgres" ? "PostgreSQL" : "PGlite"}, ${people.rows[0]?.n.toLocaleString("en-GB")} people, ${n} fuzzy name + date-of-birth searches over HTTP as ${user}, one at a time`);
  console.log(`  p50 ${percentile(timings, 50).toFixed(1)} ms  p95 ${percentile(timings, 95).toFixed(1)} ms  p99 ${percentile(timings, 99).toFixed(1)} ms  max ${(timings[n - 1] ?? 0).toFixed(1)} ms`);
  console.log(`  the person searched for: first ${top1}/${n} (${((100 * top1) / n).toFixed(1)}%), in the top 10 ${top10}/${n} (${((100 * top10) / n).toFixed(1)}%), anywhere in the results ${found}/${n}`);
  console.log(examples.join("\n"));
  console.log("  not first:");
  console.log(misses.join("\n"));
  console.log("  slowest:");
  console.log(slowest.sort((a, b) => b.ms - a.ms).slice(0, 8).map((x) => x.line).join("\n"));
} finally {
  await service.stop();
}
