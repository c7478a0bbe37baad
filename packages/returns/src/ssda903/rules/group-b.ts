/** SSDA903 rules of group b (see rules/index.ts for the codes each group holds). */
import type { Ssda903Rule } from "../rule.ts";
import { rule331, rule333, rule334, rule335, rule336 } from "./group-b/adoption.ts";
import { rule215, rule344, rule345, rule347 } from "./group-b/care-leavers.ts";
import { rule202, rule203, rule204, rule207, rule208, rule348 } from "./group-b/cross-year.ts";
import { rule302, rule352, rule353, rule354, rule355, rule356, rule357, rule358, rule359 } from "./group-b/episode-dates.ts";
import { rule209, rule210, rule232, rule301, rule351 } from "./group-b/header-checks.ts";
import { rule213, rule214, rule217, rule218, rule222, rule225, rule226, rule233, rule234 } from "./group-b/placements.ts";
import { rule219, rule221, rule224, rule227, rule228, rule229 } from "./group-b/provider-info.ts";
import { rule205A, rule205B, rule205C, rule205D, rule231, rule303, rule304 } from "./group-b/uasc.ts";

/** The rules of group b. */
export const GROUP_B_RULES: readonly Ssda903Rule[] = [
  rule202, rule203, rule204, rule205A, rule205B, rule205C, rule205D, rule207, rule208, rule209, rule210,
  rule213, rule214, rule215, rule217, rule218, rule219, rule221, rule222, rule224, rule225, rule226,
  rule227, rule228, rule229, rule231, rule232, rule233, rule234,
  rule301, rule302, rule303, rule304, rule331, rule333, rule334, rule335, rule336,
  rule344, rule345, rule347, rule348, rule351, rule352, rule353, rule354, rule355, rule356, rule357, rule358, rule359,
];
