import { randomUUID } from "node:crypto";
import { RELATIONSHIP_INVERSE, todayIso, type RelationshipType } from "@family-story/domain";
import type { Address, AddressCreate, AddressPatch, Relationship, RelationshipCreate, RelationshipPatch } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { AddressRow, Database, PersonRow, RelationshipRow } from "../db/database-types.ts";
import { HttpProblem, notFound } from "../http/problem.ts";
import { presentAddress } from "../presenters/person-presenter.ts";
import type { Actor } from "./actor.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { loadRelationships } from "./family-loader.ts";
import { currentPostcode } from "./person-keys.ts";
import type { PersonRepository } from "./person-repository.ts";
import type { ReferenceCache } from "./reference-cache.ts";
import { applyVersionedUpdate, conflictProblem, ensureVersionRecorded, recordVersion } from "./versioning.ts";

function addressSnapshot(a: AddressRow): Record<string, unknown> {
  return { line1: a.line1, line2: a.line2, town: a.town, postcode: a.postcode, fromDate: a.from_date, toDate: a.to_date };
}

function relationshipSnapshot(r: RelationshipRow): Record<string, unknown> {
  return { type: r.type, fromDate: r.from_date, toDate: r.to_date, notes: r.notes };
}

function fieldProblem(status: number, title: string, field: string, message: string): HttpProblem {
  return new HttpProblem(status, title, message, { errors: [{ field, message }] });
}

/**
 * A person's addresses and relationships, as one user may see and change them. Each change is
 * allowed only on people findVisibleRow() returns, and is audited in its own transaction.
 */
