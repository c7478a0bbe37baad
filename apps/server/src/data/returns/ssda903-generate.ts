/**
 * Builds the SSDA903 tables of a collection year from the looked-after record, by the DfE's
 * inclusion rules:
 * - Header, Episodes, Reviews, UASC, OC2, PrevPerm and the dated tables are about the children
 *   looked after at some time in the year (an episode open in it); Header also has the care
 *   leavers of the year's OC3.
 * - Episodes: those open at some time in the year. Reviews: held in the year. Missing,
 *   PlacedAdoption, SWEpisodes and DoLo: open at some time in the year.
 * - OC2: the row returned for the year where one was imported, else derived from the dated
 *   checks for a child in the OC2 cohort (looked after 12 months continuously at 31 March).
 * - OC3: the rows recorded (or imported) for the year, and a row with its fields blank for every
 *   other care leaver with a 17th to 21st birthday in the year (see ssda903-care-leavers.ts).
 * - AD1: children adopted in the year (an episode ended E11 or E12 in it).
 * - The return is as at 31 March: an end date after it is left blank with its reason.
 * CHILD is the person's LA child id; a child recorded here without one is returned by their id.
 * SEX is M, F or U (the code set of the 2025/26 and later returns).
 */
import { deriveOc2, type Oc2Flags } from "@family-story/domain";
import { SSDA903_TABLES, formatReturnDate, type EngineTable, type Ssda903TableName, type Ssda903Values } from "@family-story/returns";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { toOc2Check } from "../../presenters/looked-after-health-presenter.ts";
import { toEpisode } from "../looked-after/lac-episodes.ts";
import { loadChecks, loadSsda903Source, type ReturnPerson, type Ssda903Source, type YearSpan } from "./ssda903-queries.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** One year of the return: its tables and which person each CHILD is. */
export interface Ssda903Generated {
  readonly tables: Record<Ssda903TableName, EngineTable>;
  /** CHILD → person id. */
  readonly personOf: ReadonlyMap<string, string>;
}

const ADOPTED = new Set(["E11", "E12"]);
const DERIVED = ["PL_LA", "PL_LOCATION", "PL_DISTANCE"] as const;

/** dd/mm/yyyy, or blank. */
const day = (iso: string | null | undefined): string | null => (iso === null || iso === undefined ? null : formatReturnDate(iso));
/** An end date as at 31 March: blank when it falls after the year. */
const endBy = (iso: string | null, to: string): string | null => (iso === null || iso > to ? null : formatReturnDate(iso));
/** True when an end date falls after the year: its reason goes with it. */
const after = (iso: string | null, to: string): boolean => iso !== null && iso > to;
// The return codes sex M, F or U since 2025/26, the rules every year is validated by (2017/18 files used 1 and 2).
const sexCode = (sex: string): string => (sex === "male" ? "M" : sex === "female" ? "F" : "U");
const childOf = (p: ReturnPerson): string => p.la_child_id?.trim() || p.id;

/** A table with the DfE columns of `name` (and any extra columns given). */
function table(name: Ssda903TableName, rows: Ssda903Values[], extra: readonly string[] = []): EngineTable {
  return { columns: [...SSDA903_TABLES[name], ...extra], rows };
}

