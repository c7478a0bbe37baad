import { MEASURE_DIRECTIONS, MEASURE_FRAMEWORKS, MEASURE_KINDS, MEASURE_SOURCES, MEASURE_UNITS, addMonths, measurePeriod, todayIso } from "@family-story/domain";
import { z } from "zod";
import { isoDate, laCode, uuid } from "./common.ts";

/**
 * The outcomes framework over the API: measure definitions, values for a period and scope
 * (an authority, a shared service combined, or a team), dashboards and drill-down.
 * docs/measures.md defines every measure.
 */

export const measureIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "Give a measure by its id, such as repeat-referrals-csc" })
  .max(80, { message: "Give a measure by its id, such as repeat-referrals-csc" });

export const measurePlacementSchema = z.object({ framework: z.enum(MEASURE_FRAMEWORKS), group: z.string() }).meta({ id: "MeasurePlacement" });

export const measureDefinitionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    numerator: z.string().nullable(),
    denominator: z.string().nullable(),
    unit: z.enum(MEASURE_UNITS).describe("percent: 0–100; rate: per 10,000 children; score: a mean"),
    direction: z.enum(MEASURE_DIRECTIONS).describe("Which way is good: up, down, or none (context only, no RAG)"),
    source: z.enum(MEASURE_SOURCES).describe("computed from the records, or external (entered or imported)"),
    kind: z.enum(MEASURE_KINDS).nullable().describe("flow: events in the period, summed; stock: the state at the period's end"),
    placements: z.array(measurePlacementSchema),
    dataSource: z.string().nullable().describe("Where an external figure comes from"),
  })
  .meta({ id: "MeasureDefinition" });
export type MeasureDefinitionDto = z.infer<typeof measureDefinitionSchema>;

export const measureGroupSchema = z
  .object({ framework: z.enum(MEASURE_FRAMEWORKS), key: z.string(), title: z.string(), description: z.string().nullable() })
  .meta({ id: "MeasureGroup" });
export type MeasureGroupDto = z.infer<typeof measureGroupSchema>;

export const measureCatalogueSchema = z.object({ measures: z.array(measureDefinitionSchema), groups: z.array(measureGroupSchema) }).meta({ id: "MeasureCatalogue" });
export type MeasureCatalogue = z.infer<typeof measureCatalogueSchema>;

export const MEASURE_INTERVALS = ["year", "quarter", "month"] as const;
export type MeasureInterval = (typeof MEASURE_INTERVALS)[number];

/**
 * Whose figures: exactly one of la (an authority), service (a shared service: its authorities
 * combined) or team (one team's cases). from and to are days; a period runs by whole months,
 * from the month of from to the month of to. Defaults: the five years to today by year.
 */
export const measureScopeFields = {
  la: laCode.optional().describe("ONS code of an authority you work in"),
  service: uuid.optional().describe("A shared service: its authorities' figures combined"),
  team: uuid.optional().describe("A team: the figures of its cases only"),
  from: isoDate.optional().describe("First day of the period (its whole month is counted)"),
  to: isoDate.optional().describe("Last day of the period (its whole month is counted)"),
  interval: z.enum(MEASURE_INTERVALS, { message: "Choose year, quarter or month" }).optional().describe("The trend's steps: financial years (April to March), quarters or months"),
};
const oneScope = (q: { la?: string | undefined; service?: string | undefined; team?: string | undefined }) => [q.la, q.service, q.team].filter((v) => v !== undefined).length === 1;
const scopeMessage = { message: "Give exactly one of la, service or team", path: ["la"] };
/** The longest period a query may ask for: trends and exports stay a bounded size. */
export const MAX_MEASURE_PERIOD_YEARS = 20;
type PeriodFields = { from?: string | undefined; to?: string | undefined };
// Checked on the period as it will be read (a missing end takes its default), so `to` alone
// before the default start, or a period of centuries, is a 400 rather than an empty or huge answer.
const resolved = (q: PeriodFields) => measurePeriod(q.from, q.to, todayIso());
const periodOrder = (q: PeriodFields) => {
  const p = resolved(q);
  return p.firstMonth <= p.lastMonth;
};
const orderMessage = { message: "The period must end on or after it starts", path: ["to"] };
const periodLength = (q: PeriodFields) => {
  const p = resolved(q);
  return p.lastMonth < p.firstMonth || addMonths(p.firstMonth, MAX_MEASURE_PERIOD_YEARS * 12) > p.lastMonth;
};
const lengthMessage = { message: `The period can be at most ${String(MAX_MEASURE_PERIOD_YEARS)} years`, path: ["from"] };

