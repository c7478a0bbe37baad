/**
 * Casework code sets: the front door, early help, children in need and child protection.
 * CIN census codes (referral source, primary need, closure reason, category of abuse, factors
 * identified at assessment) are the DfE's, as the 2024 CIN census schema lists them; the rest
 * are ours. Each list is a readonly array of { code, label } in display order, with a union
 * type, a `…_CODES` tuple (for zod enums and exhaustive switches) and an `is…` guard.
 */

/** One entry of a code set. */
export interface CodedValue<C extends string | number = string> {
  readonly code: C;
  readonly label: string;
}

/** A guard that accepts exactly the codes of a list. */
function guardFor<C extends string | number>(list: readonly CodedValue<C>[]): (value: unknown) => value is C {
  const codes = new Set<unknown>(list.map((entry) => entry.code));
  return (value: unknown): value is C => codes.has(value);
}

/** The codes of a list as a non-empty tuple (zod's `z.enum` wants one). */
function codesOf<C extends string | number>(list: readonly CodedValue<C>[]): readonly [C, ...C[]] {
  return Object.freeze(list.map((entry) => entry.code)) as unknown as readonly [C, ...C[]];
}

/** The label of a code in a list, or the code itself when the list does not hold it. */
export function codeLabel<C extends string | number>(list: readonly CodedValue<C>[], code: C): string {
  return list.find((entry) => entry.code === code)?.label ?? String(code);
}

/** CIN census source of referral (ReferralSource). */
export const REFERRAL_SOURCES = [
  { code: "1A", label: "Individual – family member, relative or carer" },
  { code: "1B", label: "Individual – acquaintance (including neighbours and child minders)" },
  { code: "1C", label: "Individual – self" },
  { code: "1D", label: "Individual – other (including strangers)" },
  { code: "2A", label: "Schools" },
  { code: "2B", label: "Education services" },
  { code: "3A", label: "Health services – general practitioner (GP)" },
  { code: "3B", label: "Health services – health visitor" },
  { code: "3C", label: "Health services – school nurse" },
  { code: "3D", label: "Health services – other primary health services" },
  { code: "3E", label: "Health services – A&E (accident and emergency department)" },
  { code: "3F", label: "Health services – other (for example hospice)" },
  { code: "4", label: "Housing – local authority housing or housing association" },
  { code: "5A", label: "LA services – social care (for example adult social care)" },
  { code: "5B", label: "LA services – other internal (for example youth offending, excluding housing)" },
  { code: "5C", label: "LA services – external (for example another local authority’s adult social care)" },
  { code: "5D", label: "LA services – early help" },
  { code: "6", label: "Police" },
  { code: "7", label: "Other legal agency (courts, probation, immigration, Cafcass or prison)" },
  { code: "8", label: "Other (children’s centres, independent agency providers or voluntary organisations)" },
  { code: "9", label: "Anonymous" },
  { code: "10", label: "Unknown" },
] as const satisfies readonly CodedValue[];
export type ReferralSource = (typeof REFERRAL_SOURCES)[number]["code"];
export const REFERRAL_SOURCE_CODES = codesOf<ReferralSource>(REFERRAL_SOURCES);
export const isReferralSource = guardFor<ReferralSource>(REFERRAL_SOURCES);

/** CIN census primary need (PrimaryNeedCode). */
export const PRIMARY_NEEDS = [
  { code: "N1", label: "Abuse or neglect" },
  { code: "N2", label: "Child’s disability" },
  { code: "N3", label: "Parental disability or illness" },
  { code: "N4", label: "Family in acute stress" },
  { code: "N5", label: "Family dysfunction" },
  { code: "N6", label: "Socially unacceptable behaviour" },
  { code: "N7", label: "Low income" },
  { code: "N8", label: "Absent parenting" },
  { code: "N9", label: "Cases other than children in need" },
  { code: "N0", label: "Not stated" },
] as const satisfies readonly CodedValue[];
export type PrimaryNeed = (typeof PRIMARY_NEEDS)[number]["code"];
export const PRIMARY_NEED_CODES = codesOf<PrimaryNeed>(PRIMARY_NEEDS);
export const isPrimaryNeed = guardFor<PrimaryNeed>(PRIMARY_NEEDS);

