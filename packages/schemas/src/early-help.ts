import { EARLY_HELP_CLOSURE_REASON_CODES, REFERRAL_SOURCE_CODES, SUPPORTING_FAMILIES_OUTCOME_CODES } from "@family-story/domain";
import { z } from "zod";
import { namedRefSchema } from "./casework.ts";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * Early help: the whole-family assessment (told once: prefilled from what is known), the Team
 * Around the Family, the family plan (goals mapped to the ten Supporting Families outcomes,
 * actions owned by TAF members), reviews, closure with outcomes, and step up to social care.
 */

export const supportingFamiliesOutcomeSchema = z.enum(SUPPORTING_FAMILIES_OUTCOME_CODES, { message: "Choose one of the ten Supporting Families outcomes" }).meta({ id: "SupportingFamiliesOutcome" });
export const ehAuthorisationStatusSchema = z.enum(["draft", "awaiting_authorisation", "authorised"]).meta({ id: "EhAuthorisationStatus" });
const ehText = (max: number) => z.string().trim().max(max, { message: `Must be ${String(max)} characters or fewer` });

export const ehNeedSchema = z.strictObject({ outcome: supportingFamiliesOutcomeSchema, description: nonEmpty(1000) }).meta({ id: "EhNeed" });

export const ehMemberAssessmentSchema = z
  .strictObject({
    personId: uuid,
    needs: z.array(ehNeedSchema).max(20),
    strengths: ehText(4000),
    ownWords: ehText(4000).describe("What they say, in their own words"),
    checkedFacts: ehText(4000).describe("What the family corrected or confirmed of what was already known"),
  })
  .meta({ id: "EhMemberAssessment" });

export const ehAssessmentContentSchema = z
  .strictObject({
    members: z.array(ehMemberAssessmentSchema).max(30),
    familyStrengths: ehText(4000),
    familyViews: ehText(4000),
    householdNotes: ehText(4000),
    summary: ehText(8000),
  })
  .meta({ id: "EhAssessmentContent" });
export type EhAssessmentContentInput = z.infer<typeof ehAssessmentContentSchema>;

export const ehAssessmentSchema = z
  .object({
    id: z.string(),
    status: ehAuthorisationStatusSchema,
    content: ehAssessmentContentSchema,
    needsCount: z.number().int().describe("Needs identified across the family (a results claim needs three)"),
    submittedBy: z.string().nullable(),
    submittedAt: z.string().nullable(),
    authorisedBy: z.string().nullable(),
    authorisedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "EhAssessment" });
export type EhAssessment = z.infer<typeof ehAssessmentSchema>;

/** What the record already knows, shown so the family checks it rather than retells it. */
export const ehPrefillSchema = z
  .object({
    members: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        role: z.string(),
        dob: z.string().nullable(),
        age: z.number().int().nullable(),
        sex: z.string(),
        firstLanguage: z.string().nullable(),
        address: z.string().nullable(),
        organisations: z.array(z.string()).describe("Schools, GP practices and others the record is shared with"),
        relationships: z.array(z.string()),
      }),
    ),
    household: z.array(z.object({ personId: z.string(), name: z.string(), address: z.string() })).describe("People living at the family's current addresses"),
    previousAssessments: z.array(z.object({ caseId: z.string(), caseTitle: z.string(), kind: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), status: z.string(), summary: z.string(), needs: z.array(z.object({ person: z.string(), outcome: z.string(), description: z.string() })) })),
    openInvolvements: z.array(z.object({ caseId: z.string(), kind: z.string(), title: z.string(), person: z.string(), openedOn: z.string(), allocatedTo: z.string().nullable() })),
  })
  .meta({ id: "EhPrefill" });
export type EhPrefill = z.infer<typeof ehPrefillSchema>;

export const ehAssessmentViewSchema = z
  .object({ caseId: z.string(), assessment: ehAssessmentSchema.nullable(), prefill: ehPrefillSchema })
  .meta({ id: "EhAssessmentView" });
export type EhAssessmentView = z.infer<typeof ehAssessmentViewSchema>;

