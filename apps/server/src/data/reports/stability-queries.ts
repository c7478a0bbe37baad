import { addCalendarDays, addCalendarMonths } from "@family-story/domain";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { ageOnSql } from "./population-queries.ts";

/**
 * Placement stability of the children looked after at 31 March, set-based. Periods of care and
 * placements follow the domain (episode-history.ts: periodsOfCare, placementsOf and
 * placementCountInYear): a period starts at RNE S, or after an episode that ended other than X1
 * or with a gap; a placement starts at the period's start and at every RNE but L; temporary
 * placements (T0–T4) are not counted, and a return to the same placement after one joins it.
 * A placement counts in the year when it was the child's on at least one day of it.
 */

export interface StabilityWindow {
  from: string;
  to: string;
  /** Latest period start for "looked after for at least 2.5 years" at `to`. */
  lookedAfterBy: string;
  /** Latest placement start for "in the same placement for at least 2 years" at `to`. */
  placedBy: string;
}

/** The window of the year from `from` to `to` (31 March), with the domain's "at least n months" reading. */
export function stabilityWindow(from: string, to: string): StabilityWindow {
  return { from, to, lookedAfterBy: addCalendarDays(addCalendarMonths(to, -30), 1), placedBy: addCalendarDays(addCalendarMonths(to, -24), 1) };
}

/**
 * The CTEs up to `child`: one row per child looked after at `to` (not on short breaks) with
 * their placements in the year, their current period's start, the start of their current and
 * previous counted placements, whether they are in the long-term cohort, and the placement type
 * of the episode open at `to`.
 */
function stabilityCtes(laCode: string, w: StabilityWindow): RawBuilder<unknown> {
  return sql`
    ck AS MATERIALIZED (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.place AS place_now
      FROM lac_episode e
      WHERE e.la_code = ${laCode} AND e.decom <= ${w.to}::date AND (e.dec IS NULL OR e.dec > ${w.to}::date) AND (e.ls IS NULL OR e.ls NOT IN ('V3', 'V4'))
      ORDER BY e.person_id, e.decom DESC
    ),
    ep AS (
      SELECT e.person_id, e.decom, e.dec, e.place, e.place_provider, upper(regexp_replace(e.pl_post, '\\s+', '', 'g')) AS pc, e.urn, e.provider_id,
        (coalesce(e.rne, 'S') = 'S' OR lag(e.rec) OVER w IS DISTINCT FROM 'X1' OR lag(e.dec) OVER w IS DISTINCT FROM e.decom) AS new_period,
        coalesce(e.rne, 'S') <> 'L' AS new_spell
      FROM lac_episode e JOIN ck ON ck.person_id = e.person_id
      WHERE e.la_code = ${laCode} AND e.decom <= ${w.to}::date
      WINDOW w AS (PARTITION BY e.person_id ORDER BY e.decom)
    ),
    nums AS (
      SELECT *, sum(new_period::int) OVER w AS period_no, sum((new_period OR new_spell)::int) OVER w AS spell_no
      FROM ep WINDOW w AS (PARTITION BY person_id ORDER BY decom ROWS UNBOUNDED PRECEDING)
    ),
    periods AS (SELECT DISTINCT ON (person_id) person_id, period_no, decom AS ps FROM nums ORDER BY person_id, period_no DESC, decom),
    spells AS (
      SELECT DISTINCT ON (person_id, spell_no) person_id, period_no, spell_no, decom AS start, place, place_provider, pc, urn, provider_id,
        max(coalesce(dec, 'infinity'::date)) OVER (PARTITION BY person_id, spell_no) AS fin
      FROM nums ORDER BY person_id, spell_no, decom
    ),
    counted AS (
      SELECT person_id, period_no, spell_no, start, fin,
        coalesce(lag(period_no) OVER w = period_no AND lag(place) OVER w IS NOT DISTINCT FROM place
          AND lag(place_provider) OVER w IS NOT DISTINCT FROM place_provider AND lag(pc) OVER w IS NOT DISTINCT FROM pc
          AND lag(urn) OVER w IS NOT DISTINCT FROM urn AND lag(provider_id) OVER w IS NOT DISTINCT FROM provider_id, false) AS same_as_prev
      FROM spells
      WHERE place IS NULL OR place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')
      WINDOW w AS (PARTITION BY person_id ORDER BY spell_no)
    ),
    placements AS (
      SELECT person_id, period_no, min(start) AS start, max(fin) AS fin
      FROM (SELECT *, sum((NOT same_as_prev)::int) OVER (PARTITION BY person_id ORDER BY spell_no ROWS UNBOUNDED PRECEDING) AS m FROM counted) merged
      GROUP BY person_id, period_no, m
    ),
    ranked AS (SELECT person_id, period_no, start, row_number() OVER (PARTITION BY person_id ORDER BY start DESC) AS back FROM placements),
    in_year AS (
      SELECT person_id, count(*) FILTER (WHERE start <= ${w.to}::date AND fin > ${w.from}::date)::int AS n FROM placements GROUP BY person_id
    ),
    child AS (
      SELECT ck.person_id, ck.place_now, coalesce(iy.n, 0) AS placements, per.ps AS period_start, l1.start AS current_start, l2.start AS previous_start,
        coalesce(${ageOnSql(sql`${w.to}::date`, sql`p.dob`)} < 16 AND per.ps <= ${w.lookedAfterBy}::date, false) AS long_term_cohort
      FROM ck
      JOIN person p ON p.la_code = ${laCode} AND p.id = ck.person_id
      LEFT JOIN in_year iy ON iy.person_id = ck.person_id
      LEFT JOIN periods per ON per.person_id = ck.person_id
      LEFT JOIN ranked l1 ON l1.person_id = ck.person_id AND l1.back = 1
      LEFT JOIN ranked l2 ON l2.person_id = ck.person_id AND l2.back = 2 AND l2.period_no = l1.period_no
    )`;
}

