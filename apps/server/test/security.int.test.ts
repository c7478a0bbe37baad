import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { seedDemoOrganisation } from "../src/demo/seed-demo.ts";
import { startService } from "../src/start.ts";
import { TEST_PASSWORD, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, TEST_DATABASE_URL, createTestService, signIn, type TestService } from "./harness.ts";

/** The security baseline every deployment relies on, checked through the HTTP interface. */

function expectProblem(res: LightMyRequestResponse, status: number): { title: string; detail?: string; errors?: { field: string }[] } {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toContain("application/problem+json");
  // No error answer may carry a stack trace or internals.
  expect(res.body).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|stack/);
  return res.json();
}

function webDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "fs-web-"));
  writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Family Story</title>");
  return dir;
}

describe.each(DATABASE_KINDS)("security baseline on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let username: string;
  let userId: string;

  beforeAll(async () => {
    svc = await createTestService(kind, { WEB_DIST_DIR: webDist() });
    tenant = await buildTenant(svc.services);
    ({ username, id: userId } = await buildUser(svc.services.db, tenant, "practitioner"));
  });
  afterAll(async () => svc.close());

  const login = (user: string, password: string) => svc.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: user, password } });

  it("sends CSP and the other security headers on API and page responses", async () => {
    const api = await svc.app.inject({ method: "GET", url: "/api/health" });
    expect(api.statusCode).toBe(200);
    const page = await svc.app.inject({ method: "GET", url: "/people/123" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    for (const res of [api, page]) {
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(res.headers["x-powered-by"]).toBeUndefined();
      expect(res.headers["x-request-id"]).toBeTruthy();
    }
    expect(api.headers["cache-control"]).toBe("no-store");
  });

  it("refuses a cookie-session change without the right CSRF token, saving nothing", async () => {
    const client = await signIn(svc.app, username, TEST_PASSWORD);
    const familyName = `Csrf${Date.now()}`;
    for (const token of [undefined, "wrong-token"]) {
      const res = await svc.app.inject({ method: "POST", url: "/api/v1/people", headers: { cookie: client.cookie, ...(token ? { "x-csrf-token": token } : {}) }, payload: { givenName: "Sam", familyName } });
      const problem = expectProblem(res, 403);
      expect(problem.errors?.[0]?.field).toBe("x-csrf-token");
    }
    const created = await client.post("/api/v1/people", { givenName: "Sam", familyName });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const patch = await svc.app.inject({ method: "PATCH", url: `/api/v1/people/${id}`, headers: { cookie: client.cookie, "if-match": 'W/"1"' }, payload: { givenName: "Changed" } });
    expectProblem(patch, 403);
    const rows = await svc.services.db.selectFrom("person").select(["given_name", "version"]).where("la_code", "=", tenant.laCode).where("family_name", "=", familyName).execute();
    expect(rows).toEqual([{ given_name: "Sam", version: 1 }]);
  });

  it("answers a wrong password and an unknown user alike, and audits both and a success", async () => {
    const { username } = await buildUser(svc.services.db, tenant, "practitioner");
    const wrong = expectProblem(await login(username, "not the password"), 401);
    const unknown = expectProblem(await login(`nobody-${Date.now()}`, "whatever it is"), 401);
    expect(unknown).toEqual(wrong);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
    const events = await svc.services.db.selectFrom("audit_event").select(["outcome", "details", "actor_username"]).where("action", "=", "auth.login").where("actor_username", "=", username).execute();
    expect(events.map((e) => e.outcome).sort()).toEqual(["allowed", "denied"]);
    expect(events.find((e) => e.outcome === "denied")?.details).toMatchObject({ method: "password", reason: "wrong password" });
    const unknownEvents = await svc.services.db.selectFrom("audit_event").select("details").where("action", "=", "auth.login").where("la_code", "=", "system").where("outcome", "=", "denied").execute();
    expect(unknownEvents.some((e) => (e.details as { reason?: string }).reason === "unknown user")).toBe(true);
  });

  it("limits sign-in to 10 attempts a minute for one address and username", async () => {
    const target = `limited-${Date.now()}`;
    for (let i = 0; i < 10; i += 1) expect((await login(target, "guess")).statusCode).toBe(401);
    const limited = await login(target, "guess");
    const problem = expectProblem(limited, 429);
    expect(problem.title).toBe("Too many requests");
    expect(limited.headers["retry-after"]).toBeTruthy();
    // Another username from the same address is not locked out by someone else's mistyping.
    expect((await login(`${target}-other`, "guess")).statusCode).toBe(401);
  });

  it("ends sessions on sign-out, after idle time and at the absolute limit", async () => {
    const out = await signIn(svc.app, username, TEST_PASSWORD);
    expect((await out.get("/api/v1/auth/session")).statusCode).toBe(200);
    const logout = await out.post("/api/v1/auth/logout");
    expect(logout.statusCode).toBe(200);
    expectProblem(await out.get("/api/v1/auth/session"), 401);

    const idle = await signIn(svc.app, username, TEST_PASSWORD);
    const idleMinutes = svc.services.config.sessionIdleMinutes;
    await svc.services.db
      .updateTable("user_session")
      .set({ last_seen_at: new Date(Date.now() - (idleMinutes + 1) * 60_000) })
      .where("user_id", "=", userId)
      .where("csrf_token", "=", idle.csrfToken)
      .execute();
    expectProblem(await idle.get("/api/v1/auth/session"), 401);

    const absolute = await signIn(svc.app, username, TEST_PASSWORD);
    await svc.services.db.updateTable("user_session").set({ expires_at: new Date(Date.now() - 1000) }).where("csrf_token", "=", absolute.csrfToken).execute();
    expectProblem(await absolute.get("/api/v1/auth/session"), 401);
    // Expired sessions are removed, not just ignored.
    const left = await svc.services.db.selectFrom("user_session").select("id_hash").where("csrf_token", "in", [idle.csrfToken, absolute.csrfToken, out.csrfToken]).execute();
    expect(left).toEqual([]);
  });

  it("answers every unknown API path with a 404 problem", async () => {
    for (const [method, url] of [["GET", "/api/v1/nothing-here"], ["POST", "/api/v1/people/x/y/z"], ["DELETE", "/api/v1/people"], ["GET", "/api/v2/people"], ["PUT", "/api/"]] as const) {
      const problem = expectProblem(await svc.app.inject({ method, url }), 404);
      expect(problem.title).toBe("Not found");
    }
  });

  it("refuses a body that is not JSON with 415 and malformed JSON with 400", async () => {
    const res = await svc.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "text/plain" }, payload: "username=a&password=b" });
    expect(expectProblem(res, 415).errors?.[0]?.field).toBe("Content-Type");
    const form = await svc.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: "username=a&password=b" });
    expectProblem(form, 415);
    const malformed = await svc.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { "content-type": "application/json" }, payload: '{"username": ' });
    expectProblem(malformed, 400);
  });

  it("answers HEAD like GET without a body, and OPTIONS without allowing cross-origin use", async () => {
    const head = await svc.app.inject({ method: "HEAD", url: "/api/health" });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-security-policy"]).toBeTruthy();
    const headPrivate = await svc.app.inject({ method: "HEAD", url: "/api/v1/auth/session" });
    expect(headPrivate.statusCode).toBe(401);
    const options = await svc.app.inject({ method: "OPTIONS", url: "/api/v1/people", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expectProblem(options, 404);
    expect(options.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("a fault of ours", () => {
  it("is answered 500 problem without a stack trace or SQL", async () => {
    const svc = await createTestService("pglite");
    try {
      const tenant = await buildTenant(svc.services);
      const user = await buildUser(svc.services.db, tenant, "practitioner");
      const client = await signIn(svc.app, user.username, TEST_PASSWORD);
      await sql`ALTER TABLE address RENAME TO address_gone`.execute(svc.services.db);
      const res = await client.post("/api/v1/people", { givenName: "Ana", familyName: "Fault", address: { line1: "1 Road", postcode: "W2 1AB", fromDate: "2020-01-01" } });
      const problem = expectProblem(res, 500);
      expect(problem.title).toBe("Something went wrong");
      expect(res.body).not.toMatch(/address_gone|relation|select|insert/i);
    } finally {
      await svc.close();
    }
  });
});

const PRODUCTION_SECRET = "a-production-secret-for-this-test-only-0123456789";
const quiet = (): void => undefined;

describe("production start", () => {
  it("refuses an embedded database holding the demo borough", async () => {
    // Production proper needs DATABASE_URL; this checks start.ts's demo guard on PGlite by
    // taking a test config and switching only its mode.
    const dataDir = mkdtempSync(path.join(tmpdir(), "fs-prodcheck-"));
    try {
      const handle = await openDatabase({ dataDir });
      await migrateToLatest(handle.db as never);
      await seedDemoOrganisation(handle.db);
      await handle.close();
      const config = { ...loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir, SEED_DEMO: "false" }), mode: "production" as const, port: 0 };
      await expect(startService(config, quiet)).rejects.toThrow(/Refusing to start in production: the database holds demo accounts/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  if (DATABASE_KINDS.includes("postgres")) {
    it("starts on an empty PostgreSQL database, and refuses once it holds demo accounts", async () => {
      const name = `familystory_prodcheck_${process.pid}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${name}`;
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
        const config = { ...loadConfig({ NODE_ENV: "production", SESSION_SECRET: PRODUCTION_SECRET, DATABASE_URL: url.href, LOG_LEVEL: "silent" }), host: "127.0.0.1", port: 0 };
        expect(config.seedDemo).toBe(false);
        const running = await startService(config, quiet);
        await running.stop();
        const handle = await openDatabase({ databaseUrl: url.href, dataDir: "" });
        await seedDemoOrganisation(handle.db);
        await handle.close();
        await expect(startService(config, quiet)).rejects.toThrow(/holds demo accounts/);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    });
  }
});
