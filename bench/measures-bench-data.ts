import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "../apps/server/src/db/database-types.ts";

/**
 * The synthetic region of bench/measures-bench.ts: authorities of children and young people
 * (aged 0–20 today) with the casework history computed measures read, written set-based in
 * PostgreSQL (generate_series, one transaction per authority, so an authority is either all
 * there or not at all). Volumes per 100,000 children follow the national order of magnitude:
 * about 10,000 contacts a year, 46% of them referrals to social care, 22% early help, 12%
 * strategy discussions with a section 47 enquiry; about 2,350 children looked after at some
 * time in the history (some 700 at a time), with their episodes, reviews, checks, missing
 * episodes and care leavers' OC3 records.
 */

export interface RegionOptions {
  authorities: number;
  childrenPerAuthority: number;
  /** First day of the history (YYYY-MM-DD); children already in care then started up to four years before. */
  historyFrom: string;
  /** The last day of the history. */
  today: string;
}

/** The bench authorities' ONS-shaped codes: E06990001, E06990002 … */
export const benchLaCode = (i: number): string => `E0699${String(i).padStart(4, "0")}`;

/** Bench authorities present (each written in one transaction, so present means complete). */
export async function presentAuthorities(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ la_code: string }>`SELECT la_code FROM local_authority WHERE la_code LIKE 'E0699%' ORDER BY la_code`.execute(db);
  return rows.rows.map((r) => r.la_code);
}

/** A random element of a text array, evaluated per row. */
const pick = (values: readonly string[]): RawBuilder<string> => sql<string>`(${sql.raw(`ARRAY[${values.map((v) => `'${v}'`).join(",")}]`)})[1 + floor(random() * ${sql.lit(values.length)})::int]`;

const SF_OUTCOMES = ["education", "early_years", "health", "substance_use", "family_relationships", "safe_from_abuse", "crime", "domestic_abuse", "housing", "financial_stability"];
const SUBMITTER = sql.lit("00000000-0000-0000-0000-0000000000b1");

/** Writes one authority of n children in one transaction (triggers and foreign keys off for speed). */
export async function generateAuthority(db: Kysely<Database>, index: number, n: number, options: RegionOptions): Promise<void> {
  const la = sql.lit(benchLaCode(index));
  const T = sql`${sql.lit(options.today)}::date`;
  const H = sql`${sql.lit(options.historyFrom)}::date`;
  const years = (Date.parse(options.today) - Date.parse(options.historyFrom)) / (365.25 * 86_400_000);
  const contacts = Math.round(n * 0.1 * years);
  const lookedAfter = Math.round(n * 0.0235);
  await db.transaction().execute(async (trx) => {
    const run = (q: RawBuilder<unknown>) => q.execute(trx);
    // A superuser's session setting: the measure triggers and foreign-key checks do not fire while
    // bulk loading (the benchmark builds the facts afterwards with the full rebuild).
    await run(sql`SET LOCAL session_replication_role = replica`);
    await run(sql`SET LOCAL synchronous_commit = off`);
    await run(sql`SET LOCAL work_mem = '256MB'`);
    await organisation(run, la, index);
    await children(run, la, T, n);
    await frontDoor(run, la, T, H, n, contacts);
    await socialCare(run, la, T);
    await earlyHelp(run, la, T);
    await lookedAfterChildren(run, la, T, H, n, lookedAfter);
    await run(sql`INSERT INTO case_member (la_code, case_id, person_id, role) SELECT la_code, id, subject_person_id, 'child' FROM casework_case WHERE la_code = ${la}`);
  });
}

type Run = (q: RawBuilder<unknown>) => Promise<unknown>;
type Lit = RawBuilder<unknown>;

