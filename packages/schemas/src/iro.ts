import { DISPUTE_OUTCOME_CODES, DISPUTE_STAGE_CODES, DISPUTE_THEME_CODES, QA_ANSWER_CODES, QA_QUESTION_KEYS } from "@family-story/domain";
import { z } from "zod";
import { dueStatusSchema, namedRefSchema } from "./casework.ts";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * The independent reviewing officer's own records: mid-point monitoring between reviews, the
 * dispute resolution protocol (informal alert, then formal stages 1–3), the quality-assurance
 * form after each review with its anonymous aggregate, and the IRO's caseload.
 */

const disputeTheme = z.enum(DISPUTE_THEME_CODES, { message: "Choose what the dispute is about" });
const disputeStage = z.enum(DISPUTE_STAGE_CODES, { message: "Choose a stage of the dispute resolution protocol" });
const qaAnswer = z.enum(QA_ANSWER_CODES, { message: "Choose yes, partly, no or not applicable" });

export const midpointStatusSchema = z.enum(["none", "done", "overdue", "due_today", "due_soon", "not_due"]).meta({
  id: "MidpointStatus",
  description: "none: no review held yet; done: monitored since the last review; else how pressing the mid-point is",
});

export const midpointCreateSchema = z
  .strictObject({
    checkDate: isoDate.describe("The day of the mid-point check; it is linked to the last review held on or before it"),
    onTrack: z.boolean({ message: "Say whether the care plan is on track" }),
    notes: nonEmpty(4000),
  })
  .meta({ id: "MidpointCreate" });
export type MidpointCreate = z.infer<typeof midpointCreateSchema>;

