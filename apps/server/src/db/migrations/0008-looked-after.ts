import { sql, type Kysely } from "kysely";

/**
 * Children looked after, care leavers and the independent reviewing service. The tables hold
 * the SSDA903 fields under their DfE names (decom, rne, ls…), so an imported history and one
 * recorded in Family Story are the same rows, and the return is read straight off them.
 * Code columns are text, not enums: imported history may carry codes a later year retired,
 * and the returns engine, not the schema, is what reports them.
 * Every tenant-owned table leads with la_code and so does every index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per child who has been looked after: the header facts the return carries that
  // the person record does not, the IRO, and the looked-after case the work hangs on.
  await sql`CREATE TABLE lac_child (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    person_id uuid NOT NULL,
    case_id uuid NOT NULL,
    iro_id uuid,
    mother text,
    mc_dob date,
    uasc_ceased date,
    prev_perm text,
    la_perm text,
    date_perm text,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, person_id)
  )`.execute(db);
  await sql`CREATE INDEX lac_child_iro_idx ON lac_child (la_code, iro_id)`.execute(db);
  await sql`CREATE INDEX lac_child_case_idx ON lac_child (la_code, case_id)`.execute(db);

  // Carers and providers a child is placed with (foster households, children's homes…).
  await sql`CREATE TABLE placement_provider (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    place_provider text NOT NULL,
    urn text,
    postcode text,
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX placement_provider_name_idx ON placement_provider (la_code, lower(name))`.execute(db);

  // SSDA903 episodes. A child has at most one episode starting on a day, which is also the
  // key a re-import matches on.
  await sql`CREATE TABLE lac_episode (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    case_id uuid NOT NULL,
    decom date NOT NULL,
    rne text,
    ls text,
    cin text,
    place text,
    place_provider text,
    provider_id uuid,
    dec date,
    rec text,
    reason_place_change text,
    home_post text,
    pl_post text,
    urn text,
    pl_la text,
    pl_location text,
    pl_distance numeric(7,1),
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_episode_child_key ON lac_episode (la_code, person_id, decom)`.execute(db);
  await sql`CREATE INDEX lac_episode_decom_idx ON lac_episode (la_code, decom)`.execute(db);
  await sql`CREATE INDEX lac_episode_dec_idx ON lac_episode (la_code, dec)`.execute(db);

  // Looked-after reviews: scheduled by the IRO, then held (date, participation, views, minutes
  // and the letter to the child). Imported reviews arrive held.
  await sql`CREATE TABLE lac_review (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    case_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'held',
    planned_date date,
    review_date date,
    participation_code text,
    views_methods jsonb NOT NULL DEFAULT '[]'::jsonb,
    chair_id uuid,
    summary text,
    child_views text,
    letter text,
    letter_updated_at timestamptz,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_review_held_key ON lac_review (la_code, person_id, review_date) WHERE status = 'held'`.execute(db);
  await sql`CREATE INDEX lac_review_date_idx ON lac_review (la_code, review_date)`.execute(db);
  await sql`CREATE INDEX lac_review_person_idx ON lac_review (la_code, person_id)`.execute(db);

  // Decisions a review makes, each with an owner and a date (a work item while open).
  await sql`CREATE TABLE lac_review_decision (
    la_code text NOT NULL,
    id uuid NOT NULL,
    review_id uuid NOT NULL,
    person_id uuid NOT NULL,
    decision text NOT NULL,
    owner_id uuid,
    owner_name text,
    due_date date,
    status text NOT NULL DEFAULT 'open',
    done_on date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX lac_review_decision_review_idx ON lac_review_decision (la_code, review_id)`.execute(db);

  // Missing and away-from-placement episodes (M / A), with the return home interview.
  await sql`CREATE TABLE lac_missing (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    missing_type text,
    start_date date NOT NULL,
    end_date date,
    rhi_offered_on date,
    rhi_accepted boolean,
    notes text,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_missing_child_key ON lac_missing (la_code, person_id, start_date)`.execute(db);

  // Dated health and education events: health assessments, dental checks, immunisations,
  // SDQs, PEPs, substance misuse, convictions. The OC2 year summary is derived from these.
  await sql`CREATE TABLE lac_check (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    kind text NOT NULL,
    check_date date NOT NULL,
    sdq_score integer,
    outcome text,
    notes text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX lac_check_person_idx ON lac_check (la_code, person_id, kind, check_date)`.execute(db);

  // OC2 as returned for a collection year (imported history carries no dates, only the year).
  await sql`CREATE TABLE lac_oc2 (
    la_code text NOT NULL,
    person_id uuid NOT NULL,
    year integer NOT NULL,
    sdq_score text,
    sdq_reason text,
    convicted text,
    health_check text,
    immunisations text,
    teeth_check text,
    health_assessment text,
    substance_misuse text,
    intervention_received text,
    intervention_offered text,
    source text NOT NULL DEFAULT 'import',
    PRIMARY KEY (la_code, person_id, year)
  )`.execute(db);

  // Care leavers around each birthday from 17 to 21 (OC3), by collection year.
  await sql`CREATE TABLE lac_oc3 (
    la_code text NOT NULL,
    person_id uuid NOT NULL,
    year integer NOT NULL,
    in_touch text,
    activ text,
    accom text,
    recorded_on date,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (la_code, person_id, year)
  )`.execute(db);

  await sql`CREATE TABLE lac_pathway_plan (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    plan_date date NOT NULL,
    next_review_due date,
    personal_adviser text,
    summary text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX lac_pathway_plan_person_idx ON lac_pathway_plan (la_code, person_id)`.execute(db);

  await permanenceTables(db);
  await iroTables(db);
  await referenceAndJobTables(db);
}

/** Adoption (AD1), placed for adoption, social worker episodes and DoLo orders. */
async function permanenceTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE lac_ad1 (
    la_code text NOT NULL,
    person_id uuid NOT NULL,
    date_int date,
    date_match date,
    foster_care text,
    nb_adoptr text,
    sex_adoptr text,
    ls_adoptr text,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (la_code, person_id)
  )`.execute(db);

  await sql`CREATE TABLE lac_placed_adoption (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    date_placed date NOT NULL,
    date_placed_ceased date,
    reason_placed_ceased text,
    source text NOT NULL DEFAULT 'recorded',
    version integer NOT NULL DEFAULT 1,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_placed_adoption_key ON lac_placed_adoption (la_code, person_id, date_placed)`.execute(db);

  await sql`CREATE TABLE lac_sw_episode (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    sw_id text NOT NULL,
    sw_decom date NOT NULL,
    sw_dec date,
    sw_reason text,
    source text NOT NULL DEFAULT 'recorded',
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_sw_episode_key ON lac_sw_episode (la_code, person_id, sw_decom)`.execute(db);

  await sql`CREATE TABLE lac_dolo (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    dolo_start date NOT NULL,
    dolo_end date,
    source text NOT NULL DEFAULT 'recorded',
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX lac_dolo_key ON lac_dolo (la_code, person_id, dolo_start)`.execute(db);
}

/** The IRO's own records: mid-point monitoring, dispute resolution and quality assurance. */
async function iroTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE iro_midpoint (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    review_id uuid,
    check_date date NOT NULL,
    on_track boolean NOT NULL,
    notes text NOT NULL,
    recorded_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX iro_midpoint_person_idx ON iro_midpoint (la_code, person_id, check_date)`.execute(db);

  // A dispute moves from an informal alert through formal stages; each stage is kept.
  await sql`CREATE TABLE iro_dispute (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    raised_on date NOT NULL,
    theme text NOT NULL,
    summary text NOT NULL,
    stage text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    resolved_on date,
    stages jsonb NOT NULL DEFAULT '[]'::jsonb,
    raised_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX iro_dispute_person_idx ON iro_dispute (la_code, person_id)`.execute(db);
  await sql`CREATE INDEX iro_dispute_raised_idx ON iro_dispute (la_code, raised_on)`.execute(db);

  await sql`CREATE TABLE iro_qa (
    la_code text NOT NULL,
    id uuid NOT NULL,
    review_id uuid NOT NULL,
    person_id uuid NOT NULL,
    answers jsonb NOT NULL,
    comments text,
    completed_on date NOT NULL,
    completed_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX iro_qa_review_key ON iro_qa (la_code, review_id)`.execute(db);
  await sql`CREATE INDEX iro_qa_completed_idx ON iro_qa (la_code, completed_on)`.execute(db);
}

/**
 * The ONS postcode directory is national reference data, the same for every authority, so it
 * is not tenant-owned (on Citus it would be a reference table). Import jobs are per authority.
 */
async function referenceAndJobTables(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ons_postcode (
    pcd text PRIMARY KEY,
    easting integer NOT NULL,
    northing integer NOT NULL,
    laua text
  )`.execute(db);
  await sql`CREATE TABLE reference_dataset (
    name text PRIMARY KEY,
    rows integer NOT NULL,
    source text NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE import_job (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    kind text NOT NULL,
    status text NOT NULL DEFAULT 'running',
    phase text,
    total integer NOT NULL DEFAULT 0,
    processed integer NOT NULL DEFAULT 0,
    summary jsonb NOT NULL DEFAULT '{}'::jsonb,
    problems jsonb NOT NULL DEFAULT '[]'::jsonb,
    problem_count integer NOT NULL DEFAULT 0,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX import_job_started_idx ON import_job (la_code, started_at)`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    "import_job", "reference_dataset", "ons_postcode", "iro_qa", "iro_dispute", "iro_midpoint",
    "lac_dolo", "lac_sw_episode", "lac_placed_adoption", "lac_ad1", "lac_pathway_plan", "lac_oc3",
    "lac_oc2", "lac_check", "lac_missing", "lac_review_decision", "lac_review", "lac_episode",
    "placement_provider", "lac_child",
  ];
  for (const t of tables) await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
}
