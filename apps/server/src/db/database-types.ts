import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { EarlyHelpTables } from "./early-help-types.ts";

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

export interface LaSettingTable {
  la_code: string;
  local_standards: Json<Record<string, number>>;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CaseworkCaseTable {
  la_code: string;
  id: string;
  /** early_help | social_care */
  kind: string;
  subject_person_id: string;
  title: string;
  /** open | closed */
  status: Generated<string>;
  opened_on: string;
  closed_on: string | null;
  closure_reason: string | null;
  threshold_level: number | null;
  allocated_to: string | null;
  team_id: string | null;
  locality_id: string | null;
  contact_id: string | null;
  /** The case this one stepped up or down from: one history across services. */
  previous_case_id: string | null;
  last_supervised_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  created_by: string | null;
}

export interface CaseMemberTable { la_code: string; case_id: string; person_id: string; role: string }

export interface WorkItemTable {
  la_code: string;
  id: string;
  kind: string;
  source_entity: string;
  source_id: string;
  case_id: string | null;
  person_id: string | null;
  title: string;
  due_date: string | null;
  due_at: Date | null;
  assigned_to: string | null;
  team_id: string | null;
  /** open | done | cancelled */
  status: Generated<string>;
  completed_at: Date | null;
  completed_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CaseEventTable {
  la_code: string;
  id: string;
  person_id: string;
  case_id: string | null;
  occurred_on: string;
  kind: string;
  /** front_door | early_help | social_care | youth_justice… */
  service: string;
  title: string;
  summary: string | null;
  source_entity: string;
  source_id: string;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

/** Social care (CIN and CP): the CIN referral of a social care case (one per case). */
export interface CinReferralTable {
  la_code: string;
  case_id: string;
  person_id: string;
  referral_date: string;
  referral_source: string;
  contact_id: string | null;
  /** assessment | strategy_discussion */
  route: Generated<string>;
  primary_need: string | null;
  nfa: Generated<boolean>;
  closure_date: string | null;
  closure_reason: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CinAssessmentTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  start_date: string;
  completed_date: string | null;
  factors: Json<string[]>;
  primary_need: string | null;
  summary: string | null;
  authorisation_requested_on: string | null;
  authorised_date: string | null;
  authorised_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface StrategyDiscussionTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  discussion_date: string;
  attendees: string;
  /** s47 | no_s47 */
  decision: string;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface S47EnquiryTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  strategy_discussion_id: string;
  start_date: string;
  outcome: string | null;
  outcome_date: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CpPlanTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  start_date: string;
  initial_category: string;
  latest_category: string;
  end_date: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CpConferenceTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  /** initial | review */
  kind: string;
  s47_id: string | null;
  cp_plan_id: string | null;
  conference_date: string;
  /** initial: plan | no_plan; review: continue | end */
  outcome: string;
  category: string | null;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CinPlanTable {
  la_code: string;
  id: string;
  case_id: string;
  person_id: string;
  start_date: string;
  end_date: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface CinPlanReviewTable {
  la_code: string;
  id: string;
  case_id: string;
  cin_plan_id: string;
  review_date: string;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface DescribedChild { givenName: string; familyName: string; dob: string | null; notes: string | null }

export interface ContactTable {
  la_code: string;
  id: string;
  received_at: Timestamp;
  referral_source: string;
  contact_name: string;
  contact_role: string | null;
  contact_organisation: string | null;
  contact_phone: string | null;
  /** staff | partner_request */
  via: string;
  submitted_by: string;
  submitted_by_organisation_id: string | null;
  concerns: string;
  family_details: string | null;
  /** The children as the contact described them, until matched to people. */
  described_children: Json<DescribedChild[]>;
  /** yes | no | not_asked */
  consent_sharing: string;
  consent_early_help: string;
  /** awaiting_decision | decided */
  status: Generated<string>;
  due_at: Timestamp;
  decision: string | null;
  threshold_level: number | null;
  decided_by: string | null;
  decided_at: Date | null;
  reasons: string | null;
  overridden_by: string | null;
  override_reason: string | null;
  override_organisation_ids: Json<string[]> | null;
  override_until: string | null;
  team_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface ContactChildTable {
  la_code: string;
  contact_id: string;
  person_id: string;
  repeat_referral: Generated<boolean>;
  previous_referral_date: string | null;
  linked_by: string | null;
  linked_at: Generated<Date>;
}

/** A case note: a visit, call or meeting; versioned, and locked to amendments after locks_at. */
export interface CaseNoteTable {
  la_code: string;
  id: string;
  person_id: string;
  case_id: string | null;
  note_date: string;
  note_type: string;
  present: string | null;
  child_seen: boolean | null;
  seen_alone: boolean | null;
  body: string;
  locks_at: Timestamp;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface SupervisionTable {
  la_code: string;
  id: string;
  worker_id: string;
  manager_id: string;
  supervised_on: string;
  reflections: string;
  created_at: Generated<Date>;
}

export interface SupervisionCaseTable { la_code: string; supervision_id: string; case_id: string; note: string }
export interface SupervisionActionTable { la_code: string; supervision_id: string; work_item_id: string }

export interface Database extends EarlyHelpTables {
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
  la_setting: LaSettingTable;
  casework_case: CaseworkCaseTable;
  case_member: CaseMemberTable;
  work_item: WorkItemTable;
  case_event: CaseEventTable;
  case_note: CaseNoteTable;
  supervision: SupervisionTable;
  supervision_case: SupervisionCaseTable;
  supervision_action: SupervisionActionTable;
  contact: ContactTable;
  contact_child: ContactChildTable;
  cin_referral: CinReferralTable;
  cin_assessment: CinAssessmentTable;
  strategy_discussion: StrategyDiscussionTable;
  s47_enquiry: S47EnquiryTable;
  cp_plan: CpPlanTable;
  cp_conference: CpConferenceTable;
  cin_plan: CinPlanTable;
  cin_plan_review: CinPlanReviewTable;
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
export type CaseRow = Selectable<CaseworkCaseTable>;
export type WorkItemRow = Selectable<WorkItemTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type CaseNoteRow = Selectable<CaseNoteTable>;
export type SupervisionRow = Selectable<SupervisionTable>;
export type CinReferralRow = Selectable<CinReferralTable>;
export type CinAssessmentRow = Selectable<CinAssessmentTable>;
export type StrategyDiscussionRow = Selectable<StrategyDiscussionTable>;
export type S47EnquiryRow = Selectable<S47EnquiryTable>;
export type CpPlanRow = Selectable<CpPlanTable>;
export type CpConferenceRow = Selectable<CpConferenceTable>;
export type CinPlanRow = Selectable<CinPlanTable>;
export type CinPlanReviewRow = Selectable<CinPlanReviewTable>;
export type ContactRow = Selectable<ContactTable>;
export type ContactChildRow = Selectable<ContactChildTable>;
