import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { CaseworkTables } from "./casework-types.ts";
import type { EarlyHelpTables } from "./early-help-types.ts";
import type { LookedAfterTables } from "./looked-after-types.ts";
import type { MeasureTables } from "./measure-types.ts";
import type { GovernanceTables } from "./governance-types.ts";

/**
 * Kysely's view of the schema (see migrations/). Dates are ISO strings (the connection
 * turns off pg's Date parsing for DATE), timestamps are Date objects.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LocalAuthorityTable { la_code: string; name: string; created_at: Generated<Date> }
export interface LocalityTable { la_code: string; id: string; name: string }

export interface OrganisationTable {
  la_code: string;
  id: string;
  kind: string;
  name: string;
  urn: string | null;
  ods_code: string | null;
  postcode: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface TeamTable {
  la_code: string;
  id: string;
  name: string;
  kind: string;
  organisation_id: string;
  locality_id: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AppUserTable {
  la_code: string;
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  organisation_id: string;
  team_id: string | null;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  last_sign_in_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: string;
  la_code: string;
  csrf_token: string;
  auth_method: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface SharedServiceTable { id: string; name: string; from_date: string; to_date: string | null; version: Generated<number> }
export interface SharedServiceAuthorityTable { shared_service_id: string; la_code: string }
export interface SharedServiceTeamTable { shared_service_id: string; team_id: string }

export interface OtherName { givenName: string; familyName: string; kind: string }

export interface PersonTable {
  la_code: string;
  id: string;
  la_child_id: string | null;
  given_name: string;
  family_name: string;
  other_names: Json<OtherName[]>;
  preferred_name: string | null;
  dob: string | null;
  dob_estimated: Generated<boolean>;
  expected_dob: string | null;
  sex: string;
  gender: string | null;
  ethnicity: string | null;
  first_language: string | null;
  disability: boolean | null;
  uasc: Generated<boolean>;
  nhs_number: string | null;
  upn: string | null;
  former_upn: string | null;
  restricted: Generated<boolean>;
  deceased_date: string | null;
  search_text: string;
  current_postcode: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

export interface PersonNameKeyTable { la_code: string; key: string; person_id: string; dob: string | null }
export interface PersonNamedAccessTable { la_code: string; person_id: string; user_id: string; granted_by: string | null; granted_at: Generated<Date> }

export interface AddressTable {
  la_code: string;
  id: string;
  person_id: string;
  line1: string;
  line2: string | null;
  town: string | null;
  postcode: string;
  from_date: string;
  to_date: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface RelationshipTable {
  la_code: string;
  id: string;
  person_id: string;
  related_person_id: string;
  type: string;
  from_date: string | null;
  to_date: string | null;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface SharingTable {
  la_code: string;
  id: string;
  person_id: string;
  organisation_id: string;
  purpose: string;
  basis: string;
  granted_by: string;
  from_date: string;
  to_date: string | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface RecordHistoryTable {
  la_code: string;
  entity: string;
  entity_id: string;
  version: number;
  data: Json<Record<string, unknown>>;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Generated<Date>;
}

export interface AuditHeadTable { la_code: string; seq: number; hash: string }

export interface AuditEventTable {
  la_code: string;
  seq: number;
  id: string;
  occurred_at: Date | string;
  request_id: string | null;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  actor_la_code: string | null;
  action: string;
  outcome: string;
  person_id: string | null;
  entity: string | null;
  entity_id: string | null;
  reason: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}


export interface Database extends EarlyHelpTables, CaseworkTables, LookedAfterTables, MeasureTables, GovernanceTables {
  local_authority: LocalAuthorityTable;
  locality: LocalityTable;
  organisation: OrganisationTable;
  team: TeamTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  shared_service: SharedServiceTable;
  shared_service_authority: SharedServiceAuthorityTable;
  shared_service_team: SharedServiceTeamTable;
  person: PersonTable;
  person_name_key: PersonNameKeyTable;
  person_named_access: PersonNamedAccessTable;
  address: AddressTable;
  relationship: RelationshipTable;
  sharing: SharingTable;
  record_history: RecordHistoryTable;
  audit_head: AuditHeadTable;
  audit_event: AuditEventTable;
}


export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type AddressRow = Selectable<AddressTable>;
export type RelationshipRow = Selectable<RelationshipTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type TeamRow = Selectable<TeamTable>;
export type SharingRow = Selectable<SharingTable>;
export type AuditEventRow = Selectable<AuditEventTable>;

export * from "./casework-types.ts";
