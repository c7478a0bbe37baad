import { sql, type Kysely } from "kysely";

/**
 * The spine casework hangs on: a case (an early help episode for a family, or a social care
 * episode for a child), the people in it, the work items every due date and task becomes,
 * and each authority's local standards. The front door, early help and social care modules
 * add their own tables in later migrations and point at casework_case.
 * Every table leads with la_code, and so does every index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE la_setting (
    la_code text PRIMARY KEY REFERENCES local_authority(la_code),
    local_standards jsonb NOT NULL DEFAULT '{}'::jsonb,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid
  )`.execute(db);

  await sql`CREATE TABLE casework_case (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    kind text NOT NULL,
    subject_person_id uuid NOT NULL,
    title text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    opened_on date NOT NULL,
    closed_on date,
    closure_reason text,
    threshold_level integer,
    allocated_to uuid,
    team_id uuid,
    locality_id uuid,
    contact_id uuid,
    previous_case_id uuid,
    last_supervised_on date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX casework_case_worker_idx ON casework_case (la_code, allocated_to, status)`.execute(db);
  await sql`CREATE INDEX casework_case_team_idx ON casework_case (la_code, team_id, status)`.execute(db);
  await sql`CREATE INDEX casework_case_subject_idx ON casework_case (la_code, subject_person_id)`.execute(db);

  await sql`CREATE TABLE case_member (
    la_code text NOT NULL,
    case_id uuid NOT NULL,
    person_id uuid NOT NULL,
    role text NOT NULL,
    PRIMARY KEY (la_code, case_id, person_id)
  )`.execute(db);
  await sql`CREATE INDEX case_member_person_idx ON case_member (la_code, person_id)`.execute(db);

  // Every statutory due date and every task is a work item, kept current as events are
  // recorded, so a work tray is one indexed read however many modules feed it.
  await sql`CREATE TABLE work_item (
    la_code text NOT NULL,
    id uuid NOT NULL,
    kind text NOT NULL,
    source_entity text NOT NULL,
    source_id uuid NOT NULL,
    case_id uuid,
    person_id uuid,
    title text NOT NULL,
    due_date date,
    due_at timestamptz,
    assigned_to uuid,
    team_id uuid,
    status text NOT NULL DEFAULT 'open',
    completed_at timestamptz,
    completed_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX work_item_source_key ON work_item (la_code, kind, source_entity, source_id)`.execute(db);
  await sql`CREATE INDEX work_item_assignee_idx ON work_item (la_code, assigned_to, status, due_date)`.execute(db);
  await sql`CREATE INDEX work_item_team_idx ON work_item (la_code, team_id, status, due_date)`.execute(db);
  await sql`CREATE INDEX work_item_case_idx ON work_item (la_code, case_id)`.execute(db);

  // Key events of a child's story (contact, assessment authorised, conference, plan, step up…),
  // written by each module as it records them, so a chronology is one read across services.
  await sql`CREATE TABLE case_event (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    case_id uuid,
    occurred_on date NOT NULL,
    kind text NOT NULL,
    service text NOT NULL,
    title text NOT NULL,
    summary text,
    source_entity text NOT NULL,
    source_id uuid NOT NULL,
    recorded_by uuid,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX case_event_person_idx ON case_event (la_code, person_id, occurred_on)`.execute(db);
  await sql`CREATE UNIQUE INDEX case_event_source_key ON case_event (la_code, person_id, kind, source_entity, source_id)`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["case_event", "work_item", "case_member", "casework_case", "la_setting"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
}
