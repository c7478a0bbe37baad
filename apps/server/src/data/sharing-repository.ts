import { randomUUID } from "node:crypto";
import { todayIso } from "@family-story/domain";
import type { NamedAccessCandidate, Organisation, Sharing, SharingCreate } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database, PersonRow } from "../db/database-types.ts";
import { HttpProblem, notFound } from "../http/problem.ts";
import type { Actor } from "./actor.ts";
import { actorForAudit } from "./audit-actor.ts";
import { presentOrganisation } from "../presenters/admin-presenter.ts";
import type { AuditLog } from "./audit-log.ts";
import type { PersonRepository } from "./person-repository.ts";
import type { ReferenceCache } from "./reference-cache.ts";

export interface NamedAccess {
  userId: string;
  displayName: string;
  role: string;
  grantedAt: string;
}

// Roles that open people's records: naming anyone else on a restricted record would give nothing.
const NAMEABLE_ROLES = ["practitioner", "team_manager", "iro", "youth_justice_worker", "performance_analyst"];

// safeguarding_override is granted only by a front-door decision overriding refused consent.
const BASES = ["consent", "safeguarding", "statutory", "safeguarding_override"] as const;

function fieldProblem(status: number, title: string, field: string, message: string): HttpProblem {
  return new HttpProblem(status, title, message, { errors: [{ field, message }] });
}

function isoDate(value: string | Date): string {
  return typeof value === "string" ? value : value.toISOString().slice(0, 10);
}

/**
 * Who outside the casework teams may see a person: sharing with partner organisations, and the
 * users named on a restricted record. Scoped by findVisibleRow() and audited like every change.
 */
