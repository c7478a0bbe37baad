/**
 * SSDA903 (children looked after) code sets for 2026/27, episodes side: reason for new episode,
 * legal status, category of need, placement type and provider, reason episode ceased, reason
 * for placement change, review participation, missing type and reason for social worker
 * change; plus the ways an IRO gathers a child's views (ours). Care leaver, health and adoption
 * codes are in care-leaver-codes.ts. Labels are plain English after the DfE's SSDA903 guide;
 * where we are unsure of the DfE's wording the label is neutral and names the code.
 */
import type { CodedValue } from "./casework-codes.ts";
import { codesOf, guardFor } from "./code-set-helpers.ts";

/**
 * RNE: why a new episode started. The DfE's meanings (confirmed by rules 217, 434 and 436):
 * T and U keep the same carer(s); P and B change them.
 */
export const REASONS_FOR_NEW_EPISODE = [
  { code: "S", label: "Started to be looked after" },
  { code: "L", label: "Change of legal status only" },
  { code: "P", label: "Change of placement and carer(s) only" },
  { code: "T", label: "Change of placement only, carer(s) stayed the same" },
  { code: "U", label: "Change of legal status and placement at the same time, carer(s) stayed the same" },
  { code: "B", label: "Change of legal status, placement and carer(s) at the same time" },
] as const satisfies readonly CodedValue[];
export type ReasonForNewEpisode = (typeof REASONS_FOR_NEW_EPISODE)[number]["code"];
export const REASON_FOR_NEW_EPISODE_CODES = codesOf<ReasonForNewEpisode>(REASONS_FOR_NEW_EPISODE);
export const isReasonForNewEpisode = guardFor<ReasonForNewEpisode>(REASONS_FOR_NEW_EPISODE);

/** LS: the child's legal status. */
export const LEGAL_STATUSES = [
  { code: "C1", label: "Interim care order" },
  { code: "C2", label: "Full care order" },
  { code: "D1", label: "Freeing order granted" },
  { code: "E1", label: "Placement order granted" },
  { code: "V2", label: "Single period of accommodation under section 20 (Children Act 1989)" },
  { code: "V3", label: "Agreed series of short-term breaks, individual episodes recorded" },
  { code: "V4", label: "Agreed series of short-term breaks, agreements recorded (not individual episodes)" },
  { code: "L1", label: "Under police protection and in local authority accommodation" },
  { code: "L2", label: "Emergency protection order (EPO)" },
  { code: "L3", label: "Under a child assessment order and in local authority accommodation" },
  { code: "J1", label: "Remanded to local authority accommodation or youth detention accommodation" },
  { code: "J2", label: "Placed in local authority accommodation under PACE 1984, including secure accommodation" },
  { code: "J3", label: "Youth rehabilitation order with a residence or intensive fostering requirement" },
] as const satisfies readonly CodedValue[];
export type LegalStatus = (typeof LEGAL_STATUSES)[number]["code"];
export const LEGAL_STATUS_CODES = codesOf<LegalStatus>(LEGAL_STATUSES);
export const isLegalStatus = guardFor<LegalStatus>(LEGAL_STATUSES);

/** CIN: category of need of a looked after child (N1–N8; the CIN census's N0 and N9 are not used). */
export const CATEGORIES_OF_NEED = [
  { code: "N1", label: "Abuse or neglect" },
  { code: "N2", label: "Child’s disability" },
  { code: "N3", label: "Parental illness or disability" },
  { code: "N4", label: "Family in acute stress" },
  { code: "N5", label: "Family dysfunction" },
  { code: "N6", label: "Socially unacceptable behaviour" },
  { code: "N7", label: "Low income" },
  { code: "N8", label: "Absent parenting" },
] as const satisfies readonly CodedValue[];
export type CategoryOfNeed = (typeof CATEGORIES_OF_NEED)[number]["code"];
export const CATEGORY_OF_NEED_CODES = codesOf<CategoryOfNeed>(CATEGORIES_OF_NEED);
export const isCategoryOfNeed = guardFor<CategoryOfNeed>(CATEGORIES_OF_NEED);

/**
 * PLACE: placement type. `temporary` marks T0–T4, which never start or end a period of care
 * (rules 380, 381) and never carry a reason for placement change (rules 225, 226). H5, P2 and
 * Z1 were withdrawn before 2026/27 (rule 146).
 */
