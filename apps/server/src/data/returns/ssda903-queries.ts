/**
 * The reads behind an SSDA903 return: one set-based query per table, each keyed by la_code and
 * limited to the children of the return, never a query per child. Dates come back as ISO strings.
 */
import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { loadUnrecordedCareLeavers } from "./ssda903-care-leavers.ts";
import type { LacAd1Table, LacChildTable, LacDoloTable, LacEpisodeTable, LacMissingTable, LacOc2Table, LacOc3Table, LacPlacedAdoptionTable, LacSwEpisodeTable } from "../../db/looked-after-types.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** A collection year: its first and last day (ISO). */
export interface YearSpan {
  readonly year: number;
  readonly from: string;
  readonly to: string;
}

/** The people of a return: id, CHILD and the facts the Header carries. */
export interface ReturnPerson {
  id: string;
  la_child_id: string | null;
  sex: string;
  dob: string | null;
  ethnicity: string | null;
  upn: string | null;
  uasc: boolean;
}

/** Everything an SSDA903 year is built from. */
export interface Ssda903Source {
  /** Children looked after at some time in the year (an episode open in it). */
  lookedAfter: Set<string>;
  people: Map<string, ReturnPerson>;
  lacChild: Map<string, Selectable<LacChildTable>>;
  /** Every episode of those children that started by the year's end, by child then start. */
  episodes: Selectable<LacEpisodeTable>[];
  reviews: { person_id: string; review_date: string; participation_code: string | null }[];
  missing: Selectable<LacMissingTable>[];
  placedAdoption: Selectable<LacPlacedAdoptionTable>[];
  ad1: Selectable<LacAd1Table>[];
  swEpisodes: Selectable<LacSwEpisodeTable>[];
  dolo: Selectable<LacDoloTable>[];
  oc2: Selectable<LacOc2Table>[];
  oc3: Selectable<LacOc3Table>[];
  /** Care leavers owed an OC3 row for the year who have none recorded: returned with it blank. */
  oc3Unrecorded: string[];
}

/** Records that overlap the year: started by its end and not ended before its start. */
const overlaps = (start: string, end: string, span: YearSpan): RawBuilder<boolean> =>
  sql<boolean>`(${sql.ref(start)} <= ${span.to}::date AND (${sql.ref(end)} IS NULL OR ${sql.ref(end)} >= ${span.from}::date))`;

/**
 * Reads every table of one year of the return for an authority. The children are found first
 * (one query over the episodes); every other table is then read for exactly those children by
 * an indexed `person_id = any(…)` (each table's keys lead with la_code, person_id), which keeps
 * the plan the same on tables just loaded and not yet analysed.
 */
export async function loadSsda903Source(db: Db, laCode: string, span: YearSpan): Promise<Ssda903Source> {
  const [ids, oc3] = await Promise.all([
    sql<{ person_id: string }>`SELECT DISTINCT person_id FROM lac_episode WHERE la_code = ${laCode} AND decom <= ${span.to}::date AND (dec IS NULL OR dec >= ${span.from}::date)`.execute(db),
    db.selectFrom("lac_oc3").selectAll().where("la_code", "=", laCode).where("year", "=", span.year).execute(),
  ]);
  const lookedAfter = new Set(ids.rows.map((r) => r.person_id));
  const oc3Unrecorded = await loadUnrecordedCareLeavers(db, laCode, span, oc3);
  // Care leavers of the year's OC3 are in the return too, with a Header row.
  const everyone = anyUuid([...new Set([...lookedAfter, ...oc3.map((o) => o.person_id), ...oc3Unrecorded])]);
  const children = anyUuid([...lookedAfter]);

  const [people, lacChild, episodes, reviews, missing, placedAdoption, ad1, swEpisodes, dolo, oc2] = await Promise.all([
    db.selectFrom("person").select(["id", "la_child_id", "sex", "dob", "ethnicity", "upn", "uasc"]).where("la_code", "=", laCode).where("id", "=", everyone).execute(),
    db.selectFrom("lac_child").selectAll().where("la_code", "=", laCode).where("person_id", "=", everyone).execute(),
    db.selectFrom("lac_episode").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where("decom", "<=", span.to).orderBy("person_id").orderBy("decom").execute(),
    db
      .selectFrom("lac_review")
      .select(["person_id", "review_date", "participation_code"])
      .where("la_code", "=", laCode)
      .where("person_id", "=", children)
      .where("status", "=", "held")
      .where("review_date", ">=", span.from)
      .where("review_date", "<=", span.to)
      .$narrowType<{ review_date: string }>()
      .execute(),
    db.selectFrom("lac_missing").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where(overlaps("start_date", "end_date", span)).execute(),
    db.selectFrom("lac_placed_adoption").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where(overlaps("date_placed", "date_placed_ceased", span)).execute(),
    db.selectFrom("lac_ad1").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).execute(),
    db.selectFrom("lac_sw_episode").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where(overlaps("sw_decom", "sw_dec", span)).execute(),
    db.selectFrom("lac_dolo").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where(overlaps("dolo_start", "dolo_end", span)).execute(),
    db.selectFrom("lac_oc2").selectAll().where("la_code", "=", laCode).where("person_id", "=", children).where("year", "=", span.year).execute(),
  ]);
  return {
    lookedAfter,
    people: new Map(people.map((p) => [p.id, p])),
    lacChild: new Map(lacChild.map((c) => [c.person_id, c])),
    episodes,
    reviews,
    missing,
    placedAdoption,
    ad1,
    swEpisodes,
    dolo,
    oc2,
    oc3,
    oc3Unrecorded,
  };
}

/** The dated health checks of the given children up to the year's end, for the OC2 rows derived from them. */
export async function loadChecks(db: Db, laCode: string, personIds: readonly string[], to: string) {
  if (personIds.length === 0) return [];
  return db.selectFrom("lac_check").selectAll().where("la_code", "=", laCode).where("person_id", "=", anyUuid(personIds)).where("check_date", "<=", to).execute();
}
