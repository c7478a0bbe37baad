import { sql, type Kysely } from "kysely";

/** Tables whose rows name the child directly, with the column that does. */
const PERSON_TABLES: readonly (readonly [string, string])[] = [
  ["person", "id"],
  ["case_member", "person_id"],
  ["contact_child", "person_id"],
  ["cin_referral", "person_id"],
  ["cin_assessment", "person_id"],
  ["strategy_discussion", "person_id"],
  ["s47_enquiry", "person_id"],
  ["cp_conference", "person_id"],
  ["cp_plan", "person_id"],
  ["cin_plan", "person_id"],
  ["lac_child", "person_id"],
  ["lac_episode", "person_id"],
  ["lac_review", "person_id"],
  ["lac_missing", "person_id"],
  ["lac_check", "person_id"],
  ["lac_oc3", "person_id"],
];

/** Tables that hang on a case: the case's subject and members are marked. */
const CASE_TABLES: readonly (readonly [string, string])[] = [
  ["casework_case", "id"],
  ["eh_plan", "case_id"],
  ["eh_goal", "case_id"],
  ["eh_closure", "case_id"],
];

/**
 * Measures: the facts computed measures are summed from, their monthly totals, the queue of
 * children whose facts are out of date, and the values and targets people enter. Statement
 * triggers on every table a computed measure reads mark the children a write touched, so the
 * totals can be brought up to date before any read (docs/architecture.md, "Measures").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One child's contribution to a measure in a month and team (nil uuid: no team).
  await sql`CREATE TABLE measure_fact (
    la_code text NOT NULL,
    measure_id text NOT NULL,
    month date NOT NULL,
    team_id uuid NOT NULL,
    person_id uuid NOT NULL,
    numerator integer NOT NULL,
    denominator integer NOT NULL,
    PRIMARY KEY (la_code, measure_id, month, team_id, person_id)
  )`.execute(db);
  await sql`CREATE INDEX measure_fact_person_idx ON measure_fact (la_code, person_id)`.execute(db);

  // The sums of measure_fact by authority, measure, team and month, kept in step with it.
  await sql`CREATE TABLE measure_month (
    la_code text NOT NULL,
    measure_id text NOT NULL,
    team_id uuid NOT NULL,
    month date NOT NULL,
    numerator bigint NOT NULL,
    denominator bigint NOT NULL,
    subjects integer NOT NULL,
    PRIMARY KEY (la_code, measure_id, team_id, month)
  )`.execute(db);

  // Children whose facts must be worked out again before the next read.
  await sql`CREATE TABLE measure_dirty (
    la_code text NOT NULL,
    person_id uuid NOT NULL,
    marked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, person_id)
  )`.execute(db);

  // How far the facts of an authority have been built: the window and when.
  await sql`CREATE TABLE measure_state (
    la_code text NOT NULL,
    first_month date NOT NULL,
    last_month date NOT NULL,
    built_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code)
  )`.execute(db);

  // Values of measures Family Story does not hold the data for, entered or imported.
  await sql`CREATE TABLE measure_value (
    la_code text NOT NULL,
    measure_id text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    value numeric NOT NULL,
    numerator numeric,
    denominator numeric,
    source text NOT NULL,
    source_date date NOT NULL,
    note text,
    import_job_id uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, measure_id, period_start, period_end),
    CHECK (period_end >= period_start)
  )`.execute(db);
  await sql`CREATE INDEX measure_value_end_idx ON measure_value (la_code, measure_id, period_end)`.execute(db);

  // An authority's baseline and target for a measure.
  await sql`CREATE TABLE measure_target (
    la_code text NOT NULL,
    measure_id text NOT NULL,
    baseline_value numeric,
    baseline_label text,
    target_value numeric,
    target_date date,
    amber_tolerance numeric NOT NULL DEFAULT 5,
    note text,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, measure_id)
  )`.execute(db);

  // Marks the children named by a column of the changed rows (transition table "changed").
  await sql`CREATE FUNCTION measure_mark_people() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      EXECUTE format('INSERT INTO measure_dirty (la_code, person_id) SELECT DISTINCT la_code, %I FROM changed WHERE %I IS NOT NULL ON CONFLICT DO NOTHING', TG_ARGV[0], TG_ARGV[0]);
      RETURN NULL;
    END
  $fn$`.execute(db);

  // Marks the subject and members of the cases named by a column of the changed rows.
  await sql`CREATE FUNCTION measure_mark_cases() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      EXECUTE format(
        'INSERT INTO measure_dirty (la_code, person_id) '
        'SELECT c.la_code, c.subject_person_id FROM casework_case c JOIN (SELECT DISTINCT la_code, %1$I AS case_id FROM changed) k ON k.la_code = c.la_code AND k.case_id = c.id WHERE c.subject_person_id IS NOT NULL '
        'UNION SELECT m.la_code, m.person_id FROM case_member m JOIN (SELECT DISTINCT la_code, %1$I AS case_id FROM changed) k ON k.la_code = m.la_code AND k.case_id = m.case_id '
        'ON CONFLICT DO NOTHING', TG_ARGV[0]);
      RETURN NULL;
    END
  $fn$`.execute(db);

  // Marks the children a changed contact is about (its decision and team live on the contact).
  await sql`CREATE FUNCTION measure_mark_contacts() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO measure_dirty (la_code, person_id)
      SELECT DISTINCT cc.la_code, cc.person_id FROM contact_child cc JOIN changed k ON k.la_code = cc.la_code AND k.id = cc.contact_id
      ON CONFLICT DO NOTHING;
      RETURN NULL;
    END
  $fn$`.execute(db);

  const triggers = (table: string, fn: string, column: string) => [
    sql`CREATE TRIGGER ${sql.raw(`${table}_measure_ins`)} AFTER INSERT ON ${sql.table(table)} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(fn)}(${sql.lit(column)})`,
    sql`CREATE TRIGGER ${sql.raw(`${table}_measure_upd_new`)} AFTER UPDATE ON ${sql.table(table)} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(fn)}(${sql.lit(column)})`,
    sql`CREATE TRIGGER ${sql.raw(`${table}_measure_upd_old`)} AFTER UPDATE ON ${sql.table(table)} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(fn)}(${sql.lit(column)})`,
    sql`CREATE TRIGGER ${sql.raw(`${table}_measure_del`)} AFTER DELETE ON ${sql.table(table)} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(fn)}(${sql.lit(column)})`,
  ];
  for (const [table, column] of PERSON_TABLES) for (const t of triggers(table, "measure_mark_people", column)) await t.execute(db);
  for (const [table, column] of CASE_TABLES) for (const t of triggers(table, "measure_mark_cases", column)) await t.execute(db);
  for (const t of triggers("contact", "measure_mark_contacts", "id")) await t.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table] of [...PERSON_TABLES, ...CASE_TABLES, ["contact", "id"] as const]) {
    for (const suffix of ["ins", "upd_new", "upd_old", "del"]) await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_measure_${suffix}`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS measure_mark_people CASCADE`.execute(db);
  await sql`DROP FUNCTION IF EXISTS measure_mark_cases CASCADE`.execute(db);
  await sql`DROP FUNCTION IF EXISTS measure_mark_contacts CASCADE`.execute(db);
  for (const t of ["measure_target", "measure_value", "measure_state", "measure_dirty", "measure_month", "measure_fact"]) await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
}
