/** SSDA903 rules of group d (see rules/index.ts for the codes each group holds): 501–599 and 503A–503J. */
import type { Ssda903Rule } from "../rule.ts";
import { rule511, rule514, rule517, rule518, rule519, rule520, rule521, rule523, rule524, rule525, rule582 } from "./group-d/adopters.ts";
import { rule501, rule504 } from "./group-d/episodes.ts";
import { rule542, rule543, rule544, rule545, rule546, rule547 } from "./group-d/health.ts";
import {
  rule502,
  rule503A,
  rule503B,
  rule503C,
  rule503D,
  rule503E,
  rule503F,
  rule503G,
  rule503H,
  rule503J,
  rule562,
} from "./group-d/last-year-episodes.ts";
import {
  rule564,
  rule565,
  rule566,
  rule567,
  rule570,
  rule571,
  rule574,
  rule575,
  rule576,
  rule577,
  rule578,
  rule580,
  rule581,
  rule586,
} from "./group-d/missing.ts";
import { rule559, rule560, rule561, rule584 } from "./group-d/placed-adoption-last.ts";
import { rule522, rule551, rule552, rule553, rule554, rule557, rule558, rule563, rule579, rule583 } from "./group-d/placed-adoption.ts";
import { rule516, rule526, rule527, rule528, rule529, rule530, rule531, rule550 } from "./group-d/providers.ts";

/** The rules of group d. */
export const GROUP_D_RULES: readonly Ssda903Rule[] = [
  rule501, rule502, rule503A, rule503B, rule503C, rule503D, rule503E, rule503F, rule503G, rule503H, rule503J, rule504,
  rule511, rule514, rule516, rule517, rule518, rule519, rule520, rule521, rule522, rule523, rule524, rule525,
  rule526, rule527, rule528, rule529, rule530, rule531, rule542, rule543, rule544, rule545, rule546, rule547,
  rule550, rule551, rule552, rule553, rule554, rule557, rule558, rule559, rule560, rule561, rule562, rule563,
  rule564, rule565, rule566, rule567, rule570, rule571, rule574, rule575, rule576, rule577, rule578, rule579,
  rule580, rule581, rule582, rule583, rule584, rule586,
];
