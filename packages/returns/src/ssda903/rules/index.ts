/**
 * Every SSDA903 rule implementation, by group:
 * - a: 101–199, 197a, 197B
 * - b: 202–359, 205A–205D
 * - c: 361–460, 392a–392d
 * - d: 501–584, 503A–503J
 * - e: 601–710, EPI, NoE, 1000–1016, 3001
 * - f: INT01–INT36, SW…STG1/STG2
 */
import type { Ssda903Rule } from "../rule.ts";
import { GROUP_A_RULES } from "./group-a.ts";
import { GROUP_B_RULES } from "./group-b.ts";
import { GROUP_C_RULES } from "./group-c.ts";
import { GROUP_D_RULES } from "./group-d.ts";
import { GROUP_E_RULES } from "./group-e.ts";
import { GROUP_F_RULES } from "./group-f.ts";

/** All implemented rules, keyed by code. */
export const SSDA903_RULES: ReadonlyMap<string, Ssda903Rule> = new Map(
  [...GROUP_A_RULES, ...GROUP_B_RULES, ...GROUP_C_RULES, ...GROUP_D_RULES, ...GROUP_E_RULES, ...GROUP_F_RULES].map((r) => [r.code, r]),
);
