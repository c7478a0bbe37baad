import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

/**
 * Set-based counts of children looked after, each one query over the SSDA903 tables of one
 * authority (docs/measures.md defines them). Children on short breaks (legal status V3, V4)
 * are left out, as the DfE leaves them out. A blank RNE is read as S, as the episode code reads
 * it. Ages are whole years, worked out as the domain's ageOn does.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** UASC on the day `day`: the person is (or was) UASC and had not ceased to be by then (`c`: ceasedUasc). */
const uascOn = (day: RawBuilder<unknown>) => sql`(p.uasc AND (c.uasc_ceased IS NULL OR c.uasc_ceased > ${day}))`;

/** The children with a date they ceased to be UASC: few, so a small table to join. */
const ceasedUasc = (laCode: string) => sql`(SELECT person_id, uasc_ceased FROM lac_child WHERE la_code = ${laCode} AND uasc_ceased IS NOT NULL)`;

const notShortBreak = (column: string) => sql`(${sql.ref(column)} IS NULL OR ${sql.ref(column)} NOT IN ('V3', 'V4'))`;

/** Age in whole years on `on` of someone born on `dob` (null if unknown): ageOn in SQL, with no interval arithmetic. */
export function ageOnSql(on: RawBuilder<unknown>, dob: RawBuilder<unknown>): RawBuilder<number | null> {
  return sql<number | null>`(date_part('year', ${on}) - date_part('year', ${dob})
    - CASE WHEN (date_part('month', ${on}), date_part('day', ${on})) < (date_part('month', ${dob}), date_part('day', ${dob})) THEN 1 ELSE 0 END)::int`;
}

/**
 * Runs report queries in a read-only transaction with room to hash and sort in memory (the
 * counts group tens of thousands of children, more than the default work_mem holds) and no JIT
 * compilation, which costs more than it saves on queries of this size.
 */
export function inReportTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION READ ONLY`.execute(trx);
    await sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`.execute(trx);
    return work(trx);
  });
}

export interface SnapshotCount {
  /** The collection year whose 31 March is counted (2018: 31 March 2019). */
  year: number;
  /** Age in whole years that day; null when the date of birth is not known. */
  age: number | null;
  uasc: boolean;
  n: number;
}

/**
 * Children looked after at 31 March at the end of each year given: an episode started on or
 * before that day and not ended by it (DEC after it, or none), with a legal status other than
 * V3 or V4; each child once. One pass over the episodes marks which of the days each child was
 * looked after on; then they are counted by age that day and UASC status.
 */
export async function lookedAfterAtYearEnd(db: Db, laCode: string, years: readonly number[]): Promise<SnapshotCount[]> {
  if (years.length === 0) return [];
  const days = years.map((y) => `${String(y + 1)}-03-31`);
  const flags = days.map((d, i) => sql`bool_or(e.decom <= ${d}::date AND (e.dec IS NULL OR e.dec > ${d}::date)) AS ${sql.ref(`at${String(i)}`)}`);
  const unpivot = years.map((y, i) => sql`(${y}::int, ${days[i]}::date, k.${sql.ref(`at${String(i)}`)})`);
  const result = await sql<SnapshotCount>`
    WITH cover AS (
      SELECT e.person_id, ${sql.join(flags)}
      FROM lac_episode e
      WHERE e.la_code = ${laCode} AND e.decom <= ${days.at(-1)}::date AND (e.dec IS NULL OR e.dec > ${days[0]}::date) AND ${notShortBreak("e.ls")}
      GROUP BY e.person_id
    ),
    kid AS (
      SELECT v.*, date_part('year', p.dob)::int AS born, (date_part('month', p.dob) >= 4)::int AS after_march, p.uasc, c.uasc_ceased
      FROM cover v
      JOIN person p ON p.la_code = ${laCode} AND p.id = v.person_id
      LEFT JOIN ${ceasedUasc(laCode)} c ON c.person_id = v.person_id
    )
    SELECT x.y AS year, x.y + 1 - k.born - k.after_march AS age, coalesce(k.uasc AND (k.uasc_ceased IS NULL OR k.uasc_ceased > x.d), false) AS uasc, count(*)::int AS n
    FROM kid k CROSS JOIN LATERAL (VALUES ${sql.join(unpivot)}) AS x(y, d, looked_after)
    WHERE x.looked_after
    GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

export interface StarterCount {
  /** The collection year by its start. */
  year: number;
  /** Age in whole years on the day care started; null when the date of birth is not known. */
  age: number | null;
  uasc: boolean;
  place: string | null;
  provider: string | null;
  cin: string | null;
  n: number;
}

/**
 * Children who started to be looked after (an episode with RNE S) in the collection years from
 * `fromYear` to `toYear`: each child once a year, at their first start that year, with the age,
 * UASC status, placement and category of need of that first episode.
 */
export async function startersByYear(db: Db, laCode: string, fromYear: number, toYear: number): Promise<StarterCount[]> {
  const result = await sql<StarterCount>`
    WITH st AS (
      SELECT DISTINCT ON (yr, e.person_id)
        date_part('year', e.decom - interval '3 months')::int AS yr, e.person_id, e.decom, e.place, e.place_provider, e.cin
      FROM lac_episode e
      WHERE e.la_code = ${laCode} AND (e.rne = 'S' OR e.rne IS NULL)
        AND e.decom >= ${`${String(fromYear)}-04-01`}::date AND e.decom <= ${`${String(toYear + 1)}-03-31`}::date
        AND ${notShortBreak("e.ls")}
      ORDER BY yr, e.person_id, e.decom
    )
    SELECT st.yr AS year,
      ${ageOnSql(sql`st.decom`, sql`p.dob`)} AS age,
      coalesce(${uascOn(sql`st.decom`)}, false) AS uasc,
      st.place, st.place_provider AS provider, st.cin, count(*)::int AS n
    FROM st
    JOIN person p ON p.la_code = ${laCode} AND p.id = st.person_id
    LEFT JOIN ${ceasedUasc(laCode)} c ON c.person_id = st.person_id
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  return result.rows;
}

export interface CeasedCount {
  rec: string;
  n: number;
}

/**
 * Children who ceased to be looked after in the year (an episode ended from `from` to `to` with a
 * reason other than X1), each child once, at the last time they ceased in the year.
 */
export async function ceasedByReason(db: Db, laCode: string, from: string, to: string): Promise<CeasedCount[]> {
  const result = await sql<CeasedCount>`
    SELECT rec, count(*)::int AS n FROM (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.rec
      FROM lac_episode e
      WHERE e.la_code = ${laCode} AND e.dec >= ${from}::date AND e.dec <= ${to}::date
        AND e.rec IS NOT NULL AND e.rec <> 'X1' AND ${notShortBreak("e.ls")}
      ORDER BY e.person_id, e.dec DESC, e.decom DESC
    ) last_ceased
    GROUP BY rec`.execute(db);
  return result.rows;
}
