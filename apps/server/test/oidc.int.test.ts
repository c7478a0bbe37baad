import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";

/**
 * Council sign-in end to end: a real OpenID Connect provider (oidc-provider, with its
 * development login and consent pages) on one local port, the service on another, and the
 * test acting as the browser between them.
 */

const CLIENT_ID = "family-story-test";
const CLIENT_SECRET = "a-client-secret-for-tests-only-0123456789";

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    probe.close(() => {
      resolve();
    });
  });
  return port;
}

/** A browser's cookie jar, one per host:port, enough for these two origins. */
class Browser {
  private jars = new Map<string, Map<string, string>>();

  cookieHeader(url: URL): string {
    return [...(this.jars.get(url.host) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  cookie(url: URL, name: string): string | undefined {
    return this.jars.get(url.host)?.get(name);
  }

  async fetch(url: URL, init: { method?: string; body?: string; accept?: string } = {}): Promise<Response> {
    const res = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: { cookie: this.cookieHeader(url), ...(init.accept ? { accept: init.accept } : {}), ...(init.body !== undefined ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    const jar = this.jars.get(url.host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line);
      if (value === "" || expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.jars.set(url.host, jar);
    return res;
  }
}

/**
 * Follows redirects from the service's start URL through the provider's login and consent
 * pages, signing in as `login`, and stops at the first request to the service's callback
 * (returned unfollowed so a test may tamper with it).
 */
async function toCallback(browser: Browser, serviceUrl: string, login: string): Promise<URL> {
  let url = new URL("/api/v1/auth/oidc/start", serviceUrl);
  let res = await browser.fetch(url);
  for (let step = 0; step < 20; step += 1) {
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location") ?? "", url);
      if (url.pathname === "/api/v1/auth/oidc/callback") return url;
      res = await browser.fetch(url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !prompt) throw new Error(`unexpected provider page ${res.status} at ${url.href}: ${html.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "anything" } : { prompt });
    url = new URL(action.replace(/&amp;/g, "&"), url);
    res = await browser.fetch(url, { method: "POST", body: form.toString() });
  }
  throw new Error("too many redirects");
}

describe.each(DATABASE_KINDS)("council sign-in (OpenID Connect) on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let providerServer: Server;
  let issuer: string;
  let serviceUrl: string;
  const emails: Record<string, string> = {};

  beforeAll(async () => {
    const servicePort = await freePort();
    serviceUrl = `http://127.0.0.1:${servicePort}`;
    const redirectUri = `${serviceUrl}/api/v1/auth/oidc/callback`;

    providerServer = createServer();
    await new Promise<void>((resolve) => providerServer.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...(emails[sub] ? { email: emails[sub], email_verified: true } : {}) }) }),
      claims: { openid: ["sub"], email: ["email", "email_verified"] },
      cookies: { keys: ["cookie-key-for-tests-only"] },
      features: { devInteractions: { enabled: true } },
    });
    const handle = provider.callback();
    providerServer.on("request", (req, res) => {
      void handle(req, res);
    });

    svc = await createTestService(kind, { PORT: String(servicePort), OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET, OIDC_LABEL: "Test Council account" });
    await svc.app.listen({ port: servicePort, host: "127.0.0.1" });
    tenant = await buildTenant(svc.services);
  });
  afterAll(async () => {
    await svc.close();
    await new Promise<void>((resolve) => {
      providerServer.close(() => {
        resolve();
      });
    });
  });

  async function userWithEmail(active = true): Promise<{ id: string; username: string; email: string; sub: string }> {
    const user = await buildUser(svc.services.db, tenant, "practitioner", { active });
    const email = `${user.username}@council.example`;
    await svc.services.db.updateTable("app_user").set({ email }).where("id", "=", user.id).execute();
    const sub = `sub-${user.id}`;
    emails[sub] = email.toUpperCase(); // providers do not always keep the case we stored
    return { ...user, email, sub };
  }

  async function oidcAudit(reasonOrUser: { userId?: string; subject?: string }) {
    const rows = await svc.services.db.selectFrom("audit_event").select(["action", "outcome", "details", "actor_user_id"]).where("action", "=", "auth.login").execute();
    return rows.filter((r) => {
      const d = r.details as { method?: string; subject?: string };
      return d.method === "oidc" && (reasonOrUser.userId ? r.actor_user_id === reasonOrUser.userId : d.subject === reasonOrUser.subject);
    });
  }

  it("signs a user in through the provider, links their subject, and starts a session", async () => {
    const user = await userWithEmail();
    const browser = new Browser();
    const callback = await toCallback(browser, serviceUrl, user.sub);
    expect(callback.searchParams.get("code")).toBeTruthy();
    const res = await browser.fetch(callback);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/");
    const setCookies = res.headers.getSetCookie().join("\n");
    expect(setCookies).toMatch(/fs_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(browser.cookie(new URL(serviceUrl), "fs_oidc")).toBeUndefined(); // one use only

    const session = await browser.fetch(new URL("/api/v1/auth/session", serviceUrl));
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ username: user.username });

    const row = await svc.services.db.selectFrom("app_user").select(["oidc_issuer", "oidc_subject", "last_sign_in_at"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ oidc_issuer: issuer, oidc_subject: user.sub });
    expect(row.last_sign_in_at).not.toBeNull();
    expect((await oidcAudit({ userId: user.id })).map((r) => r.outcome)).toEqual(["allowed"]);

    // Next time the subject is enough: the email may have changed meanwhile.
    await svc.services.db.updateTable("app_user").set({ email: "changed@council.example" }).where("id", "=", user.id).execute();
    const again = new Browser();
    const res2 = await again.fetch(await toCallback(again, serviceUrl, user.sub));
    expect(res2.status).toBe(302);
    expect((await again.fetch(new URL("/api/v1/auth/session", serviceUrl))).status).toBe(200);
  });

