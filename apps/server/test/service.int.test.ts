import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { allRoutes } from "../src/routes/all-routes.ts";
import { startService } from "../src/start.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";

describe.each(DATABASE_KINDS)("service contracts on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());

  it("reports health and which database it runs on", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: kind });
  });

  it("describes every route in a valid OpenAPI 3.1 document", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of allRoutes) {
      const p = route.path.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[p]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it("answers an unknown API path with a 404 problem", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("requires sign-in for records", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/api/v1/people?q=smith" });
    expect(res.statusCode).toBe(401);
  });
});

describe("the embedded database keeps data across restarts", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "family-story-data-"));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("seeds the demo once, and a person created survives a restart", async () => {
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir, PORT: "0", DEMO_PEOPLE: "40", LOG_LEVEL: "silent" });
    const first = await startService({ ...config, port: 0 }, (l) => lines.push(l));
    expect(lines.join("\n")).toContain("family-story-demo");
    const login = await first.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: "sw.wcc", password: "family-story-demo" } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const created = await first.app.inject({ method: "POST", url: "/api/v1/people", headers: { cookie, "x-csrf-token": csrf }, payload: { givenName: "Persisted", familyName: "Person" } });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    await first.stop();

    const again: string[] = [];
    const second = await startService({ ...config, port: 0 }, (l) => again.push(l));
    expect(again.join("\n")).not.toContain("Creating the synthetic demo borough");
    const read = await second.app.inject({ method: "GET", url: `/api/v1/people/${id}`, headers: { cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ givenName: string }>().givenName).toBe("Persisted");
    await second.stop();
  });
});

describe("the OpenAPI document's components", () => {
  it("defines every schema it refers to, Problem included", async () => {
    const svc = await createTestService("pglite");
    const doc = (await svc.app.inject({ method: "GET", url: "/api/openapi.json" })).json<{ components: { schemas: Record<string, { type?: string }> } }>();
    await svc.close();
    expect(doc.components.schemas.Problem?.type).toBe("object");
    expect(doc.components.schemas.Person?.type).toBe("object");
    expect(doc.components.schemas.PersonCreateInput?.type).toBe("object");
  });
});
