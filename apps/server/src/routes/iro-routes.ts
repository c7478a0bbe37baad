import {
  caseloadQuerySchema,
  caseloadSchema,
  disputeActionSchema,
  disputeCreateSchema,
  disputeSchema,
  midpointCreateSchema,
  midpointOverviewSchema,
  midpointSchema,
  qaPutSchema,
  qaSchema,
  qaSummaryQuerySchema,
  qaSummarySchema,
  reviewQaSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const personParams = z.strictObject({ personId: uuid });
const idParams = z.strictObject({ id: uuid });
const tag = "IRO";
const childErrors = { 404: "No such person, not looked after, or not one you may open" };

/**
 * The independent reviewing officer's own records. Reading a child's IRO records needs lac:read
 * (social workers see the QA form on the child's record); writing them needs iro:write (IROs);
 * the caseload and the service-wide QA aggregate need iro:read.
 */
export const iroRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:personId/iro/midpoints",
    summary: "A child's mid-point monitoring: the last review, the next due, when the mid-point is due and whether it is done or overdue, and every check (audited)",
    tag,
    auth: "session",
    permission: "lac:read",
    params: personParams,
    response: midpointOverviewSchema,
    errors: childErrors,
    handler: ({ data, params }) => data.iro.midpoints(params.personId),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:personId/iro/midpoints",
    summary: "Record a mid-point check between reviews: the date, whether the care plan is on track, notes; linked to the last review held",
    tag,
    auth: "session",
    permission: "iro:write",
    params: personParams,
    body: midpointCreateSchema,
    response: midpointSchema,
    status: 201,
    errors: { ...childErrors, 409: "No review held on or before the date", 422: "A date in the future" },
    handler: ({ data, params, body }) => data.iro.recordMidpoint(params.personId, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:personId/iro/disputes",
    summary: "A child's disputes (dispute resolution protocol), newest first, each with its stage history (audited)",
    tag,
    auth: "session",
    permission: "lac:read",
    params: personParams,
    response: z.array(disputeSchema),
    errors: childErrors,
    handler: ({ data, params }) => data.iro.disputes(params.personId),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:personId/iro/disputes",
    summary: "Raise a dispute as an informal alert, with its theme and the concern",
    tag,
    auth: "session",
    permission: "iro:write",
    params: personParams,
    body: disputeCreateSchema,
    response: disputeSchema,
    status: 201,
    errors: { ...childErrors, 422: "A date in the future" },
    handler: async ({ data, params, body }) => {
      const dispute = await data.iro.raiseDispute(params.personId, body);
      return new Respond(201, dispute, { etag: etag(dispute.version), location: `/api/v1/iro/disputes/${dispute.id}` });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/iro/disputes/:id",
    summary: "One dispute with its stage history and the outcomes that may be recorded now (audited)",
    tag,
    auth: "session",
    permission: "lac:read",
    params: idParams,
    response: disputeSchema,
    errors: { 404: "No such dispute, or not one you may open" },
    handler: async ({ data, params }) => {
      const dispute = await data.iro.dispute(params.id);
      return new Respond(200, dispute, { etag: etag(dispute.version) });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/iro/disputes/:id",
    summary: "Record the outcome of the dispute's current stage: resolved, escalated to the next stage (one at a time), or closed unresolved (send If-Match)",
    tag,
    auth: "session",
    permission: "iro:write",
    params: idParams,
    body: disputeActionSchema,
    response: disputeSchema,
    errors: { 404: "No such dispute", 409: "The dispute has ended, or the step skips a stage or goes past stage 3", 412: "Someone else changed it since you opened it", 422: "A date before the stage opened or in the future", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const dispute = await data.iro.actOnDispute(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, dispute, { etag: etag(dispute.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:personId/iro/qa",
    summary: "A child's held reviews, newest first, each with its quality-assurance form if completed (audited)",
    tag,
    auth: "session",
    permission: "lac:read",
    params: personParams,
    response: z.array(reviewQaSchema),
    errors: childErrors,
    handler: ({ data, params }) => data.iro.childQa(params.personId),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/lac-reviews/:id/qa",
    summary: "A review's quality-assurance form (audited)",
    tag,
    auth: "session",
    permission: "lac:read",
    params: idParams,
    response: qaSchema,
    errors: { 404: "No such review, or no form completed for it" },
    handler: async ({ data, params }) => {
      const qa = await data.iro.qa(params.id);
      return new Respond(200, qa, { etag: etag(qa.version) });
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/lac-reviews/:id/qa",
    summary: "Complete a held review's quality-assurance form (one per review; without If-Match) or change it (with If-Match)",
    tag,
    auth: "session",
    permission: "iro:write",
    params: idParams,
    body: qaPutSchema,
    response: qaSchema,
    errors: { 404: "No such review", 409: "The review is not held, or it already has a form (send If-Match to change it)", 412: "Stale If-Match, or no form to change", 422: "A date before the review or in the future" },
    handler: async ({ data, params, body, headers }) => {
      const header = headers["if-match"];
      const { qa, created } = await data.iro.putQa(params.id, header === undefined ? null : parseIfMatch(header), body);
      return new Respond(created ? 201 : 200, qa, { etag: etag(qa.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/iro/qa-summary",
    summary: "The anonymous quality-assurance aggregate across the service for forms completed in a date range: per question, each answer's count and percentage",
    tag,
    auth: "session",
    permission: "iro:read",
    query: qaSummaryQuerySchema,
    response: qaSummarySchema,
    handler: ({ data, query }) => data.iro.qaSummary(query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/iro/caseload",
    summary: "An IRO's caseload: children looked after whose IRO they are, with placement, next review due, mid-point due and open disputes (managers and analysts may name an IRO)",
    tag,
    auth: "session",
    permission: "iro:read",
    query: caseloadQuerySchema,
    response: caseloadSchema,
    errors: { 403: "Only managers and analysts may open another IRO's caseload", 404: "No such IRO in your authority" },
    handler: ({ data, query }) => data.iro.caseload(query.iroId),
  }),
];
