import path from "node:path";

/**
 * Settings from the environment, checked at start. In production mode the service refuses
 * to start with demo data or a default secret, so a pilot cannot go live with either.
 */
export interface Config {
  mode: "production" | "demo" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  secureCookies: boolean;
  seedDemo: boolean;
  demoPeople: number;
  loginRateLimit: number;
  logLevel: string;
  webDistDir: string;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string; label: string } | null;
}

export const DEFAULT_SESSION_SECRET = "family-story-demo-secret-change-me";

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return n;
}

/** Reads and checks the configuration; throws with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "demo";
  const oidcIssuer = env.OIDC_ISSUER;
  const config: Config = {
    mode,
    port: intFrom(env, "PORT", 3000, 0),
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret: env.SESSION_SECRET ?? DEFAULT_SESSION_SECRET,
    sessionIdleMinutes: intFrom(env, "SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: intFrom(env, "SESSION_ABSOLUTE_HOURS", 10),
    secureCookies: mode === "production",
    seedDemo: mode !== "production" && env.SEED_DEMO !== "false",
    demoPeople: intFrom(env, "DEMO_PEOPLE", 3000),
    loginRateLimit: intFrom(env, "LOGIN_RATE_LIMIT", 10),
    logLevel: env.LOG_LEVEL ?? (mode === "test" ? "silent" : "info"),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(import.meta.dirname, "../../web/dist")),
    oidc: oidcIssuer
      ? {
          issuer: oidcIssuer,
          clientId: env.OIDC_CLIENT_ID ?? "",
          clientSecret: env.OIDC_CLIENT_SECRET ?? "",
          redirectUri: env.OIDC_REDIRECT_URI ?? `http://127.0.0.1:${env.PORT ?? "3000"}/api/v1/auth/oidc/callback`,
          label: env.OIDC_LABEL ?? "your council account",
        }
      : null,
  };
  const problems: string[] = [];
  if (mode === "production") {
    if (config.sessionSecret === DEFAULT_SESSION_SECRET || config.sessionSecret.length < 32) problems.push("SESSION_SECRET must be set to a random value of at least 32 characters");
    if (!config.databaseUrl) problems.push("DATABASE_URL must be set: production runs on a PostgreSQL server");
  }
  if (config.oidc && (!config.oidc.clientId || !config.oidc.clientSecret)) problems.push("OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set with OIDC_ISSUER");
  if (problems.length > 0) throw new Error(`Configuration problems:\n- ${problems.join("\n- ")}`);
  return config;
}
