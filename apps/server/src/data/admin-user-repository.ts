import { randomUUID } from "node:crypto";
import type { User, UserCreate, UserPatch } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import { hashPassword } from "../auth/passwords.ts";
import type { AppUserRow, Database } from "../db/database-types.ts";
import { notFound } from "../http/problem.ts";
import { presentUser, userSnapshot } from "../presenters/admin-presenter.ts";
import type { Actor } from "./actor.ts";
import { fieldProblem, requireAction } from "./admin-repository.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { applyVersionedUpdate, recordVersion } from "./versioning.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * User accounts of the administrator's own authority. Passwords are stored only as argon2id
 * hashes; a change of role, deactivation or new password ends the user's sessions in the
 * same transaction, so the old rights cannot outlive the change.
 */
export class AdminUserRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    /** Null when council sign-in is not set up: then no sign-on identity can be given. */
    private readonly oidcIssuer: string | null = null,
  ) {}

  async list(): Promise<User[]> {
    requireAction(this.actor, "admin:read");
    const rows = await this.db.selectFrom("app_user").selectAll().where("la_code", "=", this.actor.laCode).orderBy("username").execute();
    return this.present(this.db, rows);
  }

  private async present(db: Db, rows: AppUserRow[]): Promise<User[]> {
    const laCode = this.actor.laCode;
    const orgs = new Map((await db.selectFrom("organisation").select(["id", "name"]).where("la_code", "=", laCode).execute()).map((o) => [o.id, o.name]));
    const teams = new Map((await db.selectFrom("team").select(["id", "name"]).where("la_code", "=", laCode).execute()).map((t) => [t.id, t.name]));
    return rows.map((row) => presentUser(row, { organisationName: orgs.get(row.organisation_id) ?? "", teamName: row.team_id ? (teams.get(row.team_id) ?? null) : null }));
  }

  private async presentOne(row: AppUserRow): Promise<User> {
    const [user] = await this.present(this.db, [row]);
    if (!user) throw notFound("User");
    return user;
  }

  private async checkTeam(trx: Transaction<Database>, teamId: string | null | undefined, organisationId: string): Promise<void> {
    if (!teamId) return;
    const team = await trx.selectFrom("team").select(["id", "organisation_id"]).where("la_code", "=", this.actor.laCode).where("id", "=", teamId).executeTakeFirst();
    if (!team) throw fieldProblem("teamId", "Not a team of your authority");
    if (team.organisation_id !== organisationId) throw fieldProblem("teamId", "The team belongs to another organisation than the user's");
  }

  /**
   * Staff roles work the authority's records, so they belong to its own services; a partner
   * practitioner belongs to a partner organisation and sees only what is shared with it.
   * A mismatch would give a school's user authority-wide access.
   */
  private async checkRoleFits(trx: Transaction<Database>, role: string, organisationId: string, field: "role" | "organisationId"): Promise<void> {
    const org = await trx.selectFrom("organisation").select("kind").where("la_code", "=", this.actor.laCode).where("id", "=", organisationId).executeTakeFirst();
    if (!org) throw fieldProblem("organisationId", "Not an organisation of your authority");
    const partner = role === "partner_practitioner";
    if (partner && org.kind === "local_authority") throw fieldProblem(field, "A partner practitioner belongs to a partner organisation, not the authority's own services");
    if (!partner && org.kind !== "local_authority") throw fieldProblem(field, "Only the partner practitioner role can belong to a partner organisation");
  }

  private async checkOidcSubject(trx: Transaction<Database>, subject: string | null | undefined, exceptUserId: string | null): Promise<void> {
    if (!subject) return;
    if (this.oidcIssuer === null) throw fieldProblem("oidcSubject", "Council sign-in (OpenID Connect) is not set up on this service");
    let q = trx.selectFrom("app_user").select("id").where("oidc_subject", "=", subject);
    if (exceptUserId) q = q.where("id", "<>", exceptUserId);
    if (await q.executeTakeFirst()) throw fieldProblem("oidcSubject", "Another account already signs in with this identity", 409);
  }

  async create(input: UserCreate): Promise<User> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const id = randomUUID();
    // Hashing is slow on purpose; do it before holding a transaction open.
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    const row = await this.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom("app_user").select("id").where((eb) => eb(eb.fn("lower", ["username"]), "=", input.username.toLowerCase())).executeTakeFirst();
      if (taken) throw fieldProblem("username", "This username is already taken", 409);
      await this.checkRoleFits(trx, input.role, input.organisationId, "organisationId");
      await this.checkTeam(trx, input.teamId, input.organisationId);
      await this.checkOidcSubject(trx, input.oidcSubject, null);
      const created = await trx
        .insertInto("app_user")
        .values({
          la_code: laCode,
          id,
          username: input.username,
          display_name: input.displayName,
          email: input.email ?? null,
          role: input.role,
          organisation_id: input.organisationId,
          team_id: input.teamId ?? null,
          password_hash: passwordHash,
          oidc_subject: input.oidcSubject ?? null,
          oidc_issuer: input.oidcSubject ? this.oidcIssuer : null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, "user", id, 1, userSnapshot(created));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode, action: "admin.user.create", entity: "user", entityId: id, details: { username: input.username, role: input.role, teamId: input.teamId ?? null } },
      ]);
      return created;
    });
    return this.presentOne(row);
  }

  async update(id: string, version: number, patch: UserPatch): Promise<User> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    if (id === this.actor.userId && (patch.active === false || (patch.role !== undefined && patch.role !== this.actor.role))) {
      throw fieldProblem(patch.active === false ? "active" : "role", "You cannot remove your own access; ask another administrator");
    }
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom("app_user").selectAll().where("la_code", "=", laCode).where("id", "=", id).executeTakeFirst();
      if (!before) throw notFound("User");
      if (patch.role !== undefined) await this.checkRoleFits(trx, patch.role, before.organisation_id, "role");
      await this.checkTeam(trx, patch.teamId, before.organisation_id);
      await this.checkOidcSubject(trx, patch.oidcSubject, id);
      const endsSessions = (updated: AppUserRow): boolean => updated.role !== before.role || (before.active && !updated.active) || patch.password !== undefined;
      return applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode,
        entity: "user",
        id,
        version,
        before,
        snapshot: userSnapshot,
        update: () =>
          trx
            .updateTable("app_user")
            .set((eb) => ({
              ...(patch.displayName !== undefined && { display_name: patch.displayName }),
              ...(patch.email !== undefined && { email: patch.email }),
              ...(patch.role !== undefined && { role: patch.role }),
              ...(patch.teamId !== undefined && { team_id: patch.teamId }),
              ...(patch.active !== undefined && { active: patch.active }),
              ...(patch.password !== undefined && { password_hash: passwordHash ?? null }),
              ...(patch.oidcSubject !== undefined && { oidc_subject: patch.oidcSubject, oidc_issuer: patch.oidcSubject ? this.oidcIssuer : null }),
              updated_at: new Date(),
              version: eb("version", "+", 1),
            }))
            .where("la_code", "=", laCode)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        afterUpdate: async (updated) => {
          // Same effect as SessionStore.destroyAllFor, but inside this transaction so it commits with the change.
          if (endsSessions(updated)) await trx.deleteFrom("user_session").where("user_id", "=", id).execute();
        },
        // The fields changed are named; a new password's value never reaches the log.
        auditEntries: (updated) => [
          {
            laCode,
            action: "admin.user.update",
            entity: "user",
            entityId: id,
            details: { fields: Object.keys(patch), version: updated.version, ...(patch.role !== undefined && { role: { from: before.role, to: updated.role } }), sessionsEnded: endsSessions(updated) },
          },
        ],
      });
    });
    return this.presentOne(row);
  }
}
