import { randomUUID } from "node:crypto";
import type { Person, PersonCreate, PersonPatch } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database, OtherName, PersonRow, PersonUpdate } from "../db/database-types.ts";
import { HttpProblem, forbidden, notFound } from "../http/problem.ts";
import { roleCan } from "../policy/policy.ts";
import { presentPerson, personSnapshot } from "../presenters/person-presenter.ts";
import type { Actor } from "./actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { actorForAudit } from "./audit-actor.ts";
import { loadRelationships } from "./family-loader.ts";
import { currentPostcode, personSearchText, writeNameKeys, allNames } from "./person-keys.ts";
import { visiblePeople } from "./person-scope.ts";
import type { ReferenceCache } from "./reference-cache.ts";
import { applyVersionedUpdate, recordVersion } from "./versioning.ts";

/**
 * People as one user may see and change them. Built per request; every read and write here
 * is scoped by visiblePeople() and appends to the audit log, so no route can forget either.
 */
export class PersonRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly refs: ReferenceCache,
  ) {}

  /** The row if the actor may see it; undefined otherwise (callers answer 404 either way). */
  async findVisibleRow(id: string): Promise<PersonRow | undefined> {
    return this.db
      .selectFrom("person")
      .selectAll()
      .where("la_code", "in", this.actor.scopeLaCodes)
      .where("id", "=", id)
      .where(visiblePeople(this.actor))
      .executeTakeFirst();
  }

  /** The row if the actor may see it; 404 otherwise. */
  async requireVisibleRow(id: string): Promise<PersonRow> {
    const row = await this.findVisibleRow(id);
    if (!row) throw notFound("Person");
    return row;
  }

  /** Opens a person's record, audited as a read (with the reason, where one was given). */
  async get(id: string, reason: string | null = null): Promise<Person> {
    const row = await this.findVisibleRow(id);
    if (!row) {
      await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "person.read", outcome: "denied", personId: id, entity: "person", entityId: id, reason }]);
      throw notFound("Person");
    }
    const person = await this.present(row);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: row.la_code, action: "person.read", personId: id, entity: "person", entityId: id, reason }]);
    return person;
  }

  private async present(row: PersonRow): Promise<Person> {
    const addresses = await this.db.selectFrom("address").selectAll().where("la_code", "=", row.la_code).where("person_id", "=", row.id).execute();
    const relationships = await loadRelationships(this.db, this.actor, this.refs.allLaCodes(), row.id, addresses);
    return presentPerson(row, this.refs.laName(row.la_code), addresses, relationships);
  }

  /** Creates a person (and their current address) in the actor's authority or one in scope. */
  async create(input: PersonCreate): Promise<Person> {
    if (!roleCan(this.actor.role, "person:create")) throw forbidden();
    const laCode = input.laCode ?? this.actor.laCode;
    if (!this.actor.scopeLaCodes.includes(laCode)) {
      throw new HttpProblem(400, "Check your input", "You cannot create records for that authority.", { errors: [{ field: "laCode", message: "Not an authority you work for" }] });
    }
    const id = randomUUID();
    const otherNames: OtherName[] = input.otherNames;
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("person")
        .values({
          la_code: laCode,
          id,
          la_child_id: input.laChildId ?? null,
          given_name: input.givenName,
          family_name: input.familyName,
          other_names: JSON.stringify(otherNames),
          preferred_name: input.preferredName ?? null,
          dob: input.dob ?? null,
          dob_estimated: input.dobEstimated,
          expected_dob: input.expectedDob ?? null,
          sex: input.sex,
          gender: input.gender ?? null,
          ethnicity: input.ethnicity ?? null,
          first_language: input.firstLanguage ?? null,
          disability: input.disability ?? null,
          uasc: input.uasc,
          nhs_number: input.nhsNumber ?? null,
          upn: input.upn ?? null,
          former_upn: input.formerUpn ?? null,
          deceased_date: input.deceasedDate ?? null,
          search_text: personSearchText(input.givenName, input.familyName, otherNames),
          current_postcode: currentPostcode(input.address?.postcode),
          created_by: this.actor.userId,
          updated_by: this.actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.address) {
        await trx
          .insertInto("address")
          .values({ la_code: laCode, id: randomUUID(), person_id: id, line1: input.address.line1, line2: input.address.line2 ?? null, town: input.address.town ?? null, postcode: input.address.postcode, from_date: input.address.fromDate, to_date: null })
          .execute();
      }
      await writeNameKeys(trx, laCode, id, allNames(created.given_name, created.family_name, otherNames), created.dob);
      await recordVersion(trx, this.actor, laCode, "person", id, 1, personSnapshot(created));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "person.create", personId: id, entity: "person", entityId: id }]);
      return created;
    });
    return this.present(row);
  }

  /** Applies a change if the editor had the current version; otherwise a 412 saying what changed. */
  async update(id: string, version: number, patch: PersonPatch): Promise<Person> {
    if (!roleCan(this.actor.role, "person:update")) throw forbidden();
    if (patch.restricted !== undefined && !roleCan(this.actor.role, "person:restrict")) {
      throw new HttpProblem(403, "Forbidden", "Only a team manager can restrict or unrestrict a record.", { errors: [{ field: "restricted", message: "Not permitted for your role" }] });
    }
    const before = await this.requireVisibleRow(id);
    const row = await this.db.transaction().execute(async (trx) => {
      const otherNames = patch.otherNames ?? (before.other_names);
      const givenName = patch.givenName ?? before.given_name;
      const familyName = patch.familyName ?? before.family_name;
      const set: PersonUpdate = {
        ...(patch.givenName !== undefined && { given_name: patch.givenName }),
        ...(patch.familyName !== undefined && { family_name: patch.familyName }),
        ...(patch.otherNames !== undefined && { other_names: JSON.stringify(patch.otherNames) }),
        ...(patch.preferredName !== undefined && { preferred_name: patch.preferredName }),
        ...(patch.laChildId !== undefined && { la_child_id: patch.laChildId }),
        ...(patch.dob !== undefined && { dob: patch.dob }),
        ...(patch.dobEstimated !== undefined && { dob_estimated: patch.dobEstimated }),
        ...(patch.expectedDob !== undefined && { expected_dob: patch.expectedDob }),
        ...(patch.sex !== undefined && { sex: patch.sex }),
        ...(patch.gender !== undefined && { gender: patch.gender }),
        ...(patch.ethnicity !== undefined && { ethnicity: patch.ethnicity }),
        ...(patch.firstLanguage !== undefined && { first_language: patch.firstLanguage }),
        ...(patch.disability !== undefined && { disability: patch.disability }),
        ...(patch.uasc !== undefined && { uasc: patch.uasc }),
        ...(patch.nhsNumber !== undefined && { nhs_number: patch.nhsNumber }),
        ...(patch.upn !== undefined && { upn: patch.upn }),
        ...(patch.formerUpn !== undefined && { former_upn: patch.formerUpn }),
        ...(patch.deceasedDate !== undefined && { deceased_date: patch.deceasedDate }),
        ...(patch.restricted !== undefined && { restricted: patch.restricted }),
        search_text: personSearchText(givenName, familyName, otherNames),
        updated_at: new Date(),
        updated_by: this.actor.userId,
      };
      return applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: before.la_code,
        entity: "person",
        id,
        version,
        before,
        snapshot: personSnapshot,
        update: () =>
          trx
            .updateTable("person")
            .set((eb) => ({ ...set, version: eb("version", "+", 1) }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("person").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        afterUpdate: async (updated) => {
          await writeNameKeys(trx, updated.la_code, id, allNames(givenName, familyName, otherNames), updated.dob);
          if (patch.restricted === true) {
            // The manager who restricts a record is named on it, so it is never left unreachable.
            await trx
              .insertInto("person_named_access")
              .values({ la_code: updated.la_code, person_id: id, user_id: this.actor.userId, granted_by: this.actor.userId })
              .onConflict((oc) => oc.columns(["la_code", "person_id", "user_id"]).doNothing())
              .execute();
          }
        },
        auditEntries: (updated) => [{ laCode: updated.la_code, action: "person.update", personId: id, entity: "person", entityId: id, details: { fields: Object.keys(patch), version: updated.version } }],
      });
    });
    return this.present(row);
  }
}