/** CIN census reason for closure of a CIN episode (ReasonForClosure). */
export const CIN_CLOSURE_REASONS = [
  { code: "RC1", label: "Adopted" },
  { code: "RC2", label: "Died" },
  { code: "RC3", label: "Child arrangements order" },
  { code: "RC4", label: "Special guardianship order" },
  { code: "RC5", label: "Transferred to services of another local authority" },
  { code: "RC6", label: "Transferred to adult social care services" },
  { code: "RC7", label: "Services ceased for any other reason, including child no longer in need" },
  { code: "RC8", label: "Case closed after assessment, no further action" },
  { code: "RC9", label: "Case closed after assessment, referred to early help" },
] as const satisfies readonly CodedValue[];
export type CinClosureReason = (typeof CIN_CLOSURE_REASONS)[number]["code"];
export const CIN_CLOSURE_REASON_CODES = codesOf<CinClosureReason>(CIN_CLOSURE_REASONS);
export const isCinClosureReason = guardFor<CinClosureReason>(CIN_CLOSURE_REASONS);

/** CIN census category of abuse of a child protection plan (initial and latest). */
export const CP_CATEGORIES = [
  { code: "NEG", label: "Neglect" },
  { code: "PHY", label: "Physical abuse" },
  { code: "SAB", label: "Sexual abuse" },
  { code: "EMO", label: "Emotional abuse" },
  { code: "MUL", label: "Multiple (not recommended)" },
] as const satisfies readonly CodedValue[];
export type CpCategory = (typeof CP_CATEGORIES)[number]["code"];
export const CP_CATEGORY_CODES = codesOf<CpCategory>(CP_CATEGORIES);
export const isCpCategory = guardFor<CpCategory>(CP_CATEGORIES);

/**
 * CIN census factors identified at the end of assessment (AssessmentFactors). 18A and 19A are
 * retired (the DfE's rules 8945Q and 8950Q query them): physical and sexual abuse are recorded
 * as child on child (B) or adult on child (C). 21 "no factors identified" stands alone (rule 8869).
 */
