import { sql, type Kysely } from "kysely";

/**
 * Early help: the whole-family assessment, the Team Around the Family, the family plan (its
 * goals, actions and their updates), reviews and closure. Each hangs on an early_help
 * casework_case. Every table leads with la_code, and so does every index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One whole-family assessment per episode, versioned (If-Match, record_history). Its content
  // is per family member: needs mapped to the Supporting Families outcomes, strengths, and the
  // family's own words.
  await sql`CREATE TABLE eh_assessment (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    content jsonb NOT NULL DEFAULT '{}'::jsonb,
    submitted_at timestamptz,
    submitted_by uuid,
    authorised_at timestamptz,
    authorised_by uuid,
    decision_note text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX eh_assessment_case_key ON eh_assessment (la_code, case_id)`.execute(db);

  // Team Around the Family: a user of any organisation, or a named person outside the system.
  await sql`CREATE TABLE eh_taf_member (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    user_id uuid,
    name text NOT NULL,
    organisation_id uuid,
    organisation_name text,
    role text NOT NULL,
    contact text,
    is_lead boolean NOT NULL DEFAULT false,
    added_at timestamptz NOT NULL DEFAULT now(),
    added_by uuid,
    removed_at timestamptz,
    removed_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_taf_member_case_idx ON eh_taf_member (la_code, case_id)`.execute(db);
  await sql`CREATE INDEX eh_taf_member_user_idx ON eh_taf_member (la_code, user_id)`.execute(db);

  // The family plan as a whole: what the manager authorises.
  await sql`CREATE TABLE eh_plan (
    la_code text NOT NULL,
    case_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    submitted_at timestamptz,
    submitted_by uuid,
    authorised_at timestamptz,
    authorised_by uuid,
    decision_note text,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, case_id)
  )`.execute(db);

  await sql`CREATE TABLE eh_goal (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    outcome text NOT NULL,
    person_id uuid,
    description text NOT NULL,
    target_date date,
    status text NOT NULL DEFAULT 'open',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_goal_case_idx ON eh_goal (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE eh_action (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    goal_id uuid NOT NULL,
    owner_member_id uuid NOT NULL,
    description text NOT NULL,
    target_date date NOT NULL,
    status text NOT NULL DEFAULT 'not_started',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_action_case_idx ON eh_action (la_code, case_id)`.execute(db);
  await sql`CREATE INDEX eh_action_owner_idx ON eh_action (la_code, owner_member_id)`.execute(db);

  // Each update an action's owner (or the lead professional) records: status and progress.
  await sql`CREATE TABLE eh_action_update (
    la_code text NOT NULL,
    id uuid NOT NULL,
    action_id uuid NOT NULL,
    status text NOT NULL,
    progress text NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_action_update_action_idx ON eh_action_update (la_code, action_id, recorded_at)`.execute(db);

  await sql`CREATE TABLE eh_review (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    review_date date NOT NULL,
    progress text NOT NULL,
    family_views text,
    next_review_due date,
    recorded_by uuid,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_review_case_idx ON eh_review (la_code, case_id, review_date)`.execute(db);

  // A closure is requested with a reason and each goal's outcome, then authorised (or returned).
  await sql`CREATE TABLE eh_closure (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    reason text NOT NULL,
    closed_on date NOT NULL,
    summary text,
    goal_outcomes jsonb NOT NULL DEFAULT '[]'::jsonb,
    status text NOT NULL DEFAULT 'awaiting_authorisation',
    requested_by uuid NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    decided_by uuid,
    decided_at timestamptz,
    decision_note text,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX eh_closure_case_idx ON eh_closure (la_code, case_id, requested_at)`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["eh_closure", "eh_review", "eh_action_update", "eh_action", "eh_goal", "eh_plan", "eh_taf_member", "eh_assessment"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
}
