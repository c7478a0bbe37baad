import {
  measureCatalogueSchema,
  measureDashboardParamsSchema,
  measureDashboardQuerySchema,
  measureDashboardSchema,
  measureParamsSchema,
  measureQuerySchema,
  measureScopeOptionsSchema,
  measureSubjectsQuerySchema,
  measureSubjectsSchema,
  measureTargetInputSchema,
  measureTargetParamsSchema,
  measureTargetSchema,
  measureValuesSchema,
} from "@family-story/schemas";
import { measureCsvName, measureDashboardCsv, measureDashboardFileName, measureValuesCsv } from "../data/measures/measure-csv.ts";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute, type Route } from "../http/route.ts";

const SCOPE = "for an authority (la), a shared service with its authorities combined (service) or a team's cases (team), over whole months from `from` to `to` (default: the five financial years to today), with a trend by financial year, quarter or month (interval)";
const ERRORS = { 404: "No such measure, or a scope you do not work in" };
const csvHeaders = (name: string) => ({ "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` });

/** The outcomes framework: definitions, values, dashboards, drill-down, targets and CSV exports. */
export const measureRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/api/v1/measures",
    summary: "Every measure of the outcomes framework (CYPP outcomes, Early Help priorities, Supporting Families outcomes, performance) with its definition, unit, direction of good and groups",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    response: measureCatalogueSchema,
    handler: ({ data }) => Promise.resolve(data.measures.catalogue()),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measure-scopes",
    summary: "The scopes you may read measures for: authorities you work, shared services wholly within them, and teams (your own; any team for leaders and performance analysts)",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    response: measureScopeOptionsSchema,
    handler: ({ data }) => data.measures.scopes(),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id",
    summary: `A measure's value with its numerator and denominator, ${SCOPE}; with the authority's baseline and target and the RAG rating (audited)`,
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureParamsSchema,
    query: measureQuerySchema,
    response: measureValuesSchema,
    errors: ERRORS,
    handler: ({ data, params, query }) => data.measures.values(params.id, query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id/export.csv",
    summary: "The same values as text/csv: a row for the whole period (with baseline, target and RAG) and one per trend step, each with numerator and denominator (audited as an export)",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureParamsSchema,
    query: measureQuerySchema,
    errors: ERRORS,
    handler: async ({ data, params, query }) => {
      const values = await data.measures.values(params.id, query, "csv");
      return new Respond(200, measureValuesCsv(values), csvHeaders(measureCsvName(values)));
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id/subjects",
    summary: "The children behind a computed measure's numerator (or denominator, part) in the period and scope: those whose records you may open by name, the rest only as a count (audited with the children listed)",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureParamsSchema,
    query: measureSubjectsQuerySchema,
    response: measureSubjectsSchema,
    errors: { ...ERRORS, 400: "Not a computed measure, or bad input" },
    handler: ({ data, params, query }) => data.measures.subjects(params.id, query),
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/measures/:id/targets/:la",
    summary: "Sets an authority's baseline and target for a measure, and the amber tolerance (percent of the target). Send If-Match with the version read once a target exists",
    tag: "Measures",
    auth: "session",
    permission: "measure:write",
    params: measureTargetParamsSchema,
    body: measureTargetInputSchema,
    response: measureTargetSchema,
    errors: { ...ERRORS, 409: "Someone else set the first target at the same moment", 412: "Someone else changed the target since you read it", 428: "If-Match missing for a target that exists" },
    handler: async ({ data, params, body, headers }) => {
      const header = headers["if-match"];
      const target = await data.measures.setTarget(params.id, params.la, header === undefined ? null : parseIfMatch(header), body);
      return new Respond(200, target, { etag: etag(target.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measure-dashboards/:board",
    summary: `A dashboard: leaders (the five CYPP outcomes), early-help (the four Early Help priorities, then the ten Supporting Families outcomes) or team (performance measures; default your team), each measure's values ${SCOPE} (audited)`,
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureDashboardParamsSchema,
    query: measureDashboardQuerySchema,
    response: measureDashboardSchema,
    errors: ERRORS,
    handler: ({ data, params, query }) => data.measures.dashboard(params.board, query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measure-dashboards/:board/export.csv",
    summary: "The dashboard as text/csv: for each group and measure a whole-period row (with baseline, target and RAG) and a row per trend step (audited as an export)",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureDashboardParamsSchema,
    query: measureDashboardQuerySchema,
    errors: ERRORS,
    handler: async ({ data, params, query }) => {
      const dashboard = await data.measures.dashboard(params.board, query, "csv");
      return new Respond(200, measureDashboardCsv(dashboard), csvHeaders(measureDashboardFileName(dashboard)));
    },
  }),
];
