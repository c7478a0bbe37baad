import { ROLES, type Role } from "@family-story/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../src/http/route.ts";
import { allRoutes } from "../src/routes/all-routes.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { AUTHORITY_RELATIONS, PERSON_RELATIONS, buildMatrixFixture, stateFingerprint, type MatrixFixture } from "./permission-fixture.ts";
import { PUBLIC_CASES, SESSION_CASES, VISIBLE_TO, type Req, type SessionCase } from "./permission-requests.ts";

/**
 * Every route × every role × every relation of the user to the target, against the
 * hand-written table in permission-requests.ts: 403 where the role lacks the action, the
 * out-of-scope status (404) where the record is out of reach, the success status only where
 * both allow. A refused write must leave the data exactly as it was.
 */

const keyOf = (route: Route): string => `${route.method} ${route.path}`;

function send(svc: TestService, method: Route["method"], r: Req, auth: { cookie: string; csrfToken: string } | null, withCsrf = true): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(r.headers ?? {}) };
  if (auth) {
    headers.cookie = auth.cookie;
    if (withCsrf) headers["x-csrf-token"] = auth.csrfToken;
  }
  return svc.app.inject({ method, url: r.url, headers, ...(r.body !== undefined ? { payload: r.body as object } : {}) });
}

interface Attempt {
  role: Role;
  relation: string;
  /** The role holds the route's permission. */
  holds: boolean;
  /** The role holds it and the target is in reach. */
  allowed: boolean;
  expected: number;
  build: () => Promise<Req>;
}

function attemptsFor(f: MatrixFixture, c: SessionCase): Attempt[] {
  const out: Attempt[] = [];
  for (const role of ROLES) {
    const holds = c.roles.includes(role);
    switch (c.target) {
      case "person":
        for (const relation of PERSON_RELATIONS) {
          const allowed = holds && VISIBLE_TO[relation].includes(role);
          out.push({ role, relation, holds, allowed, expected: !holds ? 403 : allowed ? c.ok : (c.outOfScope ?? 404), build: () => c.build(f, role, relation) });
        }
        break;
      case "authority":
        for (const relation of AUTHORITY_RELATIONS) {
          const allowed = holds && c.inScope[relation].includes(role);
          out.push({ role, relation, holds, allowed, expected: !holds ? 403 : allowed ? c.ok : c.outOfScope, build: () => c.build(f, role, relation) });
        }
        break;
      case "none":
        out.push({ role, relation: "-", holds, allowed: holds, expected: holds ? c.ok : 403, build: () => c.build(f, role) });
        break;
    }
  }
  return out;
}

describe.each(DATABASE_KINDS)("permission matrix on %s", (kind) => {
  let svc: TestService;
  let f: MatrixFixture;

  beforeAll(async () => {
    svc = await createTestService(kind);
    f = await buildMatrixFixture(svc.services, svc.app);
  });
  afterAll(async () => svc.close());

  it("has a request for every route and none for routes that no longer exist", () => {
    const keys = allRoutes.map(keyOf);
    const missing = allRoutes.filter((r) => (r.auth === "session" ? !(keyOf(r) in SESSION_CASES) : !(keyOf(r) in PUBLIC_CASES))).map(keyOf);
    expect(missing, "routes without an entry in permission-requests.ts").toEqual([]);
    const stale = [...Object.keys(SESSION_CASES), ...Object.keys(PUBLIC_CASES)].filter((k) => !keys.includes(k));
    expect(stale, "entries for routes that do not exist").toEqual([]);
  });

  for (const route of allRoutes) {
    const key = keyOf(route);
    if (route.auth === "public") {
      it(`${key} (public)`, async () => {
        const c = PUBLIC_CASES[key];
        if (!c) throw new Error(`No request for public route ${key}: add it to PUBLIC_CASES`);
        const res = await send(svc, route.method, await c.build(f), null);
        expect(res.statusCode, res.body).toBe(c.status);
      });
      continue;
    }
    it(`${key} needs ${route.permission}`, async () => {
      const c = SESSION_CASES[key];
      if (!c) throw new Error(`No request for ${key}: add it to SESSION_CASES in permission-requests.ts`);
      const mismatches: string[] = [];
      for (const a of attemptsFor(f, c)) {
        const r = await a.build();
        const before = route.method !== "GET" && !a.allowed ? await stateFingerprint(f) : null;
        const res = await send(svc, route.method, r, f.clients[a.role]);
        if (res.statusCode !== a.expected) mismatches.push(`${a.role} × ${a.relation}: expected ${a.expected}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        else if (a.holds) c.check?.(res, f, a.role, a.relation);
        if (before !== null) expect(await stateFingerprint(f), `${a.role} × ${a.relation} was refused but changed data`).toBe(before);
      }
      expect(mismatches).toEqual([]);

      // Without a session: 401 for everyone. A change without the CSRF token: refused, nothing changed.
      const anyRequest = await attemptsFor(f, c)[0]?.build();
      if (!anyRequest) throw new Error(`No attempts for ${key}`);
      expect((await send(svc, route.method, anyRequest, null)).statusCode).toBe(401);
      if (route.method !== "GET") {
        const holder = c.roles[0] ?? "practitioner";
        const before = await stateFingerprint(f);
        const noCsrf = await send(svc, route.method, anyRequest, f.clients[holder], false);
        expect(noCsrf.statusCode).toBe(403);
        expect(await stateFingerprint(f)).toBe(before);
      }
    });
  }
});
