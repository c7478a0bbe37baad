import { VISIT_TYPES, addCalendarDays, addCalendarMonths, dentalCheckDue, healthAssessmentDue, isLongTermFostering, lookedAfterVisitDue, pepDue, type PlacementType } from "@family-story/domain";
import type { Report, ReportTable } from "@family-story/schemas";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { tableReviews } from "./iro-annual-tables.ts";
import { percentOf } from "./percentages.ts";
import { inReportTransaction } from "./population-queries.ts";
import { reportYear, yearEndLabel, yearLabel } from "./report-year.ts";
import { reviewTimelinessCounts } from "./review-queries.ts";

/**
 * Timeliness for children looked after: reviews held on time in the year (as the IRO report
 * counts them), and whether each child's health assessment, dental check, personal education
 * plan and social worker visit were up to date at 31 March by the domain's schedules
 * (looked-after-timescales.ts), from dated checks (lac_check) and visit case notes. One row per
 * child comes back from the database; the schedules, which need bank holidays, run here.
 */

export interface ChildDates {
  dob: string | null;
  period_start: string;
  spell_start: string | null;
  spell_place: string | null;
  health_assessment: string | null;
  dental_check: string | null;
  pep: string | null;
  visit: string | null;
  ha_in_year: boolean;
  dental_in_year: boolean;
}

/**
 * One row per child looked after at `to` (an episode open that day, not on a short break): date
 * of birth, the start of their current period of care, their latest placement spell (its first
 * episode: the latest on or before `to` with an RNE other than L, within the period) and the
 * latest check of each kind and visit on or before `to`. Grouped, not windowed: each part is one
 * pass over its table.
 */
async function childDates(db: Transaction<Database>, laCode: string, from: string, to: string): Promise<ChildDates[]> {
  const result = await sql<ChildDates>`
    WITH ck AS MATERIALIZED (
      SELECT person_id FROM lac_episode
      WHERE la_code = ${laCode} AND decom <= ${to}::date AND (dec IS NULL OR dec > ${to}::date)
      GROUP BY person_id HAVING bool_or(ls IS NULL OR ls NOT IN ('V3', 'V4'))
    ),
    starts AS MATERIALIZED (
      SELECT person_id, max(decom) AS ps FROM (
        SELECT e.person_id, e.decom FROM lac_episode e JOIN ck ON ck.person_id = e.person_id
        WHERE e.la_code = ${laCode} AND e.decom <= ${to}::date AND (e.rne = 'S' OR e.rne IS NULL)
        UNION ALL
        SELECT e.person_id, e.decom FROM lac_episode e JOIN ck ON ck.person_id = e.person_id
        WHERE e.la_code = ${laCode} AND e.decom <= ${to}::date AND e.rne <> 'S'
          AND NOT EXISTS (SELECT 1 FROM lac_episode p WHERE p.la_code = ${laCode} AND p.person_id = e.person_id AND p.dec = e.decom AND p.rec = 'X1' AND p.decom < e.decom)
      ) period_start
      GROUP BY person_id
    ),
    spell AS (
      SELECT DISTINCT ON (e.person_id) e.person_id, e.decom, e.place FROM lac_episode e JOIN starts s ON s.person_id = e.person_id
      WHERE e.la_code = ${laCode} AND e.decom <= ${to}::date AND e.decom >= s.ps AND (e.rne IS DISTINCT FROM 'L' OR e.decom = s.ps)
      ORDER BY e.person_id, e.decom DESC
    ),
    checks AS (
      SELECT k.person_id,
        max(k.check_date) FILTER (WHERE k.kind = 'health_assessment') AS health_assessment,
        max(k.check_date) FILTER (WHERE k.kind = 'dental_check') AS dental_check,
        max(k.check_date) FILTER (WHERE k.kind = 'pep') AS pep,
        coalesce(bool_or(k.kind = 'health_assessment' AND k.check_date >= ${from}::date), false) AS ha_in_year,
        coalesce(bool_or(k.kind = 'dental_check' AND k.check_date >= ${from}::date), false) AS dental_in_year
      FROM lac_check k JOIN ck ON ck.person_id = k.person_id
      WHERE k.la_code = ${laCode} AND k.check_date <= ${to}::date AND k.kind IN ('health_assessment', 'dental_check', 'pep')
      GROUP BY k.person_id
    ),
    visits AS (
      SELECT n.person_id, max(n.note_date) AS visit FROM case_note n JOIN ck ON ck.person_id = n.person_id
      WHERE n.la_code = ${laCode} AND n.child_seen AND n.note_type IN (${sql.join(VISIT_TYPES.map((v) => v.code))}) AND n.note_date <= ${to}::date
      GROUP BY n.person_id
    )
    SELECT p.dob::text AS dob, s.ps::text AS period_start, sp.decom::text AS spell_start, sp.place AS spell_place,
      k.health_assessment::text AS health_assessment, k.dental_check::text AS dental_check, k.pep::text AS pep, v.visit::text AS visit,
      coalesce(k.ha_in_year, false) AS ha_in_year, coalesce(k.dental_in_year, false) AS dental_in_year
    FROM ck
    JOIN person p ON p.la_code = ${laCode} AND p.id = ck.person_id
    JOIN starts s ON s.person_id = ck.person_id
    LEFT JOIN spell sp ON sp.person_id = ck.person_id
    LEFT JOIN checks k ON k.person_id = ck.person_id
    LEFT JOIN visits v ON v.person_id = ck.person_id`.execute(db);
  return result.rows;
}

