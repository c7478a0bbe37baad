import { z } from "zod";
import { authorityYearFields } from "./reports.ts";

/**
 * Statutory returns generated from casework: the SSDA903 (children looked after) and the CIN
 * census, built for an authority and collection year and validated by the DfE rules in the same
 * step. The files themselves are fetched one at a time; findings name the child and, where the
 * child is a person on record, link to them.
 */

export const RETURN_KINDS = ["ssda903", "cin"] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export const returnQuerySchema = z.strictObject(authorityYearFields).meta({ id: "ReturnQuery" });
export type ReturnQuery = z.infer<typeof returnQuerySchema>;

export const returnKindParamsSchema = z.strictObject({ kind: z.enum(RETURN_KINDS, { message: "The return is ssda903 or cin" }) });

export const returnFileParamsSchema = z.strictObject({
  kind: z.enum(RETURN_KINDS, { message: "The return is ssda903 or cin" }),
  name: z.string().regex(/^[a-z0-9_-]+\.(csv|xml)$/, { message: "A file name such as episodes.csv or cin-census.xml" }),
});

export const returnFileSchema = z
  .object({
    name: z.string().describe("episodes.csv, cin-census.xml …"),
    table: z.string().describe("The DfE table the file holds (Episodes …), or CINcensus"),
    rows: z.number().int().describe("Data rows (903) or children (CIN)"),
  })
  .meta({ id: "ReturnFile" });
export type ReturnFile = z.infer<typeof returnFileSchema>;

export const returnFindingSchema = z
  .object({
    table: z.string(),
    row: z.number().int().describe("0-based data row of that table, header excluded"),
    childId: z.string().nullable().describe("CHILD (903) or LAchildID (CIN) as returned"),
    columns: z.array(z.string()),
    personId: z.string().nullable().describe("The person on record the row is about, when known"),
  })
  .meta({ id: "ReturnFinding" });
export type ReturnFinding = z.infer<typeof returnFindingSchema>;

export const returnRuleResultSchema = z
  .object({
    rule: z.string(),
    message: z.string(),
    count: z.number().int(),
    findings: z.array(returnFindingSchema),
  })
  .meta({ id: "ReturnRuleResult" });
export type ReturnRuleResult = z.infer<typeof returnRuleResultSchema>;

export const returnRunSchema = z
  .object({
    kind: z.enum(RETURN_KINDS),
    la: z.string(),
    year: z.number().int(),
    ruleset: z.string().describe("The DfE ruleset the return was validated by (lac2025_26, lac2026_27, cin2025_26)"),
    generatedAt: z.string(),
    files: z.array(returnFileSchema),
    rulesRun: z.number().int(),
    findingCount: z.number().int(),
    rules: z.array(returnRuleResultSchema).describe("Rules that found something, each with its rows"),
    skipped: z.array(z.object({ rule: z.string(), reason: z.string() })).describe("Rules that could not run on this return, and why"),
  })
  .meta({ id: "ReturnRun" });
export type ReturnRun = z.infer<typeof returnRunSchema>;
