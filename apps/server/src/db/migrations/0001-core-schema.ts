import { sql, type Kysely } from "kysely";

/**
 * The foundation's schema: authorities, organisations, teams, users, sessions, people with
 * their search keys, addresses, relationships, sharing, restricted-record access, record
 * history and the hash-chained audit log. Every tenant-owned table leads with la_code, and
 * so does every index on it, so the schema distributes on Citus by local authority.
 * Append-only: never edit once landed; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`CREATE TABLE local_authority (
    la_code text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);

  await sql`CREATE TABLE locality (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    name text NOT NULL,
    PRIMARY KEY (la_code, id)
  )`.execute(db);

  await sql`CREATE TABLE organisation (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    urn text,
    ods_code text,
    postcode text,
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX organisation_id_key ON organisation (id)`.execute(db);

  await sql`CREATE TABLE team (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    organisation_id uuid NOT NULL,
    locality_id uuid,
    active boolean NOT NULL DEFAULT true,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX team_id_key ON team (id)`.execute(db);

  // Users sign in across tenants by username, so this small table would be a Citus
  // reference table rather than distributed.
  await sql`CREATE TABLE app_user (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    email text,
    role text NOT NULL,
    organisation_id uuid NOT NULL,
    team_id uuid,
    password_hash text,
    oidc_issuer text,
    oidc_subject text,
    active boolean NOT NULL DEFAULT true,
    is_demo boolean NOT NULL DEFAULT false,
    last_sign_in_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_id_key ON app_user (id)`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`.execute(db);
  await sql`CREATE UNIQUE INDEX app_user_oidc_key ON app_user (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL`.execute(db);

  await sql`CREATE TABLE user_session (
    id_hash text PRIMARY KEY,
    user_id uuid NOT NULL,
    la_code text NOT NULL,
    csrf_token text NOT NULL,
    auth_method text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX user_session_user_idx ON user_session (user_id)`.execute(db);

  // Shared services are small cross-tenant agreements (a Citus reference table).
  await sql`CREATE TABLE shared_service (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    from_date date NOT NULL,
    to_date date,
    version integer NOT NULL DEFAULT 1
  )`.execute(db);
  await sql`CREATE TABLE shared_service_authority (
    shared_service_id uuid NOT NULL REFERENCES shared_service(id),
    la_code text NOT NULL REFERENCES local_authority(la_code),
    PRIMARY KEY (shared_service_id, la_code)
  )`.execute(db);
  await sql`CREATE TABLE shared_service_team (
    shared_service_id uuid NOT NULL REFERENCES shared_service(id),
    team_id uuid NOT NULL,
    PRIMARY KEY (shared_service_id, team_id)
  )`.execute(db);

  await sql`CREATE TABLE person (
    la_code text NOT NULL REFERENCES local_authority(la_code),
    id uuid NOT NULL,
    la_child_id text,
    given_name text NOT NULL,
    family_name text NOT NULL,
    other_names jsonb NOT NULL DEFAULT '[]'::jsonb,
    preferred_name text,
    dob date,
    dob_estimated boolean NOT NULL DEFAULT false,
    expected_dob date,
    sex text NOT NULL DEFAULT 'unknown',
    gender text,
    ethnicity text,
    first_language text,
    disability boolean,
    uasc boolean NOT NULL DEFAULT false,
    nhs_number text,
    upn text,
    former_upn text,
    restricted boolean NOT NULL DEFAULT false,
    deceased_date date,
    search_text text NOT NULL,
    current_postcode text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    updated_by uuid,
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX person_dob_idx ON person (la_code, dob)`.execute(db);
  await sql`CREATE INDEX person_nhs_idx ON person (la_code, nhs_number) WHERE nhs_number IS NOT NULL`.execute(db);
  await sql`CREATE INDEX person_upn_idx ON person (la_code, upn) WHERE upn IS NOT NULL`.execute(db);
  await sql`CREATE INDEX person_postcode_idx ON person (la_code, current_postcode)`.execute(db);

  await sql`CREATE TABLE person_name_key (
    la_code text NOT NULL,
    key text NOT NULL,
    person_id uuid NOT NULL,
    dob date,
    PRIMARY KEY (la_code, key, person_id)
  )`.execute(db);
  await sql`CREATE INDEX person_name_key_dob_idx ON person_name_key (la_code, key, dob)`.execute(db);
  await sql`CREATE INDEX person_name_key_person_idx ON person_name_key (la_code, person_id)`.execute(db);

  await sql`CREATE TABLE person_named_access (
    la_code text NOT NULL,
    person_id uuid NOT NULL,
    user_id uuid NOT NULL,
    granted_by uuid,
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, person_id, user_id)
  )`.execute(db);

  await sql`CREATE TABLE address (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    line1 text NOT NULL,
    line2 text,
    town text,
    postcode text NOT NULL,
    from_date date NOT NULL,
    to_date date,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX address_person_idx ON address (la_code, person_id)`.execute(db);

  await sql`CREATE TABLE relationship (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    related_person_id uuid NOT NULL,
    type text NOT NULL,
    from_date date,
    to_date date,
    notes text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX relationship_person_idx ON relationship (la_code, person_id)`.execute(db);
  await sql`CREATE INDEX relationship_related_idx ON relationship (la_code, related_person_id)`.execute(db);

  await sql`CREATE TABLE sharing (
    la_code text NOT NULL,
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    purpose text NOT NULL,
    basis text NOT NULL,
    granted_by uuid NOT NULL,
    from_date date NOT NULL,
    to_date date,
    withdrawn_at timestamptz,
    withdrawn_by uuid,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, id)
  )`.execute(db);
  await sql`CREATE INDEX sharing_person_idx ON sharing (la_code, person_id)`.execute(db);
  await sql`CREATE INDEX sharing_org_idx ON sharing (la_code, organisation_id, person_id)`.execute(db);

  await sql`CREATE TABLE record_history (
    la_code text NOT NULL,
    entity text NOT NULL,
    entity_id uuid NOT NULL,
    version integer NOT NULL,
    data jsonb NOT NULL,
    changed_by uuid,
    changed_by_name text,
    changed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (la_code, entity, entity_id, version)
  )`.execute(db);

  await sql`CREATE TABLE audit_head (
    la_code text PRIMARY KEY,
    seq bigint NOT NULL,
    hash text NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE audit_event (
    la_code text NOT NULL,
    seq bigint NOT NULL,
    id uuid NOT NULL,
    occurred_at timestamptz NOT NULL,
    request_id text,
    actor_user_id uuid,
    actor_username text,
    actor_name text,
    actor_role text,
    actor_organisation_id uuid,
    actor_organisation_name text,
    actor_la_code text,
    action text NOT NULL,
    outcome text NOT NULL,
    person_id uuid,
    entity text,
    entity_id text,
    reason text,
    details jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    PRIMARY KEY (la_code, seq)
  )`.execute(db);
  await sql`CREATE INDEX audit_person_idx ON audit_event (la_code, person_id, seq) WHERE person_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX audit_actor_idx ON audit_event (la_code, actor_user_id, seq)`.execute(db);
  await sql`CREATE INDEX audit_time_idx ON audit_event (la_code, occurred_at)`.execute(db);
  // The log is append-only: the database itself refuses updates and deletes.
  await sql`CREATE FUNCTION audit_event_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_immutable()`.execute(db);
}

/** Migrations are forward-only in production; down exists for local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["audit_event", "audit_head", "record_history", "sharing", "relationship", "address", "person_named_access", "person_name_key", "person", "shared_service_team", "shared_service_authority", "shared_service", "user_session", "app_user", "team", "organisation", "locality", "local_authority"]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS audit_event_immutable()`.execute(db);
}
