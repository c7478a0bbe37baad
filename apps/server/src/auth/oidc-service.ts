import * as client from "openid-client";
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Database } from "../db/database-types.ts";
import type { AuditLog } from "../data/audit-log.ts";
import { HttpProblem } from "../http/problem.ts";
import type { AuthService } from "./auth-service.ts";

export type OidcSettings = NonNullable<Config["oidc"]>;

/** What the service keeps (in a signed cookie) between sending a user to the provider and their return. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** When the sign-in began (ms since epoch), so a stale one is refused. */
  at: number;
}

/** How long a user may spend at the provider before the sign-in must start again. */
export const PENDING_SIGN_IN_SECONDS = 600;

interface LinkedUser {
  id: string;
  la_code: string;
  username: string;
  display_name: string;
  role: string;
  organisation_id: string;
  active: boolean;
  oidc_subject: string | null;
}

const USER_COLUMNS = ["id", "la_code", "username", "display_name", "role", "organisation_id", "active", "oidc_subject"] as const;

/** Reads a PendingSignIn back from its cookie value; null when it is not one. */
export function parsePendingSignIn(raw: string): PendingSignIn | null {
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof value.state === "string" && typeof value.nonce === "string" && typeof value.verifier === "string" && typeof value.at === "number") {
      return { state: value.state, nonce: value.nonce, verifier: value.verifier, at: value.at };
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Council sign-in through OpenID Connect (authorisation code flow with PKCE, state and nonce).
 * A user signs in only if an administrator has created their account: the provider's subject
 * is matched to app_user, or on first sign-in the verified email is, and the subject recorded.
 */
export class OidcService {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    private readonly settings: OidcSettings,
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly auth: AuthService,
    /** Plain-http providers are only for tests and local development, never production. */
    private readonly allowHttp: boolean,
  ) {}

  /** Discovered once, lazily, so the service starts even while the provider is unreachable. */
  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, {
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deliberate: plain http only outside production (tests)
        ...(this.allowHttp && this.settings.issuer.startsWith("http:") ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        // A failed discovery is retried on the next sign-in, not cached.
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }

  /** The provider URL to send the user to, and what must be kept for their return. */
  async begin(): Promise<{ url: string; pending: PendingSignIn }> {
    let configuration: client.Configuration;
    try {
      configuration = await this.discover();
    } catch {
      throw new HttpProblem(503, "Council sign-in is unavailable", `Signing in with ${this.settings.label} is not working at the moment. Try again shortly, or sign in another way.`);
    }
    const pending: PendingSignIn = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), at: Date.now() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid email profile",
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: "S256",
    });
    return { url: url.href, pending };
  }

  /**
   * Completes the sign-in from the provider's redirect (its query string): checks state, nonce
   * and PKCE, finds the user and starts a session. Every refusal is audited.
   */
  async complete(search: string, pending: PendingSignIn | null, requestId: string): Promise<{ sessionId: string; csrfToken: string; userId: string }> {
    if (!pending || Date.now() - pending.at > PENDING_SIGN_IN_SECONDS * 1000) {
      await this.deny(null, null, "no pending sign-in", requestId);
      throw new HttpProblem(400, "Sign-in failed", "This sign-in has expired or was not started here. Start again from the sign-in page.");
    }
    let subject: string;
    let issuer: string;
    let email: string | null;
    try {
      const configuration = await this.discover();
      const currentUrl = new URL(this.settings.redirectUri);
      currentUrl.search = search;
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      subject = claims.sub;
      issuer = claims.iss;
      email = verifiedEmail({ ...claims });
      if (email === null && typeof tokens.access_token === "string" && configuration.serverMetadata().userinfo_endpoint) {
        // Many providers put email only in userinfo, not the ID token.
        email = verifiedEmail({ ...(await client.fetchUserInfo(configuration, tokens.access_token, subject)) });
      }
    } catch (error) {
      await this.deny(null, null, `provider response refused: ${describeError(error)}`, requestId);
      throw new HttpProblem(401, "Sign-in failed", `The sign-in with ${this.settings.label} could not be completed. Start again from the sign-in page.`);
    }
    const user = await this.findUser(issuer, subject, email);
    if (!user) {
      await this.deny(null, email, "unknown user", requestId, subject);
      throw new HttpProblem(401, "No account here", `Your ${this.settings.label} is not linked to a Family Story account. Ask your administrator to set one up for you.`);
    }
    if (!user.active) {
      await this.deny(user, email, "inactive", requestId, subject);
      throw new HttpProblem(403, "Account switched off", "Your Family Story account is switched off. Ask your administrator.");
    }
    if (user.oidc_subject === null) await this.link(user, issuer, subject, requestId);
    return this.auth.startSession(user.id, user.la_code, "oidc", requestId);
  }

  /** By subject first; on first sign-in, by the one unlinked account with that email. */
  private async findUser(issuer: string, subject: string, email: string | null): Promise<LinkedUser | undefined> {
    const bySubject = await this.db.selectFrom("app_user").select(USER_COLUMNS).where("oidc_issuer", "=", issuer).where("oidc_subject", "=", subject).executeTakeFirst();
    if (bySubject || email === null) return bySubject;
    const byEmail = await this.db
      .selectFrom("app_user")
      .select(USER_COLUMNS)
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
      .where("oidc_subject", "is", null)
      .limit(2)
      .execute();
    // Two accounts with one email is ambiguous: refuse rather than guess.
    return byEmail.length === 1 ? byEmail[0] : undefined;
  }

  private async link(user: LinkedUser, issuer: string, subject: string, requestId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable("app_user").set({ oidc_issuer: issuer, oidc_subject: subject, updated_at: new Date() }).where("id", "=", user.id).where("oidc_subject", "is", null).execute();
      await this.audit.appendInTransaction(trx, this.auditActor(user, requestId), [{ laCode: user.la_code, action: "user.oidc_link", entity: "app_user", entityId: user.id, details: { issuer } }]);
    });
  }

  private auditActor(user: LinkedUser | null, requestId: string, username: string | null = null) {
    return { userId: user?.id ?? null, username: user?.username ?? username, displayName: user?.display_name ?? null, role: user?.role ?? null, organisationId: user?.organisation_id ?? null, organisationName: null, laCode: user?.la_code ?? null, requestId };
  }

  private async deny(user: LinkedUser | null, email: string | null, reason: string, requestId: string, subject?: string): Promise<void> {
    await this.audit.record(this.auditActor(user, requestId, email), [
      { laCode: user?.la_code ?? "system", action: "auth.login", outcome: "denied", details: { method: "oidc", reason, ...(subject ? { subject } : {}) } },
    ]);
  }
}

/** The error and its cause (openid-client wraps the specific check that failed). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

/** The email claim, unless the provider says it is not verified. */
function verifiedEmail(claims: Record<string, unknown>): string | null {
  if (typeof claims.email !== "string" || claims.email === "") return null;
  return claims.email_verified === false ? null : claims.email;
}
