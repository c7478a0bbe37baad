/** SSDA903 rules of group e: 601–710, EPI, NoE, 1000–1016, 3001. */
import type { Ssda903Rule } from "../rule.ts";
import { rule1003, rule601, rule602 } from "./group-e/adoption.ts";
import { rule1007, rule1016, rule3001 } from "./group-e/care-leaver-ages.ts";
import { rule1000, rule1001, rule1002, rule1010, rule1011, rule1014 } from "./group-e/care-leavers.ts";
import { rule1004, rule1005, rule1006, rule1008, rule1009, rule1015 } from "./group-e/codes.ts";
import { rule700, rule701, rule702, rule703, rule704, rule705, rule706, rule707, rule708 } from "./group-e/dolo-dates.ts";
import { rule709, rule710 } from "./group-e/dolo-placements.ts";
import { rule607, rule611, rule612, rule620, rule621, rule624, rule625, rule626, rule628 } from "./group-e/motherhood.ts";
import { rule630, rule631, rule632, rule633, rule634, rule635 } from "./group-e/permanence.ts";
import { ruleEPI, ruleNoE, rule1012 } from "./group-e/presence.ts";

/** The rules of group e. */
export const GROUP_E_RULES: readonly Ssda903Rule[] = [
  rule601, rule602, rule607, rule611, rule612, rule620, rule621, rule624, rule625, rule626, rule628,
  rule630, rule631, rule632, rule633, rule634, rule635,
  rule700, rule701, rule702, rule703, rule704, rule705, rule706, rule707, rule708, rule709, rule710,
  ruleEPI, ruleNoE,
  rule1000, rule1001, rule1002, rule1003, rule1004, rule1005, rule1006, rule1007, rule1008, rule1009,
  rule1010, rule1011, rule1012, rule1014, rule1015, rule1016, rule3001,
];
