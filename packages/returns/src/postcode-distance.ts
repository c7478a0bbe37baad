/**
 * The placement fields the SSDA903 return derives from postcodes, from the ONS Postcode
 * Directory (grid reference and lower-tier authority of each postcode) and the lower- to
 * upper-tier authority lookup shipped in authority-tiers.ts:
 * - PL_LA: the upper-tier authority of the placement postcode (PL_POST);
 * - PL_LOCATION: IN when that is the returning authority, otherwise OUT;
 * - PL_DISTANCE: miles between HOME_POST and PL_POST, straight line over the OS grid,
 *   sqrt((e1-e2)^2 + (n1-n2)^2) / 1609.344, to one decimal place.
 * A field is null when a postcode it needs is blank or not in the directory.
 */
import { normalisePostcode } from "@family-story/domain";
import { AUTHORITY_TIERS } from "./authority-tiers.ts";
import type { Ssda903Row, Ssda903Table } from "./ssda903-tables.ts";

/** Where a postcode is: OS grid reference in metres and its lower-tier authority (ONS laua). */
export interface PostcodePoint {
  readonly easting: number;
  readonly northing: number;
  readonly laua: string;
}

/** Finds a postcode, given in normalised form ("E7 5YR"); a database table, a Map, anything. */
export interface PostcodeLookup {
  get(normalisedPostcode: string): PostcodePoint | undefined;
}

/** Maps a lower-tier authority code to its upper-tier code (a ReadonlyMap fits). */
export interface AuthorityMap {
  get(lowerTierCode: string): string | undefined;
}

/** The shipped lower-tier → upper-tier lookup (ONS, December 2021). */
export const UPPER_TIER_AUTHORITIES: ReadonlyMap<string, string> = new Map(AUTHORITY_TIERS.map((t) => [t.lower, t.upper]));

/**
 * Codes of single-tier authorities: English unitary authorities (E06), metropolitan districts
 * (E08), London boroughs (E09), Welsh unitary authorities (W06), Scottish council areas (S12) and
 * Northern Irish districts (N09). Each is its own upper tier, which covers authorities created
 * after the shipped 2021 lookup (e.g. E06000063 Cumberland, E08000038 Barnsley's 2024 code).
 */
const SINGLE_TIER = /^(E06|E08|E09|W06|S12|N09)\d{6}$/;

/** Metres in a statute mile. */
const METRES_PER_MILE = 1609.344;

/**
 * The upper-tier authority over a lower-tier code: from the map, else the code itself when it
 * is a single-tier authority, else undefined (a shire district the map lacks, or a pseudo code
 * such as L99999999 for the Channel Islands).
 */
export function upperTierAuthority(laua: string, tiers: AuthorityMap = UPPER_TIER_AUTHORITIES): string | undefined {
  return tiers.get(laua) ?? (SINGLE_TIER.test(laua) ? laua : undefined);
}

/**
 * Rounds to one decimal place, halves to even, the way the reference implementation's numpy
 * round does (scale by ten, round, scale back), so derived distances agree to the digit.
 */
export function roundToTenth(value: number): number {
  const scaled = value * 10;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return rounded / 10;
}

/** Straight-line miles between two grid references, to one decimal place. */
export function distanceMiles(a: Pick<PostcodePoint, "easting" | "northing">, b: Pick<PostcodePoint, "easting" | "northing">): number {
  const de = a.easting - b.easting;
  const dn = a.northing - b.northing;
  return roundToTenth(Math.sqrt(de * de + dn * dn) / METRES_PER_MILE);
}

/** The derived placement fields of one episode. */
export interface PlacementFields {
  readonly PL_LA: string | null;
  readonly PL_LOCATION: "IN" | "OUT" | null;
  readonly PL_DISTANCE: number | null;
}

/** What deriving needs: the postcode lookup and the returning authority's code. */
export interface PlacementContext {
  readonly lookup: PostcodeLookup;
  /** The authority making the return (upper tier, e.g. E09000027); a district code is lifted to its county. */
  readonly returningAuthority: string;
  readonly tiers?: AuthorityMap;
}

function find(lookup: PostcodeLookup, postcode: string | null | undefined): PostcodePoint | undefined {
  const trimmed = postcode?.trim() ?? "";
  return trimmed === "" ? undefined : lookup.get(normalisePostcode(trimmed));
}

/** Derives PL_LA, PL_LOCATION and PL_DISTANCE for one episode from its HOME_POST and PL_POST. */
export function derivePlacementFields(
  homePostcode: string | null | undefined,
  placementPostcode: string | null | undefined,
  context: PlacementContext,
): PlacementFields {
  const tiers = context.tiers ?? UPPER_TIER_AUTHORITIES;
  const placement = find(context.lookup, placementPostcode);
  const home = find(context.lookup, homePostcode);
  const plLa = placement === undefined ? null : (upperTierAuthority(placement.laua, tiers) ?? null);
  const returning = upperTierAuthority(context.returningAuthority, tiers) ?? context.returningAuthority;
  return {
    PL_LA: plLa,
    PL_LOCATION: plLa === null ? null : plLa === returning ? "IN" : "OUT",
    PL_DISTANCE: placement === undefined || home === undefined ? null : distanceMiles(home, placement),
  };
}

/**
 * The Episodes table with PL_LA, PL_LOCATION and PL_DISTANCE derived for every row (distance
 * written as "12.3"). Derived values replace any the file carried: the directory is the source.
 */
export function withPlacementFields(episodes: Ssda903Table, context: PlacementContext): Ssda903Table {
  if (episodes.table !== "Episodes") throw new Error(`Placement fields belong to Episodes, not ${episodes.table}.`);
  const added = ["PL_LA", "PL_LOCATION", "PL_DISTANCE"].filter((c) => !episodes.columns.includes(c));
  const rows = episodes.rows.map((row): Ssda903Row => {
    const derived = derivePlacementFields(row.values.HOME_POST, row.values.PL_POST, context);
    return {
      ...row,
      values: {
        ...row.values,
        PL_LA: derived.PL_LA,
        PL_LOCATION: derived.PL_LOCATION,
        PL_DISTANCE: derived.PL_DISTANCE === null ? null : derived.PL_DISTANCE.toFixed(1),
      },
    };
  });
  return { table: episodes.table, columns: [...episodes.columns, ...added], rows };
}
