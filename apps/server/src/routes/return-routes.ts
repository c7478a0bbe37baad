import { RETURN_KINDS, returnFileParamsSchema, returnKindParamsSchema, returnQuerySchema, returnRunSchema, type ReturnKind } from "@family-story/schemas";
import { Respond, defineRoute, type Route } from "../http/route.ts";

const ERRORS = { 404: "Not an authority you work in, or no such file in the return" };
const KINDS = RETURN_KINDS.join(" or ");

const yearLabel = (year: number): string => `${String(year)}-${String((year + 1) % 100).padStart(2, "0")}`;
const fileName = (kind: ReturnKind, la: string, year: number, suffix: string): string => `${kind}-${la}-${yearLabel(year)}-${suffix}`;

/**
 * Statutory returns generated from casework (SSDA903 and the CIN census) and validated by the
 * DfE rules, for performance analysts. Every preparation and download is audited.
 */
export const returnRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/api/v1/returns/:kind",
    summary: `Generates a return (${KINDS}) for an authority and collection year from the casework, validates it by the DfE rules of the year (SSDA903 2025 by lac2025_26, other years by the latest, lac2026_27; the CIN census by cin2025_26) and lists its files and findings, each linked to the child (audited)`,
    tag: "Returns",
    auth: "session",
    permission: "return:prepare",
    params: returnKindParamsSchema,
    query: returnQuerySchema,
    response: returnRunSchema,
    errors: ERRORS,
    handler: ({ data, params, query }) => data.returns.prepare(params.kind, query.la, query.year),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/returns/:kind/files/:name",
    summary: "One file of the generated return as the DfE takes it: an SSDA903 table as CSV (header.csv, episodes.csv …, dates dd/mm/yyyy) or the CIN census as XML (cin-census.xml); an attachment (audited)",
    tag: "Returns",
    auth: "session",
    permission: "return:prepare",
    params: returnFileParamsSchema,
    query: returnQuerySchema,
    errors: ERRORS,
    handler: async ({ data, params, query }) => {
      const file = await data.returns.file(params.kind, query.la, query.year, params.name);
      const type = file.name.endsWith(".xml") ? "application/xml; charset=utf-8" : "text/csv; charset=utf-8";
      return new Respond(200, file.text, { "content-type": type, "content-disposition": `attachment; filename="${fileName(params.kind, query.la, query.year, file.name)}"` });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/returns/:kind/findings.csv",
    summary: "The findings of the generated return as text/csv: rule_code, table, row_id (0-based data row), child_id, columns, message (audited)",
    tag: "Returns",
    auth: "session",
    permission: "return:prepare",
    params: returnKindParamsSchema,
    query: returnQuerySchema,
    errors: ERRORS,
    handler: async ({ data, params, query }) => {
      const csv = await data.returns.findingsCsv(params.kind, query.la, query.year);
      return new Respond(200, csv, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName(params.kind, query.la, query.year, "findings.csv")}"` });
    },
  }),
];
