/**
 * SSDA903 (children looked after) code sets for 2026/27, outcomes side: care leavers (OC3),
 * SDQ (OC2), adoption (AD1, placed for adoption) and previous permanence. Each list is a
 * readonly array of { code, label } with a union type, a `…_CODES` tuple and an `is…` guard,
 * like casework-codes.ts. Labels are plain English after the DfE's SSDA903 guide.
 */
import type { CodedValue } from "./casework-codes.ts";
import { codesOf, guardFor } from "./code-set-helpers.ts";

/** IN_TOUCH: whether the authority is in touch with the care leaver around the birthday. */
export const CARE_LEAVER_IN_TOUCH = [
  { code: "YES", label: "Yes, in touch" },
  { code: "NO", label: "No, not in touch" },
  { code: "DIED", label: "Young person has died" },
  { code: "REFU", label: "Young person refuses contact" },
  { code: "NREQ", label: "Young person no longer needs services" },
  { code: "RHOM", label: "Returned home to parent(s) or others with parental responsibility for 6 months or more" },
] as const satisfies readonly CodedValue[];
export type CareLeaverInTouch = (typeof CARE_LEAVER_IN_TOUCH)[number]["code"];
export const CARE_LEAVER_IN_TOUCH_CODES = codesOf<CareLeaverInTouch>(CARE_LEAVER_IN_TOUCH);
export const isCareLeaverInTouch = guardFor<CareLeaverInTouch>(CARE_LEAVER_IN_TOUCH);

/**
 * ACTIV: the care leaver's main activity (rule 132's set; F3 and P3 are withdrawn). The
 * return also takes "0" when there is nothing to report; we record no activity instead.
 */
export const CARE_LEAVER_ACTIVITIES = [
  { code: "F1", label: "Full time in higher education" },
  { code: "P1", label: "Part time in higher education" },
  { code: "F2", label: "Full time in education other than higher education" },
  { code: "P2", label: "Part time in education other than higher education" },
  { code: "F4", label: "Full time in an apprenticeship" },
  { code: "P4", label: "Part time in an apprenticeship" },
  { code: "F5", label: "Full time in training or employment (not an apprenticeship)" },
  { code: "P5", label: "Part time in training or employment (not an apprenticeship)" },
  { code: "G4", label: "Not in education, training or employment because of illness or disability" },
  { code: "G5", label: "Not in education, training or employment for other reasons" },
  { code: "G6", label: "Not in education, training or employment because of pregnancy or parenting" },
] as const satisfies readonly CodedValue[];
export type CareLeaverActivity = (typeof CARE_LEAVER_ACTIVITIES)[number]["code"];
export const CARE_LEAVER_ACTIVITY_CODES = codesOf<CareLeaverActivity>(CARE_LEAVER_ACTIVITIES);
export const isCareLeaverActivity = guardFor<CareLeaverActivity>(CARE_LEAVER_ACTIVITIES);

/** True for the activity codes that count as education, employment or training (not G4–G6). */
export function isInEducationEmploymentOrTraining(activity: CareLeaverActivity): boolean {
  return !activity.startsWith("G");
}

/**
 * ACCOM: the care leaver's accommodation, a letter for the kind and a digit for whether it is
 * suitable (1) or not (2). No fixed abode (S) and custody (X) are never suitable (rule 133's
 * set). The return also takes "0" when there is nothing to report.
 */
export const CARE_LEAVER_ACCOMMODATION = [
  { code: "B1", label: "With parents or relatives: suitable", suitable: true },
  { code: "B2", label: "With parents or relatives: not suitable", suitable: false },
  { code: "C1", label: "Community home or other residential care: suitable", suitable: true },
  { code: "C2", label: "Community home or other residential care: not suitable", suitable: false },
  { code: "D1", label: "Semi-independent, transitional or self-contained accommodation: suitable", suitable: true },
  { code: "D2", label: "Semi-independent, transitional or self-contained accommodation: not suitable", suitable: false },
  { code: "E1", label: "Supported lodgings: suitable", suitable: true },
  { code: "E2", label: "Supported lodgings: not suitable", suitable: false },
  { code: "G1", label: "Gone abroad: suitable", suitable: true },
  { code: "G2", label: "Gone abroad: not suitable", suitable: false },
  { code: "H1", label: "Deported: suitable", suitable: true },
  { code: "H2", label: "Deported: not suitable", suitable: false },
  { code: "K1", label: "Ordinary lodgings without formal support: suitable", suitable: true },
  { code: "K2", label: "Ordinary lodgings without formal support: not suitable", suitable: false },
  { code: "R1", label: "Residence not known: suitable", suitable: true },
  { code: "R2", label: "Residence not known: not suitable", suitable: false },
  { code: "S2", label: "No fixed abode or homeless: not suitable", suitable: false },
  { code: "T1", label: "Foyer or similar supported accommodation: suitable", suitable: true },
  { code: "T2", label: "Foyer or similar supported accommodation: not suitable", suitable: false },
  { code: "U1", label: "Independent living (for example own flat or tenancy): suitable", suitable: true },
  { code: "U2", label: "Independent living (for example own flat or tenancy): not suitable", suitable: false },
  { code: "V1", label: "Emergency accommodation: suitable", suitable: true },
  { code: "V2", label: "Emergency accommodation: not suitable", suitable: false },
  { code: "W1", label: "Bed and breakfast: suitable", suitable: true },
  { code: "W2", label: "Bed and breakfast: not suitable", suitable: false },
  { code: "X2", label: "In custody: not suitable", suitable: false },
  { code: "Y1", label: "Other accommodation: suitable", suitable: true },
  { code: "Y2", label: "Other accommodation: not suitable", suitable: false },
  { code: "Z1", label: "With former foster carer(s): suitable", suitable: true },
  { code: "Z2", label: "With former foster carer(s): not suitable", suitable: false },
] as const satisfies readonly (CodedValue & { suitable: boolean })[];
export type CareLeaverAccommodation = (typeof CARE_LEAVER_ACCOMMODATION)[number]["code"];
export const CARE_LEAVER_ACCOMMODATION_CODES = codesOf<CareLeaverAccommodation>(CARE_LEAVER_ACCOMMODATION);
export const isCareLeaverAccommodation = guardFor<CareLeaverAccommodation>(CARE_LEAVER_ACCOMMODATION);

