import { importJobListSchema, importJobSchema, ssda903UploadSchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { Respond, defineRoute } from "../http/route.ts";

/**
 * A year of an authority's SSDA903 files, as text, fits well within this; the general limit
 * (1 MiB) is kept for every other route.
 */
export const SSDA903_UPLOAD_LIMIT = 64 * 1024 * 1024;

/** Bringing history in: an administrator uploads SSDA903 files and follows the import job. */
export const importRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/imports/ssda903",
    summary: "Import SSDA903 files (CSV or the XML form) into your authority; answers at once with the job, whose progress GET /api/v1/imports/{id} reports",
    tag: "Imports",
    auth: "session",
    permission: "import:run",
    body: ssda903UploadSchema,
    bodyLimit: SSDA903_UPLOAD_LIMIT,
    response: importJobSchema,
    status: 202,
    errors: { 409: "Another import for your authority is still running", 413: "The files are larger than 64 MiB together" },
    handler: async ({ data, body }) => {
      const job = await data.imports.startSsda903(body);
      return new Respond(202, job, { location: `/api/v1/imports/${job.id}` });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/imports",
    summary: "Imports into your authority, newest first",
    tag: "Imports",
    auth: "session",
    permission: "import:run",
    response: importJobListSchema,
    handler: ({ data }) => data.imports.list(),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/imports/:id",
    summary: "An import: its phase and progress while it runs, then the summary per table and the rows it could not load",
    tag: "Imports",
    auth: "session",
    permission: "import:run",
    params: z.strictObject({ id: uuid }),
    response: importJobSchema,
    errors: { 404: "No such import in your authority" },
    handler: ({ data, params }) => data.imports.get(params.id),
  }),
];
