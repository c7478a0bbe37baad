import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { loadConfig } from "../src/config.ts";
import { openDatabase, type DatabaseHandle, type DatabaseKind } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { buildApp } from "../src/http/app.ts";
import { createServices, type Services } from "../src/services.ts";

/**
 * Integration tests run against real PostgreSQL (127.0.0.1:5432, database `test`, or
 * TEST_DATABASE_URL) when it answers, and against PGlite always. CI sets REQUIRE_POSTGRES=1
 * so a missing server fails the run instead of quietly testing less.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const pgUp = await postgresAnswers();
if (!pgUp && process.env.REQUIRE_POSTGRES === "1") {
  throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${TEST_DATABASE_URL}`);
}

/** The databases this run tests on. */
export const DATABASE_KINDS: DatabaseKind[] = pgUp ? ["pglite", "postgres"] : ["pglite"];

/** A migrated database: a fresh in-memory PGlite, or the shared PostgreSQL test database (tests isolate by tenant). */
export async function openTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  const handle = kind === "postgres" ? await openDatabase({ databaseUrl: TEST_DATABASE_URL, dataDir: "", poolSize: 5 }) : await openDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db as never);
  return handle;
}

export interface TestService {
  kind: DatabaseKind;
  services: Services;
  app: FastifyInstance;
  close: () => Promise<void>;
}

/** The whole service on a test database, reached through app.inject (no network). */
export async function createTestService(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestService> {
  const handle = await openTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: "test", WEB_DIST_DIR: "/nonexistent", ...env });
  const services = await createServices(config, handle.db, handle.kind);
  const app = await buildApp(services);
  await app.ready();
  return {
    kind,
    services,
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A signed-in client: cookie and CSRF token sent on every request. */
export interface Client {
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  delete: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

/** Signs in through the API and returns a client for that session. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Client> {
  const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrfToken = (res.json<{ csrfToken: string }>()).csrfToken;
  const send = (method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE") => (url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { cookie, "x-csrf-token": csrfToken, ...headers }, ...(body !== undefined ? { payload: body as object } : {}) });
  return {
    get: (url, headers = {}) => app.inject({ method: "GET", url, headers: { cookie, ...headers } }),
    post: send("POST"),
    patch: send("PATCH"),
    put: send("PUT"),
    delete: (url, headers = {}) => send("DELETE")(url, undefined, headers),
    csrfToken,
    cookie,
  };
}
