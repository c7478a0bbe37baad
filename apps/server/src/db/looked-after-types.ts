import type { ColumnType, Generated } from "kysely";

/**
 * Kysely's view of the looked-after tables (migrations/0008-looked-after.ts): SSDA903 fields
 * under their DfE names, the IRO's records, the ONS postcode directory and import jobs.
 * Dates are ISO strings (yyyy-mm-dd); `source` is recorded | import.
 */
type Json<T> = ColumnType<T, string, string>;
/** numeric comes back from pg as a string; written as a number. */
type Numeric = ColumnType<string | null, number | null, number | null>;

export interface LacChildTable {
  la_code: string;
  person_id: string;
  case_id: string;
  iro_id: string | null;
  mother: string | null;
  mc_dob: string | null;
  uasc_ceased: string | null;
  prev_perm: string | null;
  la_perm: string | null;
  date_perm: string | null;
  source: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlacementProviderTable {
  la_code: string;
  id: string;
  name: string;
  /** foster_carer | connected_carer | childrens_home | residential_school | semi_independent | secure_unit | adopters | other */
  kind: string;
  place_provider: string;
  urn: string | null;
  postcode: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LacEpisodeTable {
  la_code: string;
  id: string;
  person_id: string;
  case_id: string;
  decom: string;
  rne: string | null;
  ls: string | null;
  cin: string | null;
  place: string | null;
  place_provider: string | null;
  provider_id: string | null;
  dec: string | null;
  rec: string | null;
  reason_place_change: string | null;
  home_post: string | null;
  pl_post: string | null;
  urn: string | null;
  pl_la: string | null;
  /** IN | OUT of the returning authority */
  pl_location: string | null;
  pl_distance: Numeric;
  source: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  created_by: string | null;
}

export interface LacReviewTable {
  la_code: string;
  id: string;
  person_id: string;
  case_id: string;
  /** scheduled | held | cancelled */
  status: Generated<string>;
  planned_date: string | null;
  review_date: string | null;
  participation_code: string | null;
  views_methods: Json<string[]>;
  chair_id: string | null;
  summary: string | null;
  child_views: string | null;
  letter: string | null;
  letter_updated_at: Date | null;
  source: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  created_by: string | null;
}

export interface LacReviewDecisionTable {
  la_code: string;
  id: string;
  review_id: string;
  person_id: string;
  decision: string;
  owner_id: string | null;
  owner_name: string | null;
  due_date: string | null;
  /** open | done */
  status: Generated<string>;
  done_on: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface LacMissingTable {
  la_code: string;
  id: string;
  person_id: string;
  /** M missing | A away from placement without authorisation */
  missing_type: string | null;
  start_date: string;
  end_date: string | null;
  rhi_offered_on: string | null;
  rhi_accepted: boolean | null;
  notes: string | null;
  source: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface LacCheckTable {
  la_code: string;
  id: string;
  person_id: string;
  /** health_assessment | dental_check | immunisations | sdq | pep | substance_misuse | conviction */
  kind: string;
  check_date: string;
  sdq_score: number | null;
  outcome: string | null;
  notes: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface LacOc2Table {
  la_code: string;
  person_id: string;
  /** Collection year by its start (2017 = 1 April 2017 – 31 March 2018). */
  year: number;
  sdq_score: string | null;
  sdq_reason: string | null;
  convicted: string | null;
  health_check: string | null;
  immunisations: string | null;
  teeth_check: string | null;
  health_assessment: string | null;
  substance_misuse: string | null;
  intervention_received: string | null;
  intervention_offered: string | null;
  source: Generated<string>;
}

export interface LacOc3Table {
  la_code: string;
  person_id: string;
  year: number;
  in_touch: string | null;
  activ: string | null;
  accom: string | null;
  recorded_on: string | null;
  source: Generated<string>;
  version: Generated<number>;
}

export interface LacPathwayPlanTable {
  la_code: string;
  id: string;
  person_id: string;
  plan_date: string;
  next_review_due: string | null;
  personal_adviser: string | null;
  summary: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface LacAd1Table {
  la_code: string;
  person_id: string;
  date_int: string | null;
  date_match: string | null;
  foster_care: string | null;
  nb_adoptr: string | null;
  sex_adoptr: string | null;
  ls_adoptr: string | null;
  source: Generated<string>;
  version: Generated<number>;
}

export interface LacPlacedAdoptionTable {
  la_code: string;
  id: string;
  person_id: string;
  date_placed: string;
  date_placed_ceased: string | null;
  reason_placed_ceased: string | null;
  source: Generated<string>;
  version: Generated<number>;
}

export interface LacSwEpisodeTable {
  la_code: string;
  id: string;
  person_id: string;
  sw_id: string;
  sw_decom: string;
  sw_dec: string | null;
  sw_reason: string | null;
  source: Generated<string>;
}

export interface LacDoloTable {
  la_code: string;
  id: string;
  person_id: string;
  dolo_start: string;
  dolo_end: string | null;
  source: Generated<string>;
}

export interface IroMidpointTable {
  la_code: string;
  id: string;
  person_id: string;
  review_id: string | null;
  check_date: string;
  on_track: boolean;
  notes: string;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface IroDisputeStage {
  stage: string;
  date: string;
  outcome: "resolved" | "escalated" | "unresolved" | "open";
  notes: string;
  by: string | null;
}

export interface IroDisputeTable {
  la_code: string;
  id: string;
  person_id: string;
  raised_on: string;
  theme: string;
  summary: string;
  /** informal | formal_1 | formal_2 | formal_3 */
  stage: string;
  /** open | resolved | unresolved */
  status: Generated<string>;
  resolved_on: string | null;
  stages: Json<IroDisputeStage[]>;
  raised_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface IroQaTable {
  la_code: string;
  id: string;
  review_id: string;
  person_id: string;
  answers: Json<Record<string, string>>;
  comments: string | null;
  completed_on: string;
  completed_by: string | null;
}

export interface OnsPostcodeTable {
  pcd: string;
  easting: number;
  northing: number;
  laua: string | null;
}

export interface ReferenceDatasetTable {
  name: string;
  rows: number;
  source: string;
  loaded_at: Generated<Date>;
}

export interface ImportProblem {
  file: string;
  line: number;
  table: string | null;
  child: string | null;
  reason: string;
}

export interface ImportJobTable {
  la_code: string;
  id: string;
  kind: string;
  /** running | done | failed */
  status: Generated<string>;
  phase: string | null;
  total: Generated<number>;
  processed: Generated<number>;
  summary: Json<Record<string, unknown>>;
  problems: Json<ImportProblem[]>;
  problem_count: Generated<number>;
  started_at: Generated<Date>;
  finished_at: Date | null;
  created_by: string | null;
}

export interface LookedAfterTables {
  lac_child: LacChildTable;
  placement_provider: PlacementProviderTable;
  lac_episode: LacEpisodeTable;
  lac_review: LacReviewTable;
  lac_review_decision: LacReviewDecisionTable;
  lac_missing: LacMissingTable;
  lac_check: LacCheckTable;
  lac_oc2: LacOc2Table;
  lac_oc3: LacOc3Table;
  lac_pathway_plan: LacPathwayPlanTable;
  lac_ad1: LacAd1Table;
  lac_placed_adoption: LacPlacedAdoptionTable;
  lac_sw_episode: LacSwEpisodeTable;
  lac_dolo: LacDoloTable;
  iro_midpoint: IroMidpointTable;
  iro_dispute: IroDisputeTable;
  iro_qa: IroQaTable;
  ons_postcode: OnsPostcodeTable;
  reference_dataset: ReferenceDatasetTable;
  import_job: ImportJobTable;
}
