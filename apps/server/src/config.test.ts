import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_SECRET, loadConfig } from "./config.ts";

const SECRET = "a-random-session-secret-of-at-least-32-characters";
const DB = "postgres://familystory@db.internal:5432/familystory";

describe("loadConfig", () => {
  it("starts a demo with defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ mode: "demo", sessionSecret: DEFAULT_SESSION_SECRET, secureCookies: false, seedDemo: true, oidc: null });
  });

  it("refuses production with the default, a missing or a short session secret", () => {
    for (const secret of [undefined, DEFAULT_SESSION_SECRET, "short"]) {
      expect(() => loadConfig({ NODE_ENV: "production", DATABASE_URL: DB, ...(secret !== undefined ? { SESSION_SECRET: secret } : {}) })).toThrow(/SESSION_SECRET must be set/);
    }
  });

  it("refuses production without DATABASE_URL", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET })).toThrow(/DATABASE_URL must be set/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: "" })).toThrow(/DATABASE_URL must be set/);
  });

  it("names every problem at once", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET[\s\S]*DATABASE_URL/);
  });

  it("runs production with secure cookies and never seeds the demo", () => {
    const config = loadConfig({ NODE_ENV: "production", SESSION_SECRET: SECRET, DATABASE_URL: DB, SEED_DEMO: "true" });
    expect(config).toMatchObject({ mode: "production", secureCookies: true, seedDemo: false, databaseUrl: DB });
  });

  it("needs the client id and secret with an OpenID Connect issuer", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://login.council.example" })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    const config = loadConfig({ OIDC_ISSUER: "https://login.council.example", OIDC_CLIENT_ID: "fs", OIDC_CLIENT_SECRET: "s", PORT: "8080" });
    expect(config.oidc).toMatchObject({ issuer: "https://login.council.example", redirectUri: "http://127.0.0.1:8080/api/v1/auth/oidc/callback" });
  });

  it("refuses numbers that are not positive whole numbers", () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ PORT: "abc" })).toThrow(/PORT/);
  });
});
