import { supervisionCreateSchema, supervisionListQuerySchema, supervisionSchema, supervisionSummarySchema, teamQuerySchema, teamSupervisionStatusSchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { defineRoute } from "../http/route.ts";

/** Supervision: recorded by team managers, read by the worker supervised and managers. */
export const supervisionRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/supervisions",
    summary: "Record a supervision: reflections, the cases discussed (each with a note) and the actions agreed (tasks with owners and dates)",
    tag: "Supervision",
    auth: "session",
    permission: "supervision:write",
    body: supervisionCreateSchema,
    response: supervisionSchema,
    status: 201,
    errors: { 404: "A case discussed is not one you may open", 422: "Not someone you can supervise or give an action to" },
    handler: ({ data, body }) => data.supervision.create(body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/supervisions",
    summary: "Supervision records, newest first: your own, or (managers) a worker's or those you recorded",
    tag: "Supervision",
    auth: "session",
    permission: "supervision:read",
    query: supervisionListQuerySchema,
    response: z.array(supervisionSummarySchema),
    handler: ({ data, query }) => data.supervision.list(query.workerId),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/supervisions/:id",
    summary: "One supervision record (audited)",
    tag: "Supervision",
    auth: "session",
    permission: "supervision:read",
    params: z.strictObject({ id: uuid }),
    response: supervisionSchema,
    errors: { 404: "No such supervision, or not yours" },
    handler: ({ data, params }) => data.supervision.get(params.id),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/supervision/team",
    summary: "A manager's team: each worker's last supervision, when the next is due and whether it is overdue",
    tag: "Supervision",
    auth: "session",
    permission: "supervision:write",
    query: teamQuerySchema,
    response: teamSupervisionStatusSchema,
    handler: ({ data, query }) => data.supervision.teamStatus(query.teamId),
  }),
];
