import { CASE_NOTE_TYPE_CODES } from "@family-story/domain";
import { z } from "zod";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * Case notes (visits, calls, meetings) and the chronology that merges them with the key
 * events of a child's story across early help and social care.
 */

export const caseNoteTypeSchema = z.enum(CASE_NOTE_TYPE_CODES, { message: "Choose what kind of note this is" }).meta({ id: "CaseNoteType" });

const noteFields = {
  noteDate: isoDate.describe("When the visit, call or meeting happened"),
  noteType: caseNoteTypeSchema,
  present: optionalText(1000).describe("Who was present"),
  childSeen: z.boolean().nullable().optional().describe("Visits: was the child seen"),
  seenAlone: z.boolean().nullable().optional().describe("Visits: was the child seen alone"),
  body: nonEmpty(20000),
};

/** Seen alone only makes sense when the child was seen; a visit must say whether they were. */
function checkSeen(value: { noteType?: string | undefined; childSeen?: boolean | null | undefined; seenAlone?: boolean | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.seenAlone === true && value.childSeen !== true) {
    ctx.addIssue({ code: "custom", path: ["seenAlone"], message: "The child can only be seen alone if they were seen" });
  }
  if (value.noteType?.endsWith("_visit") === true && (value.childSeen === null || value.childSeen === undefined)) {
    ctx.addIssue({ code: "custom", path: ["childSeen"], message: "Say whether the child was seen on this visit" });
  }
}

export const caseNoteCreateSchema = z
  .strictObject({ caseId: uuid.optional().describe("The case the note belongs to, if any"), ...noteFields })
  .superRefine(checkSeen)
  .meta({ id: "CaseNoteCreate" });
export type CaseNoteCreate = z.infer<typeof caseNoteCreateSchema>;

export const caseNoteUpdateSchema = z
  .strictObject({
    ...noteFields,
    reason: optionalText(500).describe("Why the note changed; required once the note is locked (the change becomes an amendment)"),
  })
  .superRefine(checkSeen)
  .meta({ id: "CaseNoteUpdate" });
export type CaseNoteUpdate = z.infer<typeof caseNoteUpdateSchema>;

export const caseNoteSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    personId: z.string(),
    caseId: z.string().nullable(),
    noteDate: z.string(),
    noteType: caseNoteTypeSchema,
    noteTypeLabel: z.string(),
    present: z.string().nullable(),
    childSeen: z.boolean().nullable(),
    seenAlone: z.boolean().nullable(),
    body: z.string(),
    locksAt: z.string(),
    locked: z.boolean().describe("After locksAt a change is an amendment with a reason, kept as a new version"),
    canEdit: z.boolean().describe("The current user may change it now (author before lock; anyone who writes cases after lock, by amendment)"),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "CaseNote" });
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseNoteVersionSchema = z
  .object({
    version: z.number().int(),
    kind: z.enum(["original", "edit", "amendment"]),
    reason: z.string().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.string(),
    noteDate: z.string(),
    noteType: z.string(),
    present: z.string().nullable(),
    childSeen: z.boolean().nullable(),
    seenAlone: z.boolean().nullable(),
    body: z.string(),
  })
  .meta({ id: "CaseNoteVersion" });
export type CaseNoteVersion = z.infer<typeof caseNoteVersionSchema>;

export const caseNoteWithHistorySchema = caseNoteSchema.extend({ history: z.array(caseNoteVersionSchema).describe("Every version, oldest first") }).meta({ id: "CaseNoteWithHistory" });
export type CaseNoteWithHistory = z.infer<typeof caseNoteWithHistorySchema>;

export const chronologyQuerySchema = z
  .strictObject({
    types: z
      .string()
      .regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, { message: "Give types as a comma-separated list such as home_visit,referral" })
      .optional()
      .describe("Only these kinds of entry (case note types or event kinds), comma-separated"),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ["to"], message: "The end date must be the same as or after the start date" })
  .meta({ id: "ChronologyQuery" });
export type ChronologyQuery = z.infer<typeof chronologyQuerySchema>;

export const chronologyEntrySchema = z
  .object({
    id: z.string(),
    source: z.enum(["event", "note"]),
    date: z.string(),
    type: z.string(),
    typeLabel: z.string(),
    service: z.string().nullable().describe("front_door, early_help or social_care"),
    title: z.string(),
    summary: z.string().nullable(),
    caseId: z.string().nullable(),
    noteId: z.string().nullable(),
    childSeen: z.boolean().nullable(),
    recordedBy: z.string().nullable(),
  })
  .meta({ id: "ChronologyEntry" });
export type ChronologyEntry = z.infer<typeof chronologyEntrySchema>;

export const chronologySchema = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), dob: z.string().nullable() }),
    entries: z.array(chronologyEntrySchema).describe("Newest first"),
    types: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })).describe("Every type of entry the person's chronology holds, for filtering"),
  })
  .meta({ id: "Chronology" });
export type Chronology = z.infer<typeof chronologySchema>;
