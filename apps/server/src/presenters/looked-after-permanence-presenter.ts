import type { Ad1Input, LacPermanence } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { LacAd1Table, LacDoloTable, LacPlacedAdoptionTable, LacSwEpisodeTable } from "../db/looked-after-types.ts";

type Ad1Row = Selectable<LacAd1Table>;
type PlacedRow = Selectable<LacPlacedAdoptionTable>;
type SwRow = Selectable<LacSwEpisodeTable>;
type DoloRow = Selectable<LacDoloTable>;

/** The AD1 columns an input sets: FOSTER_CARE and NB_ADOPTR as the return's codes. */
export function ad1Columns(input: Ad1Input) {
  return {
    date_int: input.dateInt ?? null,
    date_match: input.dateMatch ?? null,
    foster_care: input.fosterCare === null || input.fosterCare === undefined ? null : input.fosterCare ? "1" : "0",
    nb_adoptr: input.nbAdoptr === null || input.nbAdoptr === undefined ? null : String(input.nbAdoptr),
    sex_adoptr: input.sexAdoptr ?? null,
    ls_adoptr: input.lsAdoptr ?? null,
  };
}

export function ad1Snapshot(row: Ad1Row): Record<string, unknown> {
  return { dateInt: row.date_int, dateMatch: row.date_match, fosterCare: row.foster_care, nbAdoptr: row.nb_adoptr, sexAdoptr: row.sex_adoptr, lsAdoptr: row.ls_adoptr };
}
export function placedSnapshot(row: PlacedRow): Record<string, unknown> {
  return { datePlaced: row.date_placed, datePlacedCeased: row.date_placed_ceased, reasonPlacedCeased: row.reason_placed_ceased };
}
export function swSnapshot(row: SwRow): Record<string, unknown> {
  return { swId: row.sw_id, swDecom: row.sw_decom, swDec: row.sw_dec, swReason: row.sw_reason };
}
export function doloSnapshot(row: DoloRow): Record<string, unknown> {
  return { doloStart: row.dolo_start, doloEnd: row.dolo_end };
}
export function previousPermanenceSnapshot(row: { prev_perm: string | null; la_perm: string | null; date_perm: string | null }): Record<string, unknown> {
  return { prevPerm: row.prev_perm, laPerm: row.la_perm, datePerm: row.date_perm };
}

/** An imported code read as a flag or number when it is one, else null. */
function flagOf(code: string | null): boolean | null {
  return code === "1" ? true : code === "0" ? false : null;
}
function numberOf(code: string | null): number | null {
  return code !== null && /^\d+$/.test(code) ? Number(code) : null;
}

export interface PermanenceRows {
  personId: string;
  childName: string;
  lac: { prev_perm: string | null; la_perm: string | null; date_perm: string | null; version: number };
  ad1: Ad1Row | undefined;
  placed: PlacedRow[];
  sw: SwRow[];
  dolo: DoloRow[];
  /** Versions of the SW episode and DoLo rows, kept in the record history. */
  versions: Map<string, number>;
  canWrite: boolean;
}

/** A child's permanence record as the API shows it. */
export function presentPermanence(r: PermanenceRows): LacPermanence {
  const v = (id: string): number => r.versions.get(id) ?? 1;
  return {
    personId: r.personId,
    childName: r.childName,
    ad1: r.ad1
      ? { dateInt: r.ad1.date_int, dateMatch: r.ad1.date_match, fosterCare: flagOf(r.ad1.foster_care), nbAdoptr: numberOf(r.ad1.nb_adoptr), sexAdoptr: r.ad1.sex_adoptr, lsAdoptr: r.ad1.ls_adoptr, source: r.ad1.source, version: r.ad1.version }
      : null,
    previousPermanence: { prevPerm: r.lac.prev_perm, laPerm: r.lac.la_perm, datePerm: r.lac.date_perm, version: r.lac.version },
    placedForAdoption: r.placed.map((p) => ({ id: p.id, datePlaced: p.date_placed, datePlacedCeased: p.date_placed_ceased, reasonPlacedCeased: p.reason_placed_ceased, source: p.source, version: p.version })),
    swEpisodes: r.sw.map((s) => ({ id: s.id, swId: s.sw_id, swDecom: s.sw_decom, swDec: s.sw_dec, swReason: s.sw_reason, source: s.source, version: v(s.id) })),
    dolo: r.dolo.map((d) => ({ id: d.id, doloStart: d.dolo_start, doloEnd: d.dolo_end, source: d.source, version: v(d.id) })),
    canWrite: r.canWrite,
  };
}