export const ASSESSMENT_FACTORS = [
  { code: "1A", label: "Alcohol misuse – by the child" },
  { code: "1B", label: "Alcohol misuse – by the parent(s) or carer(s)" },
  { code: "1C", label: "Alcohol misuse – by another person living in the household" },
  { code: "2A", label: "Drug misuse – by the child" },
  { code: "2B", label: "Drug misuse – by the parent(s) or carer(s)" },
  { code: "2C", label: "Drug misuse – by another person living in the household" },
  { code: "3A", label: "Domestic abuse – the child is the subject" },
  { code: "3B", label: "Domestic abuse – the child’s parent(s) or carer(s) are the subject" },
  { code: "3C", label: "Domestic abuse – another person living in the household is the subject" },
  { code: "4A", label: "Mental health – of the child" },
  { code: "4B", label: "Mental health – of the parent(s) or carer(s)" },
  { code: "4C", label: "Mental health – of another person in the family or household" },
  { code: "5A", label: "Learning disability – of the child" },
  { code: "5B", label: "Learning disability – of the parent(s) or carer(s)" },
  { code: "5C", label: "Learning disability – of another person in the family or household" },
  { code: "6A", label: "Physical disability or illness – of the child" },
  { code: "6B", label: "Physical disability or illness – of the parent(s) or carer(s)" },
  { code: "6C", label: "Physical disability or illness – of another person in the family or household" },
  { code: "7A", label: "Young carer" },
  { code: "8B", label: "Privately fostered – overseas child who intends to return" },
  { code: "8C", label: "Privately fostered – overseas child who intends to stay" },
  { code: "8D", label: "Privately fostered – UK child in an educational placement" },
  { code: "8E", label: "Privately fostered – UK child making alternative family arrangements" },
  { code: "8F", label: "Privately fostered – other" },
  { code: "9A", label: "Unaccompanied asylum-seeking child" },
  { code: "10A", label: "Going or being missing" },
  { code: "11A", label: "Child sexual exploitation" },
  { code: "12A", label: "Trafficking" },
  { code: "13A", label: "Gangs" },
  { code: "14A", label: "Socially unacceptable behaviour" },
  { code: "15A", label: "Self-harm" },
  { code: "16A", label: "Abuse or neglect – neglect" },
  { code: "17A", label: "Abuse or neglect – emotional abuse" },
  { code: "18B", label: "Abuse or neglect – physical abuse (child on child)" },
  { code: "18C", label: "Abuse or neglect – physical abuse (adult on child)" },
  { code: "19B", label: "Abuse or neglect – sexual abuse (child on child)" },
  { code: "19C", label: "Abuse or neglect – sexual abuse (adult on child)" },
  { code: "20", label: "Other" },
  { code: "21", label: "No factors identified" },
  { code: "22A", label: "Female genital mutilation" },
  { code: "23A", label: "Abuse linked to faith or belief" },
  { code: "24A", label: "Child criminal exploitation" },
] as const satisfies readonly CodedValue[];
export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number]["code"];
export const ASSESSMENT_FACTOR_CODES = codesOf<AssessmentFactor>(ASSESSMENT_FACTORS);
export const isAssessmentFactor = guardFor<AssessmentFactor>(ASSESSMENT_FACTORS);

/** The continuum of need (domain brief §4), with a hint of the service each level meets. */
export const THRESHOLD_LEVELS = [
  { code: 1, label: "Level 1: universal", hint: "Needs met by universal services" },
  { code: 2, label: "Level 2: additional needs", hint: "Family hub, single agency or early help" },
  { code: 3, label: "Level 3: complex needs", hint: "Targeted early help with a Team Around the Family, or a child in need (section 17)" },
  { code: 4, label: "Level 4: acute", hint: "Child protection (section 47) or care" },
] as const satisfies readonly (CodedValue<number> & { hint: string })[];
export type ThresholdLevel = (typeof THRESHOLD_LEVELS)[number]["code"];
export const THRESHOLD_LEVEL_CODES = codesOf<ThresholdLevel>(THRESHOLD_LEVELS);
export const isThresholdLevel = guardFor<ThresholdLevel>(THRESHOLD_LEVELS);

/** The front door's decision on a contact (domain brief §5). */
export const CONTACT_DECISIONS = [
  { code: "nfa_signpost", label: "No further action or signpost" },
  { code: "universal_service", label: "Universal service" },
  { code: "early_help", label: "Early help" },
  { code: "social_care_assessment", label: "Social care referral: child and family assessment (section 17)" },
  { code: "strategy_discussion", label: "Strategy discussion (section 47)" },
] as const satisfies readonly CodedValue[];
export type ContactDecision = (typeof CONTACT_DECISIONS)[number]["code"];
export const CONTACT_DECISION_CODES = codesOf<ContactDecision>(CONTACT_DECISIONS);
export const isContactDecision = guardFor<ContactDecision>(CONTACT_DECISIONS);

