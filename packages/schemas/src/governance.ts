import { z } from "zod";
import { isoDate, laCode, nonEmpty, optionalText, uuid } from "./common.ts";
import { measureIdSchema } from "./measures.ts";

/**
 * Governance over the API: strategies with their priorities and actions (status, owner, dates,
 * progress notes, the measures that evidence them), the "what we said / what we did" report,
 * and committees with their meetings, work programme, action tracker and recommendation
 * tracker. docs/governance.md describes each.
 */

export const GOV_ACTION_STATUSES = ["not_started", "in_progress", "complete"] as const;
export type GovActionStatus = (typeof GOV_ACTION_STATUSES)[number];
export const GOV_ACTION_STATUS_LABELS: Record<GovActionStatus, string> = { not_started: "Not started", in_progress: "In progress", complete: "Complete" };

export const GOV_COMMITTEE_ACTION_STATUSES = ["in_progress", "completed"] as const;
export type GovCommitteeActionStatus = (typeof GOV_COMMITTEE_ACTION_STATUSES)[number];
export const GOV_COMMITTEE_ACTION_STATUS_LABELS: Record<GovCommitteeActionStatus, string> = { in_progress: "In progress", completed: "Completed" };

export const GOV_WORK_ITEM_KINDS = ["agenda_item", "task_group", "study"] as const;
export type GovWorkItemKind = (typeof GOV_WORK_ITEM_KINDS)[number];
export const GOV_WORK_ITEM_KIND_LABELS: Record<GovWorkItemKind, string> = { agenda_item: "Agenda item", task_group: "Task group", study: "Study" };

const status = z.enum(GOV_ACTION_STATUSES, { message: "Choose Not started, In progress or Complete" });
const committeeStatus = z.enum(GOV_COMMITTEE_ACTION_STATUSES, { message: "Choose In progress or Completed" });
const datesInOrder = (v: { startDate?: string | null | undefined; dueDate?: string | null | undefined }) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate;
const datesMessage = { message: "The due date must be on or after the start date", path: ["dueDate"] };
const measureIds = z.array(measureIdSchema).max(20, { message: "Link 20 measures or fewer" }).describe("The measures (catalogue ids) that evidence the action");

export const govIdParamsSchema = z.strictObject({ id: uuid });
export const govListQuerySchema = z.strictObject({ la: laCode.optional().describe("One authority you work in; all of them when left out") }).meta({ id: "GovListQuery" });
export type GovListQuery = z.infer<typeof govListQuerySchema>;

export const govAuthoritySchema = z.object({ code: z.string(), name: z.string() }).meta({ id: "GovAuthority" });
export type GovAuthority = z.infer<typeof govAuthoritySchema>;

// Strategies, priorities and actions.

export const govStatusCountsSchema = z
  .object({ not_started: z.number().int(), in_progress: z.number().int(), complete: z.number().int(), total: z.number().int() })
  .meta({ id: "GovStatusCounts" });
export type GovStatusCounts = z.infer<typeof govStatusCountsSchema>;

export const govStrategySummarySchema = z
  .object({
    id: uuid,
    laCode: z.string(),
    laName: z.string(),
    title: z.string(),
    periodLabel: z.string(),
    startsOn: isoDate.nullable(),
    endsOn: isoDate.nullable(),
    summary: z.string().nullable(),
    counts: govStatusCountsSchema,
    version: z.number().int(),
  })
  .meta({ id: "GovStrategySummary" });
export type GovStrategySummary = z.infer<typeof govStrategySummarySchema>;

