import { mkdirSync } from "node:fs";
import { ROLE_LABELS } from "@family-story/domain";
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { openDatabase, type DatabaseHandle } from "./db/connect.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo/demo-organisation.ts";
import { hasDemoCasework, seedDemoCasework } from "./demo/demo-casework.ts";
import { hasDemo, seedDemo } from "./demo/seed-demo.ts";
import { buildApp } from "./http/app.ts";
import { startMeasureDrain } from "./data/measures/measure-refresh.ts";
import { createServices, type Services } from "./services.ts";

export interface RunningService {
  app: FastifyInstance;
  services: Services;
  handle: DatabaseHandle;
  url: string;
  stop: () => Promise<void>;
}

/** Opens the database, migrates, seeds the demo on first start, and listens. */
export async function startService(config: Config, log: (line: string) => void = console.log): Promise<RunningService> {
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(handle.db as never);
  // An import that was running when the service last stopped will never finish: say so, so
  // its authority can start another.
  const interrupted = await handle.db
    .updateTable("import_job")
    .set({ status: "failed", phase: "interrupted: the service restarted during the import; run it again (a re-import changes nothing already loaded)", finished_at: new Date() })
    .where("status", "=", "running")
    .executeTakeFirst();
  if (interrupted.numUpdatedRows > 0n) log(`Marked ${String(interrupted.numUpdatedRows)} interrupted import(s) as failed.`);
  const demoPresent = await hasDemo(handle.db);
  if (config.mode === "production" && demoPresent) {
    await handle.close();
    throw new Error("Refusing to start in production: the database holds demo accounts. Use a database without the demo borough.");
  }
  let seeded = false;
  if (config.seedDemo && !demoPresent) {
    log(`Creating the synthetic demo borough (${config.demoPeople} people)…`);
    let lastShown = -1;
    await seedDemo(handle.db, {
      people: config.demoPeople,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 100);
        if (pct >= lastShown + 10 || done === total) {
          lastShown = pct;
          log(`  ${pct}% (${done} of ${total} people)`);
        }
      },
    });
    seeded = true;
  }
  const services = await createServices(config, handle.db, handle.kind);
  const app = await buildApp(services);
  // The caseload is recorded through the API itself, so it needs the app (not yet listening);
  // a borough seeded by `familystory demo seed` gets its caseload on the first start too.
  if (config.seedDemo && !(await hasDemoCasework(handle.db))) {
    // Its few hundred in-process requests would otherwise flood the start-up output.
    const level = app.log.level;
    app.log.level = "warn";
    try {
      await seedDemoCasework(app, handle.db, log);
    } finally {
      app.log.level = level;
    }
  }
  await app.listen({ port: config.port, host: config.host });
  // Measures: drain the queue of children whose facts a write changed, so reads find little to do.
  const stopMeasureDrain = startMeasureDrain(handle.db, log);
  const url = `http://${config.host}:${config.port}`;
  if (config.seedDemo) {
    log("");
    log(`Family Story is running at ${url} on ${handle.kind === "pglite" ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : "PostgreSQL"}${seeded ? " with a new demo borough" : ""}.`);
    log(`Sign in with any demo account, password "${DEMO_PASSWORD}":`);
    for (const u of DEMO_USERS) log(`  ${u.username.padEnd(16)} ${ROLE_LABELS[u.role].toLowerCase()} (${u.la === "E09000033" ? "Westminster" : "Kensington and Chelsea"})`);
  } else {
    log(`Family Story is running at ${url}.`);
  }
  return {
    app,
    services,
    handle,
    url,
    stop: async () => {
      await stopMeasureDrain();
      await app.close();
      await handle.close();
    },
  };
}
