import { randomUUID } from "node:crypto";
import type { LocalAuthority, Locality, Organisation, OrganisationCreate, OrganisationPatch, Team, TeamCreate, TeamPatch } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database, TeamRow } from "../db/database-types.ts";
import { HttpProblem, forbidden, notFound } from "../http/problem.ts";
import type { Action } from "../policy/actions.ts";
import { roleCan } from "../policy/policy.ts";
import { organisationSnapshot, presentOrganisation, presentTeam, teamSnapshot } from "../presenters/admin-presenter.ts";
import type { Actor } from "./actor.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { applyVersionedUpdate, recordVersion } from "./versioning.ts";

/** A 400 naming one field. */
export function fieldProblem(field: string, message: string, status = 400): HttpProblem {
  return new HttpProblem(status, status === 409 ? "That already exists" : "Check your input", `There is a problem with: ${field}`, { errors: [{ field, message }] });
}

/** Refuses unless the actor's role holds the action: a second check behind the route's, so a mis-declared route cannot open these. */
export function requireAction(actor: Actor, action: Action): void {
  if (!roleCan(actor.role, action)) throw forbidden();
}

/**
 * Organisations, teams and reference data as one administrator may manage them: only their
 * own authority's (actor.laCode), with every change versioned and audited in its transaction.
 * Shared-service arrangements are in shared-service-repository.ts, users in admin-user-repository.ts.
 */
