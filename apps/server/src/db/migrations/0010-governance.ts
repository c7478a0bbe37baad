import { sql, type Kysely } from "kysely";

const TABLES = [
  "gov_recommendation_response",
  "gov_recommendation",
  "gov_committee_action",
  "gov_work_item",
  "gov_meeting",
  "gov_committee",
  "gov_action_note",
  "gov_action",
  "gov_priority",
  "gov_strategy",
];

/**
 * Governance: strategies (the Children and Young People's Plan, the Early Help strategy) with
 * their priorities and the actions that deliver them, each action's progress kept as dated
 * notes; and committees (policy and scrutiny) with their meetings, work programme, action
 * tracker and recommendation tracker. Every table leads with la_code (docs/governance.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE gov_strategy (
    la_code text NOT NULL,
    id uuid NOT NULL,
    title text NOT NULL,
    period_label text NOT NULL,
    starts_on date,
    ends_on date,
    summary text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
  )`.execute(db);

  await sql`CREATE TABLE gov_priority (
    la_code text NOT NULL,
    id uuid NOT NULL,
    strategy_id uuid NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, strategy_id) REFERENCES gov_strategy (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX gov_priority_strategy_idx ON gov_priority (la_code, strategy_id, position)`.execute(db);

  // measure_ids: the measures (catalogue ids) that evidence the action, as a JSON array.
  await sql`CREATE TABLE gov_action (
    la_code text NOT NULL,
    id uuid NOT NULL,
    strategy_id uuid NOT NULL,
    priority_id uuid NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    description text,
    status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'complete')),
    owner text NOT NULL,
    start_date date,
    due_date date,
    measure_ids jsonb NOT NULL DEFAULT '[]',
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, priority_id) REFERENCES gov_priority (la_code, id),
    CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date)
  )`.execute(db);
  await sql`CREATE INDEX gov_action_priority_idx ON gov_action (la_code, priority_id, position)`.execute(db);
  await sql`CREATE INDEX gov_action_strategy_idx ON gov_action (la_code, strategy_id, status)`.execute(db);

  // Progress notes are history: appended, never changed.
  await sql`CREATE TABLE gov_action_note (
    la_code text NOT NULL,
    id uuid NOT NULL,
    action_id uuid NOT NULL,
    noted_on date NOT NULL,
    status text NOT NULL CHECK (status IN ('not_started', 'in_progress', 'complete')),
    note text NOT NULL,
    recorded_by uuid,
    recorded_by_name text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, action_id) REFERENCES gov_action (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX gov_action_note_action_idx ON gov_action_note (la_code, action_id, recorded_at)`.execute(db);

  await sql`CREATE TABLE gov_committee (
    la_code text NOT NULL,
    id uuid NOT NULL,
    name text NOT NULL,
    year_label text NOT NULL,
    remit text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);

  // A meeting ("round") of a committee: its date may not be set yet (TBC).
  await sql`CREATE TABLE gov_meeting (
    la_code text NOT NULL,
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    round_label text NOT NULL,
    meets_on date,
    position integer NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, committee_id) REFERENCES gov_committee (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX gov_meeting_committee_idx ON gov_meeting (la_code, committee_id, position)`.execute(db);

  // The work programme: an agenda item for a meeting, unallocated (no meeting), or a task group.
  await sql`CREATE TABLE gov_work_item (
    la_code text NOT NULL,
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    meeting_id uuid,
    kind text NOT NULL CHECK (kind IN ('agenda_item', 'task_group', 'study')),
    title text NOT NULL,
    reasons text,
    represented_by text,
    position integer NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, committee_id) REFERENCES gov_committee (la_code, id),
    FOREIGN KEY (la_code, meeting_id) REFERENCES gov_meeting (la_code, id),
    CHECK (kind = 'agenda_item' OR meeting_id IS NULL)
  )`.execute(db);
  await sql`CREATE INDEX gov_work_item_committee_idx ON gov_work_item (la_code, committee_id, meeting_id, position)`.execute(db);

  // The action tracker: what a meeting asked for under an agenda item, and where it stands.
  await sql`CREATE TABLE gov_committee_action (
    la_code text NOT NULL,
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    agenda_item text NOT NULL,
    action text NOT NULL,
    status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
    update_note text,
    position integer NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, meeting_id) REFERENCES gov_meeting (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX gov_committee_action_idx ON gov_committee_action (la_code, committee_id, meeting_id, position)`.execute(db);

  // The recommendation tracker: a meeting's recommendations and each organisation's response.
  await sql`CREATE TABLE gov_recommendation (
    la_code text NOT NULL,
    id uuid NOT NULL,
    committee_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    number integer NOT NULL,
    text text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid,
    PRIMARY KEY (la_code, id),
    FOREIGN KEY (la_code, meeting_id) REFERENCES gov_meeting (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX gov_recommendation_idx ON gov_recommendation (la_code, committee_id, meeting_id, number)`.execute(db);

  await sql`CREATE TABLE gov_recommendation_response (
    la_code text NOT NULL,
    recommendation_id uuid NOT NULL,
    organisation text NOT NULL,
    position integer NOT NULL,
    response text,
    responded_on date,
    PRIMARY KEY (la_code, recommendation_id, organisation),
    FOREIGN KEY (la_code, recommendation_id) REFERENCES gov_recommendation (la_code, id)
  )`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of TABLES) await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
}