export const measureQuerySchema = z
  .strictObject(measureScopeFields)
  .refine(oneScope, scopeMessage)
  .refine(periodOrder, orderMessage)
  .refine(periodLength, lengthMessage)
  .meta({ id: "MeasureQuery" });
export type MeasureQuery = z.infer<typeof measureQuerySchema>;

export const measureParamsSchema = z.strictObject({ id: measureIdSchema });

/** One period's figure: a value with the numerator and denominator behind it where there are. */
export const measurePointSchema = z
  .object({
    label: z.string().describe("2024/25, 2024/25 Q1 or Apr 2024"),
    from: isoDate,
    to: isoDate,
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().nullable().describe("In the measure's unit; null when there is nothing to divide by or no figure"),
    source: z.string().nullable().describe("For an external figure: its source"),
    sourceDate: isoDate.nullable(),
    complete: z.boolean().describe("false for a period that has not ended"),
  })
  .meta({ id: "MeasurePoint" });
export type MeasurePoint = z.infer<typeof measurePointSchema>;

export const MEASURE_RAGS = ["green", "amber", "red"] as const;
export type MeasureRag = (typeof MEASURE_RAGS)[number];

export const measureScopeSchema = z
  .object({
    kind: z.enum(["authority", "shared-service", "team"]),
    id: z.string().describe("The ONS code, shared service id or team id"),
    name: z.string(),
    authorities: z.array(z.string()).describe("The ONS codes whose figures are counted"),
  })
  .meta({ id: "MeasureScope" });
export type MeasureScope = z.infer<typeof measureScopeSchema>;

export const measureTargetSchema = z
  .object({
    baselineValue: z.number().nullable(),
    baselineLabel: z.string().nullable().describe("The period the baseline is from, as people say it: 2018/19"),
    targetValue: z.number().nullable(),
    targetDate: isoDate.nullable(),
    amberTolerance: z.number().describe("Percent of the target within which a miss is amber rather than red"),
    note: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "MeasureTarget" });
export type MeasureTarget = z.infer<typeof measureTargetSchema>;

export const measureValuesSchema = z
  .object({
    measure: measureDefinitionSchema,
    scope: measureScopeSchema,
    from: isoDate,
    to: isoDate,
    interval: z.enum(MEASURE_INTERVALS),
    value: measurePointSchema.describe("The whole period: flow measures summed over it, stock measures at its end"),
    trend: z.array(measurePointSchema),
    target: measureTargetSchema.nullable().describe("The authority's baseline and target (null for a shared service or team without one)"),
    rag: z.enum(MEASURE_RAGS).nullable().describe("The whole period's value against the target in the direction of good; null without a target, a value or a direction"),
    latest: measurePointSchema.nullable().describe("The headline a dashboard shows: the latest complete trend step with a figure (else the latest step with one); null when no step has a figure"),
    latestRag: z.enum(MEASURE_RAGS).nullable().describe("The latest step's value against the target"),
    drillDown: z.boolean().describe("Whether the children behind the number can be listed (computed measures)"),
  })
  .meta({ id: "MeasureValues" });
export type MeasureValues = z.infer<typeof measureValuesSchema>;

export const MEASURE_DASHBOARDS = ["leaders", "early-help", "team"] as const;
export type MeasureDashboardKind = (typeof MEASURE_DASHBOARDS)[number];
export const measureDashboardParamsSchema = z.strictObject({ board: z.enum(MEASURE_DASHBOARDS, { message: "Choose leaders, early-help or team" }) });

