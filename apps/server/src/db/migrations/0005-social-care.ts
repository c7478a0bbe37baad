import { sql, type Kysely } from "kysely";

/**
 * Children in need and child protection (the social care module): the CIN referral that opens
 * a social care case, the child and family assessment, strategy discussions, section 47
 * enquiries, child protection conferences and plans, child in need plans and their reviews.
 * These are the rows the CIN census is built from. Every table leads with la_code and so does
 * every index; each table has an (la_code, case_id) index, since a case's record is read whole.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One referral per social care case (the CIN episode): CINdetails in the census.
  await sql`CREATE TABLE cin_referral (
    la_code text NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    referral_date date NOT NULL,
    referral_source text NOT NULL,
    contact_id uuid,
    route text NOT NULL DEFAULT 'assessment',
    primary_need text,
    nfa boolean NOT NULL DEFAULT false,
    closure_date date,
    closure_reason text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, case_id)
  )`.execute(db);
  await sql`CREATE INDEX cin_referral_person_idx ON cin_referral (la_code, person_id, referral_date)`.execute(db);

  await sql`CREATE TABLE cin_assessment (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    start_date date NOT NULL,
    completed_date date,
    factors jsonb NOT NULL DEFAULT '[]'::jsonb,
    primary_need text,
    summary text,
    authorisation_requested_on date,
    authorised_date date,
    authorised_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX cin_assessment_case_idx ON cin_assessment (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE strategy_discussion (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    discussion_date date NOT NULL,
    attendees text NOT NULL,
    decision text NOT NULL,
    notes text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX strategy_discussion_case_idx ON strategy_discussion (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE s47_enquiry (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    strategy_discussion_id uuid NOT NULL,
    start_date date NOT NULL,
    outcome text,
    outcome_date date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX s47_enquiry_case_idx ON s47_enquiry (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE cp_plan (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    start_date date NOT NULL,
    initial_category text NOT NULL,
    latest_category text NOT NULL,
    end_date date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX cp_plan_case_idx ON cp_plan (la_code, case_id)`.execute(db);

  // Initial and review conferences; an initial one answers an s47, a review one a plan.
  await sql`CREATE TABLE cp_conference (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    kind text NOT NULL,
    s47_id uuid,
    cp_plan_id uuid,
    conference_date date NOT NULL,
    outcome text NOT NULL,
    category text,
    notes text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX cp_conference_case_idx ON cp_conference (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE cin_plan (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    start_date date NOT NULL,
    end_date date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX cin_plan_case_idx ON cin_plan (la_code, case_id)`.execute(db);

  await sql`CREATE TABLE cin_plan_review (
    la_code text NOT NULL,
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    cin_plan_id uuid NOT NULL,
    review_date date NOT NULL,
    notes text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX cin_plan_review_case_idx ON cin_plan_review (la_code, case_id)`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["cin_plan_review", "cin_plan", "cp_conference", "cp_plan", "s47_enquiry", "strategy_discussion", "cin_assessment", "cin_referral"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
}
