import { isIsoDate } from "@family-story/domain";
import { z } from "zod";

/**
 * Building blocks shared by every schema. Error messages are written for people: the web
 * app shows them beside the field, the API returns them in problem+json.
 */

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: "Enter a real date in the form YYYY-MM-DD" })
  .meta({ format: "date", example: "2015-04-23" });

export const uuid = z.uuid({ message: "Must be an identifier (UUID)" });

// ONS codes of English authorities: unitary (E06), districts (E07, E08), London boroughs (E09)
// and counties (E10), which run children's services in two-tier areas.
export const laCode = z
  .string()
  .regex(/^E(0[6-9]|10)\d{6}$/, { message: "Must be an ONS local authority code such as E09000033" })
  .meta({ example: "E09000033" });

export const nonEmpty = (max: number) => z.string().trim().min(1, { message: "Enter a value" }).max(max, { message: `Must be ${max} characters or fewer` });

export const optionalText = (max: number) => z.string().trim().max(max, { message: `Must be ${max} characters or fewer` }).nullable().optional();

/** RFC 9457 problem details, with the fields at fault. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe("The fields at fault, by dotted path"),
    changes: z
      .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
      .optional()
      .describe("For a conflict: what changed since the version you edited"),
    changedBy: z.string().optional(),
    changedAt: z.string().optional(),
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof problemSchema>;

export const okSchema = z.object({ ok: z.literal(true) }).meta({ id: "Ok" });
