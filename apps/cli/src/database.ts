import { mkdirSync } from "node:fs";
import { loadConfig, migrateToLatest, openDatabase, type DatabaseHandle } from "@family-story/server";

/**
 * Opens the database the way the server does: PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite in DATA_DIR; brought up to the current schema.
 */
export async function openServiceDatabase(env: NodeJS.ProcessEnv = process.env, poolSize = 2): Promise<DatabaseHandle & { where: string }> {
  const config = loadConfig(env);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize });
  await migrateToLatest(handle.db as never);
  return { ...handle, where: config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${config.dataDir}` };
}
