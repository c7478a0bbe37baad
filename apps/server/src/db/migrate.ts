import { Migrator, type Migration, type MigrationProvider, type Kysely } from "kysely";
import * as m0001 from "./migrations/0001-core-schema.ts";
import * as m0002search from "./migrations/0002-person-search-indexes.ts";
import * as m0003casework from "./migrations/0003-casework-core.ts";
import * as m0004frontDoor from "./migrations/0004-front-door.ts";
import * as m0005socialcare from "./migrations/0005-social-care.ts";
import * as m0006earlyhelp from "./migrations/0006-early-help.ts";
import * as m0007notes from "./migrations/0007-case-notes-supervision.ts";
import * as m0008lookedafter from "./migrations/0008-looked-after.ts";
import * as m0009measures from "./migrations/0009-measures.ts";
import * as m0010governance from "./migrations/0010-governance.ts";

/** Every migration in order. Append only: a landed migration is never edited. */
const MIGRATIONS: Record<string, Migration> = {
  "0001-core-schema": m0001,
  "0002-person-search-indexes": m0002search,
  "0003-casework-core": m0003casework,
  "0004-front-door": m0004frontDoor,
  "0005-social-care": m0005socialcare,
  "0006-early-help": m0006earlyhelp,
  "0007-case-notes-supervision": m0007notes,
  "0008-looked-after": m0008lookedafter,
  "0009-measures": m0009measures,
  "0010-governance": m0010governance,
};

class StaticMigrationProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? "(unknown)"} failed`, { cause: error });
  }
}
