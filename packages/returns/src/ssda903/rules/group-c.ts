/** SSDA903 rules of group c (see rules/index.ts for the codes each group holds). */
import type { Ssda903Rule } from "../rule.ts";
import { AGE_AND_LENGTH_RULES } from "./group-c/ages-and-lengths.ts";
import { CHILD_DETAIL_RULES } from "./group-c/child-details.ts";
import { EPISODE_SEQUENCE_RULES } from "./group-c/episode-sequence.ts";
import { LEGAL_STATUS_DURATION_RULES } from "./group-c/legal-status-durations.ts";
import { PLACEMENT_LOCATION_RULES } from "./group-c/placement-location.ts";
import { PLACEMENT_TYPE_RULES } from "./group-c/placement-types.ts";

/** The rules of group c. */
export const GROUP_C_RULES: readonly Ssda903Rule[] = [...LEGAL_STATUS_DURATION_RULES, ...AGE_AND_LENGTH_RULES, ...PLACEMENT_TYPE_RULES, ...EPISODE_SEQUENCE_RULES, ...CHILD_DETAIL_RULES, ...PLACEMENT_LOCATION_RULES];
