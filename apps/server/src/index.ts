export { loadConfig, type Config } from "./config.ts";
export { openDatabase, type DatabaseHandle, type DatabaseKind } from "./db/connect.ts";
export { migrateToLatest } from "./db/migrate.ts";
export type { Database } from "./db/database-types.ts";
export { buildApp } from "./http/app.ts";
export { createServices, type Services } from "./services.ts";
export { startService } from "./start.ts";
export { seedDemo, seedDemoOrganisation, type DemoContext } from "./demo/seed-demo.ts";
