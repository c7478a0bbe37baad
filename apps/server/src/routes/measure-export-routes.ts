import { measureDashboardParamsSchema, measureDashboardQuerySchema } from "@family-story/schemas";
import { todayIso } from "@family-story/domain";
import { measureDashboardFileName } from "../data/measures/measure-csv.ts";
import { Respond, defineRoute, type Route } from "../http/route.ts";
import { renderMeasureDashboardPdf } from "../presenters/pdf/measure-dashboard-pdf.ts";

/** A dashboard as a printable committee paper. */
export const measureExportRoutes: Route[] = [
  defineRoute({
    method: "GET",
    path: "/api/v1/measure-dashboards/:board/export.pdf",
    summary:
      "The dashboard as a printable A4 committee paper (PDF): title, scope, period and date produced; each group's measures as a table (value, numerator, denominator, baseline, target, RAG in words) with a small trend chart per measure; page numbers. Tagged, en-GB, real text (audited as an export)",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureDashboardParamsSchema,
    query: measureDashboardQuerySchema,
    errors: { 404: "No such dashboard, or a scope you do not work in" },
    handler: async ({ data, params, query }) => {
      const dashboard = await data.measures.dashboard(params.board, query, "pdf");
      const pdf = await renderMeasureDashboardPdf(dashboard, { producedOn: todayIso() });
      return new Respond(200, pdf, { "content-type": "application/pdf", "content-disposition": `attachment; filename="${measureDashboardFileName(dashboard, "pdf")}"`, "cache-control": "no-store" });
    },
  }),
];
