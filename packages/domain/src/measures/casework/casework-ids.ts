/**
 * The ids of the casework measures (fixed: URLs, imports and targets use them) and the link
 * from a Supporting Families outcome code (eh_goal.outcome) to its measure and group.
 */
import { SUPPORTING_FAMILIES_OUTCOMES, type SupportingFamiliesOutcome } from "../../casework-codes.ts";

export const REFERRALS_CSC = "referrals-csc";
export const REPEAT_REFERRALS_CSC = "repeat-referrals-csc";
export const REPEAT_REFERRALS_EARLY_HELP = "repeat-referrals-early-help";
export const CONTACTS_DECIDED_ON_TIME = "contacts-decided-on-time";
export const ASSESSMENTS_45_DAYS = "assessments-45-days";
export const ICPC_15_DAYS = "icpc-15-days";
export const CIN_ACUTE_STRESS_DYSFUNCTION = "cin-acute-stress-dysfunction";
export const CHILDREN_SUPPORTED_AT_HOME = "children-supported-at-home";
export const FAMILY_PLAN_OUTCOMES_MET = "family-plan-outcomes-met";
export const EARLY_HELP_CLOSED_OUTCOMES_ACHIEVED = "early-help-closed-outcomes-achieved";

/** The Supporting Families group key of an outcome code: early_years → early-years. */
export function supportingFamiliesGroup(outcome: SupportingFamiliesOutcome): string {
  return outcome.replaceAll("_", "-");
}

/** The measure id of an outcome code: early_years → sf-early-years. */
export function supportingFamiliesMeasureId(outcome: SupportingFamiliesOutcome): string {
  return `sf-${supportingFamiliesGroup(outcome)}`;
}

/** eh_goal.outcome → measure id, for the ten outcomes (anything else has no sf-* measure). */
export const SF_MEASURE_BY_OUTCOME: ReadonlyMap<string, string> = new Map(SUPPORTING_FAMILIES_OUTCOMES.map((o) => [o.code, supportingFamiliesMeasureId(o.code)]));
