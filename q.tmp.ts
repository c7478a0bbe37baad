import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./apps/server/src/db/database-types.ts";
import { resolveActor } from "./apps/server/src/auth/actor-resolver.ts";
import { AuditLog } from "./apps/server/src/data/audit-log.ts";
import { searchPeople } from "./apps/server/src/data/person-search.ts";
pg.types.setTypeParser(1082, (v) => v); pg.types.setTypeParser(20, (v) => Number(v));
const log: string[] = [];
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:5432/familystory_bench" }) }), log: (e) => { if (e.level === "query") log.push(`${e.queryDurationMillis.toFixed(1)} ms: ${e.query.sql.slice(0, 200)} ${JSON.stringify(e.query.parameters).slice(0, 300)}`); } });
const u = await db.selectFrom("app_user").select("id").where("username", "=", "sw.wcc").executeTakeFirstOrThrow();
const actor = await resolveActor(db, u.id, "x");
if (!actor) throw new Error("no actor");
const audit = new AuditLog(db);
for (const [q, dob] of [["Zoe Baker", "1982"], ["Pawel Wisnieski", "1999"], ["Mohammed Rahman", "2015-04"], ["Mohammed Rahman", "2015-04"], ["Smith", "2010"], ["Mohamed", "~2012-03-04"]]) {
  log.length = 0;
  const t = performance.now();
  const r = await searchPeople(db, actor, audit, { q, dob, limit: 20 });
  console.log(`${q} ${dob}: ${r.results.length} results in ${(performance.now() - t).toFixed(1)} ms`);
  for (const l of log) console.log("   ", l);
}
await db.destroy();