async function organisation(run: Run, la: Lit, index: number): Promise<void> {
  await run(sql`INSERT INTO local_authority (la_code, name) VALUES (${la}, ${sql.lit(`Bench Authority ${String(index)} (synthetic)`)})`);
  await run(sql`INSERT INTO organisation (la_code, id, kind, name, postcode) VALUES (${la}, gen_random_uuid(), 'local_authority', ${sql.lit(`Bench Authority ${String(index)} Children's Services`)}, 'ZZ99 9ZZ')`);
  await run(sql`CREATE TEMP TABLE bt ON COMMIT DROP AS SELECT k, gen_random_uuid() AS id, name, kind FROM (VALUES
    ('fd', 'Front Door', 'front_door'), ('swn', 'Social Work North', 'locality_social_work'), ('sws', 'Social Work South', 'locality_social_work'),
    ('swe', 'Social Work East', 'locality_social_work'), ('cla', 'Children Looked After', 'children_looked_after'), ('lc', 'Leaving Care', 'leaving_care'),
    ('eha', 'Early Help North', 'early_help'), ('ehb', 'Early Help South', 'early_help')) v(k, name, kind)`);
  await run(sql`INSERT INTO team (la_code, id, name, kind, organisation_id) SELECT ${la}, id, name, kind, (SELECT id FROM organisation WHERE la_code = ${la} LIMIT 1) FROM bt`);
}

const team = (k: string) => sql`(SELECT id FROM bt WHERE k = ${sql.lit(k)})`;

async function children(run: Run, la: Lit, T: Lit, n: number): Promise<void> {
  // Ages 0–20 today (7,670 days is 21 years), evenly spread.
  await run(sql`CREATE TEMP TABLE bc ON COMMIT DROP AS SELECT g, gen_random_uuid() AS id, ${T} - floor(random() * 7670)::int AS dob FROM generate_series(1, ${sql.lit(n)}) g`);
  await run(sql`ALTER TABLE bc ADD PRIMARY KEY (g)`);
  await run(sql`INSERT INTO person (la_code, id, la_child_id, given_name, family_name, dob, sex, search_text)
    SELECT ${la}, id, 'B' || g, 'Child', 'Bench ' || g, dob, CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, 'child bench ' || g FROM bc`);
}

/** Contacts about 30% of the children (so many come back), each decided within about a day. */
async function frontDoor(run: Run, la: Lit, T: Lit, H: Lit, n: number, count: number): Promise<void> {
  await run(sql`CREATE TEMP TABLE bk ON COMMIT DROP AS
    WITH p AS (SELECT gen_random_uuid() AS id, 1 + floor(random() * ${sql.lit(Math.floor(n * 0.3))})::int AS g, random() AS r, random() AS d FROM generate_series(1, ${sql.lit(count)})),
    dated AS (
      SELECT p.id, p.g, c.id AS person_id, c.dob, p.r, greatest(${H}, c.dob) + floor(p.d * (least(${T}, c.dob + 6574) - greatest(${H}, c.dob)))::int AS received
      FROM p JOIN bc c USING (g) WHERE least(${T}, c.dob + 6574) > greatest(${H}, c.dob)
    )
    SELECT *, CASE WHEN received >= ${T} - 1 THEN NULL WHEN r < 0.24 THEN 'nfa_signpost' WHEN r < 0.32 THEN 'universal_service' WHEN r < 0.54 THEN 'early_help'
      WHEN r < 0.88 THEN 'social_care_assessment' ELSE 'strategy_discussion' END AS decision,
      ${pick(["1A", "2A", "2A", "3A", "3B", "4", "5A", "6", "6", "6", "8", "9"])} AS source
    FROM dated`);
  await run(sql`INSERT INTO contact (la_code, id, received_at, referral_source, contact_name, via, submitted_by, concerns, consent_sharing, consent_early_help, status, due_at, decision, threshold_level, decided_by, decided_at, team_id)
    SELECT ${la}, id, received + time '10:00', source, 'Bench referrer', 'staff', ${SUBMITTER}, 'Synthetic concern', 'yes', 'yes',
      CASE WHEN decision IS NULL THEN 'awaiting_decision' ELSE 'decided' END, received + time '10:00' + interval '1 day', decision,
      CASE decision WHEN 'early_help' THEN 2 WHEN 'social_care_assessment' THEN 3 WHEN 'strategy_discussion' THEN 4 ELSE 1 END,
      CASE WHEN decision IS NOT NULL THEN ${SUBMITTER}::uuid END, CASE WHEN decision IS NOT NULL THEN received + time '10:00' + random() * interval '30 hours' END, ${team("fd")}
    FROM bk`);
  await run(sql`INSERT INTO contact_child (la_code, contact_id, person_id, repeat_referral, previous_referral_date)
    SELECT ${la}, k.id, k.person_id, coalesce(r.prev >= k.received - 365, false), r.prev FROM bk k
    LEFT JOIN (SELECT id, lag(received) OVER (PARTITION BY g ORDER BY received) AS prev FROM bk WHERE decision IN ('social_care_assessment', 'strategy_discussion')) r USING (id)`);
}

/** Referrals, assessments, strategy discussions, section 47 enquiries, conferences, CP and CIN plans. */
async function socialCare(run: Run, la: Lit, T: Lit): Promise<void> {
  await run(sql`CREATE TEMP TABLE br ON COMMIT DROP AS
    SELECT gen_random_uuid() AS case_id, k.id AS contact_id, k.person_id, k.received + (random() < 0.5)::int AS rdate, k.decision, k.source,
      (ARRAY[${team("swn")}, ${team("sws")}, ${team("swe")}])[1 + floor(random() * 3)::int] AS team_id, random() < 0.06 AS nfa,
      ${pick(["N1", "N1", "N1", "N1", "N1", "N2", "N3", "N4", "N4", "N5", "N5", "N6", "N7", "N8", "N9"])} AS need
    FROM bk k WHERE k.decision IN ('social_care_assessment', 'strategy_discussion')`);
  // Most assessments take 5–60 days; about one in six runs past 45 working days.
  await run(sql`INSERT INTO cin_assessment (la_code, id, case_id, person_id, start_date, completed_date, factors, primary_need, authorised_date)
    SELECT ${la}, gen_random_uuid(), case_id, person_id, s, CASE WHEN s + d <= ${T} THEN s + d END, jsonb_build_array(${pick(["16A", "17A", "3B", "4B", "1B", "2B", "18C", "21"])}), need, CASE WHEN s + d <= ${T} THEN s + d END
    FROM (SELECT *, least(${T}, rdate + floor(random() * 3)::int) AS s, 5 + floor(power(random(), 1.4) * 75)::int AS d FROM br WHERE NOT nfa) a`);
  await run(sql`CREATE TEMP TABLE bs ON COMMIT DROP AS
    SELECT *, greatest(outcome_date, s47_start + 5 + floor(power(random(), 1.5) * 30)::int) AS icpc_date, random() < 0.88 AS plan, 60 + floor(random() * 600)::int AS plan_days
    FROM (SELECT gen_random_uuid() AS sd_id, gen_random_uuid() AS s47_id, gen_random_uuid() AS plan_id, case_id, person_id, rdate AS sd_date, s47_start, s47_start + 3 + floor(random() * 20)::int AS outcome_date,
      CASE WHEN ro < 0.38 THEN 'icpc' WHEN ro < 0.63 THEN 'cin_plan' WHEN ro < 0.70 THEN 'early_help' ELSE 'no_further_action' END AS outcome
      FROM (SELECT *, least(${T}, rdate + floor(random() * 3)::int) AS s47_start, random() AS ro FROM br WHERE decision = 'strategy_discussion') b) s`);
  await run(sql`INSERT INTO strategy_discussion (la_code, id, case_id, person_id, discussion_date, attendees, decision) SELECT ${la}, sd_id, case_id, person_id, sd_date, 'Police, health, social care', 'Section 47 enquiry' FROM bs`);
  await run(sql`INSERT INTO s47_enquiry (la_code, id, case_id, person_id, strategy_discussion_id, start_date, outcome, outcome_date)
    SELECT ${la}, s47_id, case_id, person_id, sd_id, s47_start, CASE WHEN outcome_date <= ${T} THEN outcome END, CASE WHEN outcome_date <= ${T} THEN outcome_date END FROM bs`);
  await run(sql`INSERT INTO cp_plan (la_code, id, case_id, person_id, start_date, initial_category, latest_category, end_date)
    SELECT ${la}, plan_id, case_id, person_id, icpc_date, cat, cat, CASE WHEN icpc_date + plan_days <= ${T} THEN icpc_date + plan_days END
    FROM (SELECT *, ${pick(["NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB", "MUL"])} AS cat FROM bs) s WHERE outcome = 'icpc' AND plan AND icpc_date <= ${T}`);
  await run(sql`INSERT INTO cp_conference (la_code, id, case_id, person_id, kind, s47_id, cp_plan_id, conference_date, outcome, category)
    SELECT ${la}, gen_random_uuid(), s.case_id, s.person_id, 'initial', s.s47_id, p.id, s.icpc_date, CASE WHEN s.plan THEN 'plan' ELSE 'no_plan' END, p.initial_category
    FROM bs s LEFT JOIN cp_plan p ON p.la_code = ${la} AND p.id = s.plan_id WHERE s.outcome = 'icpc' AND s.icpc_date <= ${T}`);
  await run(sql`INSERT INTO cp_conference (la_code, id, case_id, person_id, kind, cp_plan_id, conference_date, outcome, category)
    SELECT ${la}, gen_random_uuid(), case_id, person_id, 'review', id, start_date + 90, 'continue', latest_category FROM cp_plan
    WHERE la_code = ${la} AND start_date + 90 <= ${T} AND (end_date IS NULL OR end_date > start_date + 90)`);
  // A child in need plan after three in ten completed assessments (none with a CP plan).
  await run(sql`INSERT INTO cin_plan (la_code, id, case_id, person_id, start_date, end_date)
    SELECT ${la}, gen_random_uuid(), case_id, person_id, s, CASE WHEN s + d <= ${T} THEN s + d END
    FROM (SELECT a.case_id, a.person_id, a.completed_date + floor(random() * 8)::int AS s, 60 + floor(random() * 360)::int AS d FROM cin_assessment a
      WHERE a.la_code = ${la} AND a.completed_date IS NOT NULL AND random() < 0.3 AND NOT EXISTS (SELECT 1 FROM bs WHERE bs.case_id = a.case_id AND bs.outcome = 'icpc')) c
    WHERE s <= ${T}`);
  // The case closes a week after its last piece of work ends.
  await run(sql`CREATE TEMP TABLE bclose ON COMMIT DROP AS
    SELECT r.case_id, CASE WHEN r.nfa THEN r.rdate + 1 WHEN bool_and(x.d IS NOT NULL) THEN max(x.d) + 7 END AS closed
    FROM br r LEFT JOIN (
      SELECT case_id, completed_date AS d FROM cin_assessment WHERE la_code = ${la}
      UNION ALL SELECT case_id, end_date FROM cp_plan WHERE la_code = ${la}
      UNION ALL SELECT case_id, end_date FROM cin_plan WHERE la_code = ${la}
      UNION ALL SELECT case_id, outcome_date FROM s47_enquiry WHERE la_code = ${la}
    ) x ON x.case_id = r.case_id GROUP BY r.case_id, r.nfa, r.rdate`);
  await run(sql`INSERT INTO casework_case (la_code, id, kind, subject_person_id, title, status, opened_on, closed_on, closure_reason, threshold_level, team_id, contact_id)
    SELECT ${la}, r.case_id, 'social_care', r.person_id, 'Social care', CASE WHEN c.closed <= ${T} THEN 'closed' ELSE 'open' END, r.rdate,
      CASE WHEN c.closed <= ${T} THEN c.closed END, CASE WHEN c.closed <= ${T} THEN 'RC7' END, CASE WHEN r.decision = 'strategy_discussion' THEN 4 ELSE 3 END, r.team_id, r.contact_id
    FROM br r JOIN bclose c USING (case_id)`);
  await run(sql`INSERT INTO cin_referral (la_code, case_id, person_id, referral_date, referral_source, contact_id, primary_need, nfa, closure_date, closure_reason)
    SELECT ${la}, r.case_id, r.person_id, r.rdate, r.source, r.contact_id, r.need, r.nfa, CASE WHEN c.closed <= ${T} THEN c.closed END,
      CASE WHEN c.closed <= ${T} THEN CASE WHEN r.nfa THEN 'RC8' ELSE 'RC7' END END
    FROM br r JOIN bclose c USING (case_id)`);
}

/** Early help episodes with a family plan of 2–4 goals, most closed and authorised. */
async function earlyHelp(run: Run, la: Lit, T: Lit): Promise<void> {
  await run(sql`CREATE TEMP TABLE be ON COMMIT DROP AS
    SELECT *, CASE WHEN opened + dur <= ${T} AND rq < 0.95 THEN opened + dur END AS closed, opened + dur <= ${T} AS requested
    FROM (SELECT gen_random_uuid() AS case_id, id AS contact_id, person_id, least(${T}, received + 1 + floor(random() * 5)::int) AS opened, 60 + floor(random() * 300)::int AS dur,
      (ARRAY[${team("eha")}, ${team("ehb")}])[1 + floor(random() * 2)::int] AS team_id, random() AS rq, random() AS rr, 2 + floor(random() * 3)::int AS goals
      FROM bk WHERE decision = 'early_help') e`);
  await run(sql`INSERT INTO casework_case (la_code, id, kind, subject_person_id, title, status, opened_on, closed_on, closure_reason, threshold_level, team_id, contact_id)
    SELECT ${la}, case_id, 'early_help', person_id, 'Early help', CASE WHEN closed IS NULL THEN 'open' ELSE 'closed' END, opened, closed,
      CASE WHEN closed IS NOT NULL THEN 'outcomes_achieved' END, 2, team_id, contact_id FROM be`);
  await run(sql`INSERT INTO eh_plan (la_code, case_id, status, authorised_at) SELECT ${la}, case_id, 'authorised', opened + 14 FROM be`);
  await run(sql`CREATE TEMP TABLE bg ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, e.case_id, e.person_id, e.opened, e.closed, ${pick(SF_OUTCOMES)} AS outcome, random() < 0.62 AS met
    FROM be e CROSS JOIN LATERAL generate_series(1, e.goals) AS k`);
  await run(sql`CREATE INDEX ON bg (case_id)`);
  await run(sql`INSERT INTO eh_goal (la_code, id, case_id, outcome, person_id, description, target_date, status)
    SELECT ${la}, id, case_id, outcome, person_id, 'Bench goal', opened + 90, CASE WHEN closed IS NULL THEN 'open' WHEN met THEN 'met' ELSE 'not_met' END FROM bg`);
  await run(sql`INSERT INTO eh_closure (la_code, id, case_id, reason, closed_on, goal_outcomes, status, requested_by, requested_at, decided_by, decided_at)
    SELECT ${la}, gen_random_uuid(), e.case_id,
      CASE WHEN e.rr < 0.6 THEN 'outcomes_achieved' WHEN e.rr < 0.72 THEN 'stepped_up' WHEN e.rr < 0.87 THEN 'stepped_down_universal' WHEN e.rr < 0.96 THEN 'disengaged' ELSE 'moved_away' END,
      e.opened + e.dur, (SELECT jsonb_agg(jsonb_build_object('goalId', g.id, 'status', CASE WHEN g.met THEN 'met' ELSE 'not_met' END)) FROM bg g WHERE g.case_id = e.case_id),
      CASE WHEN e.closed IS NULL THEN 'awaiting_authorisation' ELSE 'authorised' END, ${SUBMITTER}, e.opened + e.dur,
      CASE WHEN e.closed IS NOT NULL THEN ${SUBMITTER}::uuid END, CASE WHEN e.closed IS NOT NULL THEN e.closed + time '12:00' END
    FROM be e WHERE e.requested`);
}

/** Periods of care (one per child, 1–4 episodes), reviews, checks, missing episodes and OC3. */
async function lookedAfterChildren(run: Run, la: Lit, T: Lit, H: Lit, n: number, count: number): Promise<void> {
  const from = Math.floor(n * 0.3);
  await run(sql`CREATE TEMP TABLE bl0 ON COMMIT DROP AS
    SELECT c.id AS person_id, c.dob, lo + floor(random() * (hi - lo))::int AS s, gen_random_uuid() AS case_id, random() AS rstay, random() AS rdur,
      1 + (random() < 0.5)::int + (random() < 0.3)::int + (random() < 0.15)::int AS n0, random() < 0.06 AS uasc,
      CASE WHEN random() < 0.12 THEN 1 + floor(random() * 8)::int ELSE 0 END AS nmiss, (c.dob + interval '18 years')::date AS eighteen
    FROM (SELECT *, greatest(dob, ${H} - 1461) AS lo, least(dob + 6390, ${T} - 1) AS hi FROM bc WHERE g > ${sql.lit(from)} AND g <= ${sql.lit(from + count * 2)}) c
    WHERE hi - lo > 30 LIMIT ${sql.lit(count)}`);
  await run(sql`CREATE TEMP TABLE bl ON COMMIT DROP AS
    SELECT *, coalesce(dec, ${T}) - s AS span, least(n0, greatest(1, (coalesce(dec, ${T}) - s) / 30)) AS n
    FROM (SELECT *, CASE WHEN least(fin, eighteen) <= ${T} THEN least(fin, eighteen) END AS dec,
      CASE WHEN fin < eighteen THEN ${pick(["E4A", "E4A", "E4B", "E13", "E11", "E12", "E41", "E45", "E48", "E3", "E8"])} ELSE ${pick(["E8", "E17", "E5", "E6"])} END AS rec
      FROM (SELECT *, CASE WHEN rstay < 0.3 THEN DATE 'infinity' ELSE s + 20 + floor(power(rdur, 1.5) * 2000)::int END AS fin FROM bl0) a) b`);
  await run(sql`UPDATE person p SET uasc = true FROM bl WHERE p.la_code = ${la} AND p.id = bl.person_id AND bl.uasc`);
  await run(sql`INSERT INTO casework_case (la_code, id, kind, subject_person_id, title, status, opened_on, closed_on, team_id)
    SELECT ${la}, case_id, 'looked_after', person_id, 'Looked after', CASE WHEN dec IS NULL THEN 'open' ELSE 'closed' END, s, dec, ${team("cla")} FROM bl`);
  await run(sql`INSERT INTO lac_child (la_code, person_id, case_id, uasc_ceased, source) SELECT ${la}, person_id, case_id, CASE WHEN uasc THEN eighteen END, 'recorded' FROM bl`);
  await run(sql`INSERT INTO lac_episode (la_code, id, person_id, case_id, decom, rne, ls, cin, place, place_provider, dec, rec, reason_place_change, source)
    SELECT ${la}, gen_random_uuid(), person_id, case_id, decom, rne, ${pick(["C2", "C2", "C2", "C1", "C1", "V2", "V2", "E1", "J1"])},
      CASE WHEN uasc THEN 'N8' ELSE ${pick(["N1", "N1", "N1", "N1", "N1", "N2", "N3", "N4", "N5", "N6"])} END,
      ${pick(["U4", "U4", "U4", "U5", "U6", "U1", "U3", "K2", "R1", "P1", "A5", "K3"])}, ${pick(["PR1", "PR1", "PR4", "PR4", "PR5", "PR2"])}, edec, erec,
      CASE WHEN rne IN ('P', 'T', 'U', 'B') THEN ${pick(["CARPL", "CARPL", "CLOSE", "CHILD", "CREQO", "STAND", "LAREQ", "OTHER"])} END, 'recorded'
    FROM (SELECT l.*, k, l.s + (l.span * (k - 1) / l.n) AS decom, CASE WHEN k = 1 THEN 'S' ELSE ${pick(["P", "P", "P", "P", "T", "L", "U", "B"])} END AS rne,
      CASE WHEN k < l.n THEN l.s + (l.span * k / l.n) ELSE l.dec END AS edec, CASE WHEN k < l.n THEN 'X1' WHEN l.dec IS NOT NULL THEN l.rec END AS erec
      FROM bl l CROSS JOIN LATERAL generate_series(1, l.n) AS k) e`);
  // Reviews at 20 days, 3 months, then every 6 months; one in ten late by up to 25 days.
  await run(sql`INSERT INTO lac_review (la_code, id, person_id, case_id, status, planned_date, review_date, source)
    SELECT ${la}, gen_random_uuid(), person_id, case_id, 'held', due, held, 'recorded'
    FROM (SELECT l.person_id, l.case_id, l.dec, d.due, d.due + CASE WHEN random() < 0.1 THEN 1 + floor(random() * 25)::int ELSE -floor(random() * 5)::int END AS held
      FROM bl l CROSS JOIN LATERAL (SELECT CASE WHEN k = 0 THEN l.s + 20 ELSE l.s + 110 + 182 * (k - 1) END AS due FROM generate_series(0, 2 + l.span / 182) AS k) d) r
    WHERE held <= least(coalesce(dec, ${T}), ${T}) AND held > due - 10`);
  await run(sql`INSERT INTO lac_missing (la_code, id, person_id, missing_type, start_date, end_date, rhi_offered_on, rhi_accepted, source)
    SELECT ${la}, gen_random_uuid(), person_id, ${pick(["M", "M", "M", "A"])}, st, least(${T}, st + floor(random() * 3)::int), CASE WHEN offered THEN least(${T}, st + 1 + floor(random() * 3)::int) END,
      CASE WHEN offered THEN random() < 0.6 END, 'recorded'
    FROM (SELECT l.person_id, l.s + floor(random() * l.span)::int AS st, random() < 0.75 AS offered FROM bl l CROSS JOIN LATERAL generate_series(1, l.nmiss) AS k WHERE l.span > 0) m
    ON CONFLICT DO NOTHING`);
  await run(sql`INSERT INTO lac_check (la_code, id, person_id, kind, check_date, sdq_score)
    SELECT ${la}, gen_random_uuid(), person_id, kind, d, CASE WHEN kind = 'sdq' THEN floor(random() * 35)::int END
    FROM (SELECT l.person_id, l.dec, c.kind, c.d FROM bl l CROSS JOIN LATERAL generate_series(0, l.span / 182) AS k
      CROSS JOIN LATERAL (VALUES ('pep', l.s + 15 + 182 * k + floor(random() * 20)::int), ('health_assessment', CASE WHEN k % 2 = 0 THEN l.s + 20 + 182 * k + floor(random() * 40)::int END),
        ('dental_check', CASE WHEN k % 2 = 1 THEN l.s + 182 * k + 30 END), ('sdq', CASE WHEN k % 2 = 1 THEN l.s + 182 * k + 60 END)) AS c(kind, d)) x
    WHERE d IS NOT NULL AND d <= least(coalesce(dec, ${T}), ${T})`);
  await run(sql`INSERT INTO lac_check (la_code, id, person_id, kind, check_date, outcome)
    SELECT ${la}, gen_random_uuid(), person_id, 'conviction', s + span / 2, 'convicted' FROM bl WHERE random() < 0.03 AND s + span / 2 - dob > 3650`);
  // Care leavers: those who left care at 16 or over, an OC3 record around each birthday from 17 to 21.
  await run(sql`INSERT INTO lac_oc3 (la_code, person_id, year, in_touch, activ, accom, recorded_on, source)
    SELECT ${la}, person_id, extract(year FROM bd - interval '3 months')::int, CASE WHEN random() < 0.92 THEN 'YES' ELSE ${pick(["NO", "REFU", "NREQ"])} END,
      ${pick(["F1", "P1", "F2", "P2", "F4", "P4", "G4", "G5", "G6", "F1", "F2"])}, ${pick(["B1", "C1", "D1", "E1", "G1", "H1", "K1", "R1", "S1", "T1", "U1", "B2", "E2", "G2", "R2"])},
      least(${T}, bd + floor(random() * 30)::int), 'recorded'
    FROM (SELECT l.person_id, (l.dob + make_interval(years => a))::date AS bd, l.dec, l.dob FROM bl l CROSS JOIN LATERAL generate_series(17, 21) AS a
      WHERE l.dec IS NOT NULL AND l.dec >= (l.dob + interval '16 years')::date) o
    WHERE bd >= dec AND bd <= ${T} AND bd >= ${H}`);
}
