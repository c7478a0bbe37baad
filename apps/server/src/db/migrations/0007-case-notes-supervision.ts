import { sql, type Kysely } from "kysely";

/**
 * Case notes (versioned: every edit is kept in record_history, and after locks_at a change is
 * an amendment with a reason) and supervision (the record, the cases discussed, and the actions
 * agreed, which are task work items). Every table leads with la_code, and so does every index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The social care module reads these column names to work out when a visit is next due.
  await sql`CREATE TABLE case_note (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    case_id uuid,
    note_date date NOT NULL,
    note_type text NOT NULL,
    present text,
    child_seen boolean,
    seen_alone boolean,
    body text NOT NULL,
    locks_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX case_note_person_idx ON case_note (la_code, person_id, note_date)`.execute(db);
  await sql`CREATE INDEX case_note_case_idx ON case_note (la_code, case_id, note_date)`.execute(db);

  await sql`CREATE TABLE supervision (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    worker_id uuid NOT NULL,
    manager_id uuid NOT NULL,
    supervised_on date NOT NULL,
    reflections text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX supervision_worker_idx ON supervision (la_code, worker_id, supervised_on)`.execute(db);

  await sql`CREATE TABLE supervision_case (
    la_code text NOT NULL,
    supervision_id uuid NOT NULL,
    case_id uuid NOT NULL,
    note text NOT NULL,
    PRIMARY KEY (la_code, supervision_id, case_id)
  )`.execute(db);
  await sql`CREATE INDEX supervision_case_case_idx ON supervision_case (la_code, case_id)`.execute(db);

  // The actions agreed are task work items (so they land in the owner's tray); this links them back.
  await sql`CREATE TABLE supervision_action (
    la_code text NOT NULL,
    supervision_id uuid NOT NULL,
    work_item_id uuid NOT NULL,
    PRIMARY KEY (la_code, supervision_id, work_item_id)
  )`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["supervision_action", "supervision_case", "supervision", "case_note"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
}
