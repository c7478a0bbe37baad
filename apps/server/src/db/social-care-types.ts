import type { ColumnType, Generated, Selectable } from "kysely";

/** Kysely's view of the social care tables (migrations/0005-social-care.ts): CIN and CP. */
type Json<T> = ColumnType<T, string, string>;

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

/** The social care tables, as `Database` includes them. */
export interface SocialCareTables {
  cin_referral: CinReferralTable;
  cin_assessment: CinAssessmentTable;
  strategy_discussion: StrategyDiscussionTable;
  s47_enquiry: S47EnquiryTable;
  cp_plan: CpPlanTable;
  cp_conference: CpConferenceTable;
  cin_plan: CinPlanTable;
  cin_plan_review: CinPlanReviewTable;
}

export type CinReferralRow = Selectable<CinReferralTable>;
export type CinAssessmentRow = Selectable<CinAssessmentTable>;
export type StrategyDiscussionRow = Selectable<StrategyDiscussionTable>;
export type S47EnquiryRow = Selectable<S47EnquiryTable>;
export type CpPlanRow = Selectable<CpPlanTable>;
export type CpConferenceRow = Selectable<CpConferenceTable>;
export type CinPlanRow = Selectable<CinPlanTable>;
export type CinPlanReviewRow = Selectable<CinPlanReviewTable>;
