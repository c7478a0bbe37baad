import { contactChildLinkSchema, contactCreateSchema, contactDecisionInputSchema, contactDetailSchema, contactQueueQuerySchema, contactSummarySchema, myRequestSchema, requestForSupportSchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });

/** The front door: contacts, requests for support, linking children and the decision. */
export const frontDoorRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/contacts",
    summary: "The front-door queue: contacts awaiting a decision, most urgent first, with when each is due (status=decided for the latest decided)",
    tag: "Front door",
    auth: "session",
    permission: "contact:read",
    query: contactQueueQuerySchema,
    response: z.array(contactSummarySchema),
    handler: ({ data, query }) => data.frontDoor.queue(query),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/contacts",
    summary: "Record a contact: its source (CIN census 1A–10), who made it, the concerns, the children and the family's consent",
    tag: "Front door",
    auth: "session",
    permission: "contact:create",
    body: contactCreateSchema,
    response: contactDetailSchema,
    status: 201,
    errors: { 422: "A child to link is not someone you can link" },
    handler: async ({ data, body }) => {
      const detail = await data.frontDoor.record(body);
      return new Respond(201, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/contacts/:id",
    summary: "Open a contact: what was said, the children, consent, when the decision is due and the decision (audited)",
    tag: "Front door",
    auth: "session",
    permission: "contact:read",
    params: idParams,
    response: contactDetailSchema,
    errors: { 404: "No such contact, or not one of your authorities'" },
    handler: async ({ data, params }) => {
      const detail = await data.frontDoor.get(params.id);
      return new Respond(200, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/contacts/:id/children",
    summary: "Link a child the contact is about to their record (flags a repeat referral within 12 months)",
    tag: "Front door",
    auth: "session",
    permission: "contact:create",
    params: idParams,
    body: contactChildLinkSchema,
    response: contactDetailSchema,
    errors: { 404: "No such contact or person", 409: "Already linked, or the contact is decided", 422: "The person is in another authority" },
    handler: async ({ data, params, body }) => {
      const detail = await data.frontDoor.linkChild(params.id, body.personId);
      return new Respond(200, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/contacts/:id/children/:personId",
    summary: "Unlink a child linked by mistake (before the decision)",
    tag: "Front door",
    auth: "session",
    permission: "contact:create",
    params: z.strictObject({ id: uuid, personId: uuid }),
    response: contactDetailSchema,
    errors: { 404: "No such contact or linked child", 409: "The contact is decided" },
    handler: async ({ data, params }) => {
      const detail = await data.frontDoor.unlinkChild(params.id, params.personId);
      return new Respond(200, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/contacts/:id/decision",
    summary: "Decide a contact once: decision, threshold level and reasons, with an optional safeguarding override of refused consent (send If-Match)",
    tag: "Front door",
    auth: "session",
    permission: "contact:decide",
    params: idParams,
    body: contactDecisionInputSchema,
    response: contactDetailSchema,
    errors: { 404: "No such contact", 409: "Already decided, or a child already has an open case", 412: "The contact changed since you opened it", 422: "No child linked, or the level, consent or override do not fit", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const detail = await data.frontDoor.decide(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, detail, { etag: etag(detail.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/requests-for-support",
    summary: "A partner's request for support, with the family's consent: it joins the front-door queue",
    tag: "Front door",
    auth: "session",
    permission: "request:submit",
    body: requestForSupportSchema,
    response: myRequestSchema,
    status: 201,
    handler: async ({ data, body }) => new Respond(201, await data.frontDoor.submitRequest(body)),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/requests-for-support",
    summary: "My requests for support: their status and outcome",
    tag: "Front door",
    auth: "session",
    permission: "request:submit",
    response: z.array(myRequestSchema),
    handler: ({ data }) => data.frontDoor.myRequests(),
  }),
];
