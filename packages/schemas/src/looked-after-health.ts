import { SDQ_REASON_CODES, isIsoDate, todayIso } from "@family-story/domain";
import { z } from "zod";
import { optionalText } from "./common.ts";

/**
 * Health and education of a child looked after: dated checks (health assessments, dental
 * checks, immunisations, SDQs, PEPs, substance misuse, convictions), what is due next, and the
 * OC2 summary of a collection year derived from them (or as imported).
 */

/** A date something happened: a real date, not after today (England). */
export const lacEventDate = z
  .string()
  .refine(isIsoDate, { message: "Enter a real date in the form YYYY-MM-DD", abort: true })
  .refine((d) => d <= todayIso(), { message: "Must be today or in the past" })
  .meta({ format: "date", example: "2025-04-23" });

export const LAC_CHECK_KINDS = ["health_assessment", "dental_check", "immunisations", "sdq", "pep", "substance_misuse", "conviction"] as const;
export const lacCheckKindSchema = z.enum(LAC_CHECK_KINDS, { message: "Choose what was checked" }).meta({ id: "LacCheckKind" });
export type LacCheckKind = z.infer<typeof lacCheckKindSchema>;

/** Plain-English names of the kinds of check. */
export const LAC_CHECK_KIND_LABELS: Readonly<Record<LacCheckKind, string>> = Object.freeze({
  health_assessment: "Health assessment",
  dental_check: "Dental check",
  immunisations: "Immunisations",
  sdq: "Strengths and Difficulties Questionnaire (SDQ)",
  pep: "Personal Education Plan (PEP)",
  substance_misuse: "Substance misuse identified",
  conviction: "Conviction, final warning or reprimand",
});

const base = { checkDate: lacEventDate.describe("When it happened"), notes: optionalText(4000) };

export const lacCheckInputSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("health_assessment"), ...base }),
    z.strictObject({ kind: z.literal("dental_check"), ...base }),
    z.strictObject({ kind: z.literal("immunisations"), ...base, upToDate: z.boolean({ message: "Say whether the child’s immunisations are up to date" }) }),
    z.strictObject({
      kind: z.literal("sdq"),
      ...base,
      score: z.number({ message: "Enter the SDQ score as a whole number from 0 to 40" }).int({ message: "Enter the SDQ score as a whole number from 0 to 40" }).min(0, { message: "The SDQ score is from 0 to 40" }).max(40, { message: "The SDQ score is from 0 to 40" }).nullable().optional(),
      reason: z.enum(SDQ_REASON_CODES, { message: "Choose why there is no score (SDQ1 to SDQ5)" }).nullable().optional().describe("Why there is no score"),
    }),
    z.strictObject({ kind: z.literal("pep"), ...base, pepType: z.enum(["initial", "review"], { message: "Choose whether this is the first PEP or a review" }) }),
    z.strictObject({
      kind: z.literal("substance_misuse"),
      ...base,
      interventionReceived: z.boolean({ message: "Say whether the child received an intervention" }),
      interventionOffered: z.boolean({ message: "Say whether an intervention was offered" }).describe("Implied when one was received"),
    }),
    z.strictObject({ kind: z.literal("conviction"), ...base }),
  ])
  .superRefine((value, ctx) => {
    if (value.kind !== "sdq") return;
    const hasScore = value.score !== null && value.score !== undefined;
    const hasReason = value.reason !== null && value.reason !== undefined;
    if (hasScore === hasReason) {
      ctx.addIssue({ code: "custom", path: [hasScore ? "reason" : "score"], message: hasScore ? "Give a score or a reason for no score, not both" : "Enter the SDQ score, or choose why there is no score" });
    }
  })
  .meta({ id: "LacCheckInput", description: "One dated health or education check; a correction (PATCH, If-Match) sends the same shape and kind" });
export type LacCheckInput = z.infer<typeof lacCheckInputSchema>;

