import { sql, type Kysely } from "kysely";

/**
 * The front door: contacts (recorded by staff, or a partner's request for support), the
 * children each is about once matched to a person, and the decision on each. Every table
 * leads with la_code, and so does every index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE contact (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    received_at timestamptz NOT NULL,
    referral_source text NOT NULL,
    contact_name text NOT NULL,
    contact_role text,
    contact_organisation text,
    contact_phone text,
    via text NOT NULL,
    submitted_by uuid NOT NULL,
    submitted_by_organisation_id uuid,
    concerns text NOT NULL,
    family_details text,
    described_children jsonb NOT NULL DEFAULT '[]'::jsonb,
    consent_sharing text NOT NULL,
    consent_early_help text NOT NULL,
    status text NOT NULL DEFAULT 'awaiting_decision',
    due_at timestamptz NOT NULL,
    decision text,
    threshold_level integer,
    decided_by uuid,
    decided_at timestamptz,
    reasons text,
    overridden_by uuid,
    override_reason text,
    override_organisation_ids jsonb,
    override_until date,
    team_id uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id),
    CONSTRAINT contact_via_check CHECK (via IN ('staff', 'partner_request')),
    CONSTRAINT contact_status_check CHECK (status IN ('awaiting_decision', 'decided')),
    CONSTRAINT contact_consent_check CHECK (consent_sharing IN ('yes', 'no', 'not_asked') AND consent_early_help IN ('yes', 'no', 'not_asked')),
    CONSTRAINT contact_threshold_check CHECK (threshold_level IS NULL OR threshold_level BETWEEN 1 AND 4)
  )`.execute(db);
  // The queue: awaiting decision, soonest due first.
  await sql`CREATE INDEX contact_queue_idx ON contact (la_code, status, due_at)`.execute(db);
  // A partner's "my requests".
  await sql`CREATE INDEX contact_submitter_idx ON contact (la_code, submitted_by, received_at)`.execute(db);

  await sql`CREATE TABLE contact_child (
    la_code text NOT NULL,
    contact_id uuid NOT NULL,
    person_id uuid NOT NULL,
    repeat_referral boolean NOT NULL DEFAULT false,
    previous_referral_date date,
    linked_by uuid,
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, contact_id, person_id)
  )`.execute(db);
  await sql`CREATE INDEX contact_child_person_idx ON contact_child (la_code, person_id)`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["contact_child", "contact"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
}
