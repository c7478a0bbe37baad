import { sql, type Kysely } from "kysely";
import type { Actor } from "../data/actor.ts";
import { resolveActor } from "./actor-resolver.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database-types.ts";
import type { AuditLog } from "../data/audit-log.ts";
import { HttpProblem } from "../http/problem.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import type { SessionStore } from "./session-store.ts";

/** Signing in and out with a local account; every attempt is audited. */
export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    readonly sessions: SessionStore,
    private readonly audit: AuditLog,
    readonly config: Config,
  ) {}

  /** Checks the password and starts a session; the same answer for an unknown user and a wrong password. */
  async login(username: string, password: string, requestId: string): Promise<{ sessionId: string; csrfToken: string; userId: string }> {
    const user = await this.db
      .selectFrom("app_user")
      .select(["id", "la_code", "username", "display_name", "role", "organisation_id", "password_hash", "active"])
      .where((eb) => eb(eb.fn("lower", ["username"]), "=", username.toLowerCase()))
      .executeTakeFirst();
    const ok = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await verifyAgainstDummy(password), false);
    if (!user || !ok || !user.active) {
      await this.audit.record(
        { userId: user?.id ?? null, username, displayName: user?.display_name ?? null, role: user?.role ?? null, organisationId: user?.organisation_id ?? null, organisationName: null, laCode: user?.la_code ?? null, requestId },
        [{ laCode: user?.la_code ?? "system", action: "auth.login", outcome: "denied", details: { method: "password", reason: !user ? "unknown user" : !user.active ? "inactive" : "wrong password" } }],
      );
      throw new HttpProblem(401, "Sign-in failed", "The username or password is not right. Check them and try again.");
    }
    return this.startSession(user.id, user.la_code, "password", requestId);
  }

  /** Starts a session for a user already authenticated (password or OpenID Connect). */
  async startSession(userId: string, laCode: string, method: string, requestId: string): Promise<{ sessionId: string; csrfToken: string; userId: string }> {
    const session = await this.sessions.create(userId, laCode, method);
    await this.db.updateTable("app_user").set({ last_sign_in_at: new Date() }).where("id", "=", userId).execute();
    const user = await this.db.selectFrom("app_user").select(["username", "display_name", "role", "organisation_id"]).where("id", "=", userId).executeTakeFirstOrThrow();
    await this.audit.record(
      { userId, username: user.username, displayName: user.display_name, role: user.role, organisationId: user.organisation_id, organisationName: null, laCode, requestId },
      [{ laCode, action: "auth.login", details: { method } }],
    );
    return { sessionId: session.id, csrfToken: session.csrfToken, userId };
  }

  /** The actor for a user who has just signed in. */
  async actorFor(userId: string, requestId: string): Promise<Actor> {
    const actor = await resolveActor(this.db, userId, requestId);
    if (!actor) throw new HttpProblem(401, "Sign-in failed", "This account cannot sign in. Ask your administrator.");
    return actor;
  }

  /** A trivial query: the health check proves the database answers. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.destroy(sessionId);
  }
}
