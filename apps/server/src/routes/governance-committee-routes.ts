import {
  govCommitteeActionCreateSchema,
  govCommitteeActionUpdateSchema,
  govCommitteeCreateSchema,
  govCommitteeSchema,
  govCommitteeSummarySchema,
  govIdParamsSchema,
  govListQuerySchema,
  govMeetingCreateSchema,
  govMeetingUpdateSchema,
  govRecommendationCreateSchema,
  govResponseInputSchema,
  govWorkItemCreateSchema,
  govWorkItemUpdateSchema,
} from "@family-story/schemas";
import { z } from "zod";
import { parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute, type Route } from "../http/route.ts";

const tag = "Strategy and scrutiny";
const notFound = { 404: "No such record, or not in an authority you work in" };
const versioned = { 412: "Someone else changed it since you opened it: the problem says what changed", 428: "If-Match missing (the version is in the committee's body)" };
const params = govIdParamsSchema;

/** Committees: meetings, the work programme, the action tracker and the recommendation tracker. Every change answers with the whole committee. */
export const governanceCommitteeRoutes: Route[] = [
  defineRoute({
    method: "GET", path: "/api/v1/governance/committees", tag, auth: "session", permission: "governance:read",
    summary: "The committees of the authorities you work (or of one, with la) (audited)",
    query: govListQuerySchema, response: z.array(govCommitteeSummarySchema), errors: notFound,
    handler: ({ data, query }) => data.governance.committees.list(query.la),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/committees", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Record a committee (such as a policy and scrutiny committee) for a municipal year",
    body: govCommitteeCreateSchema, response: govCommitteeSchema, errors: notFound,
    handler: async ({ data, body }) => new Respond(201, await data.governance.committees.create(body)),
  }),
  defineRoute({
    method: "GET", path: "/api/v1/governance/committees/:id", tag, auth: "session", permission: "governance:read",
    summary: "A committee: its meetings, work programme (by meeting, unallocated, task groups), action tracker and recommendation tracker (audited)",
    params, response: govCommitteeSchema, errors: notFound,
    handler: ({ data, params: p }) => data.governance.committees.get(p.id),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/committees/:id/meetings", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add a meeting (a round) to the programme; leave the date out while it is to be confirmed",
    params, body: govMeetingCreateSchema, response: govCommitteeSchema, errors: notFound,
    handler: async ({ data, params: p, body }) => new Respond(201, await data.governance.committees.addMeeting(p.id, body)),
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/meetings/:id", tag, auth: "session", permission: "governance:write",
    summary: "Change a meeting's label or date (null: to be confirmed) (send If-Match)",
    params, body: govMeetingUpdateSchema, response: govCommitteeSchema, errors: { ...notFound, ...versioned },
    handler: ({ data, params: p, body, headers }) => data.governance.committees.updateMeeting(p.id, parseIfMatch(headers["if-match"]), body),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/committees/:id/work-items", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add to the work programme: an agenda item for a meeting or unallocated, a task group or a study",
    params, body: govWorkItemCreateSchema, response: govCommitteeSchema, errors: notFound,
    handler: async ({ data, params: p, body }) => new Respond(201, await data.governance.committees.addWorkItem(p.id, body)),
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/work-items/:id", tag, auth: "session", permission: "governance:write",
    summary: "Move an agenda item to a meeting (or back to unallocated) or change its text (send If-Match)",
    params, body: govWorkItemUpdateSchema, response: govCommitteeSchema, errors: { ...notFound, ...versioned },
    handler: ({ data, params: p, body, headers }) => data.governance.committees.updateWorkItem(p.id, parseIfMatch(headers["if-match"]), body),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/committees/:id/actions", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add to the action tracker: what a meeting asked for under an agenda item",
    params, body: govCommitteeActionCreateSchema, response: govCommitteeSchema, errors: notFound,
    handler: async ({ data, params: p, body }) => new Respond(201, await data.governance.trackers.addAction(p.id, body)),
  }),
  defineRoute({
    method: "PATCH", path: "/api/v1/governance/committee-actions/:id", tag, auth: "session", permission: "governance:write",
    summary: "Record where a tracked action stands: In progress or Completed, with an update (send If-Match)",
    params, body: govCommitteeActionUpdateSchema, response: govCommitteeSchema, errors: { ...notFound, ...versioned },
    handler: ({ data, params: p, body, headers }) => data.governance.trackers.updateAction(p.id, parseIfMatch(headers["if-match"]), body),
  }),
  defineRoute({
    method: "POST", path: "/api/v1/governance/committees/:id/recommendations", tag, auth: "session", permission: "governance:write", status: 201,
    summary: "Add a meeting's recommendation and the organisations asked to respond to it",
    params, body: govRecommendationCreateSchema, response: govCommitteeSchema, errors: notFound,
    handler: async ({ data, params: p, body }) => new Respond(201, await data.governance.trackers.addRecommendation(p.id, body)),
  }),
  defineRoute({
    method: "PUT", path: "/api/v1/governance/recommendations/:id/response", tag, auth: "session", permission: "governance:write",
    summary: "Record one organisation's response to a recommendation (send the recommendation's If-Match)",
    params, body: govResponseInputSchema, response: govCommitteeSchema, errors: { ...notFound, ...versioned },
    handler: ({ data, params: p, body, headers }) => data.governance.trackers.respond(p.id, parseIfMatch(headers["if-match"]), body),
  }),
];
