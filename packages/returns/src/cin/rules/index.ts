/**
 * Every CIN census rule implementation. Each file under rules/ exports one array of rules;
 * register a file with one import line and one line in RULE_FILES.
 */
import type { CinRule } from "../rule.ts";
import { ASSESSMENT_FACTOR_RULES } from "./assessment-factors.ts";
import { ASSESSMENT_RULES } from "./assessments.ts";
import { CHARACTERISTICS_RULES } from "./characteristics.ts";
import { CHILD_IDENTIFIER_RULES } from "./child-identifiers.ts";
import { CHILD_PROTECTION_PLAN_DATE_RULES } from "./child-protection-plan-dates.ts";
import { CHILD_PROTECTION_PLAN_RULES } from "./child-protection-plans.ts";
import { CIN_ACTIVITY_RULES } from "./cin-activity.ts";
import { CIN_DETAILS_RULES } from "./cin-details.ts";
import { CIN_PLAN_RULES } from "./cin-plans.ts";
import { HEADER_RULES } from "./header.ts";
import { REVIEW_RULES } from "./reviews.ts";
import { SECTION47_RULES } from "./section47.ts";
import { UPN_RULES } from "./upn.ts";
import { ASSESSMENT_QUERY_RULES } from "./assessments-2.ts";
import { CHILD_IDENTIFIER_QUERY_RULES } from "./child-identifiers-2.ts";
import { CHILD_PROTECTION_QUERY_RULES } from "./child-protection-2.ts";
import { CIN_DETAILS_QUERY_RULES } from "./cin-details-2.ts";
import { DISABILITY_QUERY_RULES } from "./disabilities-2.ts";

const RULE_FILES: readonly (readonly CinRule[])[] = [
  // one line per rule file
  HEADER_RULES,
  UPN_RULES,
  CIN_DETAILS_RULES,
  CIN_ACTIVITY_RULES,
  ASSESSMENT_RULES,
  ASSESSMENT_FACTOR_RULES,
  SECTION47_RULES,
  CHILD_PROTECTION_PLAN_RULES,
  CHILD_PROTECTION_PLAN_DATE_RULES,
  CHILD_IDENTIFIER_RULES,
  CHARACTERISTICS_RULES,
  CIN_PLAN_RULES,
  REVIEW_RULES,
  CHILD_IDENTIFIER_QUERY_RULES,
  DISABILITY_QUERY_RULES,
  CIN_DETAILS_QUERY_RULES,
  ASSESSMENT_QUERY_RULES,
  CHILD_PROTECTION_QUERY_RULES,
];

/** All implemented rules, keyed by code. */
export const CIN_RULES: ReadonlyMap<string, CinRule> = new Map(RULE_FILES.flat().map((r) => [r.code, r]));
