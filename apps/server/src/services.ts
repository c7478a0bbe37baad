import type { Kysely } from "kysely";
import type { Config } from "./config.ts";
import type { Database } from "./db/database-types.ts";
import type { DatabaseKind } from "./db/connect.ts";
import { SessionStore } from "./auth/session-store.ts";
import { AuditLog } from "./data/audit-log.ts";
import { ReferenceCache } from "./data/reference-cache.ts";
import { AuthService } from "./auth/auth-service.ts";
import { OidcService } from "./auth/oidc-service.ts";

/**
 * The composition root: every long-lived service, built once from config and the database.
 * Tests build it the same way against a fresh database.
 */
export async function createServices(config: Config, db: Kysely<Database>, databaseKind: DatabaseKind) {
  const refs = new ReferenceCache(db);
  await refs.refresh();
  const audit = new AuditLog(db);
  const sessions = new SessionStore(db, { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours });
  const auth = new AuthService(db, sessions, audit, config);
  const oidc = config.oidc ? new OidcService(config.oidc, db, audit, auth, config.mode !== "production") : null;
  return { config, db, databaseKind, refs, audit, sessions, auth, oidc };
}

export type Services = Awaited<ReturnType<typeof createServices>>;

/** What public routes may use: no database handle. */
export interface PublicServices {
  auth: AuthService;
  oidc: OidcService | null;
  databaseKind: DatabaseKind;
  config: Config;
}