export const ehDecisionSchema = z
  .strictObject({ decision: z.enum(["authorise", "return"], { message: "Choose authorise or return" }), note: optionalText(2000) })
  .meta({ id: "EhDecision" });
export type EhDecision = z.infer<typeof ehDecisionSchema>;

export const tafMemberSchema = z
  .object({
    id: z.string(),
    user: namedRefSchema.nullable(),
    name: z.string(),
    organisationName: z.string().nullable(),
    role: z.string(),
    contact: z.string().nullable(),
    isLead: z.boolean(),
    isPartner: z.boolean(),
  })
  .meta({ id: "TafMember" });
export type TafMember = z.infer<typeof tafMemberSchema>;

export const tafCandidateSchema = z.object({ id: z.string(), name: z.string(), organisationName: z.string(), role: z.string() }).meta({ id: "TafCandidate" });
export type TafCandidate = z.infer<typeof tafCandidateSchema>;

export const tafMemberCreateSchema = z
  .strictObject({
    userId: uuid.optional().describe("A user of any organisation; leave out for someone outside the system"),
    name: nonEmpty(200).optional().describe("Required for someone outside the system"),
    organisationName: optionalText(200),
    role: nonEmpty(200),
    contact: optionalText(300),
    isLead: z.boolean().default(false),
    familyConsents: z.boolean().optional().describe("For a partner: the family agrees now to share their children's records with the partner's organisation (needed unless they consented at the front door)"),
  })
  .meta({ id: "TafMemberCreate" });
export type TafMemberCreate = z.infer<typeof tafMemberCreateSchema>;

export const leadProfessionalSchema = z.strictObject({ memberId: uuid }).meta({ id: "LeadProfessional" });

export const tafActionStatusSchema = z.enum(["not_started", "in_progress", "done", "not_done"]).meta({ id: "TafActionStatus" });

export const tafActionSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    goalId: z.string(),
    owner: z.object({ memberId: z.string(), name: z.string(), organisationName: z.string().nullable() }),
    description: z.string(),
    targetDate: z.string(),
    status: tafActionStatusSchema,
    updates: z.array(z.object({ status: tafActionStatusSchema, progress: z.string(), recordedBy: z.string(), recordedAt: z.string() })),
    canUpdate: z.boolean().describe("True when you may record progress on it"),
    version: z.number().int(),
  })
  .meta({ id: "TafAction" });
export type TafAction = z.infer<typeof tafActionSchema>;

export const ehGoalSchema = z
  .object({
    id: z.string(),
    outcome: supportingFamiliesOutcomeSchema,
    outcomeLabel: z.string(),
    person: namedRefSchema.nullable(),
    description: z.string(),
    targetDate: z.string().nullable(),
    status: z.enum(["open", "met", "not_met"]),
    actions: z.array(tafActionSchema),
  })
  .meta({ id: "FamilyPlanGoal" });
export type EhGoal = z.infer<typeof ehGoalSchema>;

export const ehGoalCreateSchema = z
  .strictObject({ outcome: supportingFamiliesOutcomeSchema, personId: uuid.nullable().optional(), description: nonEmpty(1000), targetDate: isoDate.nullable().optional() })
  .meta({ id: "FamilyPlanGoalCreate" });
export type EhGoalCreate = z.infer<typeof ehGoalCreateSchema>;

export const tafActionCreateSchema = z
  .strictObject({ ownerMemberId: uuid, description: nonEmpty(1000), targetDate: isoDate })
  .meta({ id: "TafActionCreate" });
export type TafActionCreate = z.infer<typeof tafActionCreateSchema>;

export const tafActionUpdateSchema = z
  .strictObject({ status: tafActionStatusSchema, progress: nonEmpty(2000) })
  .meta({ id: "TafActionUpdate" });
export type TafActionUpdate = z.infer<typeof tafActionUpdateSchema>;

export const tafActionViewSchema = tafActionSchema
  .extend({ caseTitle: z.string(), goal: z.string(), outcomeLabel: z.string() })
  .meta({ id: "TafActionView" });
