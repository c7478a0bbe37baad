import type { ColumnType, Generated, Selectable } from "kysely";

/** Kysely's view of the early help tables (migrations/0006-early-help.ts). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** A need identified for one family member, mapped to a Supporting Families outcome. */
export interface EhNeedContent { outcome: string; description: string }

/** What the assessment says about one family member. */
export interface EhMemberContent {
  personId: string;
  needs: EhNeedContent[];
  strengths: string;
  ownWords: string;
  /** Facts prefilled from the record that the family and practitioner checked or corrected. */
  checkedFacts: string;
}

/** The whole-family assessment's content. */
export interface EhAssessmentContent {
  members: EhMemberContent[];
  familyStrengths: string;
  familyViews: string;
  householdNotes: string;
  summary: string;
}

export interface EhAssessmentTable {
  la_code: string;
  id: string;
  case_id: string;
  /** draft | awaiting_authorisation | authorised */
  status: Generated<string>;
  content: Json<EhAssessmentContent>;
  submitted_at: Date | null;
  submitted_by: string | null;
  authorised_at: Date | null;
  authorised_by: string | null;
  decision_note: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface EhTafMemberTable {
  la_code: string;
  id: string;
  case_id: string;
  user_id: string | null;
  name: string;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string;
  contact: string | null;
  is_lead: Generated<boolean>;
  added_at: Generated<Date>;
  added_by: string | null;
  removed_at: Date | null;
  removed_by: string | null;
}

export interface EhPlanTable {
  la_code: string;
  case_id: string;
  /** draft | awaiting_authorisation | authorised */
  status: Generated<string>;
  submitted_at: Date | null;
  submitted_by: string | null;
  authorised_at: Date | null;
  authorised_by: string | null;
  decision_note: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface EhGoalTable {
  la_code: string;
  id: string;
  case_id: string;
  outcome: string;
  person_id: string | null;
  description: string;
  target_date: string | null;
  /** open | met | not_met */
  status: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface EhActionTable {
  la_code: string;
  id: string;
  case_id: string;
  goal_id: string;
  owner_member_id: string;
  description: string;
  target_date: string;
  /** not_started | in_progress | done | not_done */
  status: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface EhActionUpdateTable {
  la_code: string;
  id: string;
  action_id: string;
  status: string;
  progress: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface EhReviewTable {
  la_code: string;
  id: string;
  case_id: string;
  review_date: string;
  progress: string;
  family_views: string | null;
  next_review_due: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

/** One goal's outcome as the closure records it. */
export interface EhGoalOutcome { goalId: string; status: "met" | "not_met" }

export interface EhClosureTable {
  la_code: string;
  id: string;
  case_id: string;
  reason: string;
  closed_on: string;
  summary: string | null;
  goal_outcomes: Json<EhGoalOutcome[]>;
  /** awaiting_authorisation | authorised | returned */
  status: Generated<string>;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

/** The early help tables, merged into `Database`. */
export interface EarlyHelpTables {
  eh_assessment: EhAssessmentTable;
  eh_taf_member: EhTafMemberTable;
  eh_plan: EhPlanTable;
  eh_goal: EhGoalTable;
  eh_action: EhActionTable;
  eh_action_update: EhActionUpdateTable;
  eh_review: EhReviewTable;
  eh_closure: EhClosureTable;
}

export type EhAssessmentRow = Selectable<EhAssessmentTable>;
export type EhTafMemberRow = Selectable<EhTafMemberTable>;
export type EhPlanRow = Selectable<EhPlanTable>;
export type EhGoalRow = Selectable<EhGoalTable>;
export type EhActionRow = Selectable<EhActionTable>;
export type EhActionUpdateRow = Selectable<EhActionUpdateTable>;
export type EhReviewRow = Selectable<EhReviewTable>;
export type EhClosureRow = Selectable<EhClosureTable>;