/** Rows ordered by CHILD, then by their first date column, for a stable row order. */
function sorted(rows: Ssda903Values[], dateColumn: string | null): Ssda903Values[] {
  const key = (r: Ssda903Values): string => {
    const d = dateColumn === null ? "" : (r[dateColumn] ?? "");
    return `${r.CHILD ?? ""}\u0000${d.slice(6)}${d.slice(3, 5)}${d.slice(0, 2)}`;
  };
  return rows.map((r) => [key(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}

function oc2Values(flags: Oc2Flags): Record<string, string | null> {
  return {
    SDQ_SCORE: flags.sdqScore, SDQ_REASON: flags.sdqReason, CONVICTED: flags.convicted, HEALTH_CHECK: flags.healthCheck, IMMUNISATIONS: flags.immunisations,
    TEETH_CHECK: flags.teethCheck, HEALTH_ASSESSMENT: flags.healthAssessment, SUBSTANCE_MISUSE: flags.substanceMisuse,
    INTERVENTION_RECEIVED: flags.interventionReceived, INTERVENTION_OFFERED: flags.interventionOffered,
  };
}

/** The OC2 rows: imported where the year was imported, else derived for children in the cohort. */
async function oc2Rows(db: Db, laCode: string, span: YearSpan, src: Ssda903Source, episodesOf: Map<string, Ssda903Source["episodes"]>, ident: (id: string) => { CHILD: string; DOB: string | null }): Promise<Ssda903Values[]> {
  const rows: Ssda903Values[] = [];
  const imported = new Set<string>();
  for (const o of src.oc2) {
    imported.add(o.person_id);
    rows.push({
      ...ident(o.person_id),
      SDQ_SCORE: o.sdq_score, SDQ_REASON: o.sdq_reason, CONVICTED: o.convicted, HEALTH_CHECK: o.health_check, IMMUNISATIONS: o.immunisations, TEETH_CHECK: o.teeth_check,
      HEALTH_ASSESSMENT: o.health_assessment, SUBSTANCE_MISUSE: o.substance_misuse, INTERVENTION_RECEIVED: o.intervention_received, INTERVENTION_OFFERED: o.intervention_offered,
    });
  }
  const toDerive = [...src.lookedAfter].filter((id) => !imported.has(id));
  const checks = await loadChecks(db, laCode, toDerive, span.to);
  const checksOf = new Map<string, typeof checks>();
  for (const c of checks) {
    const list = checksOf.get(c.person_id);
    if (list === undefined) checksOf.set(c.person_id, [c]);
    else list.push(c);
  }
  for (const id of toDerive) {
    const derived = deriveOc2({ dob: src.people.get(id)?.dob ?? null, episodes: (episodesOf.get(id) ?? []).map(toEpisode), checks: (checksOf.get(id) ?? []).map(toOc2Check), year: span.year });
    if (derived.inCohort && derived.flags !== null) rows.push({ ...ident(id), ...oc2Values(derived.flags) });
  }
  return rows;
}

/** Builds every table of the year for the authority. */
export async function generateSsda903Year(db: Db, laCode: string, span: YearSpan): Promise<Ssda903Generated> {
  const src = await loadSsda903Source(db, laCode, span);
  const personOf = new Map<string, string>();
  const childIds = new Map<string, string>();
  for (const p of src.people.values()) {
    const child = childOf(p);
    childIds.set(p.id, child);
    personOf.set(child, p.id);
  }
  const ident = (id: string) => ({ CHILD: childIds.get(id) ?? id, DOB: day(src.people.get(id)?.dob) });
  const lookedAfter = [...src.lookedAfter].filter((id) => src.people.has(id));

  const header = [...src.people.values()].map((p) => {
    const lac = src.lacChild.get(p.id);
    return { CHILD: childOf(p), SEX: sexCode(p.sex), DOB: day(p.dob), ETHNIC: p.ethnicity, UPN: p.upn, MOTHER: lac?.mother ?? null, MC_DOB: day(lac?.mc_dob) };
  });

  const episodesOf = new Map<string, Ssda903Source["episodes"]>();
  for (const e of src.episodes) {
    const list = episodesOf.get(e.person_id);
    if (list === undefined) episodesOf.set(e.person_id, [e]);
    else list.push(e);
  }
  const inYear = src.episodes.filter((e) => e.dec === null || e.dec >= span.from);
  const withDerived = inYear.some((e) => e.pl_la !== null || e.pl_location !== null || e.pl_distance !== null);
  const episodes = inYear.map((e) => {
    // Ended after 31 March: open at the year's end, so no end date or reasons (a blank DEC keeps what was recorded).
    const later = e.dec !== null && e.dec > span.to;
    return {
      CHILD: childIds.get(e.person_id) ?? e.person_id, DECOM: day(e.decom), RNE: e.rne, LS: e.ls, CIN: e.cin, PLACE: e.place, PLACE_PROVIDER: e.place_provider,
      DEC: later ? null : day(e.dec), REC: later ? null : e.rec, REASON_PLACE_CHANGE: later ? null : e.reason_place_change,
      HOME_POST: e.home_post, PL_POST: e.pl_post, URN: e.urn,
      ...(withDerived && { PL_LA: e.pl_la, PL_LOCATION: e.pl_location, PL_DISTANCE: e.pl_distance }),
    };
  });
  const adopted = new Set(inYear.filter((e) => e.rec !== null && ADOPTED.has(e.rec) && e.dec !== null && e.dec <= span.to).map((e) => e.person_id));

  const tables: Record<Ssda903TableName, EngineTable> = {
    Header: table("Header", sorted(header, null)),
    Episodes: table("Episodes", sorted(episodes, "DECOM"), withDerived ? DERIVED : []),
    Reviews: table("Reviews", sorted(src.reviews.map((r) => ({ ...ident(r.person_id), REVIEW: day(r.review_date), REVIEW_CODE: r.participation_code })), "REVIEW")),
    UASC: table("UASC", sorted(lookedAfter.flatMap((id) => {
      const p = src.people.get(id);
      return p?.uasc === true ? [{ CHILD: childOf(p), SEX: sexCode(p.sex), DOB: day(p.dob), DUC: day(src.lacChild.get(id)?.uasc_ceased) }] : [];
    }), null)),
    OC2: table("OC2", sorted(await oc2Rows(db, laCode, span, src, episodesOf, ident), null)),
    OC3: table("OC3", sorted([
      ...src.oc3.map((o) => ({ ...ident(o.person_id), IN_TOUCH: o.in_touch, ACTIV: o.activ, ACCOM: o.accom })),
      ...src.oc3Unrecorded.map((id) => ({ ...ident(id), IN_TOUCH: null, ACTIV: null, ACCOM: null })),
    ], null)),
    AD1: table("AD1", sorted(src.ad1.filter((a) => adopted.has(a.person_id)).map((a) => ({
      ...ident(a.person_id), DATE_INT: day(a.date_int), DATE_MATCH: day(a.date_match), FOSTER_CARE: a.foster_care, NB_ADOPTR: a.nb_adoptr, SEX_ADOPTR: a.sex_adoptr, LS_ADOPTR: a.ls_adoptr,
    })), null)),
    PlacedAdoption: table("PlacedAdoption", sorted(src.placedAdoption.map((p) => {
      const later = after(p.date_placed_ceased, span.to);
      return { ...ident(p.person_id), DATE_PLACED: day(p.date_placed), DATE_PLACED_CEASED: endBy(p.date_placed_ceased, span.to), REASON_PLACED_CEASED: later ? null : p.reason_placed_ceased };
    }), "DATE_PLACED")),
    PrevPerm: table("PrevPerm", sorted(lookedAfter.map((id) => {
      const lac = src.lacChild.get(id);
      return { ...ident(id), PREV_PERM: lac?.prev_perm ?? null, LA_PERM: lac?.la_perm ?? null, DATE_PERM: lac?.date_perm ?? null };
    }), null)),
    Missing: table("Missing", sorted(src.missing.map((m) => ({ ...ident(m.person_id), MISSING: m.missing_type, MIS_START: day(m.start_date), MIS_END: endBy(m.end_date, span.to) })), "MIS_START")),
    SWEpisodes: table("SWEpisodes", sorted(src.swEpisodes.map((s) => {
      const later = after(s.sw_dec, span.to);
      return { ...ident(s.person_id), SW_ID: s.sw_id, SW_DECOM: day(s.sw_decom), SW_DEC: endBy(s.sw_dec, span.to), SW_REASON: later ? null : s.sw_reason };
    }), "SW_DECOM")),
    DoLo: table("DoLo", sorted(src.dolo.map((d) => ({ ...ident(d.person_id), DOLO_START: day(d.dolo_start), DOLO_END: endBy(d.dolo_end, span.to) })), "DOLO_START")),
  };
  return { tables, personOf };
}
