import {
  measureFigureInputSchema,
  measureFigureKeySchema,
  measureFigureListQuerySchema,
  measureFigureListSchema,
  measureFigureParamsSchema,
  measureFigureSchema,
  measureImportJobSchema,
  measureImportUploadSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

/** A figures file of a few thousand rows is well under this; the general limit is 1 MiB. */
export const MEASURE_IMPORT_LIMIT = 8 * 1024 * 1024;

/** Figures of external measures: listed, entered and corrected (If-Match), deleted, and imported from CSV. */
export const measureFigureRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id/figures",
    summary: "An authority's entered or imported figures for an external measure, newest period first",
    tag: "Measures",
    auth: "session",
    permission: "measure:read",
    params: measureFigureParamsSchema,
    query: measureFigureListQuerySchema,
    response: measureFigureListSchema,
    errors: { 400: "The measure is computed from records", 404: "No such measure, or an authority you do not work in" },
    handler: ({ data, params, query }) => data.measureFigures.list(params.id, query.la),
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/measures/:id/figures",
    summary: "Enter a figure for an authority and period, or correct it (If-Match with its version when it exists)",
    tag: "Measures",
    auth: "session",
    permission: "measure:write",
    params: measureFigureParamsSchema,
    body: measureFigureInputSchema,
    response: measureFigureSchema,
    errors: { 400: "A field is wrong, or the measure is computed from records", 404: "No such measure, or an authority you do not work in", 409: "The figure changed since you read it", 428: "The figure exists: send If-Match" },
    handler: async ({ data, params, body, headers }) => {
      const header = headers["if-match"];
      const version = header === undefined || header.trim() === "" ? null : parseIfMatch(header);
      const { figure, created } = await data.measureFigures.put(params.id, body, version);
      return new Respond(created ? 201 : 200, figure, { etag: etag(figure.version) });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/measures/:id/figures",
    summary: "Delete an authority's figure for a period (If-Match with its version)",
    tag: "Measures",
    auth: "session",
    permission: "measure:write",
    params: measureFigureParamsSchema,
    query: measureFigureKeySchema,
    status: 204,
    errors: { 404: "No such figure", 409: "The figure changed since you read it", 428: "Send If-Match" },
    handler: async ({ data, params, query, headers }) => {
      await data.measureFigures.delete(params.id, query, parseIfMatch(headers["if-match"]));
      return new Respond(204, undefined);
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/measure-imports",
    summary: "Import figures from a CSV file (measure_id, la_code, period_start, period_end, value, numerator, denominator, source, source_date, note); answers at once with the job, whose progress and row problems GET /api/v1/measure-imports/{id} reports",
    tag: "Measures",
    auth: "session",
    permission: "measure:write",
    body: measureImportUploadSchema,
    bodyLimit: MEASURE_IMPORT_LIMIT,
    response: measureImportJobSchema,
    status: 202,
    errors: { 413: "The file is larger than 8 MiB" },
    handler: async ({ data, body }) => {
      const job = await data.measureFigures.startImport(body);
      return new Respond(202, job, { location: `/api/v1/measure-imports/${job.id}` });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/measure-imports/:id",
    summary: "A figures import: its progress while it runs, then what was saved and the rows that were not (line, column, reason)",
    tag: "Measures",
    auth: "session",
    permission: "measure:write",
    params: z.strictObject({ id: uuid }),
    response: measureImportJobSchema,
    errors: { 404: "No such figures import in your authority" },
    handler: ({ data, params }) => data.measureFigures.getImport(params.id),
  }),
];
