import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionRecord {
  userId: string;
  csrfToken: string;
  authMethod: string;
}

/** Session ids are stored only as hashes, so a copy of the table cannot be replayed. */
function hashId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/**
 * Server-side sessions: a random id in an HttpOnly cookie, expiring after idle time and at
 * an absolute limit, with a per-session CSRF token.
 */
export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: SessionSettings,
  ) {}

  /** Starts a session and returns the id for the cookie. */
  async create(userId: string, laCode: string, authMethod: string): Promise<{ id: string; csrfToken: string }> {
    const id = randomBytes(32).toString("base64url");
    const csrfToken = randomBytes(24).toString("base64url");
    const now = Date.now();
    await this.db
      .insertInto("user_session")
      .values({
        id_hash: hashId(id),
        user_id: userId,
        la_code: laCode,
        csrf_token: csrfToken,
        auth_method: authMethod,
        last_seen_at: new Date(now),
        expires_at: new Date(now + this.settings.absoluteHours * 3_600_000),
      })
      .execute();
    return { id, csrfToken };
  }

  /** The live session for an id, touching it (at most once a minute) to extend idle time. */
  async resolve(id: string): Promise<SessionRecord | null> {
    const idHash = hashId(id);
    const row = await this.db.selectFrom("user_session").select(["user_id", "csrf_token", "auth_method", "last_seen_at", "expires_at"]).where("id_hash", "=", idHash).executeTakeFirst();
    if (!row) return null;
    const now = Date.now();
    const lastSeen = new Date(row.last_seen_at).getTime();
    if (new Date(row.expires_at).getTime() <= now || now - lastSeen > this.settings.idleMinutes * 60_000) {
      await this.destroy(id);
      return null;
    }
    if (now - lastSeen > 60_000) {
      await this.db.updateTable("user_session").set({ last_seen_at: new Date(now) }).where("id_hash", "=", idHash).execute();
    }
    return { userId: row.user_id, csrfToken: row.csrf_token, authMethod: row.auth_method };
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("id_hash", "=", hashId(id)).execute();
  }

  /** Ends every session of a user (deactivation, password change). */
  async destroyAllFor(userId: string): Promise<void> {
    await this.db.deleteFrom("user_session").where("user_id", "=", userId).execute();
  }
}
