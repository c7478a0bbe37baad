import { ASSESSMENT_FACTOR_CODES, CIN_CLOSURE_REASON_CODES, CP_CATEGORY_CODES, PRIMARY_NEED_CODES, REFERRAL_SOURCE_CODES, S47_OUTCOME_CODES } from "@family-story/domain";
import { z } from "zod";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * Social care (children in need and child protection): the CIN referral, child and family
 * assessment, strategy discussions, section 47 enquiries, conferences, CP and CIN plans and
 * closure. Each step is a POST; corrections are PATCH with If-Match.
 */

const referralSource = z.enum(REFERRAL_SOURCE_CODES, { message: "Choose the source of the referral" });
const primaryNeed = z.enum(PRIMARY_NEED_CODES, { message: "Choose the primary need" });
const cpCategory = z.enum(CP_CATEGORY_CODES, { message: "Choose the category of abuse" });

export const referralCreateSchema = z
  .strictObject({ referralDate: isoDate, referralSource, route: z.enum(["assessment", "strategy_discussion"]).default("assessment") })
  .meta({ id: "ReferralCreate", description: "Give a social care case opened without one (an imported case) its CIN referral" });
export const referralPatchSchema = z.strictObject({ referralDate: isoDate.optional(), referralSource: referralSource.optional() }).meta({ id: "ReferralPatch" });

export const assessmentStartSchema = z.strictObject({ startDate: isoDate }).meta({ id: "AssessmentStart" });
export const assessmentCompleteSchema = z
  .strictObject({
    completedDate: isoDate,
    factors: z.array(z.enum(ASSESSMENT_FACTOR_CODES, { message: "Choose factors from the list" })).min(1, { message: "Select the factors identified, or ‘No factors identified’" }),
    primaryNeed,
    summary: optionalText(4000),
  })
  .meta({ id: "AssessmentComplete" });
export const assessmentAuthoriseSchema = z.strictObject({ authorisedDate: isoDate }).meta({ id: "AssessmentAuthorise" });

export const strategyDiscussionCreateSchema = z
  .strictObject({ discussionDate: isoDate, attendees: nonEmpty(2000), decision: z.enum(["s47", "no_s47"], { message: "Choose whether a section 47 enquiry will start" }), notes: optionalText(4000) })
  .meta({ id: "StrategyDiscussionCreate" });
export const strategyDiscussionPatchSchema = z.strictObject({ discussionDate: isoDate.optional(), attendees: nonEmpty(2000).optional(), notes: optionalText(4000) }).meta({ id: "StrategyDiscussionPatch" });

export const s47StartSchema = z.strictObject({ strategyDiscussionId: uuid, startDate: isoDate }).meta({ id: "S47Start" });
export const s47OutcomeSchema = z.strictObject({ outcome: z.enum(S47_OUTCOME_CODES, { message: "Choose the enquiry’s outcome" }), outcomeDate: isoDate }).meta({ id: "S47Outcome" });

export const conferenceCreateSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("initial"), s47Id: uuid, conferenceDate: isoDate, outcome: z.enum(["plan", "no_plan"], { message: "Choose the conference’s decision" }), category: cpCategory.optional(), notes: optionalText(4000) }),
    z.strictObject({ kind: z.literal("review"), conferenceDate: isoDate, outcome: z.enum(["continue", "end"], { message: "Choose whether the plan continues" }), category: cpCategory.optional(), notes: optionalText(4000) }),
  ])
  .meta({ id: "ConferenceCreate" });
export type ConferenceCreate = z.infer<typeof conferenceCreateSchema>;
export const conferencePatchSchema = z.strictObject({ conferenceDate: isoDate.optional(), notes: optionalText(4000) }).meta({ id: "ConferencePatch" });

export const cinPlanStartSchema = z.strictObject({ startDate: isoDate }).meta({ id: "CinPlanStart" });
export const cinPlanReviewSchema = z.strictObject({ reviewDate: isoDate, notes: optionalText(4000) }).meta({ id: "CinPlanReview" });
export const planEndSchema = z.strictObject({ endDate: isoDate }).meta({ id: "PlanEnd" });

export const socialCareClosureSchema = z
  .strictObject({
    closureDate: isoDate,
    reason: z.enum(CIN_CLOSURE_REASON_CODES, { message: "Choose the reason for closure" }),
    stepDownToEarlyHelp: z.boolean().default(false).describe("Open an early help case for the family (RC9 implies it)"),
  })
  .meta({ id: "SocialCareClosure" });

const versioned = { version: z.number().int() };

export const socialCareRecordSchema = z
  .object({
    caseId: z.string(),
    caseStatus: z.enum(["open", "closed"]),
    referral: z
      .object({ referralDate: z.string(), referralSource: z.string(), contactId: z.string().nullable(), route: z.string(), primaryNeed: z.string().nullable(), nfa: z.boolean(), closureDate: z.string().nullable(), closureReason: z.string().nullable(), ...versioned })
      .nullable(),
    assessments: z.array(
      z.object({ id: z.string(), startDate: z.string(), completedDate: z.string().nullable(), factors: z.array(z.string()), primaryNeed: z.string().nullable(), summary: z.string().nullable(), authorisationRequestedOn: z.string().nullable(), authorisedDate: z.string().nullable(), authorisedBy: z.string().nullable(), ...versioned }),
    ),
    strategyDiscussions: z.array(z.object({ id: z.string(), discussionDate: z.string(), attendees: z.string(), decision: z.enum(["s47", "no_s47"]), notes: z.string().nullable(), ...versioned })),
    s47s: z.array(z.object({ id: z.string(), strategyDiscussionId: z.string(), startDate: z.string(), outcome: z.enum(S47_OUTCOME_CODES).nullable(), outcomeDate: z.string().nullable(), icpcDue: z.string().nullable(), ...versioned })),
    conferences: z.array(z.object({ id: z.string(), kind: z.enum(["initial", "review"]), s47Id: z.string().nullable(), cpPlanId: z.string().nullable(), conferenceDate: z.string(), outcome: z.string(), category: z.string().nullable(), notes: z.string().nullable(), ...versioned })),
    cpPlans: z.array(z.object({ id: z.string(), startDate: z.string(), initialCategory: z.string(), latestCategory: z.string(), endDate: z.string().nullable(), nextReviewDue: z.string().nullable(), ...versioned })),
    cinPlans: z.array(z.object({ id: z.string(), startDate: z.string(), endDate: z.string().nullable(), reviews: z.array(z.object({ id: z.string(), reviewDate: z.string(), notes: z.string().nullable() })), ...versioned })),
    actions: z.array(z.string()).describe("The steps a worker may take next"),
    earlyHelpCaseId: z.string().nullable().describe("The early help case opened by stepping down at closure, if any"),
  })
  .meta({ id: "SocialCareRecord" });
export type SocialCareRecord = z.infer<typeof socialCareRecordSchema>;
