import { ETHNICITY_LABELS, LANGUAGE_LABELS, RELATIONSHIP_LABELS, SEXES, ageOn, todayIso, type EthnicityCode, type LanguageCode, type RelationshipType, type Sex } from "@family-story/domain";
import type { Address, Person, Relationship } from "@family-story/schemas";
import type { AddressRow, PersonRow } from "../db/database-types.ts";

/** Shapes database rows into the API's Person; nothing not listed here leaves the server. */

export function asSex(value: string): Sex {
  return (SEXES as readonly string[]).includes(value) ? (value as Sex) : "unknown";
}

export function personAge(row: Pick<PersonRow, "dob" | "deceased_date">): number | null {
  if (!row.dob) return null;
  return ageOn(row.dob, row.deceased_date ?? todayIso());
}

export function displayName(row: Pick<PersonRow, "given_name" | "family_name" | "preferred_name">): string {
  return `${row.given_name} ${row.family_name}`;
}

/** The editable fields as the API names them: history snapshots and conflict diffs use this. */
export function personSnapshot(row: PersonRow): Record<string, unknown> {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: row.other_names,
    preferredName: row.preferred_name,
    laChildId: row.la_child_id,
    dob: row.dob,
    dobEstimated: row.dob_estimated,
    expectedDob: row.expected_dob,
    sex: row.sex,
    gender: row.gender,
    ethnicity: row.ethnicity,
    firstLanguage: row.first_language,
    disability: row.disability,
    uasc: row.uasc,
    nhsNumber: row.nhs_number,
    upn: row.upn,
    formerUpn: row.former_upn,
    restricted: row.restricted,
    deceasedDate: row.deceased_date,
  };
}

export function presentAddress(row: AddressRow): Address {
  const today = todayIso();
  return {
    id: row.id,
    line1: row.line1,
    line2: row.line2,
    town: row.town,
    postcode: row.postcode,
    fromDate: row.from_date,
    toDate: row.to_date,
    current: row.from_date <= today && (row.to_date === null || row.to_date >= today),
    version: row.version,
  };
}

export function relationshipLabel(type: RelationshipType): string {
  return RELATIONSHIP_LABELS[type];
}

export function presentPerson(row: PersonRow, laName: string, addresses: AddressRow[], relationships: Relationship[]): Person {
  const ethnicity = row.ethnicity as EthnicityCode | null;
  const language = row.first_language as LanguageCode | null;
  return {
    id: row.id,
    laCode: row.la_code,
    laName,
    laChildId: row.la_child_id,
    givenName: row.given_name,
    familyName: row.family_name,
    otherNames: (row.other_names).map((n) => ({ givenName: n.givenName, familyName: n.familyName, kind: n.kind })),
    preferredName: row.preferred_name,
    dob: row.dob,
    dobEstimated: row.dob_estimated,
    expectedDob: row.expected_dob,
    age: personAge(row),
    sex: asSex(row.sex),
    gender: row.gender,
    ethnicity,
    ethnicityLabel: ethnicity ? ETHNICITY_LABELS[ethnicity] : null,
    firstLanguage: language,
    firstLanguageLabel: language ? LANGUAGE_LABELS[language] : null,
    disability: row.disability,
    uasc: row.uasc,
    nhsNumber: row.nhs_number,
    upn: row.upn,
    formerUpn: row.former_upn,
    restricted: row.restricted,
    deceasedDate: row.deceased_date,
    addresses: addresses
      .map(presentAddress)
      .sort((a, b) => (a.fromDate < b.fromDate ? 1 : -1)),
    relationships,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
