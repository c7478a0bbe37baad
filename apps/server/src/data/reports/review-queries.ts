import { addCalendarDays, firstLookedAfterReviewDue, nextLookedAfterReviewDue } from "@family-story/domain";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

/**
 * Looked-after reviews held in a year and whether each was on time, in one query. The review
 * schedule is the domain's (looked-after-timescales.ts): the first review due 20 working days
 * after the period of care started, the second 3 months after the first, then 6 months after the
 * previous one. Working days need the bank holidays, which live in code, so the due dates of
 * every possible anchor day are worked out here with the domain's own functions and passed in
 * as arrays indexed by day: the query only finds each review's anchor and its number in the
 * period, and looks its due date up (an anchor before the first day gives no due date: late).
 */

/**
 * How far before the year anchors are tabled. A review whose anchor is earlier is late whatever
 * the rule: the longest interval is 6 months (at most 184 days), so its due date falls before
 * the year began, and so before the review.
 */
export const ANCHOR_DAYS_BEFORE_YEAR = 400;

export interface ReviewTimelinessCounts {
  held: number;
  onTime: number;
  late: number;
  /** Held with no period of care on record before them, so no due date to judge them by. */
  notTimed: number;
}

/** Every day from `from` to `to` (the i-th day at index i, from 0) with the three due dates the schedule can give it. */
export function dueDateTable(from: string, to: string): { from: string; first: string[]; second: string[]; later: string[] } {
  const table = { from, first: [] as string[], second: [] as string[], later: [] as string[] };
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    const before = addCalendarDays(day, -1);
    // As the first review of a period starting `day`; as the second, after a first on `day`;
    // as a later one, after a review on `day` with one before it.
    table.first.push(firstLookedAfterReviewDue(day));
    table.second.push(nextLookedAfterReviewDue(day, [day]));
    table.later.push(nextLookedAfterReviewDue(before, [before, day]));
  }
  return table;
}

/**
 * Reviews held from `from` to `to`: how many, and how many on time, late and not timed. Each
 * review's period of care is the latest one started on or before it (a period starts at an
 * episode with RNE S, or at one that does not carry on from an episode ending X1 that day, as
 * the domain's periodsOfCare reads a history); its place in the period comes from the two
 * reviews before it, read in index order. The due date then comes from the table of due dates.
 */
export async function reviewTimelinessCounts(db: Kysely<Database> | Transaction<Database>, laCode: string, from: string, to: string): Promise<ReviewTimelinessCounts> {
  const result = await reviewTimelinessQuery(laCode, from, to).execute(db);
  const row = result.rows[0] ?? { held: 0, on_time: 0, not_timed: 0 };
  return { held: row.held, onTime: row.on_time, late: row.held - row.on_time - row.not_timed, notTimed: row.not_timed };
}

/** The query behind reviewTimelinessCounts (exported to look at its plan). */
export function reviewTimelinessQuery(laCode: string, from: string, to: string): RawBuilder<{ held: number; on_time: number; not_timed: number }> {
  const due = dueDateTable(addCalendarDays(from, -ANCHOR_DAYS_BEFORE_YEAR), to);
  return sql<{ held: number; on_time: number; not_timed: number }>`
    WITH starts AS MATERIALIZED (
      SELECT person_id, array_agg(decom) AS starts FROM (
        SELECT person_id, decom FROM lac_episode
        WHERE la_code = ${laCode} AND decom <= ${to}::date AND (rne = 'S' OR rne IS NULL)
        UNION ALL
        SELECT e.person_id, e.decom FROM lac_episode e
        WHERE e.la_code = ${laCode} AND e.decom <= ${to}::date AND e.rne <> 'S'
          AND NOT EXISTS (SELECT 1 FROM lac_episode p WHERE p.la_code = ${laCode} AND p.person_id = e.person_id AND p.dec = e.decom AND p.rec = 'X1' AND p.decom < e.decom)
      ) period_start
      GROUP BY person_id
    ),
    rv AS (
      SELECT r.person_id, r.review_date AS d, lag(r.review_date, 1) OVER w AS p1, lag(r.review_date, 2) OVER w AS p2
      FROM lac_review r
      WHERE r.la_code = ${laCode} AND r.status = 'held' AND r.review_date <= ${to}::date
      WINDOW w AS (PARTITION BY r.person_id ORDER BY r.review_date)
    ),
    in_year AS MATERIALIZED (
      SELECT rv.d, rv.p1, rv.p2,
        CASE WHEN cardinality(s.starts) = 1 THEN CASE WHEN s.starts[1] <= rv.d THEN s.starts[1] END
          ELSE (SELECT max(x) FROM unnest(s.starts) AS x WHERE x <= rv.d) END AS ps
      FROM rv LEFT JOIN starts s ON s.person_id = rv.person_id
      WHERE rv.d >= ${from}::date
    ),
    judged AS (
      SELECT d, ps,
        CASE WHEN ps IS NULL THEN NULL WHEN p1 IS NULL OR p1 < ps THEN 1 WHEN p2 IS NULL OR p2 < ps THEN 2 ELSE 3 END AS n,
        (CASE WHEN p1 IS NULL OR p1 < ps THEN ps ELSE p1 END) - ${due.from}::date + 1 AS i
      FROM in_year
    )
    SELECT count(*)::int AS held,
      count(*) FILTER (WHERE ps IS NULL)::int AS not_timed,
      count(*) FILTER (WHERE d <= CASE n WHEN 1 THEN (${sql.val(due.first)}::date[])[i] WHEN 2 THEN (${sql.val(due.second)}::date[])[i] ELSE (${sql.val(due.later)}::date[])[i] END)::int AS on_time
    FROM judged`;
}

/** Reviews held from `from` to `to` by participation code (null: not recorded). */
export async function participationCounts(db: Kysely<Database> | Transaction<Database>, laCode: string, from: string, to: string): Promise<{ code: string | null; n: number }[]> {
  const result = await sql<{ code: string | null; n: number }>`
    SELECT participation_code AS code, count(*)::int AS n FROM lac_review
    WHERE la_code = ${laCode} AND status = 'held' AND review_date >= ${from}::date AND review_date <= ${to}::date
    GROUP BY participation_code`.execute(db);
  return result.rows;
}