export const PLACEMENT_TYPES = [
  { code: "A3", label: "Placed for adoption with consent, with current foster carer(s)", temporary: false },
  { code: "A4", label: "Placed for adoption with consent, not with current foster carer(s)", temporary: false },
  { code: "A5", label: "Placed for adoption under a placement order, with current foster carer(s)", temporary: false },
  { code: "A6", label: "Placed for adoption under a placement order, not with current foster carer(s)", temporary: false },
  { code: "K1", label: "Secure children’s home", temporary: false },
  { code: "K2", label: "Children’s home subject to the Children’s Homes Regulations", temporary: false },
  { code: "K3", label: "Supported accommodation, not subject to the Children’s Homes Regulations", temporary: false },
  { code: "P1", label: "Placed with own parent(s) or other person(s) with parental responsibility", temporary: false },
  { code: "P3", label: "Residential employment", temporary: false },
  { code: "R1", label: "Residential care home", temporary: false },
  { code: "R2", label: "NHS or health trust establishment providing medical or nursing care", temporary: false },
  { code: "R3", label: "Family centre or mother and baby unit", temporary: false },
  { code: "R5", label: "Young offender institution", temporary: false },
  { code: "S1", label: "Residential school (not dual-registered as a children’s home)", temporary: false },
  { code: "T0", label: "Temporary move of any type", temporary: true },
  { code: "T1", label: "Temporary: in hospital", temporary: true },
  { code: "T2", label: "Temporary: child away on holiday", temporary: true },
  { code: "T3", label: "Temporary: while the usual foster carer(s) are on holiday", temporary: true },
  { code: "T4", label: "Temporary: 7 days or less, for any other reason", temporary: true },
  { code: "U1", label: "Foster placement with relative(s) or friend(s): long-term fostering", temporary: false },
  { code: "U2", label: "Foster placement with relative(s) or friend(s) who are approved adopters: fostering for adoption or concurrent planning", temporary: false },
  { code: "U3", label: "Foster placement with relative(s) or friend(s): not long-term or fostering for adoption", temporary: false },
  { code: "U4", label: "Foster placement with other foster carer(s): long-term fostering", temporary: false },
  { code: "U5", label: "Foster placement with other foster carer(s) who are approved adopters: fostering for adoption or concurrent planning", temporary: false },
  { code: "U6", label: "Foster placement with other foster carer(s): not long-term or fostering for adoption", temporary: false },
  { code: "Z11", label: "Other placement (DfE code Z11)", temporary: false },
  { code: "Z12", label: "Other placement (DfE code Z12)", temporary: false },
  { code: "Z13", label: "Other placement (DfE code Z13)", temporary: false },
  { code: "Z14", label: "Other placement (DfE code Z14)", temporary: false },
] as const satisfies readonly (CodedValue & { temporary: boolean })[];
export type PlacementType = (typeof PLACEMENT_TYPES)[number]["code"];
export const PLACEMENT_TYPE_CODES = codesOf<PlacementType>(PLACEMENT_TYPES);
export const isPlacementType = guardFor<PlacementType>(PLACEMENT_TYPES);

/** The temporary placement types, T0–T4. */
export const TEMPORARY_PLACEMENT_TYPE_CODES = PLACEMENT_TYPE_CODES.filter((code) => /^T[0-4]$/.test(code));

/** True for a temporary placement (T0–T4). */
export function isTemporaryPlacement(place: PlacementType): boolean {
  return PLACEMENT_TYPES.some((entry) => entry.code === place && entry.temporary);
}

/** True when the return wants a PLACE_PROVIDER: every type but T0–T4 and Z11–Z14 (rules 178, 213, 526). */
export function placementTakesProvider(place: PlacementType): boolean {
  return !isTemporaryPlacement(place) && !place.startsWith("Z");
}

/** Long-term fostering placements (U1, U4): after a year, visits may drop to 3-monthly. */
export function isLongTermFostering(place: PlacementType): boolean {
  return place === "U1" || place === "U4";
}