export const lacCheckSchema = z
  .object({
    id: z.string(),
    kind: lacCheckKindSchema,
    kindLabel: z.string(),
    checkDate: z.string(),
    score: z.number().int().nullable(),
    reason: z.string().nullable(),
    upToDate: z.boolean().nullable(),
    pepType: z.enum(["initial", "review"]).nullable(),
    interventionReceived: z.boolean().nullable(),
    interventionOffered: z.boolean().nullable(),
    notes: z.string().nullable(),
    recordedBy: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "LacCheck" });
export type LacCheck = z.infer<typeof lacCheckSchema>;

export const lacDueStatusSchema = z.enum(["overdue", "due_today", "due_soon", "not_due", "not_required"]).meta({ id: "LacDueStatus" });

/** One statutory due date of a looked-after child, as kept on the case's work tray. */
export const lacDueSchema = z
  .object({
    kind: z.string().describe("The work item kind: lac_health_due, lac_dental_due, lac_sdq_due, lac_pep_due, lac_oc3_due…"),
    title: z.string(),
    dueDate: z.string().nullable(),
    status: lacDueStatusSchema,
    dueText: z.string().describe("The due date in words for today: \"Overdue by 3 working days\", \"Due in 2 working days\", \"Not required\""),
    why: z.string().describe("The rule that set the date, in plain words"),
  })
  .meta({ id: "LacDue" });
export type LacDue = z.infer<typeof lacDueSchema>;

export const lacHealthRecordSchema = z
  .object({
    personId: z.string(),
    childName: z.string(),
    dob: z.string().nullable(),
    lookedAfterNow: z.boolean(),
    periodStart: z.string().nullable().describe("Start of the current (or latest) period of care"),
    checks: z.array(lacCheckSchema).describe("Newest first"),
    due: z.array(lacDueSchema),
    canWrite: z.boolean(),
  })
  .meta({ id: "LacHealthRecord" });
export type LacHealthRecord = z.infer<typeof lacHealthRecordSchema>;

export const oc2QuerySchema = z
  .strictObject({ year: z.coerce.number({ message: "Give the collection year by its start, such as 2024" }).int({ message: "Give the collection year by its start, such as 2024" }).min(2000, { message: "From 2000" }).max(2100, { message: "Up to 2100" }) })
  .meta({ id: "Oc2Query" });

/** OC2 as the return has it: "1"/"0" flags, blank where the item does not apply. */
export const oc2ValuesSchema = z
  .object({
    sdqScore: z.string().nullable(),
    sdqReason: z.string().nullable(),
    convicted: z.string().nullable(),
    healthCheck: z.string().nullable(),
    immunisations: z.string().nullable(),
    teethCheck: z.string().nullable(),
    healthAssessment: z.string().nullable(),
    substanceMisuse: z.string().nullable(),
    interventionReceived: z.string().nullable(),
    interventionOffered: z.string().nullable(),
  })
  .meta({ id: "Oc2Values" });
export type Oc2Values = z.infer<typeof oc2ValuesSchema>;

export const oc2SummarySchema = z
  .object({
    personId: z.string(),
    year: z.number().int(),
    yearStart: z.string(),
    yearEnd: z.string(),
    continuouslyLookedAfter: z.boolean().describe("Looked after continuously for at least 12 months at 31 March (the OC2 cohort)"),
    ageAtYearEnd: z.number().int().nullable(),
    source: z.enum(["imported", "derived", "none"]).describe("imported: the year's OC2 row from an SSDA903 import; derived: worked out from the recorded checks; none: not in the OC2 cohort"),
    values: oc2ValuesSchema.nullable().describe("What the return carries for the year"),
    derived: oc2ValuesSchema.nullable().describe("What the recorded checks give, shown beside an imported row"),
    imported: oc2ValuesSchema.nullable(),
    notes: z.array(z.string()),
  })
  .meta({ id: "Oc2Summary" });
export type Oc2Summary = z.infer<typeof oc2SummarySchema>;
