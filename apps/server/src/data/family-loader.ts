import { RELATIONSHIP_INVERSE, RELATIONSHIP_TYPES, normalisePostcode, type RelationshipType } from "@family-story/domain";
import type { Relationship } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import type { AddressRow, Database } from "../db/database-types.ts";
import { asSex, displayName, personAge, presentAddress, relationshipLabel } from "../presenters/person-presenter.ts";
import type { Actor } from "./actor.ts";
import { visiblePeople } from "./person-scope.ts";

function asRelationshipType(value: string): RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value) ? (value as RelationshipType) : "other_relative";
}

function addressKey(a: AddressRow): string {
  return `${a.line1.trim().toLowerCase()}|${normalisePostcode(a.postcode)}`;
}

/**
 * Loads a person's relationships from both directions, as seen from that person, with the
 * related people's names only where the actor may open them and whether they share the
 * person's current address (the household).
 */
export async function loadRelationships(db: Kysely<Database>, actor: Actor, allLaCodes: string[], personId: string, personAddresses: AddressRow[]): Promise<Relationship[]> {
  const rows = await db
    .selectFrom("relationship")
    .selectAll()
    .where("la_code", "in", allLaCodes)
    .where((eb) => eb.or([eb("person_id", "=", personId), eb("related_person_id", "=", personId)]))
    .execute();
  if (rows.length === 0) return [];
  const otherIds = [...new Set(rows.map((r) => (r.person_id === personId ? r.related_person_id : r.person_id)))];
  const people = await db
    .selectFrom("person")
    .select(["id", "la_code", "given_name", "family_name", "preferred_name", "dob", "sex", "deceased_date", "restricted"])
    .select((eb) => sql<boolean>`${visiblePeople(actor)(eb)}`.as("visible"))
    .where("la_code", "in", allLaCodes)
    .where("id", "in", otherIds)
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const current = new Set(personAddresses.filter((a) => presentAddress(a).current).map(addressKey));
  const theirAddresses = current.size === 0 ? [] : await db.selectFrom("address").selectAll().where("la_code", "in", allLaCodes).where("person_id", "in", otherIds).execute();
  const household = new Set(theirAddresses.filter((a) => presentAddress(a).current && current.has(addressKey(a))).map((a) => a.person_id));

  return rows.map((r) => {
    const otherId = r.person_id === personId ? r.related_person_id : r.person_id;
    // A row says "related_person is <type> of person"; seen from the other end it inverts.
    const stored = asRelationshipType(r.type);
    const type = r.person_id === personId ? stored : RELATIONSHIP_INVERSE[stored];
    const other = byId.get(otherId);
    const canOpen = Boolean(other?.visible);
    return {
      id: r.id,
      type,
      label: relationshipLabel(type),
      person: {
        id: otherId,
        name: other && canOpen ? displayName(other) : "Family member (record not available to you)",
        age: other && canOpen ? personAge(other) : null,
        sex: other && canOpen ? asSex(other.sex) : "unknown",
        deceased: Boolean(other?.deceased_date) && canOpen,
        canOpen,
        sameHousehold: canOpen && household.has(otherId),
      },
      fromDate: r.from_date,
      toDate: r.to_date,
      notes: r.notes,
      version: r.version,
    };
  });
}