export type TafActionView = z.infer<typeof tafActionViewSchema>;

export const ehReviewCreateSchema = z
  .strictObject({ reviewDate: isoDate, progress: nonEmpty(8000), familyViews: optionalText(4000) })
  .meta({ id: "FamilyPlanReviewCreate" });
export type EhReviewCreate = z.infer<typeof ehReviewCreateSchema>;

export const ehReviewSchema = z
  .object({ id: z.string(), reviewDate: z.string(), progress: z.string(), familyViews: z.string().nullable(), nextReviewDue: z.string().nullable(), recordedBy: z.string().nullable() })
  .meta({ id: "FamilyPlanReview" });

export const ehClosureCreateSchema = z
  .strictObject({
    reason: z.enum(EARLY_HELP_CLOSURE_REASON_CODES, { message: "Choose a reason for closing" }),
    closedOn: isoDate,
    summary: optionalText(4000),
    goalOutcomes: z.array(z.strictObject({ goalId: uuid, status: z.enum(["met", "not_met"], { message: "Choose met or not met" }) })).max(100),
  })
  .meta({ id: "EhClosureCreate" });
export type EhClosureCreate = z.infer<typeof ehClosureCreateSchema>;

export const ehClosureSchema = z
  .object({
    id: z.string(),
    reason: z.string(),
    reasonLabel: z.string(),
    closedOn: z.string(),
    summary: z.string().nullable(),
    goalOutcomes: z.array(z.object({ goalId: z.string(), status: z.enum(["met", "not_met"]) })),
    status: z.enum(["awaiting_authorisation", "authorised", "returned"]),
    requestedBy: z.string().nullable(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    outcomesMetPercent: z.number().nullable().describe("Goals met at closure, as a percentage"),
  })
  .meta({ id: "EhClosure" });

export const ehStepUpSchema = z
  .strictObject({
    referralDate: isoDate,
    referralSource: z.enum(REFERRAL_SOURCE_CODES).default("5D"),
    route: z.enum(["assessment", "strategy_discussion"]),
    thresholdLevel: z.number().int().min(3).max(4).nullable().default(3),
    teamId: uuid.nullable().optional(),
    allocatedTo: uuid.nullable().optional(),
    childIds: z.array(uuid).min(1).optional().describe("Defaults to every child on the episode"),
    reason: nonEmpty(4000),
  })
  .meta({ id: "EhStepUp" });
export type EhStepUp = z.infer<typeof ehStepUpSchema>;

export const ehStepUpResultSchema = z.object({ closedCaseId: z.string(), newCaseIds: z.array(z.string()) }).meta({ id: "EhStepUpResult" });

export const ehMemberAddSchema = z
  .strictObject({ personId: uuid, role: z.enum(["child", "young_person", "parent", "carer", "other"], { message: "Choose the person's role in the family" }) })
  .meta({ id: "EhMemberAdd" });
export type EhMemberAdd = z.infer<typeof ehMemberAddSchema>;

export const ehLocalitySchema = z.strictObject({ localityId: uuid.nullable() }).meta({ id: "EhLocality" });

export const earlyHelpEpisodeSchema = z
  .object({
    caseId: z.string(),
    title: z.string(),
    status: z.enum(["open", "closed"]),
    locality: namedRefSchema.nullable(),
    localities: z.array(namedRefSchema).describe("Family hubs and localities the episode can be placed in"),
    assessment: ehAssessmentSchema.nullable(),
    taf: z.array(tafMemberSchema),
    plan: z.object({
      status: ehAuthorisationStatusSchema,
      authorisedBy: z.string().nullable(),
      authorisedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
      version: z.number().int(),
      goals: z.array(ehGoalSchema),
    }),
    reviews: z.array(ehReviewSchema),
    nextReviewDue: z.string().nullable(),
    closure: ehClosureSchema.nullable(),
    caseVersion: z.number().int(),
  })
  .meta({ id: "EarlyHelpEpisode" });
export type EarlyHelpEpisode = z.infer<typeof earlyHelpEpisodeSchema>;