/** In the same placement 2+ years, or placed for adoption with that and the placement before lasting 2+ years. */
const stable = (w: StabilityWindow) =>
  sql`(current_start <= ${w.placedBy}::date OR (place_now IN ('A3', 'A4', 'A5', 'A6') AND previous_start <= ${w.placedBy}::date))`;

export interface StabilityCounts {
  cohort: number;
  threePlus: number;
  /** Children by placements in the year: index 0 none counted, 1…4, and 5 for five or more. */
  byPlacements: number[];
  longTermCohort: number;
  longTermStable: number;
}

/** The two stability measures for the year ending `to`. */
export async function stabilityCounts(db: Kysely<Database> | Transaction<Database>, laCode: string, w: StabilityWindow): Promise<StabilityCounts> {
  const result = await sql<{ cohort: number; three_plus: number; p0: number; p1: number; p2: number; p3: number; p4: number; p5: number; lt_cohort: number; lt_stable: number }>`
    WITH ${stabilityCtes(laCode, w)}
    SELECT count(*)::int AS cohort, count(*) FILTER (WHERE placements >= 3)::int AS three_plus,
      count(*) FILTER (WHERE placements = 0)::int AS p0, count(*) FILTER (WHERE placements = 1)::int AS p1,
      count(*) FILTER (WHERE placements = 2)::int AS p2, count(*) FILTER (WHERE placements = 3)::int AS p3,
      count(*) FILTER (WHERE placements = 4)::int AS p4, count(*) FILTER (WHERE placements >= 5)::int AS p5,
      count(*) FILTER (WHERE long_term_cohort)::int AS lt_cohort,
      count(*) FILTER (WHERE long_term_cohort AND ${stable(w)})::int AS lt_stable
    FROM child`.execute(db);
  const r = result.rows[0];
  if (!r) return { cohort: 0, threePlus: 0, byPlacements: [0, 0, 0, 0, 0, 0], longTermCohort: 0, longTermStable: 0 };
  return { cohort: r.cohort, threePlus: r.three_plus, byPlacements: [r.p0, r.p1, r.p2, r.p3, r.p4, r.p5], longTermCohort: r.lt_cohort, longTermStable: r.lt_stable };
}

export interface ChildStability {
  personId: string;
  placements: number;
  longTermCohort: boolean;
  stable: boolean;
}

/** Each child's figures, for checking the set-based counts against the domain child by child. */
export async function stabilityByChild(db: Kysely<Database>, laCode: string, w: StabilityWindow): Promise<ChildStability[]> {
  const result = await sql<{ person_id: string; placements: number; long_term_cohort: boolean; stable: boolean | null }>`
    WITH ${stabilityCtes(laCode, w)}
    SELECT person_id, placements, long_term_cohort, ${stable(w)} AS stable FROM child`.execute(db);
  return result.rows.map((r) => ({ personId: r.person_id, placements: r.placements, longTermCohort: r.long_term_cohort, stable: r.stable === true }));
}