/** The ten Supporting Families headline outcomes every family plan goal maps to (domain brief §6). */
export const SUPPORTING_FAMILIES_OUTCOMES = [
  { code: "education", label: "Getting a good education (attendance, behaviour, engagement)" },
  { code: "early_years", label: "Good early years development" },
  { code: "health", label: "Improved mental and physical health" },
  { code: "substance_use", label: "Better managed substance use" },
  { code: "family_relationships", label: "Improved family relationships" },
  { code: "safe_from_abuse", label: "Children safe from abuse and exploitation" },
  { code: "crime", label: "Families diverted from crime" },
  { code: "domestic_abuse", label: "Safe from domestic abuse" },
  { code: "housing", label: "Secure housing" },
  { code: "financial_stability", label: "Financial stability" },
] as const satisfies readonly CodedValue[];
export type SupportingFamiliesOutcome = (typeof SUPPORTING_FAMILIES_OUTCOMES)[number]["code"];
export const SUPPORTING_FAMILIES_OUTCOME_CODES = codesOf<SupportingFamiliesOutcome>(SUPPORTING_FAMILIES_OUTCOMES);
export const isSupportingFamiliesOutcome = guardFor<SupportingFamiliesOutcome>(SUPPORTING_FAMILIES_OUTCOMES);

/** Why an early help episode closed (domain brief §6). */
export const EARLY_HELP_CLOSURE_REASONS = [
  { code: "outcomes_achieved", label: "Outcomes achieved" },
  { code: "stepped_up", label: "Stepped up to children’s social care" },
  { code: "stepped_down_universal", label: "Stepped down to universal services" },
  { code: "disengaged", label: "Family disengaged" },
  { code: "moved_away", label: "Moved away" },
] as const satisfies readonly CodedValue[];
export type EarlyHelpClosureReason = (typeof EARLY_HELP_CLOSURE_REASONS)[number]["code"];
export const EARLY_HELP_CLOSURE_REASON_CODES = codesOf<EarlyHelpClosureReason>(EARLY_HELP_CLOSURE_REASONS);
export const isEarlyHelpClosureReason = guardFor<EarlyHelpClosureReason>(EARLY_HELP_CLOSURE_REASONS);

/**
 * The outcome of a section 47 enquiry. Only `icpc` needs an initial child protection conference;
 * every other outcome is returned to the CIN census as ICPCnotRequired = true.
 */
export const S47_OUTCOMES = [
  { code: "icpc", label: "Concerns substantiated: initial child protection conference" },
  { code: "cin_plan", label: "Concerns substantiated, no conference: child in need plan" },
  { code: "early_help", label: "No conference: step down to early help" },
  { code: "no_further_action", label: "Concerns not substantiated: no further action" },
] as const satisfies readonly CodedValue[];
export type S47Outcome = (typeof S47_OUTCOMES)[number]["code"];
export const S47_OUTCOME_CODES = codesOf<S47Outcome>(S47_OUTCOMES);
export const isS47Outcome = guardFor<S47Outcome>(S47_OUTCOMES);

/** True when the outcome needs an initial child protection conference (CIN census ICPCnotRequired is its negation). */
export function s47NeedsIcpc(outcome: S47Outcome): boolean {
  return outcome === "icpc";
}

/** What a case note records. */
export const CASE_NOTE_TYPES = [
  { code: "home_visit", label: "Home visit" },
  { code: "office_visit", label: "Office visit" },
  { code: "school_visit", label: "School visit" },
  { code: "phone_call", label: "Phone call" },
  { code: "meeting", label: "Meeting" },
  { code: "observation", label: "Observation" },
  { code: "other", label: "Other" },
] as const satisfies readonly CodedValue[];
export type CaseNoteType = (typeof CASE_NOTE_TYPES)[number]["code"];
export const CASE_NOTE_TYPE_CODES = codesOf<CaseNoteType>(CASE_NOTE_TYPES);
export const isCaseNoteType = guardFor<CaseNoteType>(CASE_NOTE_TYPES);

/** The case note types that are visits, so can count as a statutory visit when the child was seen. */
export const VISIT_TYPES = CASE_NOTE_TYPES.filter((entry) => entry.code.endsWith("_visit")) as readonly Extract<
  (typeof CASE_NOTE_TYPES)[number],
  { code: `${string}_visit` }
>[];
export type VisitType = (typeof VISIT_TYPES)[number]["code"];
export const isVisitType = guardFor<VisitType>(VISIT_TYPES);