export const measureDashboardSchema = z
  .object({
    board: z.enum(MEASURE_DASHBOARDS),
    title: z.string(),
    scope: measureScopeSchema,
    from: isoDate,
    to: isoDate,
    interval: z.enum(MEASURE_INTERVALS),
    groups: z.array(z.object({ key: z.string(), title: z.string(), description: z.string().nullable(), measures: z.array(measureValuesSchema) })),
  })
  .meta({ id: "MeasureDashboard" });
export type MeasureDashboard = z.infer<typeof measureDashboardSchema>;

export const measureSubjectsQuerySchema = z
  .strictObject({ ...measureScopeFields, part: z.enum(["numerator", "denominator"], { message: "Choose numerator or denominator" }).optional().describe("Whose records: those counted in the numerator (default) or the denominator") })
  .refine(oneScope, scopeMessage)
  .refine(periodOrder, orderMessage)
  .refine(periodLength, lengthMessage)
  .meta({ id: "MeasureSubjectsQuery" });
export type MeasureSubjectsQuery = z.infer<typeof measureSubjectsQuerySchema>;

/** The children behind a number, as far as the reader may see them. */
export const measureSubjectsSchema = z
  .object({
    measure: measureDefinitionSchema,
    scope: measureScopeSchema,
    from: isoDate,
    to: isoDate,
    part: z.enum(["numerator", "denominator"]),
    total: z.number().int().describe("How many children the number counts"),
    children: z.array(
      z.object({
        personId: uuid,
        laCode: z.string(),
        name: z.string(),
        dateOfBirth: isoDate.nullable(),
        numerator: z.number(),
        denominator: z.number(),
        months: z.array(z.string()).describe("The months (YYYY-MM) the child counts in"),
      }),
    ),
    hidden: z.number().int().describe("Children counted whose records the reader may not open: shown only as this number"),
  })
  .meta({ id: "MeasureSubjects" });
export type MeasureSubjects = z.infer<typeof measureSubjectsSchema>;

/** An authority's baseline and target; a change sends the version it read (If-Match). */
export const measureTargetInputSchema = z
  .strictObject({
    baselineValue: z.number({ message: "Enter the baseline as a number" }).nullable(),
    baselineLabel: z.string().trim().max(40, { message: "Must be 40 characters or fewer" }).nullable(),
    targetValue: z.number({ message: "Enter the target as a number" }).nullable(),
    targetDate: isoDate.nullable(),
    amberTolerance: z.number({ message: "Enter the amber tolerance as a number" }).min(0, { message: "Enter 0 or more" }).max(100, { message: "Enter 100 or less" }).optional(),
    note: z.string().trim().max(500, { message: "Must be 500 characters or fewer" }).nullable().optional(),
  })
  .meta({ id: "MeasureTargetInput" });
export type MeasureTargetInput = z.infer<typeof measureTargetInputSchema>;
export const measureTargetParamsSchema = z.strictObject({ id: measureIdSchema, la: laCode });

/** A dashboard's query: like MeasureQuery, but the scope may be left out (the actor's authority; for the team board, their team). */
export const measureDashboardQuerySchema = z
  .strictObject(measureScopeFields)
  .refine((q) => [q.la, q.service, q.team].filter((v) => v !== undefined).length <= 1, { message: "Give at most one of la, service or team", path: ["la"] })
  .refine(periodOrder, orderMessage)
  .refine(periodLength, lengthMessage)
  .meta({ id: "MeasureDashboardQuery" });
export type MeasureDashboardQuery = z.infer<typeof measureDashboardQuerySchema>;

/** The scopes a reader may choose from: authorities they work, shared services wholly within them, and teams they may read. */
export const measureScopeOptionsSchema = z
  .object({
    authorities: z.array(z.object({ code: z.string(), name: z.string() })),
    services: z.array(z.object({ id: uuid, name: z.string(), authorities: z.array(z.string()) })),
    teams: z.array(z.object({ id: uuid, name: z.string(), laCode: z.string() })),
  })
  .meta({ id: "MeasureScopeOptions" });
export type MeasureScopeOptions = z.infer<typeof measureScopeOptionsSchema>;