  it("sends the browser to the provider with state, nonce and PKCE kept in a signed, short-lived cookie", async () => {
    const res = await svc.app.inject({ method: "GET", url: "/api/v1/auth/oidc/start" });
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(to.origin).toBe(issuer);
    for (const p of ["state", "nonce", "code_challenge"]) expect(to.searchParams.get(p)).toBeTruthy();
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(to.searchParams.get("scope")).toContain("openid");
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^fs_oidc=[^;]+\.[^;]+;/); // value.signature
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The verifier itself never leaves in the URL.
    expect(res.headers.location).not.toContain(decodeURIComponent(cookie).split("verifier")[1]?.slice(3, 20) ?? "");
  });

  it("refuses a provider account linked to no user, audited, with no session", async () => {
    const sub = `stranger-${Date.now()}`;
    emails[sub] = `${sub}@elsewhere.example`;
    const browser = new Browser();
    const res = await browser.fetch(await toCallback(browser, serviceUrl, sub));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { title: string; detail: string };
    expect(problem.detail).toContain("not linked to a Family Story account");
    expect(browser.cookie(new URL(serviceUrl), "fs_session")).toBeUndefined();
    expect((await oidcAudit({ subject: sub })).map((r) => r.outcome)).toEqual(["denied"]);
  });

  it("sends a person in a browser back to the sign-in page with the reason, not a JSON page", async () => {
    const sub = `stranger-html-${Date.now()}`;
    emails[sub] = `${sub}@elsewhere.example`;
    const browser = new Browser();
    const res = await browser.fetch(await toCallback(browser, serviceUrl, sub), { accept: "text/html,application/xhtml+xml" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/sign-in?problem=refused");
    expect(browser.cookie(new URL(serviceUrl), "fs_session")).toBeUndefined();
  });

  it("refuses a switched-off account", async () => {
    const user = await userWithEmail(false);
    const browser = new Browser();
    const res = await browser.fetch(await toCallback(browser, serviceUrl, user.sub));
    expect(res.status).toBe(403);
    expect(browser.cookie(new URL(serviceUrl), "fs_session")).toBeUndefined();
    expect((await oidcAudit({ userId: user.id })).map((r) => r.outcome)).toEqual(["denied"]);
  });

  it("refuses a callback whose state does not match the sign-in this browser started", async () => {
    const user = await userWithEmail();
    const browser = new Browser();
    const callback = await toCallback(browser, serviceUrl, user.sub);
    callback.searchParams.set("state", "forged-state");
    const res = await browser.fetch(callback);
    expect(res.status).toBe(401);
    expect(browser.cookie(new URL(serviceUrl), "fs_session")).toBeUndefined();
    const user2 = await svc.services.db.selectFrom("app_user").select("oidc_subject").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(user2.oidc_subject).toBeNull();
    const [last] = await svc.services.db.selectFrom("audit_event").select("details").where("action", "=", "auth.login").where("request_id", "=", res.headers.get("x-request-id")).execute();
    expect(last?.details).toMatchObject({ method: "oidc", reason: expect.stringMatching(/state/) as unknown });
  });

  it("refuses a callback with no pending sign-in or a forged pending cookie", async () => {
    const user = await userWithEmail();
    const browser = new Browser();
    const callback = await toCallback(browser, serviceUrl, user.sub);
    // Another browser (no cookie) replaying the callback URL.
    const replay = await new Browser().fetch(callback);
    expect(replay.status).toBe(400);
    // An unsigned cookie with made-up values.
    const forged = await fetch(callback, { redirect: "manual", headers: { cookie: `fs_oidc=${encodeURIComponent(JSON.stringify({ state: callback.searchParams.get("state"), nonce: "n", verifier: "v", at: Date.now() }))}` } });
    expect(forged.status).toBe(400);
  });

  it("answers 404 problem when council sign-in is not set up", async () => {
    const plain = await createTestService(kind);
    try {
      for (const url of ["/api/v1/auth/oidc/start", "/api/v1/auth/oidc/callback?code=x&state=y"]) {
        const res = await plain.app.inject({ method: "GET", url });
        expect(res.statusCode).toBe(404);
        expect(res.headers["content-type"]).toContain("application/problem+json");
      }
      expect((await plain.app.inject({ method: "GET", url: "/api/v1/auth/config" })).json()).toMatchObject({ oidcEnabled: false });
    } finally {
      await plain.close();
    }
  });
});
