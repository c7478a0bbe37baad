import type { ColumnType, Generated, Selectable } from "kysely";
import type { SocialCareTables } from "./social-care-types.ts";

/**
 * Kysely's view of the casework tables: the case spine (migrations/0003-casework-core.ts), the
 * front door (0004), social care (0005), and case notes and supervision (0007). Early help's
 * tables are in early-help-types.ts, social care's in social-care-types.ts.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

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

/** The casework tables, as `Database` includes them. */
export interface CaseworkTables extends SocialCareTables {
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
}

export type CaseRow = Selectable<CaseworkCaseTable>;
export type WorkItemRow = Selectable<WorkItemTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type CaseNoteRow = Selectable<CaseNoteTable>;
export type SupervisionRow = Selectable<SupervisionTable>;
export type ContactRow = Selectable<ContactTable>;
export type ContactChildRow = Selectable<ContactChildTable>;

export * from "./social-care-types.ts";
