import type { ColumnType, Generated, Selectable } from "kysely";

/** Dates are read as YYYY-MM-DD strings (connect.ts sets the parsers). */
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type GovActionStatus = "not_started" | "in_progress" | "complete";
export type GovCommitteeActionStatus = "in_progress" | "completed";
export type GovWorkItemKind = "agenda_item" | "task_group" | "study";

export interface GovStrategyTable {
  la_code: string;
  id: string;
  title: string;
  period_label: string;
  starts_on: NullableDate;
  ends_on: NullableDate;
  summary: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovPriorityTable {
  la_code: string;
  id: string;
  strategy_id: string;
  position: number;
  title: string;
  description: string | null;
  created_at: Generated<Date>;
}

export interface GovActionTable {
  la_code: string;
  id: string;
  strategy_id: string;
  priority_id: string;
  position: number;
  title: string;
  description: string | null;
  status: ColumnType<GovActionStatus, GovActionStatus | undefined, GovActionStatus>;
  owner: string;
  start_date: NullableDate;
  due_date: NullableDate;
  /** A JSON array of measure ids; written as its JSON text. */
  measure_ids: ColumnType<string[], string | undefined, string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovActionNoteTable {
  la_code: string;
  id: string;
  action_id: string;
  noted_on: DateColumn;
  status: GovActionStatus;
  note: string;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Generated<Date>;
}

export interface GovCommitteeTable {
  la_code: string;
  id: string;
  name: string;
  year_label: string;
  remit: string | null;
  created_at: Generated<Date>;
}

export interface GovMeetingTable {
  la_code: string;
  id: string;
  committee_id: string;
  round_label: string;
  meets_on: NullableDate;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovWorkItemTable {
  la_code: string;
  id: string;
  committee_id: string;
  meeting_id: string | null;
  kind: GovWorkItemKind;
  title: string;
  reasons: string | null;
  represented_by: string | null;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovCommitteeActionTable {
  la_code: string;
  id: string;
  committee_id: string;
  meeting_id: string;
  agenda_item: string;
  action: string;
  status: ColumnType<GovCommitteeActionStatus, GovCommitteeActionStatus | undefined, GovCommitteeActionStatus>;
  update_note: string | null;
  position: number;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovRecommendationTable {
  la_code: string;
  id: string;
  committee_id: string;
  meeting_id: string;
  number: number;
  text: string;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface GovRecommendationResponseTable {
  la_code: string;
  recommendation_id: string;
  organisation: string;
  position: number;
  response: string | null;
  responded_on: NullableDate;
}

export type GovStrategyRow = Selectable<GovStrategyTable>;
export type GovPriorityRow = Selectable<GovPriorityTable>;
export type GovActionRow = Selectable<GovActionTable>;
export type GovActionNoteRow = Selectable<GovActionNoteTable>;
export type GovCommitteeRow = Selectable<GovCommitteeTable>;
export type GovMeetingRow = Selectable<GovMeetingTable>;
export type GovWorkItemRow = Selectable<GovWorkItemTable>;
export type GovCommitteeActionRow = Selectable<GovCommitteeActionTable>;
export type GovRecommendationRow = Selectable<GovRecommendationTable>;
export type GovRecommendationResponseRow = Selectable<GovRecommendationResponseTable>;

export interface GovernanceTables {
  gov_strategy: GovStrategyTable;
  gov_priority: GovPriorityTable;
  gov_action: GovActionTable;
  gov_action_note: GovActionNoteTable;
  gov_committee: GovCommitteeTable;
  gov_meeting: GovMeetingTable;
  gov_work_item: GovWorkItemTable;
  gov_committee_action: GovCommitteeActionTable;
  gov_recommendation: GovRecommendationTable;
  gov_recommendation_response: GovRecommendationResponseTable;
}
