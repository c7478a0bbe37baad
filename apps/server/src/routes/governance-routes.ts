import {
  govActionCreateSchema,
  govActionProgressSchema,
  govActionSchema,
  govActionUpdateSchema,
  govAuthoritySchema,
  govIdParamsSchema,
  govListQuerySchema,
  govPriorityCreateSchema,
  govPriorityUpdateSchema,
  govReportSchema,
  govStrategyCreateSchema,
  govStrategySchema,
  govStrategySummarySchema,
  govStrategyUpdateSchema,
} from "@family-story/schemas";
import { z } from "zod";
import { govReportCsvName, govReportToCsv } from "../data/governance/governance-csv.ts";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute, type Route } from "../http/route.ts";
import { governanceCommitteeRoutes } from "./governance-committee-routes.ts";

const tag = "Strategy and scrutiny";
const notFound = { 404: "No such record, or not in an authority you work in" };
const versioned = { 412: "Someone else changed it since you opened it: the problem says what changed", 428: "If-Match missing" };

/** Strategies, their priorities and actions, progress notes and the "what we said / what we did" report. */
const strategyRoutes: Route[] = [
  defineRoute({
    method: "GET", path: "/api/v1/governance/authorities", tag, auth: "session", permission: "governance:read",
    summary: "The authorities you work, by name: where you may record a strategy or a committee",
    response: z.array(govAuthoritySchema),
    handler: ({ data }) => data.governance.authorities(),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/strategies", tag, auth: "session", permission: "governance:read",
    summary: "The strategies of the authorities you work (or of one, with la), with counts of their actions by status (audited)",
    query: govListQuerySchema, response: z.array(govStrategySummarySchema), errors: notFound,
    handler: ({ data, query }) => data.governance.strategies.list(query.la),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/strategies", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Record a strategy (such as the Children and Young People's Plan) for an authority you work",
    body: govStrategyCreateSchema, response: govStrategySchema, errors: notFound,
    handler: async ({ data, body }) => {
      const strategy = await data.governance.strategies.create(body);
      return new Respond(201, strategy, { etag: etag(strategy.version) });
    },
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/strategies/:id", tag, auth: "session", permission: "governance:read",
    summary: "A strategy: its priorities and their actions with status, owner, dates, linked measures and progress notes (audited)",
    params: govIdParamsSchema, response: govStrategySchema, errors: notFound,
    handler: async ({ data, params }) => {
      const strategy = await data.governance.strategies.get(params.id);
      return new Respond(200, strategy, { etag: etag(strategy.version) });
    },
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/strategies/:id", tag, auth: "session", permission: "governance:write",
    summary: "Change a strategy's title, period or summary (send If-Match)",
    params: govIdParamsSchema, body: govStrategyUpdateSchema, response: govStrategySchema, errors: { ...notFound, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const strategy = await data.governance.strategies.update(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, strategy, { etag: etag(strategy.version) });
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/strategies/:id/priorities", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add a priority to a strategy (what we said we would do)",
    params: govIdParamsSchema, body: govPriorityCreateSchema, response: govStrategySchema, errors: notFound,
    handler: async ({ data, params, body }) => new Respond(201, await data.governance.strategies.addPriority(params.id, body)),
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/priorities/:id", tag, auth: "session", permission: "governance:write",
    summary: "Change a priority's title or description (send the strategy's If-Match: a priority is part of its strategy)",
    params: govIdParamsSchema, body: govPriorityUpdateSchema, response: govStrategySchema, errors: { ...notFound, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const strategy = await data.governance.strategies.updatePriority(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, strategy, { etag: etag(strategy.version) });
    },
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/strategies/:id/report", tag, auth: "session", permission: "governance:read",
    summary: "What we said and what we did: each priority with its actions, their status and latest progress note, and counts by status (audited)",
    params: govIdParamsSchema, response: govReportSchema, errors: notFound,
    handler: ({ data, params }) => data.governance.strategies.report(params.id, "json"),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/strategies/:id/report.csv", tag, auth: "session", permission: "governance:read",
    summary: "The same report as text/csv, one row per action: strategy, priority, action, owner, status, due_date, progress_date, progress_note, progress_by (audited)",
    params: govIdParamsSchema, errors: notFound,
    handler: async ({ data, params }) => {
      const report = await data.governance.strategies.report(params.id, "csv");
      return new Respond(200, govReportToCsv(report), { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${govReportCsvName(report)}"` });
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/priorities/:id/actions", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add an action under a priority: owner, status, start and due dates, and the measures that evidence it",
    params: govIdParamsSchema, body: govActionCreateSchema, response: govActionSchema, errors: { ...notFound, 400: "Bad input, such as a measure the catalogue does not hold; the fields are named" },
    handler: async ({ data, params, body }) => {
      const action = await data.governance.actions.add(params.id, body);
      return new Respond(201, action, { etag: etag(action.version) });
    },
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/actions/:id", tag, auth: "session", permission: "governance:read",
    summary: "An action with its progress notes, newest first (audited)",
    params: govIdParamsSchema, response: govActionSchema, errors: notFound,
    handler: async ({ data, params }) => {
      const action = await data.governance.actions.get(params.id);
      return new Respond(200, action, { etag: etag(action.version) });
    },
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/actions/:id", tag, auth: "session", permission: "governance:write",
    summary: "Change an action's title, description, owner, dates or linked measures (send If-Match)",
    params: govIdParamsSchema, body: govActionUpdateSchema, response: govActionSchema, errors: { ...notFound, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const action = await data.governance.actions.update(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, action, { etag: etag(action.version) });
    },
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/actions/:id/progress", tag, auth: "session", permission: "governance:write",
    summary: "Record progress on an action: its status now and a dated note, kept as history (send If-Match)",
    params: govIdParamsSchema, body: govActionProgressSchema, response: govActionSchema, errors: { ...notFound, ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const action = await data.governance.actions.progress(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, action, { etag: etag(action.version) });
    },
  }),
];

/** Strategy and scrutiny: strategies and their delivery, committees and their trackers. */
export const governanceRoutes: Route[] = [...strategyRoutes, ...governanceCommitteeRoutes];
