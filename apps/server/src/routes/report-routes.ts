import { reportAuthoritySchema, reportQuerySchema, reportSchema, type ReportKind } from "@family-story/schemas";
import { z } from "zod";
import { reportCsvName, reportToCsv } from "../data/reports/report-csv.ts";
import { Respond, defineRoute, type Route } from "../http/route.ts";

const SUMMARIES: Record<ReportKind, string> = {
  "iro-annual": "The IRO annual report for a collection year: Tables A–H (looked after by age over five years, starters, their placements and needs, UASC, reasons care ended, participation) and the reviews held on time",
  "placement-stability": "Placement stability: children with 3 or more placements in the year, and under-16s looked after 2.5 years or more in the same placement 2 years or more",
  "looked-after-timeliness": "Timeliness: reviews held on time in the year; health assessments, dental checks, PEPs and visits up to date at 31 March",
};

const ERRORS = { 404: "Not an authority you work in" };

/** The JSON route and its CSV sibling for one report. */
function routesFor(kind: ReportKind): Route[] {
  return [
    defineRoute({
      method: "GET",
      path: `/api/v1/reports/${kind}`,
      summary: `${SUMMARIES[kind]} (counts only; audited)`,
      tag: "Reports",
      auth: "session",
      permission: "report:read",
      query: reportQuerySchema,
      response: reportSchema,
      errors: ERRORS,
      handler: ({ data, query }) => data.reports.report(kind, query.la, query.year),
    }),
    defineRoute({
      method: "GET",
      path: `/api/v1/reports/${kind}.csv`,
      summary: `The same report as one text/csv file: each table's title, header, rows and totals (audited)`,
      tag: "Reports",
      auth: "session",
      permission: "report:read",
      query: reportQuerySchema,
      errors: ERRORS,
      handler: async ({ data, query }) => {
        const report = await data.reports.report(kind, query.la, query.year, "csv");
        return new Respond(200, reportToCsv(report), { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${reportCsvName(report)}"` });
      },
    }),
  ];
}

/** Aggregate reports on children looked after, for team managers, IROs and performance analysts. */
export const reportRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/api/v1/reports/authorities",
    summary: "The authorities you may report on: your own and any in a shared service with your team",
    tag: "Reports",
    auth: "session",
    permission: "report:read",
    response: z.array(reportAuthoritySchema),
    handler: ({ data }) => data.reports.authorities(),
  }),
  ...routesFor("iro-annual"),
  ...routesFor("placement-stability"),
  ...routesFor("looked-after-timeliness"),
];