export const govStrategyCreateSchema = z
  .strictObject({
    la: laCode.describe("The authority whose strategy it is: one you work in"),
    title: nonEmpty(200),
    periodLabel: nonEmpty(40).describe("2019–22"),
    startsOn: isoDate.nullable().optional(),
    endsOn: isoDate.nullable().optional(),
    summary: optionalText(2000),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, { message: "The end must be on or after the start", path: ["endsOn"] })
  .meta({ id: "GovStrategyCreate" });
export type GovStrategyCreate = z.infer<typeof govStrategyCreateSchema>;

export const govStrategyUpdateSchema = z
  .strictObject({ title: nonEmpty(200).optional(), periodLabel: nonEmpty(40).optional(), startsOn: isoDate.nullable().optional(), endsOn: isoDate.nullable().optional(), summary: optionalText(2000) })
  .meta({ id: "GovStrategyUpdate" });
export type GovStrategyUpdate = z.infer<typeof govStrategyUpdateSchema>;

export const govActionNoteSchema = z
  .object({ id: uuid, notedOn: isoDate, status, note: z.string(), recordedBy: z.string(), recordedAt: z.string() })
  .meta({ id: "GovActionNote" });
export type GovActionNote = z.infer<typeof govActionNoteSchema>;

export const govLinkedMeasureSchema = z
  .object({ id: z.string(), title: z.string().nullable().describe("The catalogue title; null for an id the catalogue does not (yet) hold") })
  .meta({ id: "GovLinkedMeasure" });

export const govActionSchema = z
  .object({
    id: uuid,
    laCode: z.string(),
    strategyId: uuid,
    strategyTitle: z.string(),
    priorityId: uuid,
    priorityTitle: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status,
    owner: z.string(),
    startDate: isoDate.nullable(),
    dueDate: isoDate.nullable(),
    measures: z.array(govLinkedMeasureSchema),
    notes: z.array(govActionNoteSchema).describe("Progress notes, newest first"),
    version: z.number().int(),
  })
  .meta({ id: "GovAction" });
export type GovAction = z.infer<typeof govActionSchema>;

export const govPrioritySchema = z
  .object({ id: uuid, title: z.string(), description: z.string().nullable(), counts: govStatusCountsSchema, actions: z.array(govActionSchema) })
  .meta({ id: "GovPriority" });
export type GovPriority = z.infer<typeof govPrioritySchema>;

export const govStrategySchema = govStrategySummarySchema.extend({ priorities: z.array(govPrioritySchema) }).meta({ id: "GovStrategy" });
export type GovStrategy = z.infer<typeof govStrategySchema>;

export const govPriorityCreateSchema = z.strictObject({ title: nonEmpty(300), description: optionalText(2000) }).meta({ id: "GovPriorityCreate" });
export type GovPriorityCreate = z.infer<typeof govPriorityCreateSchema>;
export const govPriorityUpdateSchema = z
  .strictObject({ title: nonEmpty(300).optional(), description: optionalText(2000) })
  .meta({ id: "GovPriorityUpdate" });
export type GovPriorityUpdate = z.infer<typeof govPriorityUpdateSchema>;

export const govActionCreateSchema = z
  .strictObject({
    title: nonEmpty(300),
    description: optionalText(2000),
    owner: nonEmpty(200).describe("Who is accountable: a post or a name"),
    status: status.optional(),
    startDate: isoDate.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    measureIds: measureIds.optional(),
  })
  .refine(datesInOrder, datesMessage)
  .meta({ id: "GovActionCreate" });
export type GovActionCreate = z.infer<typeof govActionCreateSchema>;

export const govActionUpdateSchema = z
  .strictObject({
    title: nonEmpty(300).optional(),
    description: optionalText(2000),
    owner: nonEmpty(200).optional(),
    startDate: isoDate.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    measureIds: measureIds.optional(),
  })
  .refine(datesInOrder, datesMessage)
  .meta({ id: "GovActionUpdate" });
export type GovActionUpdate = z.infer<typeof govActionUpdateSchema>;

export const govActionProgressSchema = z
  .strictObject({
    status,
    note: nonEmpty(4000).describe("What was done since the last note"),
    notedOn: isoDate.optional().describe("The day the progress is reported for; today when left out"),
  })
  .meta({ id: "GovActionProgress" });
export type GovActionProgress = z.infer<typeof govActionProgressSchema>;

export const govReportSchema = z
  .object({
    strategy: govStrategySummarySchema,
    generatedAt: z.string(),
    priorities: z.array(
      z.object({
        id: uuid,
        title: z.string().describe("What we said"),
        counts: govStatusCountsSchema,
        actions: z.array(
          z.object({ id: uuid, title: z.string(), owner: z.string(), status, dueDate: isoDate.nullable(), latestNote: govActionNoteSchema.nullable().describe("What we did: the latest progress note") }),
        ),
      }),
    ),
  })
  .meta({ id: "GovReport" });
export type GovReport = z.infer<typeof govReportSchema>;

// Committees.

export const govCommitteeSummarySchema = z
  .object({ id: uuid, laCode: z.string(), laName: z.string(), name: z.string(), yearLabel: z.string(), remit: z.string().nullable() })
  .meta({ id: "GovCommitteeSummary" });
export type GovCommitteeSummary = z.infer<typeof govCommitteeSummarySchema>;

export const govCommitteeCreateSchema = z
  .strictObject({ la: laCode.describe("One authority you work in"), name: nonEmpty(200), yearLabel: nonEmpty(40).describe("2019/20"), remit: optionalText(2000) })
  .meta({ id: "GovCommitteeCreate" });
export type GovCommitteeCreate = z.infer<typeof govCommitteeCreateSchema>;

export const govMeetingSchema = z
  .object({ id: uuid, roundLabel: z.string(), meetsOn: isoDate.nullable().describe("null: to be confirmed"), version: z.number().int() })
  .meta({ id: "GovMeeting" });
export type GovMeeting = z.infer<typeof govMeetingSchema>;

export const govMeetingCreateSchema = z.strictObject({ roundLabel: nonEmpty(80), meetsOn: isoDate.nullable().optional() }).meta({ id: "GovMeetingCreate" });
export type GovMeetingCreate = z.infer<typeof govMeetingCreateSchema>;
export const govMeetingUpdateSchema = z.strictObject({ roundLabel: nonEmpty(80).optional(), meetsOn: isoDate.nullable().optional() }).meta({ id: "GovMeetingUpdate" });
export type GovMeetingUpdate = z.infer<typeof govMeetingUpdateSchema>;

export const govWorkItemSchema = z
  .object({ id: uuid, meetingId: uuid.nullable(), kind: z.enum(GOV_WORK_ITEM_KINDS), title: z.string(), reasons: z.string().nullable(), representedBy: z.string().nullable(), version: z.number().int() })
  .meta({ id: "GovWorkItem" });
export type GovWorkItem = z.infer<typeof govWorkItemSchema>;

const workItemRule = (v: { kind?: GovWorkItemKind | undefined; meetingId?: string | null | undefined }) => v.kind === undefined || v.kind === "agenda_item" || !v.meetingId;
const workItemMessage = { message: "Task groups and studies are not agenda items of a meeting: leave the meeting out", path: ["meetingId"] };
export const govWorkItemCreateSchema = z
  .strictObject({
    kind: z.enum(GOV_WORK_ITEM_KINDS, { message: "Choose agenda item, task group or study" }),
    meetingId: uuid.nullable().optional().describe("The meeting; left out, an agenda item is unallocated"),
    title: nonEmpty(300),
    reasons: optionalText(2000),
    representedBy: optionalText(300),
  })
  .refine(workItemRule, workItemMessage)
  .meta({ id: "GovWorkItemCreate" });
export type GovWorkItemCreate = z.infer<typeof govWorkItemCreateSchema>;
export const govWorkItemUpdateSchema = z
  .strictObject({ meetingId: uuid.nullable().optional().describe("Move to a meeting, or null to unallocate"), title: nonEmpty(300).optional(), reasons: optionalText(2000), representedBy: optionalText(300) })
  .meta({ id: "GovWorkItemUpdate" });
export type GovWorkItemUpdate = z.infer<typeof govWorkItemUpdateSchema>;

export const govCommitteeActionSchema = z
  .object({ id: uuid, meetingId: uuid, agendaItem: z.string(), action: z.string(), status: committeeStatus, update: z.string().nullable(), version: z.number().int() })
  .meta({ id: "GovCommitteeAction" });
export type GovCommitteeAction = z.infer<typeof govCommitteeActionSchema>;
export const govCommitteeActionCreateSchema = z
  .strictObject({ meetingId: uuid, agendaItem: nonEmpty(300), action: nonEmpty(2000), status: committeeStatus.optional(), update: optionalText(2000) })
  .meta({ id: "GovCommitteeActionCreate" });
export type GovCommitteeActionCreate = z.infer<typeof govCommitteeActionCreateSchema>;
export const govCommitteeActionUpdateSchema = z.strictObject({ status: committeeStatus, update: optionalText(2000) }).meta({ id: "GovCommitteeActionUpdate" });
export type GovCommitteeActionUpdate = z.infer<typeof govCommitteeActionUpdateSchema>;

export const govResponseSchema = z
  .object({ organisation: z.string(), response: z.string().nullable().describe("null: no response yet"), respondedOn: isoDate.nullable() })
  .meta({ id: "GovRecommendationResponse" });
export type GovResponse = z.infer<typeof govResponseSchema>;

export const govRecommendationSchema = z
  .object({ id: uuid, meetingId: uuid, number: z.number().int(), text: z.string(), responses: z.array(govResponseSchema), version: z.number().int() })
  .meta({ id: "GovRecommendation" });
export type GovRecommendation = z.infer<typeof govRecommendationSchema>;
export const govRecommendationCreateSchema = z
  .strictObject({
    meetingId: uuid,
    text: nonEmpty(2000),
    organisations: z.array(nonEmpty(200)).min(1, { message: "Name at least one organisation asked to respond" }).max(20, { message: "Name 20 organisations or fewer" }),
  })
  .refine((v) => new Set(v.organisations.map((o) => o.toLowerCase())).size === v.organisations.length, { message: "Name each organisation once", path: ["organisations"] })
  .meta({ id: "GovRecommendationCreate" });
export type GovRecommendationCreate = z.infer<typeof govRecommendationCreateSchema>;
export const govResponseInputSchema = z
  .strictObject({ organisation: nonEmpty(200), response: nonEmpty(4000), respondedOn: isoDate })
  .meta({ id: "GovRecommendationResponseInput" });
export type GovResponseInput = z.infer<typeof govResponseInputSchema>;

export const govCommitteeSchema = govCommitteeSummarySchema
  .extend({
    meetings: z.array(govMeetingSchema).describe("In order of the programme"),
    workItems: z.array(govWorkItemSchema).describe("Agenda items (by meeting, or unallocated when meetingId is null), task groups and studies"),
    actions: z.array(govCommitteeActionSchema),
    recommendations: z.array(govRecommendationSchema),
  })
  .meta({ id: "GovCommittee" });
export type GovCommittee = z.infer<typeof govCommitteeSchema>;