export class SharingRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly refs: ReferenceCache,
    private readonly people: PersonRepository,
  ) {}

  private async sharingRows(person: PersonRow, id?: string): Promise<Sharing[]> {
    let query = this.db
      .selectFrom("sharing as s")
      .innerJoin("organisation as o", (j) => j.onRef("o.id", "=", "s.organisation_id"))
      .leftJoin("app_user as u", "u.id", "s.granted_by")
      .select(["s.id", "s.person_id", "s.organisation_id", "o.name as organisation_name", "s.purpose", "s.basis", "u.display_name as granted_by_name", "s.from_date", "s.to_date", "s.withdrawn_at", "s.version"])
      .where("s.la_code", "=", person.la_code)
      .where("s.person_id", "=", person.id);
    if (id) query = query.where("s.id", "=", id);
    const rows = await query.orderBy("s.from_date", "desc").execute();
    const today = todayIso();
    return rows.map((r) => {
      const from = isoDate(r.from_date);
      const to = r.to_date === null ? null : isoDate(r.to_date);
      return {
        id: r.id,
        personId: r.person_id,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        purpose: r.purpose,
        basis: (BASES as readonly string[]).includes(r.basis) ? (r.basis as Sharing["basis"]) : "consent",
        grantedBy: r.granted_by_name ?? "Unknown user",
        fromDate: from,
        toDate: to,
        withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
        active: r.withdrawn_at === null && from <= today && (to === null || to >= today),
        version: r.version,
      };
    });
  }

  /** Every sharing record of a person, live or not (the read is audited). */
  /** Partner organisations of the authorities the actor works for: whom a record can be shared with. */
  async partnerOrganisations(): Promise<Organisation[]> {
    const rows = await this.db
      .selectFrom("organisation")
      .selectAll()
      .where("la_code", "in", this.actor.scopeLaCodes)
      .where("kind", "<>", "local_authority")
      .where("active", "=", true)
      .orderBy("name")
      .execute();
    return rows.map(presentOrganisation);
  }

  async list(personId: string): Promise<Sharing[]> {
    const person = await this.people.requireVisibleRow(personId);
    const list = await this.sharingRows(person);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "sharing.read", personId, entity: "person", entityId: personId }]);
    return list;
  }

  /** Shares a person with an organisation, which must exist and be active. */
  async grant(personId: string, input: SharingCreate): Promise<Sharing> {
    const person = await this.people.requireVisibleRow(personId);
    const org = await this.db.selectFrom("organisation").select(["id", "la_code", "active"]).where("la_code", "in", this.refs.allLaCodes()).where("id", "=", input.organisationId).executeTakeFirst();
    if (!org?.active) throw fieldProblem(400, "Check your input", "organisationId", "No active organisation with that identifier exists");
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("sharing")
        .values({ la_code: person.la_code, id, person_id: person.id, organisation_id: org.id, purpose: input.purpose, basis: input.basis, granted_by: this.actor.userId, from_date: input.fromDate, to_date: input.toDate ?? null })
        .execute();
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: person.la_code, action: "sharing.grant", personId, entity: "sharing", entityId: id, details: { organisationId: org.id, basis: input.basis, fromDate: input.fromDate, toDate: input.toDate ?? null } },
      ]);
    });
    const [created] = await this.sharingRows(person, id);
    if (!created) throw notFound("Sharing");
    return created;
  }

  /** Withdraws a sharing record: the partner loses access with their next request. */
  async withdraw(sharingId: string): Promise<Sharing> {
    const row = await this.db.selectFrom("sharing").select(["la_code", "person_id", "withdrawn_at"]).where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", sharingId).executeTakeFirst();
    const person = row ? await this.people.findVisibleRow(row.person_id) : undefined;
    if (!row || !person) throw notFound("Sharing");
    if (row.withdrawn_at !== null) throw new HttpProblem(409, "Already withdrawn", "This sharing was already withdrawn.");
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("sharing")
        .set((eb) => ({ withdrawn_at: new Date(), withdrawn_by: this.actor.userId, version: eb("version", "+", 1) }))
        .where("la_code", "=", row.la_code)
        .where("id", "=", sharingId)
        .where("withdrawn_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!updated) throw new HttpProblem(409, "Already withdrawn", "This sharing was already withdrawn.");
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: row.la_code, action: "sharing.withdraw", personId: row.person_id, entity: "sharing", entityId: sharingId }]);
    });
    const [withdrawn] = await this.sharingRows(person, sharingId);
    if (!withdrawn) throw notFound("Sharing");
    return withdrawn;
  }

  private async namedRows(person: PersonRow): Promise<NamedAccess[]> {
    const rows = await this.db
      .selectFrom("person_named_access as na")
      .innerJoin("app_user as u", "u.id", "na.user_id")
      .select(["na.user_id", "u.display_name", "u.role", "na.granted_at"])
      .where("na.la_code", "=", person.la_code)
      .where("na.person_id", "=", person.id)
      .orderBy("u.display_name")
      .execute();
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, role: r.role, grantedAt: new Date(r.granted_at).toISOString() }));
  }

  /** The users named on a person's record (who may open it while it is restricted). */
  async listNamed(personId: string): Promise<NamedAccess[]> {
    const person = await this.people.requireVisibleRow(personId);
    const list = await this.namedRows(person);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "person.named_access.read", personId, entity: "person", entityId: personId }]);
    return list;
  }

  /** Staff of the person's authority who could be named on the record and are not yet. */
  async namedCandidates(personId: string): Promise<NamedAccessCandidate[]> {
    const person = await this.people.requireVisibleRow(personId);
    const rows = await this.db
      .selectFrom("app_user as u")
      .leftJoin("team as t", "t.id", "u.team_id")
      .select(["u.id", "u.display_name", "u.role", "t.name as team_name"])
      .where("u.la_code", "=", person.la_code)
      .where("u.active", "=", true)
      .where("u.role", "in", NAMEABLE_ROLES)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("person_named_access as na").select("na.user_id").where("na.la_code", "=", person.la_code).where("na.person_id", "=", person.id).whereRef("na.user_id", "=", "u.id"))))
      .orderBy("u.display_name")
      .execute();
    return rows.map((r) => ({ userId: r.id, displayName: r.display_name, role: r.role, teamName: r.team_name }));
  }

  /** Names an active user of the person's authority on the record. */
  async grantNamed(personId: string, userId: string): Promise<NamedAccess[]> {
    const person = await this.people.requireVisibleRow(personId);
    const user = await this.db.selectFrom("app_user").select(["id", "active"]).where("la_code", "=", person.la_code).where("id", "=", userId).executeTakeFirst();
    if (!user?.active) throw fieldProblem(400, "Check your input", "userId", "No active user of this authority with that identifier exists");
    await this.db.transaction().execute(async (trx) => {
      const added = await trx
        .insertInto("person_named_access")
        .values({ la_code: person.la_code, person_id: person.id, user_id: userId, granted_by: this.actor.userId })
        .onConflict((oc) => oc.columns(["la_code", "person_id", "user_id"]).doNothing())
        .returning("user_id")
        .executeTakeFirst();
      if (!added) throw fieldProblem(409, "Already named", "userId", "This user is already named on the record");
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "person.named_access.grant", personId, entity: "app_user", entityId: userId }]);
    });
    return this.namedRows(person);
  }

  /** Removes a user from the record's named list. */
  async revokeNamed(personId: string, userId: string): Promise<NamedAccess[]> {
    const person = await this.people.requireVisibleRow(personId);
    await this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom("person_named_access").where("la_code", "=", person.la_code).where("person_id", "=", person.id).where("user_id", "=", userId).returning("user_id").executeTakeFirst();
      if (!removed) throw notFound("Named user");
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "person.named_access.revoke", personId, entity: "app_user", entityId: userId }]);
    });
    return this.namedRows(person);
  }
}
