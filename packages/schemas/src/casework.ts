import { LOCAL_STANDARD_LIMITS, type LocalStandards } from "@family-story/domain";
import { z } from "zod";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * The casework spine shared by the front door, early help and social care: cases, the
 * people in them, work items (every due date and task) and the work tray built from them.
 */

export const caseKindSchema = z.enum(["early_help", "social_care", "looked_after"]).meta({ id: "CaseKind", description: "early_help: a family's early help episode; social_care: a child's children in need episode (CIN, CP); looked_after: a child's periods of care and, after them, leaving care" });
export type CaseKind = z.infer<typeof caseKindSchema>;

export const caseStatusSchema = z.enum(["open", "closed"]).meta({ id: "CaseStatus" });

/** Someone named on a case or work item, by id and display name. */
export const namedRefSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: "NamedRef" });
export type NamedRef = z.infer<typeof namedRefSchema>;

export const dueStatusSchema = z.enum(["overdue", "due_today", "due_soon", "not_due", "none"]).meta({ id: "DueStatus" });

export const workItemSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe("What is due: contact_decision, assessment_due, icpc_due, review_conference_due, eh_review_due, visit_due, authorisation, task, taf_action, supervision_due…"),
    title: z.string(),
    caseId: z.string().nullable(),
    source: z.object({ entity: z.string(), id: z.string() }).describe("The record whose events move the item (contact, eh_action, cin_assessment, task…), so a client can open where the work is done"),
    person: namedRefSchema.nullable(),
    dueDate: z.string().nullable(),
    dueAt: z.string().nullable().describe("For items due at a time of day (front door decisions), the instant"),
    dueStatus: dueStatusSchema,
    dueText: z.string(),
    assignedTo: namedRefSchema.nullable(),
    teamId: z.string().nullable(),
    status: z.enum(["open", "done", "cancelled"]),
    completedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "WorkItem" });
export type WorkItem = z.infer<typeof workItemSchema>;

export const caseSummarySchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    kind: caseKindSchema,
    title: z.string(),
    status: caseStatusSchema,
    subject: namedRefSchema,
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    closureReason: z.string().nullable(),
    thresholdLevel: z.number().int().nullable(),
    allocatedTo: namedRefSchema.nullable(),
    teamId: z.string().nullable(),
    localityId: z.string().nullable(),
    contactId: z.string().nullable(),
    previousCaseId: z.string().nullable(),
    lastSupervisedOn: z.string().nullable(),
    nextDue: workItemSchema.nullable().describe("The most pressing open work item on the case"),
    overdueCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "CaseSummary" });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseMemberSchema = z
  .object({ person: namedRefSchema, role: z.string(), dob: z.string().nullable() })
  .meta({ id: "CaseMember" });

export const caseDetailSchema = caseSummarySchema
  .extend({
    members: z.array(caseMemberSchema).describe("The people in the case you may open"),
    hiddenMembers: z.number().int().describe("People in the case whose records you may not open (counted, never named)"),
    workItems: z.array(workItemSchema),
    history: z.array(caseSummarySchema.pick({ id: true, kind: true, title: true, status: true, openedOn: true, closedOn: true, closureReason: true })).describe("Earlier and later cases in the same step-up/step-down chain"),
  })
  .meta({ id: "CaseDetail" });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const workTrayQuerySchema = z
  .strictObject({
    scope: z.enum(["mine", "team"]).default("mine").describe("team: the manager's whole team, including unallocated work"),
    teamId: uuid.optional(),
    itemLimit: z.coerce
      .number({ message: "Must be a whole number" })
      .int({ message: "Must be a whole number" })
      .min(1, { message: "Must be at least 1" })
      .max(5000, { message: "Must be 5000 or fewer" })
      .default(200)
      .describe("How many of the most pressing items to return; counts always cover them all"),
  })
  .meta({ id: "WorkTrayQuery" });
export type WorkTrayQuery = z.infer<typeof workTrayQuerySchema>;

export const workTraySchema = z
  .object({
    scope: z.enum(["mine", "team"]),
    cases: z.array(caseSummarySchema).describe("Open cases, overdue first, then by next due date"),
    items: z.array(workItemSchema).describe("Open work items, overdue first, then by due date: the first itemLimit of counts.items"),
    counts: z.object({ cases: z.number().int(), items: z.number().int(), overdue: z.number().int(), unallocated: z.number().int() }),
  })
  .meta({ id: "WorkTray" });
export type WorkTray = z.infer<typeof workTraySchema>;

export const allocationSchema = z
  .strictObject({
    userId: uuid.nullable().describe("The worker to allocate to; null to unallocate"),
    teamId: uuid.optional(),
    reason: optionalText(500),
  })
  .meta({ id: "Allocation" });
export type Allocation = z.infer<typeof allocationSchema>;

export const taskCreateSchema = z
  .strictObject({
    title: nonEmpty(200),
    caseId: uuid.optional(),
    dueDate: isoDate,
    assignedTo: uuid.optional().describe("Defaults to you"),
  })
  .meta({ id: "TaskCreate" });
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskPatchSchema = z
  .strictObject({
    title: nonEmpty(200).optional(),
    dueDate: isoDate.optional(),
    assignedTo: uuid.optional(),
    status: z.enum(["open", "done"]).optional(),
  })
  .meta({ id: "TaskPatch" });
export type TaskPatch = z.infer<typeof taskPatchSchema>;

const standard = (key: keyof LocalStandards, what: string) => {
  const { min, max } = LOCAL_STANDARD_LIMITS[key];
  return z
    .number({ message: `Enter ${what} as a whole number` })
    .int({ message: `Enter ${what} as a whole number` })
    .min(min, { message: `Must be at least ${String(min)}` })
    .max(max, { message: `Must be ${String(max)} or fewer` });
};

export const localStandardsSchema = z
  .strictObject({
    earlyHelpReviewWeeks: standard("earlyHelpReviewWeeks", "the weeks between early help reviews"),
    cpVisitWorkingDays: standard("cpVisitWorkingDays", "the working days between visits to a child on a child protection plan"),
    cinVisitWorkingDays: standard("cinVisitWorkingDays", "the working days between visits to a child on a child in need plan"),
    supervisionWeeks: standard("supervisionWeeks", "the weeks between supervisions"),
    caseNoteLockHours: standard("caseNoteLockHours", "the hours before a case note can only be changed by a new version"),
    contactDecisionWorkingDays: standard("contactDecisionWorkingDays", "the working days for a front door decision"),
  })
  .meta({ id: "LocalStandards", description: "An authority's local practice standards; the statutory timescales are not settings" });
export type LocalStandardsInput = z.infer<typeof localStandardsSchema>;

export const localStandardsResponseSchema = localStandardsSchema
  .extend({ version: z.number().int(), updatedAt: z.string().nullable(), updatedBy: z.string().nullable() })
  .meta({ id: "LocalStandardsSettings" });

export const workerSchema = z
  .object({ id: z.string(), name: z.string(), role: z.string(), teamId: z.string().nullable(), openCases: z.number().int().describe("Open cases allocated to them now (caseload)") })
  .meta({ id: "Worker" });
export type Worker = z.infer<typeof workerSchema>;