/** PLACE_PROVIDER: who provides the placement. */
export const PLACEMENT_PROVIDERS = [
  { code: "PR0", label: "Parent(s) or other person(s) with parental responsibility" },
  { code: "PR1", label: "Own provision by the local authority (including a regional adoption agency it hosts)" },
  { code: "PR2", label: "Another local authority’s provision (including a regional adoption agency it hosts)" },
  { code: "PR3", label: "Other public provision (for example the NHS)" },
  { code: "PR4", label: "Private provision" },
  { code: "PR5", label: "Voluntary or third sector provision" },
] as const satisfies readonly CodedValue[];
export type PlacementProvider = (typeof PLACEMENT_PROVIDERS)[number]["code"];
export const PLACEMENT_PROVIDER_CODES = codesOf<PlacementProvider>(PLACEMENT_PROVIDERS);
export const isPlacementProvider = guardFor<PlacementProvider>(PLACEMENT_PROVIDERS);

/** REC: why an episode ceased. X1 continues care in a new episode; every other code ends care. */
export const REASONS_EPISODE_CEASED = [
  { code: "X1", label: "Episode ceased and a new one began the same day (care continues)" },
  { code: "E11", label: "Adopted: application for an adoption order unopposed" },
  { code: "E12", label: "Adopted: consent dispensed with by the court" },
  { code: "E2", label: "Died" },
  { code: "E3", label: "Care taken over by another local authority in the UK" },
  { code: "E4A", label: "Returned home to parent(s) or others with parental responsibility as part of the care plan" },
  { code: "E4B", label: "Returned home to parent(s) or others with parental responsibility, not as part of the care plan" },
  { code: "E13", label: "Left care to live with parent(s), relative(s) or others without parental responsibility" },
  { code: "E41", label: "Residence order or child arrangements order (who the child lives with) granted" },
  { code: "E45", label: "Special guardianship order to former foster carer(s) who are relatives or friends" },
  { code: "E46", label: "Special guardianship order to former foster carer(s) who are not relatives or friends" },
  { code: "E47", label: "Special guardianship order to carer(s), not former foster carers, who are relatives or friends" },
  { code: "E48", label: "Special guardianship order to carer(s), not former foster carers, who are not relatives or friends" },
  { code: "E5", label: "Moved to independent living with formal advice or support (for example a hostel or foyer)" },
  { code: "E6", label: "Moved to independent living without formal advice or support (for example own flat)" },
  { code: "E7", label: "Transferred to residential care funded by adult social care" },
  { code: "E8", label: "Care ceased for any other reason" },
  { code: "E9", label: "Sentenced to custody" },
  { code: "E14", label: "Accommodation on remand ended" },
  { code: "E15", label: "Age assessment found the child to be 18 or over" },
  { code: "E16", label: "Child moved abroad" },
  { code: "E17", label: "Aged 18 or over and stayed with current carers (including staying put)" },
] as const satisfies readonly CodedValue[];
export type ReasonEpisodeCeased = (typeof REASONS_EPISODE_CEASED)[number]["code"];
export const REASON_EPISODE_CEASED_CODES = codesOf<ReasonEpisodeCeased>(REASONS_EPISODE_CEASED);
export const isReasonEpisodeCeased = guardFor<ReasonEpisodeCeased>(REASONS_EPISODE_CEASED);

/** The reasons that end a period of care (every REC but X1). */
export type CareEndingReason = Exclude<ReasonEpisodeCeased, "X1">;
export const CARE_ENDING_REASON_CODES = REASON_EPISODE_CEASED_CODES.filter((code): code is CareEndingReason => code !== "X1") as unknown as readonly [
  CareEndingReason,
  ...CareEndingReason[],
];

/** REASON_PLACE_CHANGE: why a (non-temporary) placement ended (rule 1009's set). */
export const REASONS_FOR_PLACEMENT_CHANGE = [
  { code: "CARPL", label: "Change to or carrying out of the care plan" },
  { code: "CLOSE", label: "Carer resigned or the provision closed" },
  { code: "ALLEG", label: "Allegation (section 47)" },
  { code: "STAND", label: "Concern about standards of care" },
  { code: "APPRR", label: "Carer’s approval removed" },
  { code: "CREQB", label: "Carer asked for the placement to end because of the child’s behaviour" },
  { code: "CREQO", label: "Carer asked for the placement to end for another reason" },
  { code: "CHILD", label: "Child asked for the placement to end" },
  { code: "LAREQ", label: "Responsible or area authority asked for the placement to end" },
  { code: "PLACE", label: "Change in the status of the placement only" },
  { code: "CUSTOD", label: "Custody arrangement" },
  { code: "OTHER", label: "Other" },
] as const satisfies readonly CodedValue[];
export type ReasonForPlacementChange = (typeof REASONS_FOR_PLACEMENT_CHANGE)[number]["code"];
export const REASON_FOR_PLACEMENT_CHANGE_CODES = codesOf<ReasonForPlacementChange>(REASONS_FOR_PLACEMENT_CHANGE);
export const isReasonForPlacementChange = guardFor<ReasonForPlacementChange>(REASONS_FOR_PLACEMENT_CHANGE);

