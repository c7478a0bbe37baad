/** SSDA903 rules of group a: 101–199, 197a, 197B. */
import type { Ssda903Rule } from "../rule.ts";
import { rule112, rule113, rule114, rule115, rule116, rule117, rule118, rule119, rule120, rule134, rule151, rule175, rule176, rule177, rule184 } from "./group-a/adoption.ts";
import { rule131, rule132, rule133, rule153 } from "./group-a/care-leavers.ts";
import { rule141, rule142, rule143, rule144, rule145, rule146, rule147, rule148, rule149, rule199 } from "./group-a/episodes.ts";
import { rule101, rule102, rule103, rule105, rule165, rule168, rule171, rule174 } from "./group-a/header.ts";
import { rule158, rule159, rule181, rule182, rule192, rule193 } from "./group-a/health.ts";
import { rule164, rule169, rule178, rule179 } from "./group-a/placement.ts";
import { rule104, rule166, rule167 } from "./group-a/reviews-uasc.ts";
import { rule157, rule180, rule185, rule186, rule188, rule189, rule196, rule197a, rule197B, rule198 } from "./group-a/sdq.ts";
import { rule187, rule190, rule191 } from "./group-a/twelve-months.ts";

/** The rules of group a. */
export const GROUP_A_RULES: readonly Ssda903Rule[] = [
  rule101, rule102, rule103, rule104, rule105, rule112, rule113, rule114, rule115, rule116, rule117, rule118, rule119, rule120,
  rule131, rule132, rule133, rule134, rule141, rule142, rule143, rule144, rule145, rule146, rule147, rule148, rule149, rule151,
  rule153, rule157, rule158, rule159, rule164, rule165, rule166, rule167, rule168, rule169, rule171, rule174, rule175, rule176,
  rule177, rule178, rule179, rule180, rule181, rule182, rule184, rule185, rule186, rule187, rule188, rule189, rule190, rule191,
  rule192, rule193, rule196, rule197a, rule197B, rule198, rule199,
];
