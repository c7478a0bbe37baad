import { allocationSchema, caseDetailSchema, caseSummarySchema, localStandardsResponseSchema, localStandardsSchema, taskCreateSchema, taskPatchSchema, uuid, workerSchema, workItemSchema, workTrayQuerySchema, workTraySchema } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });
const versioned = { 412: "Someone else changed it since you opened it", 428: "If-Match missing" };

/** Cases, work trays, tasks and the authority's local standards. */
export const caseworkRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/work-tray",
    summary: "My work: open cases and work items, overdue first; scope=team for a manager's team",
    tag: "Casework",
    auth: "session",
    permission: "case:read",
    query: workTrayQuerySchema,
    response: workTraySchema,
    handler: ({ data, query }) => data.workTray.tray(query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/workers",
    summary: "Workers a manager can allocate cases to, with their open caseloads",
    tag: "Casework",
    auth: "session",
    permission: "case:allocate",
    query: z.strictObject({ teamId: uuid.optional() }),
    response: z.array(workerSchema),
    handler: ({ data, query }) => data.workTray.workers(query.teamId),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/cases/:id",
    summary: "Open a case: its people, work items and step-up/step-down history (audited)",
    tag: "Casework",
    auth: "session",
    permission: "case:read",
    params: idParams,
    response: caseDetailSchema,
    errors: { 404: "No such case, or not one you may open" },
    handler: async ({ data, params }) => {
      const detail = await data.cases.get(params.id);
      return new Respond(200, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/cases",
    summary: "A person's cases, as the child or a family member",
    tag: "Casework",
    auth: "session",
    permission: "case:read",
    params: idParams,
    response: z.array(caseSummarySchema),
    errors: { 404: "No such person, or not one you may open" },
    handler: async ({ data, params }) => {
      await data.people.requireVisibleRow(params.id);
      return data.cases.listForPerson(params.id);
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/cases/:id/allocation",
    summary: "Allocate or reallocate a case to a worker; their open work moves with it (send If-Match)",
    tag: "Casework",
    auth: "session",
    permission: "case:allocate",
    params: idParams,
    body: allocationSchema,
    response: caseSummarySchema,
    errors: { 404: "No such case", 409: "The case is closed", 422: "Not someone the case can be allocated to", ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const summary = await data.cases.allocate(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, summary, { etag: etag(summary.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/tasks",
    summary: "Add a task for yourself or a colleague, on a case or on its own",
    tag: "Casework",
    auth: "session",
    permission: "case:write",
    body: taskCreateSchema,
    response: workItemSchema,
    status: 201,
    errors: { 404: "No such case", 409: "The case is closed", 422: "Cannot assign to that person" },
    handler: async ({ data, body }) => {
      const item = await data.workTray.createTask(body);
      return new Respond(201, item, { etag: etag(item.version) });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/tasks/:id",
    summary: "Change a task or mark it done; partners mark their own actions done (send If-Match)",
    tag: "Casework",
    auth: "session",
    permission: "task:update",
    params: idParams,
    body: taskPatchSchema,
    response: workItemSchema,
    errors: { 404: "No such task, or not yours", 409: "A statutory item, not a task", ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const item = await data.workTray.updateTask(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, item, { etag: etag(item.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/settings/local-standards",
    summary: "Your authority's local practice standards (visit frequency, review intervals…)",
    tag: "Settings",
    auth: "session",
    permission: "settings:read",
    response: localStandardsResponseSchema,
    handler: async ({ data }) => {
      const settings = await data.settings.localStandards();
      return new Respond(200, settings, { etag: etag(settings.version) });
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/settings/local-standards",
    summary: "Set your authority's local practice standards (send If-Match; W/\"0\" the first time)",
    tag: "Settings",
    auth: "session",
    permission: "settings:write",
    body: localStandardsSchema,
    response: localStandardsResponseSchema,
    errors: versioned,
    handler: async ({ data, body, headers }) => {
      const settings = await data.settings.updateLocalStandards(parseIfMatch(headers["if-match"]), body);
      return new Respond(200, settings, { etag: etag(settings.version) });
    },
  }),
];
