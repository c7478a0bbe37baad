/** SSDA903 rules of group f: internal checks INT01–INT36 and the social worker checks SW…STG1/STG2. */
import type { Ssda903Rule } from "../rule.ts";
import {
  ruleInt01, ruleInt02, ruleInt03, ruleInt04, ruleInt05, ruleInt06, ruleInt07, ruleInt08, ruleInt09,
  ruleInt31, ruleInt32, ruleInt33, ruleInt34, ruleInt35, ruleInt36,
} from "./group-f/integrity-children.ts";
import { ruleInt11, ruleInt12, ruleInt13, ruleInt14, ruleInt15, ruleInt16, ruleInt17, ruleInt18, ruleInt21 } from "./group-f/integrity-values.ts";
import { ruleSw06, ruleSw07, ruleSw09 } from "./group-f/sw-dates.ts";
import { ruleSw01a, ruleSw01b, ruleSw02, ruleSw04, ruleSw05, ruleSw13 } from "./group-f/sw-fields.ts";
import { ruleSw12 } from "./group-f/sw-looked-after.ts";
import { ruleSw08, ruleSw10, ruleSw11b, ruleSw17 } from "./group-f/sw-sequence.ts";

/** The rules of group f. */
export const GROUP_F_RULES: readonly Ssda903Rule[] = [
  ruleInt01, ruleInt02, ruleInt03, ruleInt04, ruleInt05, ruleInt06, ruleInt07, ruleInt08, ruleInt09,
  ruleInt11, ruleInt12, ruleInt13, ruleInt14, ruleInt15, ruleInt16, ruleInt17, ruleInt18, ruleInt21,
  ruleInt31, ruleInt32, ruleInt33, ruleInt34, ruleInt35, ruleInt36,
  ruleSw01a, ruleSw01b, ruleSw02, ruleSw04, ruleSw05, ruleSw06, ruleSw07, ruleSw08, ruleSw09, ruleSw10, ruleSw11b, ruleSw12, ruleSw13, ruleSw17,
];