export const midpointSchema = z
  .object({
    id: z.string(),
    checkDate: z.string(),
    onTrack: z.boolean(),
    notes: z.string(),
    reviewId: z.string().nullable().describe("The review the check followed"),
    reviewDate: z.string().nullable(),
    recordedBy: namedRefSchema.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Midpoint" });
export type Midpoint = z.infer<typeof midpointSchema>;

export const midpointOverviewSchema = z
  .object({
    lastReview: z.object({ id: z.string(), date: z.string() }).nullable(),
    nextReviewDue: z.string().nullable(),
    midpointDue: z.string().nullable().describe("Halfway between the last review and the next one due"),
    midpointStatus: midpointStatusSchema,
    midpointDueText: z.string(),
    midpoints: z.array(midpointSchema).describe("Newest first"),
  })
  .meta({ id: "MidpointOverview" });
export type MidpointOverview = z.infer<typeof midpointOverviewSchema>;

export const disputeCreateSchema = z
  .strictObject({
    raisedOn: isoDate,
    theme: disputeTheme,
    summary: nonEmpty(4000).describe("The concern, as raised with the social work team"),
    notes: optionalText(4000).describe("Notes on the informal alert"),
  })
  .meta({ id: "DisputeCreate" });
export type DisputeCreate = z.infer<typeof disputeCreateSchema>;

export const disputeActionSchema = z
  .strictObject({
    outcome: z.enum(DISPUTE_OUTCOME_CODES, { message: "Choose resolved, escalate or close unresolved" }),
    date: isoDate,
    notes: nonEmpty(4000),
    toStage: disputeStage.optional().describe("For an escalation: the stage it goes to (must be the next one)"),
  })
  .meta({ id: "DisputeAction", description: "The outcome of the dispute's current stage (send If-Match)" });
export type DisputeAction = z.infer<typeof disputeActionSchema>;

const disputeOutcomeOrOpen = z.enum(["open", ...DISPUTE_OUTCOME_CODES]);

export const disputeSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    raisedOn: z.string(),
    theme: z.string(),
    themeLabel: z.string(),
    summary: z.string(),
    stage: z.string(),
    stageLabel: z.string(),
    status: z.enum(["open", "resolved", "unresolved"]),
    endedOn: z.string().nullable().describe("When it was resolved or closed unresolved"),
    raisedBy: namedRefSchema.nullable(),
    stages: z.array(
      z.object({
        stage: z.string(),
        label: z.string(),
        openedOn: z.string(),
        outcome: disputeOutcomeOrOpen,
        outcomeOn: z.string().nullable(),
        notes: z.string(),
        recordedBy: namedRefSchema.nullable(),
      }),
    ),
    actions: z.array(z.enum(DISPUTE_OUTCOME_CODES)).describe("The outcomes that may be recorded now"),
    nextStage: z.object({ stage: z.string(), label: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Dispute" });
export type Dispute = z.infer<typeof disputeSchema>;

export const qaPutSchema = z
  .strictObject({
    completedOn: isoDate,
    answers: z.record(z.enum(QA_QUESTION_KEYS), qaAnswer).describe("Every question answered, by its key"),
    comments: optionalText(4000),
  })
  .meta({ id: "QaPut", description: "The quality-assurance form of a held review: create without If-Match, change with it" });
export type QaPut = z.infer<typeof qaPutSchema>;

export const qaSchema = z
  .object({
    id: z.string(),
    reviewId: z.string(),
    personId: z.string(),
    reviewDate: z.string().nullable(),
    answers: z.record(z.string(), z.string()),
    comments: z.string().nullable(),
    completedOn: z.string(),
    completedBy: namedRefSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Qa" });
export type Qa = z.infer<typeof qaSchema>;

export const reviewQaSchema = z
  .object({ reviewId: z.string(), reviewDate: z.string().nullable(), qa: qaSchema.nullable() })
  .meta({ id: "ReviewQa", description: "A held review and its quality-assurance form, if completed" });
export type ReviewQa = z.infer<typeof reviewQaSchema>;

export const qaSummaryQuerySchema = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: "The start of the range must be on or before its end", path: ["from"] })
  .meta({ id: "QaSummaryQuery", description: "Forms completed in the range; by default the last twelve months" });

export const qaSummarySchema = z
  .object({
    from: z.string(),
    to: z.string(),
    forms: z.number().int(),
    questions: z.array(
      z.object({
        key: z.string(),
        text: z.string(),
        total: z.number().int(),
        answers: z.array(z.object({ answer: z.string(), label: z.string(), count: z.number().int(), percent: z.number() })),
      }),
    ),
  })
  .meta({ id: "QaSummary", description: "Anonymous: counts and shares only, no child, review or reviewer" });
export type QaSummary = z.infer<typeof qaSummarySchema>;

export const caseloadQuerySchema = z.strictObject({ iroId: uuid.optional().describe("Another IRO's caseload (team managers and analysts)") }).meta({ id: "CaseloadQuery" });

export const caseloadChildSchema = z
  .object({
    person: namedRefSchema,
    dob: z.string().nullable(),
    caseId: z.string(),
    placement: z.object({ code: z.string(), label: z.string(), since: z.string() }).nullable(),
    lastReviewDate: z.string().nullable(),
    nextReviewDue: z.string().nullable(),
    reviewDueStatus: dueStatusSchema,
    reviewDueText: z.string(),
    midpointDue: z.string().nullable(),
    midpointStatus: midpointStatusSchema,
    midpointDueText: z.string(),
    openDisputes: z.number().int(),
  })
  .meta({ id: "CaseloadChild" });
export type CaseloadChild = z.infer<typeof caseloadChildSchema>;

export const caseloadDisputeSchema = z
  .object({ id: z.string(), person: namedRefSchema, theme: z.string(), themeLabel: z.string(), stage: z.string(), stageLabel: z.string(), raisedOn: z.string() })
  .meta({ id: "CaseloadDispute" });

export const caseloadSchema = z
  .object({
    iro: namedRefSchema,
    iros: z.array(namedRefSchema).describe("IROs whose caseload you may open (managers and analysts)"),
    children: z.array(caseloadChildSchema),
    openDisputes: z.array(caseloadDisputeSchema),
  })
  .meta({ id: "Caseload" });
export type Caseload = z.infer<typeof caseloadSchema>;