interface Tally {
  counted: number;
  upToDate: number;
  notJudged: number;
}

const tally = (): Tally => ({ counted: 0, upToDate: 0, notJudged: 0 });

/** Of compulsory school age on 31 March `year + 1`: fifth birthday by 31 December, not yet past Year 11. */
export function ofCompulsorySchoolAge(dob: string, year: number): boolean {
  return dob >= `${String(year - 16)}-09-01` && dob <= `${String(year - 5)}-12-31`;
}

/** Whether each measure was up to date at `to` for each child (due on or after that day). */
export function upToDateTallies(children: readonly ChildDates[], year: number, to: string): Record<"health" | "dental" | "pep" | "visit", Tally> {
  const t = { health: tally(), dental: tally(), pep: tally(), visit: tally() };
  const judge = (into: Tally, due: string | null) => {
    into.counted += 1;
    if (due === null) into.notJudged += 1;
    else if (due >= to) into.upToDate += 1;
  };
  for (const c of children) {
    judge(t.health, c.dob === null ? null : healthAssessmentDue(c.period_start, c.dob, c.health_assessment === null ? [] : [c.health_assessment]));
    judge(t.dental, dentalCheckDue(c.period_start, c.dental_check));
    if (c.dob !== null && ofCompulsorySchoolAge(c.dob, year)) judge(t.pep, pepDue(c.period_start, c.pep));
    const place = c.spell_place === null ? null : (c.spell_place as PlacementType);
    judge(t.visit, c.spell_start === null ? null : lookedAfterVisitDue({ placementStart: c.spell_start, lastVisit: c.visit, longTerm: place !== null && isLongTermFostering(place) }));
  }
  return t;
}

function upToDateTable(year: number, t: ReturnType<typeof upToDateTallies>): ReportTable {
  const row = (measure: string, x: Tally) => ({ measure, counted: x.counted, upToDate: x.upToDate, overdue: x.counted - x.upToDate - x.notJudged, notJudged: x.notJudged, percent: percentOf(x.upToDate, x.counted - x.notJudged) });
  return {
    id: "up-to-date",
    title: `Up to date at ${yearEndLabel(year)}`,
    description: "Children looked after at 31 March (not on short breaks) whose next health assessment, dental check, personal education plan (children of compulsory school age) and social worker visit was not yet overdue that day, by the statutory schedules.",
    columns: [
      { key: "measure", label: "Measure", type: "text" },
      { key: "counted", label: "Children", type: "count" },
      { key: "upToDate", label: "Up to date", type: "count" },
      { key: "overdue", label: "Overdue", type: "count" },
      { key: "notJudged", label: "Not judged (date of birth or placement unknown)", type: "count" },
      { key: "percent", label: "% up to date", type: "percent" },
    ],
    rows: [row("Health assessment", t.health), row("Dental check", t.dental), row("Personal education plan", t.pep), row("Social worker visit", t.visit)],
    totals: null,
  };
}

function oc2Table(year: number, children: readonly ChildDates[], lookedAfterBy: string): ReportTable {
  const cohort = children.filter((c) => c.period_start <= lookedAfterBy);
  const ha = cohort.filter((c) => c.ha_in_year).length;
  const dental = cohort.filter((c) => c.dental_in_year).length;
  return {
    id: "oc2",
    title: `Children looked after for 12 months or more at ${yearEndLabel(year)}: health checks in ${yearLabel(year)}`,
    description: "As the DfE's OC2 measures: children looked after continuously for at least 12 months at 31 March who had a health assessment, or a dental check, during the year.",
    columns: [
      { key: "measure", label: "Measure", type: "text" },
      { key: "cohort", label: "Looked after 12 months or more", type: "count" },
      { key: "count", label: "Had one in the year", type: "count" },
      { key: "percent", label: "%", type: "percent" },
    ],
    rows: [
      { measure: "Health assessment", cohort: cohort.length, count: ha, percent: percentOf(ha, cohort.length) },
      { measure: "Dental check", cohort: cohort.length, count: dental, percent: percentOf(dental, cohort.length) },
    ],
    totals: null,
  };
}

/** Timeliness of reviews, health assessments, dental checks, PEPs and visits for the year. */
export async function buildTimelinessReport(db: Kysely<Database>, authority: { code: string; name: string }, year: number, today?: string): Promise<Report> {
  const span = reportYear(year, today);
  const [reviews, children] = await Promise.all([
    inReportTransaction(db, (trx) => reviewTimelinessCounts(trx, authority.code, span.from, span.to)),
    inReportTransaction(db, (trx) => childDates(trx, authority.code, span.from, span.to)),
  ]);
  const lookedAfterBy = addCalendarDays(addCalendarMonths(span.to, -12), 1);
  return {
    report: "looked-after-timeliness",
    title: `Timeliness for children looked after, ${span.label}`,
    authority,
    year,
    yearLabel: span.label,
    periodStart: span.from,
    periodEnd: span.to,
    complete: span.complete,
    generatedAt: new Date().toISOString(),
    tables: [tableReviews(reviews, year), upToDateTable(year, upToDateTallies(children, year, span.to)), oc2Table(year, children, lookedAfterBy)],
  };
}
