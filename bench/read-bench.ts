/**
 * Reading a person's record through the API with 50 concurrent clients (autocannon, in a
 * child process) against the same read queries run straight through `pg` at 50 concurrency,
 * in one run on one database: requests per second of each, their ratio, and latency.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench npx tsx bench/read-bench.ts --duration 20
 */
import { fork } from "node:child_process";
import pg from "pg";
import { loadConfig } from "../apps/server/src/config.ts";
import { DEMO_PASSWORD } from "../apps/server/src/demo/demo-organisation.ts";
import { startService } from "../apps/server/src/start.ts";
import { option, percentile } from "./bench-database.ts";
import { signInOverHttp } from "./http-client.ts";

interface LoadResult { requests: number; rps: number; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p90: number; p99: number; max: number; mean: number } }

const connections = Number(option("connections", "50"));
const duration = Number(option("duration", "20"));
const user = option("user", "sw.wcc");
const url = process.env.DATABASE_URL;
if (!url || !new URL(url).pathname.includes("bench")) throw new Error("Set DATABASE_URL to a bench PostgreSQL database");

function runLoad(baseUrl: string, cookie: string, paths: string[], seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL("./load-worker.mjs", import.meta.url), { stdio: "inherit" });
    child.once("message", (m) => {
      resolve(m as LoadResult);
    });
    child.once("error", reject);
    child.send({ url: baseUrl, cookie, paths, connections, duration: seconds });
  });
}

// The queries the API runs to put a person's record together (person-repository.ts and
// family-loader.ts), as plain SQL: the person (scoped), their addresses, relationships both
// ways, the related people with the visibility test, and those people's addresses.
const SCOPE = ["E09000033"];
async function rawRead(client: pg.Pool, id: string, userId: string): Promise<void> {
  const visible = `(p.la_code = ANY($1) AND (p.restricted = false OR EXISTS (SELECT 1 FROM person_named_access na WHERE na.la_code = p.la_code AND na.person_id = p.id AND na.user_id = $3)))`;
  const person = await client.query(`SELECT * FROM person p WHERE p.la_code = ANY($1) AND p.id = $2 AND ${visible}`, [SCOPE, id, userId]);
  const row = person.rows[0] as { la_code: string } | undefined;
  if (!row) throw new Error(`person ${id} not visible`);
  await client.query("SELECT * FROM address WHERE la_code = $1 AND person_id = $2", [row.la_code, id]);
  const rels = await client.query<{ person_id: string; related_person_id: string }>("SELECT * FROM relationship WHERE la_code = ANY($1) AND (person_id = $2 OR related_person_id = $2)", [["E09000020", "E09000033"], id]);
  const others = [...new Set(rels.rows.map((r) => (r.person_id === id ? r.related_person_id : r.person_id)))];
  if (others.length === 0) return;
  await client.query(`SELECT id, la_code, given_name, family_name, preferred_name, dob, sex, deceased_date, restricted, ${visible} AS visible FROM person p WHERE p.la_code = ANY($4) AND p.id = ANY($2::uuid[])`, [SCOPE, others, userId, ["E09000020", "E09000033"]]);
  await client.query("SELECT * FROM address WHERE la_code = ANY($1) AND person_id = ANY($2::uuid[])", [["E09000020", "E09000033"], others]);
}

async function runRaw(ids: string[], userId: string, seconds: number): Promise<{ requests: number; rps: number; p50: number; p99: number }> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const id = ids[next++ % ids.length] ?? "";
      const t = performance.now();
      await rawRead(pool, id, userId);
      latencies.push(performance.now() - t);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const config = loadConfig({ ...process.env, SEED_DEMO: "false", LOG_LEVEL: "silent", PORT: option("port", "3912"), LOGIN_RATE_LIMIT: "1000" });
const service = await startService(config, () => undefined);
try {
  const db = service.handle.db;
  const me = await db.selectFrom("app_user").select("id").where("username", "=", user).executeTakeFirstOrThrow();
  // People in families (so the record has relationships to load), spread over the table.
  const rows = await db.selectFrom("person").select("id").where("la_code", "=", "E09000033").where("restricted", "=", false).where("id", ">=", "80000000-0000-0000-0000-000000000000").orderBy("id").limit(2000).execute();
  const ids = rows.map((r) => r.id);
  const cookie = await signInOverHttp(service.url, user, DEMO_PASSWORD);
  const paths = ids.map((id) => `/api/v1/people/${id}`);
  await runLoad(service.url, cookie, paths, 3); // warm-up
  const api = await runLoad(service.url, cookie, paths, duration);
  const raw = await runRaw(ids, me.id, duration);
  console.log(`Reading a person record, ${connections} concurrent clients, ${duration} s each, ${service.handle.kind}`);
  console.log(`  API (HTTP, session, scope, audit):  ${api.rps.toFixed(0)} req/s  p50 ${api.latency.p50} ms  p90 ${api.latency.p90} ms  p99 ${api.latency.p99} ms  max ${api.latency.max} ms  (${api.requests} requests, ${api.non2xx} non-2xx, ${api.errors} errors)`);
  console.log(`  raw pg (same read queries):         ${raw.rps.toFixed(0)} reads/s  p50 ${raw.p50.toFixed(1)} ms  p99 ${raw.p99.toFixed(1)} ms  (${raw.requests} reads)`);
  console.log(`  API / raw: ${(api.rps / raw.rps).toFixed(2)}`);
} finally {
  await service.stop();
}
