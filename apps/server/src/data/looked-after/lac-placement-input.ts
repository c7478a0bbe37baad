import { placementTakesProvider, todayIso, type Placement, type PlacementProvider, type PlacementType } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";

/** A placement as the API states it. */
export interface PlacementInput {
  place: PlacementType;
  placeProvider?: PlacementProvider | null | undefined;
  providerId?: string | null | undefined;
  placementPostcode?: string | null | undefined;
  urn?: string | null | undefined;
}

/** 422 naming the field. */
export function unprocessable(field: string, message: string, title = "Check the dates and values"): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}

/**
 * The placement the derivation reads. A carer or provider record fills in what was not given
 * (PLACE_PROVIDER, postcode, URN); temporary and other placements (T0–T4, Z11–Z14) carry no
 * PLACE_PROVIDER, as the return leaves it blank for them.
 */
export async function placementFrom(trx: Transaction<Database>, laCode: string, input: PlacementInput): Promise<Placement> {
  let provider: PlacementProvider | null = input.placeProvider ?? null;
  let postcode = input.placementPostcode ?? null;
  let urn = input.urn ?? null;
  const carerId = input.providerId ?? null;
  if (carerId !== null) {
    const row = await trx.selectFrom("placement_provider").selectAll().where("la_code", "=", laCode).where("id", "=", carerId).where("active", "=", true).executeTakeFirst();
    if (!row) throw unprocessable("providerId", "Not a carer or provider of this authority", "Choose a carer or provider");
    provider ??= row.place_provider as PlacementProvider;
    postcode ??= row.postcode;
    urn ??= row.urn;
  }
  if (!placementTakesProvider(input.place)) provider = null;
  else if (provider === null) throw unprocessable("placeProvider", "Choose who provides the placement (PR0–PR5)");
  return { place: input.place, provider, postcode, urn, carerId };
}

/** A day something happened: not in the future, and not before the child was born. */
export function requirePastDate(person: PersonRow, field: string, date: string): void {
  if (date > todayIso()) throw unprocessable(field, "Must be today or in the past");
  if (person.dob !== null && date < person.dob) throw unprocessable(field, `Must be on or after the child’s date of birth (${person.dob})`);
}