export class AdminRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  async listOrganisations(): Promise<Organisation[]> {
    requireAction(this.actor, "admin:read");
    const rows = await this.db.selectFrom("organisation").selectAll().where("la_code", "=", this.actor.laCode).orderBy("name").execute();
    return rows.map(presentOrganisation);
  }

  async createOrganisation(input: OrganisationCreate): Promise<Organisation> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const id = randomUUID();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("organisation")
        .values({ la_code: laCode, id, kind: input.kind, name: input.name, urn: input.urn ?? null, ods_code: input.odsCode ?? null, postcode: input.postcode ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, "organisation", id, 1, organisationSnapshot(created));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "admin.organisation.create", entity: "organisation", entityId: id, details: { name: input.name, kind: input.kind } }]);
      return created;
    });
    return presentOrganisation(row);
  }

  async updateOrganisation(id: string, version: number, patch: OrganisationPatch): Promise<Organisation> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom("organisation").selectAll().where("la_code", "=", laCode).where("id", "=", id).executeTakeFirst();
      if (!before) throw notFound("Organisation");
      return applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode,
        entity: "organisation",
        id,
        version,
        before,
        snapshot: organisationSnapshot,
        update: () =>
          trx
            .updateTable("organisation")
            .set((eb) => ({
              ...(patch.name !== undefined && { name: patch.name }),
              ...(patch.urn !== undefined && { urn: patch.urn }),
              ...(patch.odsCode !== undefined && { ods_code: patch.odsCode }),
              ...(patch.postcode !== undefined && { postcode: patch.postcode }),
              ...(patch.active !== undefined && { active: patch.active }),
              updated_at: new Date(),
              version: eb("version", "+", 1),
            }))
            .where("la_code", "=", laCode)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        auditEntries: (updated) => [{ laCode, action: "admin.organisation.update", entity: "organisation", entityId: id, details: { fields: Object.keys(patch), version: updated.version } }],
      });
    });
    return presentOrganisation(row);
  }

  async listTeams(): Promise<Team[]> {
    requireAction(this.actor, "admin:read");
    const rows = await this.db.selectFrom("team").selectAll().where("la_code", "=", this.actor.laCode).orderBy("name").execute();
    return this.presentTeams(this.db, rows);
  }

  private async presentTeams(db: Kysely<Database> | Transaction<Database>, rows: TeamRow[]): Promise<Team[]> {
    if (rows.length === 0) return [];
    const laCode = this.actor.laCode;
    const ids = rows.map((r) => r.id);
    const localities = new Map((await db.selectFrom("locality").select(["id", "name"]).where("la_code", "=", laCode).execute()).map((l) => [l.id, l.name]));
    const counts = await db
      .selectFrom("app_user")
      .select((eb) => ["team_id", eb.fn.countAll<string>().as("n")])
      .where("la_code", "=", laCode)
      .where("active", "=", true)
      .where("team_id", "in", ids)
      .groupBy("team_id")
      .execute();
    const members = new Map(counts.map((c) => [c.team_id, Number(c.n)]));
    const shared = new Set((await db.selectFrom("shared_service_team").select("team_id").where("team_id", "in", ids).execute()).map((s) => s.team_id));
    return rows.map((row) =>
      presentTeam(row, { localityName: row.locality_id ? (localities.get(row.locality_id) ?? null) : null, memberCount: members.get(row.id) ?? 0, sharedService: shared.has(row.id) }),
    );
  }

  private async checkLocality(trx: Transaction<Database>, localityId: string | null | undefined): Promise<void> {
    if (!localityId) return;
    const found = await trx.selectFrom("locality").select("id").where("la_code", "=", this.actor.laCode).where("id", "=", localityId).executeTakeFirst();
    if (!found) throw fieldProblem("localityId", "Not a locality of your authority");
  }

  async createTeam(input: TeamCreate): Promise<Team> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const id = randomUUID();
    const row = await this.db.transaction().execute(async (trx) => {
      const org = await trx.selectFrom("organisation").select("id").where("la_code", "=", laCode).where("id", "=", input.organisationId).executeTakeFirst();
      if (!org) throw fieldProblem("organisationId", "Not an organisation of your authority");
      await this.checkLocality(trx, input.localityId);
      const created = await trx
        .insertInto("team")
        .values({ la_code: laCode, id, name: input.name, kind: input.kind, organisation_id: input.organisationId, locality_id: input.localityId ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, "team", id, 1, teamSnapshot(created));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "admin.team.create", entity: "team", entityId: id, details: { name: input.name, kind: input.kind } }]);
      return created;
    });
    const [team] = await this.presentTeams(this.db, [row]);
    if (!team) throw notFound("Team");
    return team;
  }

  async updateTeam(id: string, version: number, patch: TeamPatch): Promise<Team> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const row = await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom("team").selectAll().where("la_code", "=", laCode).where("id", "=", id).executeTakeFirst();
      if (!before) throw notFound("Team");
      await this.checkLocality(trx, patch.localityId);
      return applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode,
        entity: "team",
        id,
        version,
        before,
        snapshot: teamSnapshot,
        update: () =>
          trx
            .updateTable("team")
            .set((eb) => ({
              ...(patch.name !== undefined && { name: patch.name }),
              ...(patch.kind !== undefined && { kind: patch.kind }),
              ...(patch.localityId !== undefined && { locality_id: patch.localityId }),
              ...(patch.active !== undefined && { active: patch.active }),
              updated_at: new Date(),
              version: eb("version", "+", 1),
            }))
            .where("la_code", "=", laCode)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        auditEntries: (updated) => [{ laCode, action: "admin.team.update", entity: "team", entityId: id, details: { fields: Object.keys(patch), version: updated.version } }],
      });
    });
    const [team] = await this.presentTeams(this.db, [row]);
    if (!team) throw notFound("Team");
    return team;
  }

  /** The localities of the administrator's authority. */
  async listLocalities(): Promise<Locality[]> {
    requireAction(this.actor, "admin:read");
    const rows = await this.db.selectFrom("locality").selectAll().where("la_code", "=", this.actor.laCode).orderBy("name").execute();
    return rows.map((r) => ({ id: r.id, laCode: r.la_code, name: r.name }));
  }

  /** Every authority on this service (names only), for naming partners in shared services. */
  async listAuthorities(): Promise<LocalAuthority[]> {
    requireAction(this.actor, "admin:read");
    const rows = await this.db.selectFrom("local_authority").select(["la_code", "name"]).orderBy("name").execute();
    return rows.map((r) => ({ laCode: r.la_code, name: r.name }));
  }
}