/** True when the accommodation code records suitable accommodation (its digit is 1). */
export function isSuitableAccommodation(accommodation: CareLeaverAccommodation): boolean {
  return accommodation.endsWith("1");
}

/** SDQ_REASON: why there is no Strengths and Difficulties Questionnaire score. */
export const SDQ_REASONS = [
  { code: "SDQ1", label: "No form returned: child under 4 or over 17 at the latest assessment date" },
  { code: "SDQ2", label: "Carer(s) refused to complete and return the questionnaire" },
  { code: "SDQ3", label: "Not possible because of the severity of the child’s disability" },
  { code: "SDQ4", label: "Other" },
  { code: "SDQ5", label: "Child or young person refused to allow an SDQ to be completed" },
] as const satisfies readonly CodedValue[];
export type SdqReason = (typeof SDQ_REASONS)[number]["code"];
export const SDQ_REASON_CODES = codesOf<SdqReason>(SDQ_REASONS);
export const isSdqReason = guardFor<SdqReason>(SDQ_REASONS);

/** REASON_PLACED_CEASED: why the decision that the child should be placed for adoption was reversed. */
export const PLACED_FOR_ADOPTION_CEASED_REASONS = [
  { code: "RD1", label: "The child’s needs changed after the decision" },
  { code: "RD2", label: "The court did not make a placement order" },
  { code: "RD3", label: "Prospective adopters could not be found" },
  { code: "RD4", label: "Any other reason" },
] as const satisfies readonly CodedValue[];
export type PlacedForAdoptionCeasedReason = (typeof PLACED_FOR_ADOPTION_CEASED_REASONS)[number]["code"];
export const PLACED_FOR_ADOPTION_CEASED_REASON_CODES = codesOf<PlacedForAdoptionCeasedReason>(PLACED_FOR_ADOPTION_CEASED_REASONS);
export const isPlacedForAdoptionCeasedReason = guardFor<PlacedForAdoptionCeasedReason>(PLACED_FOR_ADOPTION_CEASED_REASONS);

/** LS_ADOPTR: the legal status of the adopter(s) (rules 177, 514–524). */
export const ADOPTER_LEGAL_STATUSES = [
  { code: "L0", label: "Single adopter" },
  { code: "L11", label: "Different-sex married couple" },
  { code: "L12", label: "Same-sex married couple" },
  { code: "L2", label: "Civil partners" },
  { code: "L3", label: "Different-sex unmarried couple" },
  { code: "L4", label: "Same-sex unmarried couple" },
] as const satisfies readonly CodedValue[];
export type AdopterLegalStatus = (typeof ADOPTER_LEGAL_STATUSES)[number]["code"];
export const ADOPTER_LEGAL_STATUS_CODES = codesOf<AdopterLegalStatus>(ADOPTER_LEGAL_STATUSES);
export const isAdopterLegalStatus = guardFor<AdopterLegalStatus>(ADOPTER_LEGAL_STATUSES);

/** SEX_ADOPTR: the sex of the adopter(s) at the date of adoption (rules 176, 511). */
export const ADOPTER_SEXES = [
  { code: "M1", label: "Single male adopter" },
  { code: "F1", label: "Single female adopter" },
  { code: "MM", label: "Male couple" },
  { code: "FF", label: "Female couple" },
  { code: "MF", label: "Male and female couple" },
] as const satisfies readonly CodedValue[];
export type AdopterSex = (typeof ADOPTER_SEXES)[number]["code"];
export const ADOPTER_SEX_CODES = codesOf<AdopterSex>(ADOPTER_SEXES);
export const isAdopterSex = guardFor<AdopterSex>(ADOPTER_SEXES);

/** PREV_PERM: the permanence order a child had before this period of care (rule 631; P4 is in the set, its wording is not in our sources). */
export const PREVIOUS_PERMANENCE_OPTIONS = [
  { code: "P1", label: "Adoption" },
  { code: "P2", label: "Special guardianship order" },
  { code: "P3", label: "Residence order or child arrangements order (who the child lives with)" },
  { code: "P4", label: "Other permanence order (DfE code P4)" },
  { code: "Z1", label: "Not known" },
] as const satisfies readonly CodedValue[];
export type PreviousPermanence = (typeof PREVIOUS_PERMANENCE_OPTIONS)[number]["code"];
export const PREVIOUS_PERMANENCE_CODES = codesOf<PreviousPermanence>(PREVIOUS_PERMANENCE_OPTIONS);
export const isPreviousPermanence = guardFor<PreviousPermanence>(PREVIOUS_PERMANENCE_OPTIONS);