export class PersonLinksRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly refs: ReferenceCache,
    private readonly people: PersonRepository,
  ) {}

  /** Keeps person.current_postcode (searched by postcode) in step with the addresses. */
  private async refreshCurrentPostcode(trx: Transaction<Database>, person: PersonRow): Promise<void> {
    const today = todayIso();
    const current = await trx
      .selectFrom("address")
      .select("postcode")
      .where("la_code", "=", person.la_code)
      .where("person_id", "=", person.id)
      .where("from_date", "<=", today)
      .where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">=", today)]))
      .orderBy("from_date", "desc")
      .limit(1)
      .executeTakeFirst();
    await trx.updateTable("person").set({ current_postcode: currentPostcode(current?.postcode) }).where("la_code", "=", person.la_code).where("id", "=", person.id).execute();
  }

  /** Adds an address; a current one becomes the person's current postcode. */
  async addAddress(personId: string, input: AddressCreate): Promise<Address> {
    const person = await this.people.requireVisibleRow(personId);
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("address")
        .values({ la_code: person.la_code, id: randomUUID(), person_id: person.id, line1: input.line1, line2: input.line2 ?? null, town: input.town ?? null, postcode: input.postcode, from_date: input.fromDate, to_date: input.toDate ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.refreshCurrentPostcode(trx, person);
      await recordVersion(trx, this.actor, person.la_code, "address", created.id, 1, addressSnapshot(created));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "address.create", personId, entity: "address", entityId: created.id }]);
      return created;
    });
    return presentAddress(row);
  }

  /** Changes an address if the editor had its current version (412 otherwise). */
  async updateAddress(personId: string, addressId: string, version: number, patch: AddressPatch): Promise<Address> {
    const person = await this.people.requireVisibleRow(personId);
    const before = await this.db.selectFrom("address").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).where("id", "=", addressId).executeTakeFirst();
    if (!before) throw notFound("Address");
    const fromDate = patch.fromDate ?? before.from_date;
    const toDate = patch.toDate === undefined ? before.to_date : patch.toDate;
    if (toDate !== null && toDate < fromDate) throw fieldProblem(400, "Check your input", "toDate", "The end date must be on or after the start date");
    const row = await this.db.transaction().execute(async (trx) => {
      return applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: person.la_code,
        entity: "address",
        id: addressId,
        version,
        before,
        snapshot: addressSnapshot,
        update: () =>
          trx
            .updateTable("address")
            .set((eb) => ({
              ...(patch.line1 !== undefined && { line1: patch.line1 }),
              ...(patch.line2 !== undefined && { line2: patch.line2 }),
              ...(patch.town !== undefined && { town: patch.town }),
              ...(patch.postcode !== undefined && { postcode: patch.postcode }),
              from_date: fromDate,
              to_date: toDate,
              updated_at: new Date(),
              version: eb("version", "+", 1),
            }))
            .where("la_code", "=", person.la_code)
            .where("id", "=", addressId)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("address").selectAll().where("la_code", "=", person.la_code).where("id", "=", addressId).executeTakeFirstOrThrow(),
        afterUpdate: () => this.refreshCurrentPostcode(trx, person),
        auditEntries: (updated) => [
          { laCode: person.la_code, action: "address.update", personId, entity: "address", entityId: addressId, details: { fields: Object.keys(patch), version: updated.version } },
        ],
      });
    });
    return presentAddress(row);
  }

  /** A relationship as seen from one of its people. */
  private async seenFrom(person: PersonRow, relationshipId: string): Promise<Relationship> {
    const addresses = await this.db.selectFrom("address").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).execute();
    const all = await loadRelationships(this.db, this.actor, this.refs.allLaCodes(), person.id, addresses);
    const found = all.find((r) => r.id === relationshipId);
    if (!found) throw notFound("Relationship");
    return found;
  }

  /** Records that the related person is `type` to this person (seen from them, the inverse). */
  async addRelationship(personId: string, input: RelationshipCreate): Promise<Relationship> {
    const person = await this.people.requireVisibleRow(personId);
    if (input.relatedPersonId === personId) throw fieldProblem(400, "Check your input", "relatedPersonId", "A person cannot be related to themselves");
    const related = await this.people.findVisibleRow(input.relatedPersonId);
    if (!related) throw fieldProblem(404, "Person not found", "relatedPersonId", "No person with that identifier exists, or you do not have access to them");
    if (input.fromDate && input.toDate && input.toDate < input.fromDate) throw fieldProblem(400, "Check your input", "toDate", "The end date must be on or after the start date");
    const type = input.type;
    // The same link recorded from either end is a duplicate.
    const existing = await this.db
      .selectFrom("relationship")
      .select("id")
      .where("la_code", "in", [person.la_code, related.la_code])
      .where((eb) =>
        eb.or([
          eb.and([eb("person_id", "=", person.id), eb("related_person_id", "=", related.id), eb("type", "=", type)]),
          eb.and([eb("person_id", "=", related.id), eb("related_person_id", "=", person.id), eb("type", "=", RELATIONSHIP_INVERSE[type])]),
        ]),
      )
      .executeTakeFirst();
    if (existing) throw fieldProblem(409, "That relationship is already recorded", "relatedPersonId", "These two people are already linked this way");
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("relationship")
        .values({ la_code: person.la_code, id, person_id: person.id, related_person_id: related.id, type, from_date: input.fromDate ?? null, to_date: input.toDate ?? null, notes: input.notes ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, person.la_code, "relationship", id, 1, relationshipSnapshot(created));
      // On both people's audit trails: the link shows on both records.
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: person.la_code, action: "relationship.create", personId: person.id, entity: "relationship", entityId: id, details: { relatedPersonId: related.id, type } },
        { laCode: related.la_code, action: "relationship.create", personId: related.id, entity: "relationship", entityId: id, details: { relatedPersonId: person.id, type: RELATIONSHIP_INVERSE[type] } },
      ]);
    });
    return this.seenFrom(person, id);
  }

  /** The relationship, if the actor may see both of its people. */
  async findRelationship(id: string): Promise<(RelationshipRow & { person: PersonRow; related: PersonRow }) | undefined> {
    const row = await this.db.selectFrom("relationship").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    const person = await this.people.findVisibleRow(row.person_id);
    const related = person ? await this.people.findVisibleRow(row.related_person_id) : undefined;
    return person && related ? { ...row, person, related } : undefined;
  }

  /** The relationship as it is now, for a 412 (404 if it has gone meanwhile). */
  private async currentRelationship(trx: Transaction<Database>, laCode: string, id: string): Promise<RelationshipRow> {
    const current = await trx.selectFrom("relationship").selectAll().where("la_code", "=", laCode).where("id", "=", id).executeTakeFirst();
    if (!current) throw notFound("Relationship");
    return current;
  }

  /** Changes a relationship (as stored: related person is `type` to person) with If-Match. */
  async updateRelationship(id: string, version: number, patch: RelationshipPatch): Promise<Relationship> {
    const before = await this.findRelationship(id);
    if (!before) throw notFound("Relationship");
    const fromDate = patch.fromDate === undefined ? before.from_date : patch.fromDate;
    const toDate = patch.toDate === undefined ? before.to_date : patch.toDate;
    if (fromDate && toDate && toDate < fromDate) throw fieldProblem(400, "Check your input", "toDate", "The end date must be on or after the start date");
    const type = (patch.type ?? before.type) as RelationshipType;
    await this.db.transaction().execute(async (trx) => {
      await applyVersionedUpdate<RelationshipRow>(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: before.la_code,
        entity: "relationship",
        id,
        version,
        before,
        snapshot: relationshipSnapshot,
        update: () =>
          trx
            .updateTable("relationship")
            .set((eb) => ({ type, from_date: fromDate, to_date: toDate, ...(patch.notes !== undefined && { notes: patch.notes }), updated_at: new Date(), version: eb("version", "+", 1) }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => this.currentRelationship(trx, before.la_code, id),
        auditEntries: (updated) => {
          const details = { fields: Object.keys(patch), version: updated.version };
          return [
            { laCode: before.person.la_code, action: "relationship.update", personId: before.person_id, entity: "relationship", entityId: id, details },
            { laCode: before.related.la_code, action: "relationship.update", personId: before.related_person_id, entity: "relationship", entityId: id, details },
          ];
        },
      });
    });
    return this.seenFrom(before.person, id);
  }

  /** Removes a relationship recorded in error, if the remover had its current version. */
  async deleteRelationship(id: string, version: number): Promise<void> {
    const before = await this.findRelationship(id);
    if (!before) throw notFound("Relationship");
    await this.db.transaction().execute(async (trx) => {
      await ensureVersionRecorded(trx, before.la_code, "relationship", id, before.version, relationshipSnapshot(before));
      const deleted = await trx.deleteFrom("relationship").where("la_code", "=", before.la_code).where("id", "=", id).where("version", "=", version).returning("id").executeTakeFirst();
      if (!deleted) {
        const current = await this.currentRelationship(trx, before.la_code, id);
        throw await conflictProblem(trx, before.la_code, "relationship", id, version, relationshipSnapshot(current), current.version);
      }
      const details = { type: before.type, version };
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: before.person.la_code, action: "relationship.delete", personId: before.person_id, entity: "relationship", entityId: id, details },
        { laCode: before.related.la_code, action: "relationship.delete", personId: before.related_person_id, entity: "relationship", entityId: id, details },
      ]);
    });
  }
}
