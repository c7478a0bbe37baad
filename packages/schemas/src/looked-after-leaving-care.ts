import { CARE_LEAVER_ACCOMMODATION_CODES, CARE_LEAVER_ACTIVITY_CODES, CARE_LEAVER_IN_TOUCH_CODES, isIsoDate } from "@family-story/domain";
import { z } from "zod";
import { optionalText } from "./common.ts";
import { lacDueSchema, lacEventDate } from "./looked-after-health.ts";

/**
 * Care leavers: in touch, activity and accommodation around each birthday from 17 to 21 (OC3,
 * one record per collection year), and pathway plans.
 */

export const oc3ParamsSchema = z.strictObject({
  personId: z.uuid({ message: "Must be an identifier (UUID)" }),
  year: z.coerce.number({ message: "Give the collection year by its start, such as 2024" }).int({ message: "Give the collection year by its start, such as 2024" }).min(2000, { message: "From 2000" }).max(2100, { message: "Up to 2100" }),
});

export const oc3InputSchema = z
  .strictObject({
    inTouch: z.enum(CARE_LEAVER_IN_TOUCH_CODES, { message: "Choose whether you are in touch with the young person" }),
    activity: z.enum(CARE_LEAVER_ACTIVITY_CODES, { message: "Choose their main activity" }).nullable().optional(),
    accommodation: z.enum(CARE_LEAVER_ACCOMMODATION_CODES, { message: "Choose their accommodation and whether it is suitable" }).nullable().optional(),
    recordedOn: lacEventDate.describe("When the contact was made or attempted"),
  })
  .superRefine((v, ctx) => {
    // In touch: activity and accommodation are known (rule 345). Died or back home: neither applies (rule 344).
    if (v.inTouch === "YES") {
      if (!v.activity) ctx.addIssue({ code: "custom", path: ["activity"], message: "Choose their main activity" });
      if (!v.accommodation) ctx.addIssue({ code: "custom", path: ["accommodation"], message: "Choose their accommodation and whether it is suitable" });
    }
    if (v.inTouch === "DIED" || v.inTouch === "RHOM") {
      if (v.activity) ctx.addIssue({ code: "custom", path: ["activity"], message: "Leave blank: the young person has died or returned home" });
      if (v.accommodation) ctx.addIssue({ code: "custom", path: ["accommodation"], message: "Leave blank: the young person has died or returned home" });
    }
  })
  .meta({ id: "Oc3Input" });
export type Oc3Input = z.infer<typeof oc3InputSchema>;

const planFields = {
  planDate: lacEventDate.describe("When the pathway plan was agreed or reviewed"),
  nextReviewDue: z.string().refine(isIsoDate, { message: "Enter a real date in the form YYYY-MM-DD" }).nullable().optional().describe("Defaults to 6 months after the plan"),
  personalAdviser: optionalText(200),
  summary: optionalText(8000),
};
export const pathwayPlanInputSchema = z
  .strictObject(planFields)
  .superRefine((v, ctx) => {
    if (v.nextReviewDue && v.nextReviewDue <= v.planDate) ctx.addIssue({ code: "custom", path: ["nextReviewDue"], message: "Must be after the plan’s date" });
  })
  .meta({ id: "PathwayPlanInput" });
export type PathwayPlanInput = z.infer<typeof pathwayPlanInputSchema>;

export const oc3RecordSchema = z
  .object({ year: z.number().int(), inTouch: z.string().nullable(), activity: z.string().nullable(), accommodation: z.string().nullable(), suitable: z.boolean().nullable(), recordedOn: z.string().nullable(), source: z.string(), version: z.number().int() })
  .meta({ id: "Oc3Record" });

export const careLeaverRecordSchema = z
  .object({
    personId: z.string(),
    childName: z.string(),
    dob: z.string().nullable(),
    careLeaver: z.boolean().describe("Left care at 16 or over after 13 weeks looked after since 14 (a former relevant child)"),
    birthdays: z.array(
      z.object({
        age: z.number().int(),
        birthday: z.string(),
        windowFrom: z.string(),
        windowTo: z.string(),
        year: z.number().int().describe("The collection year the birthday falls in: the OC3 record's year"),
        required: z.boolean(),
        why: z.string(),
        oc3: oc3RecordSchema.nullable(),
      }),
    ),
    otherOc3: z.array(oc3RecordSchema).describe("OC3 records for years with no 17th–21st birthday (imported history)"),
    nextContact: lacDueSchema.nullable(),
    pathwayPlans: z.array(z.object({ id: z.string(), planDate: z.string(), nextReviewDue: z.string().nullable(), personalAdviser: z.string().nullable(), summary: z.string().nullable(), version: z.number().int() })).describe("Newest first"),
    nextPlanReview: lacDueSchema.nullable(),
    canWrite: z.boolean(),
  })
  .meta({ id: "CareLeaverRecord" });
export type CareLeaverRecord = z.infer<typeof careLeaverRecordSchema>;
