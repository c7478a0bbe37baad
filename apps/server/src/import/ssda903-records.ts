/**
 * The dated and yearly records of an SSDA903 import, each upserted on the natural key migration
 * 0008 gives its table (a child's episode starting on a day, review held on a day, OC2 of a
 * year…), so a re-import matches what an earlier one wrote and changes only what differs.
 */
import { timeOrderedUuid } from "./time-ordered-uuid.ts";
import { derivePlacementFields, type PostcodeLookup, type PostcodePoint, type Ssda903TableName } from "@family-story/returns";
import { normalisePostcode } from "@family-story/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { upsertRows, type UpsertCounts, type UpsertTarget } from "./set-based-upsert.ts";
import type { ChildRegistry } from "./ssda903-children.ts";
import type { PreparedRow } from "./ssda903-prepare.ts";

/** The tables written generically here (Header, UASC and PrevPerm are the child's own facts). */
export type RecordTable = Exclude<Ssda903TableName, "Header" | "UASC" | "PrevPerm">;

interface RecordTarget extends UpsertTarget {
  /** Whether rows carry an id (tables keyed by a surrogate id with a unique natural key). */
  readonly id: boolean;
  /** Whether rows carry the child's looked-after case. */
  readonly caseId: boolean;
  /** Whether rows are per collection year (OC2, OC3). */
  readonly year: boolean;
}

const target = (table: keyof Database, conflict: ReturnType<typeof sql>, updateColumns: string[], o: { id: boolean; caseId?: boolean; year?: boolean; versioned: boolean; updatedAt?: boolean }): RecordTarget => ({
  table,
  conflict,
  updateColumns,
  versioned: o.versioned,
  touchesUpdatedAt: o.updatedAt ?? false,
  id: o.id,
  caseId: o.caseId ?? false,
  year: o.year ?? false,
});

const OC2_COLUMNS = ["sdq_score", "sdq_reason", "convicted", "health_check", "immunisations", "teeth_check", "health_assessment", "substance_misuse", "intervention_received", "intervention_offered"];
const EPISODE_COLUMNS = ["rne", "ls", "cin", "place", "place_provider", "dec", "rec", "reason_place_change", "home_post", "pl_post", "urn", "pl_la", "pl_location", "pl_distance"];

export const RECORD_TARGETS: Readonly<Record<RecordTable, RecordTarget>> = {
  Episodes: target("lac_episode", sql`(la_code, person_id, decom)`, EPISODE_COLUMNS, { id: true, caseId: true, versioned: true, updatedAt: true }),
  // Only held reviews are keyed by their date; a review the IRO has scheduled is left alone.
  Reviews: target("lac_review", sql`(la_code, person_id, review_date) WHERE status = 'held'`, ["participation_code"], { id: true, caseId: true, versioned: true, updatedAt: true }),
  OC2: target("lac_oc2", sql`(la_code, person_id, year)`, OC2_COLUMNS, { id: false, year: true, versioned: false }),
  OC3: target("lac_oc3", sql`(la_code, person_id, year)`, ["in_touch", "activ", "accom"], { id: false, year: true, versioned: true }),
  AD1: target("lac_ad1", sql`(la_code, person_id)`, ["date_int", "date_match", "foster_care", "nb_adoptr", "sex_adoptr", "ls_adoptr"], { id: false, versioned: true }),
  PlacedAdoption: target("lac_placed_adoption", sql`(la_code, person_id, date_placed)`, ["date_placed_ceased", "reason_placed_ceased"], { id: true, versioned: true }),
  Missing: target("lac_missing", sql`(la_code, person_id, start_date)`, ["missing_type", "end_date"], { id: true, versioned: true }),
  SWEpisodes: target("lac_sw_episode", sql`(la_code, person_id, sw_decom)`, ["sw_id", "sw_dec", "sw_reason"], { id: true, versioned: false }),
  DoLo: target("lac_dolo", sql`(la_code, person_id, dolo_start)`, ["dolo_end"], { id: true, versioned: false }),
};

/** Writes one batch of a table's rows in the caller's transaction. */
export async function writeRecords(trx: Transaction<Database>, laCode: string, table: RecordTable, registry: ChildRegistry, rows: readonly PreparedRow[], year: number): Promise<UpsertCounts> {
  const spec = RECORD_TARGETS[table];
  const values = rows.flatMap((row) => {
    const link = registry.get(row.child);
    if (link?.caseId == null) return [];
    return [{
      la_code: laCode,
      ...(spec.id && { id: timeOrderedUuid() }),
      person_id: link.personId,
      ...(spec.caseId && { case_id: link.caseId }),
      ...(spec.year && { year }),
      ...row.fields,
      source: "import",
    }];
  });
  return upsertRows(trx, spec, values);
}

/** A distance the file carried, kept when no directory is loaded to derive it (one decimal place). */
function distanceFromFile(value: string | number | null | undefined): number | null {
  if (typeof value === "number") return value;
  return value != null && /^\d{1,5}(\.\d)?$/.test(value.trim()) ? Number(value) : null;
}

/** True when the ONS postcode directory has been loaded (`familystory import postcodes`). */
export async function postcodeDirectoryLoaded(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("ons_postcode").select("pcd").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The directory entries of the given postcodes, read in one query per few thousand. */
export async function loadPostcodes(db: Kysely<Database>, postcodes: Iterable<string>): Promise<PostcodeLookup> {
  const wanted = [...new Set([...postcodes].map((p) => normalisePostcode(p)))];
  const found = new Map<string, PostcodePoint>();
  for (let i = 0; i < wanted.length; i += 5000) {
    const rows = await db.selectFrom("ons_postcode").select(["pcd", "easting", "northing", "laua"]).where("pcd", "=", sql<string>`any(${sql.val(wanted.slice(i, i + 5000))}::text[])`).execute();
    for (const r of rows) found.set(r.pcd, { easting: r.easting, northing: r.northing, laua: r.laua ?? "" });
  }
  return { get: (postcode) => found.get(postcode) };
}

/**
 * Episodes with PL_LA, PL_LOCATION and PL_DISTANCE: derived from the directory when it is
 * loaded (it is the source, as the return's own derivation is), else as the file gave them.
 */
export function withPlacementFields(rows: readonly PreparedRow[], laCode: string, lookup: PostcodeLookup | null): PreparedRow[] {
  return rows.map((row) => {
    const f = row.fields;
    if (lookup === null) return { ...row, fields: { ...f, pl_distance: distanceFromFile(f.pl_distance) } };
    const derived = derivePlacementFields(f.home_post as string | null, f.pl_post as string | null, { lookup, returningAuthority: laCode });
    return { ...row, fields: { ...f, pl_la: derived.PL_LA, pl_location: derived.PL_LOCATION, pl_distance: derived.PL_DISTANCE } };
  });
}