/** REVIEW_CODE: how the child took part in a looked after review. */
export const REVIEW_PARTICIPATION = [
  { code: "PN0", label: "Child aged under 4 at the time of the review" },
  { code: "PN1", label: "Child attended and spoke for themselves" },
  { code: "PN2", label: "Child attended and an advocate spoke for them" },
  { code: "PN3", label: "Child attended and conveyed their view without words (symbolically)" },
  { code: "PN4", label: "Child attended but did not speak, convey their view or ask an advocate to" },
  { code: "PN5", label: "Child did not attend but briefed an advocate to speak for them" },
  { code: "PN6", label: "Child did not attend but conveyed their views another way" },
  { code: "PN7", label: "Child did not attend and their views were not conveyed" },
] as const satisfies readonly CodedValue[];
export type ReviewParticipation = (typeof REVIEW_PARTICIPATION)[number]["code"];
export const REVIEW_PARTICIPATION_CODES = codesOf<ReviewParticipation>(REVIEW_PARTICIPATION);
export const isReviewParticipation = guardFor<ReviewParticipation>(REVIEW_PARTICIPATION);

/** How the IRO gathered the child's views for a review (ours, not a DfE code). */
export const REVIEW_VIEWS_METHODS = [
  { code: "in_meeting", label: "In the review meeting" },
  { code: "face_to_face", label: "Face to face before the meeting" },
  { code: "phone", label: "Phone or video call" },
  { code: "text", label: "Text or message" },
  { code: "consultation_form", label: "Consultation form" },
  { code: "advocate", label: "Through an advocate" },
] as const satisfies readonly CodedValue[];
export type ReviewViewsMethod = (typeof REVIEW_VIEWS_METHODS)[number]["code"];
export const REVIEW_VIEWS_METHOD_CODES = codesOf<ReviewViewsMethod>(REVIEW_VIEWS_METHODS);
export const isReviewViewsMethod = guardFor<ReviewViewsMethod>(REVIEW_VIEWS_METHODS);

/** MISSING: whether the child was missing or away from placement without authorisation (rule 1006). */
export const MISSING_TYPES = [
  { code: "M", label: "Missing" },
  { code: "A", label: "Away from placement without authorisation" },
] as const satisfies readonly CodedValue[];
export type MissingType = (typeof MISSING_TYPES)[number]["code"];
export const MISSING_TYPE_CODES = codesOf<MissingType>(MISSING_TYPES);
export const isMissingType = guardFor<MissingType>(MISSING_TYPES);

/** SW_REASON: why the child's social worker changed (labels read from the DfE's codes). */
export const SOCIAL_WORKER_CHANGE_REASONS = [
  { code: "MANAGE", label: "Management decision" },
  { code: "FCONTA", label: "Fixed-term or agency contract ended" },
  { code: "LEFTRL", label: "Social worker left the role" },
  { code: "ORGRST", label: "Organisational restructure" },
  { code: "TSPROC", label: "Transfer between teams as part of the usual process" },
  { code: "ABSENC", label: "Social worker absent (for example sickness or leave)" },
  { code: "CHCHAN", label: "Child asked for a change" },
  { code: "PCCHAN", label: "Parent or carer asked for a change" },
  { code: "SWDIED", label: "Social worker died" },
  { code: "OTHERS", label: "Other reason" },
] as const satisfies readonly CodedValue[];
export type SocialWorkerChangeReason = (typeof SOCIAL_WORKER_CHANGE_REASONS)[number]["code"];
export const SOCIAL_WORKER_CHANGE_REASON_CODES = codesOf<SocialWorkerChangeReason>(SOCIAL_WORKER_CHANGE_REASONS);
export const isSocialWorkerChangeReason = guardFor<SocialWorkerChangeReason>(SOCIAL_WORKER_CHANGE_REASONS);
