import { normalisePostcode } from "@family-story/domain";
import { derivePlacementFields, type PlacementFields, type PostcodePoint } from "@family-story/returns";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

/**
 * The forms a postcode may be stored in by an ONS directory import: "E7 5YR" (normalised),
 * "E75YR" (no space) and the directory's own fixed-width 7-character "E7  5YR".
 */
function storedForms(postcode: string): string[] {
  const normal = normalisePostcode(postcode);
  const compact = normal.replace(/\s+/g, "");
  const fixed = compact.length >= 5 ? `${compact.slice(0, -3).padEnd(4, " ")}${compact.slice(-3)}` : compact;
  return [...new Set([normal, compact, fixed])];
}

/**
 * PL_LA, PL_LOCATION and PL_DISTANCE for an episode, from the ONS postcode directory table
 * (ons_postcode). The directory is loaded by an import a user runs; while it is empty, or when
 * a postcode is not in it, the fields are null ("not known").
 */
export async function placementFieldsFor(db: Kysely<Database> | Transaction<Database>, returningAuthority: string, homePostcode: string | null, placementPostcode: string | null): Promise<PlacementFields> {
  const wanted = [homePostcode, placementPostcode].filter((p): p is string => p !== null && p.trim() !== "");
  const none: PlacementFields = { PL_LA: null, PL_LOCATION: null, PL_DISTANCE: null };
  if (placementPostcode === null || wanted.length === 0) return none;
  const forms = wanted.flatMap(storedForms);
  const rows = await db.selectFrom("ons_postcode").select(["pcd", "easting", "northing", "laua"]).where("pcd", "in", forms).execute();
  if (rows.length === 0) return none;
  const byNormal = new Map<string, PostcodePoint>();
  for (const r of rows) if (r.laua !== null) byNormal.set(normalisePostcode(r.pcd), { easting: r.easting, northing: r.northing, laua: r.laua });
  return derivePlacementFields(homePostcode, placementPostcode, { lookup: { get: (p) => byNormal.get(p) }, returningAuthority });
}
