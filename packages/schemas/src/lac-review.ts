import { REVIEW_PARTICIPATION_CODES, REVIEW_VIEWS_METHOD_CODES } from "@family-story/domain";
import { z } from "zod";
import { dueStatusSchema, namedRefSchema } from "./casework.ts";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * Looked-after reviews chaired by the child's independent reviewing officer (IRO): the
 * schedule (first within 20 working days of care starting, the second within 3 months, then
 * at most 6-monthly), the review record (participation, how the child's views were gathered,
 * decisions with owners) and the minutes written as a letter to the child.
 */

const participationCode = z.enum(REVIEW_PARTICIPATION_CODES, { message: "Choose how the child took part (PN0–PN7)" });
const viewsMethod = z.enum(REVIEW_VIEWS_METHOD_CODES, { message: "Choose how the child’s views were gathered" });

export const iroAssignSchema = z.strictObject({ iroId: uuid.describe("An active user with the IRO role in the child’s authority") }).meta({ id: "IroAssign" });

export const lacReviewScheduleSchema = z.strictObject({ plannedDate: isoDate.describe("The day the review is planned for") }).meta({ id: "LacReviewSchedule" });

/** A decision of the review: owned by a user (it becomes a task on their tray) or by someone outside the system. */
export const lacReviewDecisionInputSchema = z
  .strictObject({
    decision: nonEmpty(1000),
    ownerId: uuid.optional().describe("A member of staff; the decision becomes a task on their work tray"),
    ownerName: z.string().trim().max(200, { message: "Must be 200 characters or fewer" }).optional().describe("Someone outside the system (a carer, a school’s designated teacher)"),
    dueDate: isoDate,
  })
  .superRefine((d, ctx) => {
    const named = d.ownerName !== undefined && d.ownerName !== "";
    if ((d.ownerId === undefined) === !named) ctx.addIssue({ code: "custom", path: ["ownerId"], message: "Choose who will do this, or name someone outside the system (not both)" });
  })
  .meta({ id: "LacReviewDecisionInput" });

export const lacReviewHeldSchema = z
  .strictObject({
    reviewDate: isoDate.describe("The day the review was held (not in the future)"),
    participationCode,
    viewsMethods: z.array(viewsMethod).max(REVIEW_VIEWS_METHOD_CODES.length).default([]).describe("How the child’s views were gathered"),
    childViews: optionalText(8000).describe("What the child told us, in their words where possible"),
    summary: nonEmpty(20000).describe("The review’s minutes: what was discussed"),
    decisions: z.array(lacReviewDecisionInputSchema).max(50, { message: "Record at most 50 decisions" }).default([]),
  })
  .meta({ id: "LacReviewHeld" });
export type LacReviewHeld = z.output<typeof lacReviewHeldSchema>;

/** Moves a scheduled review, cancels it, or corrects a held review's record (send If-Match). */
export const lacReviewPatchSchema = z
  .strictObject({
    plannedDate: isoDate.optional(),
    cancel: z.literal(true).optional().describe("Cancel a scheduled review"),
    reviewDate: isoDate.optional(),
    participationCode: participationCode.optional(),
    viewsMethods: z.array(viewsMethod).max(REVIEW_VIEWS_METHOD_CODES.length).optional(),
    childViews: optionalText(8000),
    summary: nonEmpty(20000).optional(),
  })
  .meta({ id: "LacReviewPatch" });
export type LacReviewPatch = z.output<typeof lacReviewPatchSchema>;

export const lacReviewLetterSchema = z
  .strictObject({ letter: nonEmpty(20000).describe("Plain text. A paragraph starting “# ” is a heading; lines starting “- ” are a list.") })
  .meta({ id: "LacReviewLetter" });

export const lacReviewDecisionSchema = z
  .object({
    id: z.string(),
    decision: z.string(),
    owner: namedRefSchema.nullable().describe("The member of staff who owns it"),
    ownerName: z.string().nullable().describe("Someone outside the system who owns it"),
    dueDate: z.string().nullable(),
    status: z.enum(["open", "done"]),
  })
  .meta({ id: "LacReviewDecision" });

export const lacReviewSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    status: z.enum(["scheduled", "held", "cancelled"]),
    plannedDate: z.string().nullable(),
    reviewDate: z.string().nullable(),
    dueBy: z.string().nullable().describe("For a held review: the day it was due by (from the period of care and the reviews before it)"),
    timeliness: z.enum(["on_time", "late"]).nullable(),
    participationCode: z.string().nullable(),
    participationLabel: z.string().nullable(),
    viewsMethods: z.array(z.string()),
    childViews: z.string().nullable(),
    summary: z.string().nullable(),
    chair: namedRefSchema.nullable(),
    decisions: z.array(lacReviewDecisionSchema),
    letter: z.string().nullable().describe("The letter to the child as saved; null until the IRO saves it"),
    letterDraft: z.string().nullable().describe("A draft letter prefilled from the review, for a held review"),
    letterUpdatedAt: z.string().nullable(),
    source: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "LacReview" });
export type LacReview = z.infer<typeof lacReviewSchema>;

export const lacReviewsSchema = z
  .object({
    personId: z.string(),
    childName: z.string(),
    lookedAfter: z.boolean().describe("In a period of care today"),
    periodStart: z.string().nullable().describe("The start of the current (or latest) period of care"),
    iro: namedRefSchema.nullable(),
    lacVersion: z.number().int().describe("The looked-after record's version, for If-Match when assigning the IRO"),
    nextReviewDue: z.string().nullable(),
    nextReviewDueStatus: dueStatusSchema,
    nextReviewDueText: z.string().nullable(),
    reviews: z.array(lacReviewSchema).describe("Newest first"),
    iros: z.array(namedRefSchema).describe("IROs who can be assigned"),
    staff: z.array(namedRefSchema).describe("Staff who can own a decision"),
  })
  .meta({ id: "LacReviews" });
export type LacReviews = z.infer<typeof lacReviewsSchema>;

export const lacIroSchema = z.object({ personId: z.string(), iro: namedRefSchema.nullable(), version: z.number().int() }).meta({ id: "LacIro" });
export type LacIro = z.infer<typeof lacIroSchema>;
