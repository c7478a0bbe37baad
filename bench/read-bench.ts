/**
 * Reading a person's record through the API with 50 concurrent clients (autocannon, in a
 * child process) against the same read queries run straight through `pg` at 50 concurrency,
 * in one run on one database: requests per second of each, their ratio, and latency.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/familystory_bench npx tsx bench/read-bench.ts --duration 20
 */
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { loadConfig } from "../apps/server/src/config.ts";
import { DEMO_PASSWORD } from "../apps/server/src/demo/demo-organisation.ts";
import { openDatabase, type DatabaseHandle } from "../apps/server/src/db/connect.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";
import { buildApp } from "../apps/server/src/http/app.ts";
import { createServices, type Services } from "../apps/server/src/services.ts";
import { startService } from "../apps/server/src/start.ts";
import { option, percentile } from "./bench-database.ts";
import { signInOverHttp } from "./http-client.ts";

interface LoadResult { requests: number; rps: number; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p90: number; p99: number; max: number; mean: number } }

const connections = Number(option("connections", "50"));
const duration = Number(option("duration", "20"));
const user = option("user", "sw.wcc");
const only = option("only", "both");
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

// The read queries the API runs for GET /api/v1/people/:id, as plain SQL: the session and
// actor (http/authenticate.ts), then the person (scoped), their addresses, relationships both
// ways, the related people with the visibility test, and those people's addresses
// (person-repository.ts, family-loader.ts).
const SCOPE = ["E09000033"];
const ACTOR_SQL = `SELECT u.id, u.username, u.display_name, u.role, u.la_code, u.organisation_id, u.team_id, u.active, o.name AS organisation_name, t.name AS team_name, la.name AS la_name,
  (SELECT array_agg(ssa.la_code) FROM shared_service ss JOIN shared_service_authority ssa ON ssa.shared_service_id = ss.id
    WHERE ss.from_date <= $2 AND (ss.to_date IS NULL OR ss.to_date >= $2)
    AND (EXISTS (SELECT sst.team_id FROM shared_service_team sst WHERE sst.shared_service_id = ss.id AND sst.team_id = u.team_id)
      OR (u.role = 'partner_practitioner' AND EXISTS (SELECT mine.la_code FROM shared_service_authority mine WHERE mine.shared_service_id = ss.id AND mine.la_code = u.la_code)))) AS shared_la_codes
  FROM app_user u JOIN organisation o ON o.id = u.organisation_id JOIN local_authority la ON la.la_code = u.la_code LEFT JOIN team t ON t.id = u.team_id WHERE u.id = $1`;

/** One record read as the API does it, less HTTP, validation, presenting and the audit write. */
async function rawRead(client: pg.Pool, id: string, userId: string, sessionHash: string): Promise<void> {
  // The session and the actor behind it, as every API request resolves them.
  await client.query("SELECT user_id, csrf_token, auth_method, last_seen_at, expires_at FROM user_session WHERE id_hash = $1", [sessionHash]);
  await client.query(ACTOR_SQL, [userId, new Date().toISOString().slice(0, 10)]);
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

async function runRaw(ids: string[], userId: string, sessionHash: string, seconds: number): Promise<{ requests: number; rps: number; p50: number; p99: number }> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const id = ids[next++ % ids.length] ?? "";
      const t = performance.now();
      await rawRead(pool, id, userId, sessionHash);
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
const poolSize = Number(option("pool", "0"));
const service = poolSize > 0 ? await startWithPool(poolSize) : await startService(config, () => undefined);

/** The service as startService builds it, with a connection pool of the given size. */
async function startWithPool(size: number): Promise<{ url: string; services: Services; handle: DatabaseHandle; stop: () => Promise<void> }> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: size });
  await migrateToLatest(handle.db as never);
  const services = await createServices(config, handle.db, handle.kind);
  const app = await buildApp(services);
  await app.listen({ port: config.port, host: config.host });
  return { url: `http://${config.host}:${config.port}`, services, handle, stop: async () => { await app.close(); await handle.close(); } };
}
try {
  const db = service.handle.db;
  const writeStats = async (): Promise<{ events: number }> => {
    const r = await sql<{ events: number }>`SELECT count(*)::int AS events FROM audit_event`.execute(db);
    return r.rows[0] ?? { events: 0 };
  };
  const me = await db.selectFrom("app_user").select("id").where("username", "=", user).executeTakeFirstOrThrow();
  // People in families (so the record has relationships to load), spread over the table.
  const rows = await db.selectFrom("person").select("id").where("la_code", "=", "E09000033").where("restricted", "=", false).where("id", ">=", "80000000-0000-0000-0000-000000000000").orderBy("id").limit(2000).execute();
  const ids = rows.map((r) => r.id);
  const cookie = await signInOverHttp(service.url, user, DEMO_PASSWORD);
  const paths = ids.map((id) => `/api/v1/people/${id}`);
  await runLoad(service.url, cookie, paths, 3); // warm-up
  // Counts the audit log's transactions (measurement only: wraps its private batch append).
  const audit = service.services.audit as unknown as { appendOptimistic: (...args: unknown[]) => Promise<void> };
  const append = audit.appendOptimistic.bind(audit);
  let appends = 0;
  audit.appendOptimistic = (...args: unknown[]) => {
    appends++;
    return append(...args);
  };
  const before = await writeStats();
  const api = only === "raw" ? null : await runLoad(service.url, cookie, paths, duration);
  const after = await writeStats();
  const sessionId = /fs_session=([^;]+)/.exec(cookie)?.[1] ?? "";
  const sessionHash = createHash("sha256").update(sessionId).digest("hex");
  if (!(await db.selectFrom("user_session").select("user_id").where("id_hash", "=", sessionHash).executeTakeFirst())) throw new Error("session not found for the raw reads");
  const raw = only === "api" ? null : await runRaw(ids, me.id, sessionHash, duration);
  console.log(`Reading a person record, ${connections} concurrent clients, ${duration} s each, ${service.handle.kind}, API pool ${poolSize > 0 ? poolSize : "default (20)"}`);
  if (api) console.log(`  API (HTTP, session, scope, audit):  ${api.rps.toFixed(0)} req/s  p50 ${api.latency.p50} ms  p90 ${api.latency.p90} ms  p99 ${api.latency.p99} ms  max ${api.latency.max} ms  (${api.requests} requests, ${api.non2xx} non-2xx, ${api.errors} errors)`);
  if (raw) console.log(`  raw pg (same read queries):         ${raw.rps.toFixed(0)} reads/s  p50 ${raw.p50.toFixed(1)} ms  p99 ${raw.p99.toFixed(1)} ms  (${raw.requests} reads)`);
  if (api) console.log(`  audit: ${after.events - before.events} read events written in ${appends} batches`);
  if (api && raw) console.log(`  API / raw: ${(api.rps / raw.rps).toFixed(2)}`);
} finally {
  await service.stop();
}
