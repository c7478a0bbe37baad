import { nameSearchKeys, normalisePostcode, searchText } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { Database, OtherName } from "../db/database-types.ts";

/** The names a person is known by, for search: given, family and every other name. */
export function allNames(givenName: string, familyName: string, otherNames: OtherName[]): string[] {
  return [givenName, familyName, ...otherNames.flatMap((n) => [n.givenName, n.familyName])];
}

/** The folded text trigram search runs on. */
export function personSearchText(givenName: string, familyName: string, otherNames: OtherName[]): string {
  return searchText(...allNames(givenName, familyName, otherNames));
}

/**
 * Rewrites a person's name keys (computed here, on write, so search needs no phonetic
 * functions in the database).
 */
export async function writeNameKeys(
  trx: Transaction<Database>,
  laCode: string,
  personId: string,
  names: string[],
  dob: string | null,
): Promise<void> {
  await trx.deleteFrom("person_name_key").where("la_code", "=", laCode).where("person_id", "=", personId).execute();
  const keys = nameSearchKeys(...names);
  if (keys.length === 0) return;
  await trx
    .insertInto("person_name_key")
    .values(keys.map((key) => ({ la_code: laCode, key, person_id: personId, dob })))
    .execute();
}

/** Postcode kept on the person for search by postcode (the current address's). */
export function currentPostcode(postcode: string | null | undefined): string | null {
  return postcode ? normalisePostcode(postcode) : null;
}
