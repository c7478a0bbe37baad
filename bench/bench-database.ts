import { sql } from "kysely";
import { openDatabase, type DatabaseHandle } from "../apps/server/src/db/connect.ts";
import { migrateToLatest } from "../apps/server/src/db/migrate.ts";

/**
 * The benchmark's own database: PostgreSQL from DATABASE_URL (its name must contain
 * "bench", so a run can never touch the test or a real database) or PGlite in DATA_DIR.
 */
export async function openBenchDatabase(poolSize = 20): Promise<DatabaseHandle & { label: string; url: string | undefined }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = new URL(url).pathname.slice(1);
    if (!name.includes("bench")) throw new Error(`Refusing to benchmark in database "${name}": use one whose name contains "bench" (createdb -h 127.0.0.1 -U postgres familystory_bench)`);
    const handle = await openDatabase({ databaseUrl: url, dataDir: "", poolSize });
    await migrateToLatest(handle.db as never);
    return { ...handle, label: `PostgreSQL (${name})`, url };
  }
  const dir = process.env.DATA_DIR;
  if (!dir) throw new Error("Set DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite) for the benchmark database");
  const handle = await openDatabase({ dataDir: dir });
  await migrateToLatest(handle.db as never);
  return { ...handle, label: `PGlite (${dir})`, url: undefined };
}

/** Row counts of the tables the generator fills. */
export async function tableCounts(handle: DatabaseHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ["person", "person_name_key", "address", "relationship", "sharing", "person_named_access"]) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(handle.db);
    out[t] = r.rows[0]?.n ?? 0;
  }
  return out;
}

/** A named command-line option (--people 1000000), or the fallback. */
export function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v ?? fallback;
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
