import {
  episodePatchSchema,
  lookedAfterCeaseSchema,
  lookedAfterChangeSchema,
  lookedAfterRecordSchema,
  lookedAfterStartSchema,
  missingCreateSchema,
  missingEpisodeSchema,
  missingPatchSchema,
  placementProviderCreateSchema,
  placementProviderQuerySchema,
  placementProviderSchema,
  uascSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const base = "/api/v1/people/:personId/looked-after";
const personParams = z.strictObject({ personId: uuid });
const itemParams = z.strictObject({ personId: uuid, id: uuid });
const tag = "Looked after";
const stepErrors = { 404: "No such person, or not one you may open", 409: "Not possible as the record stands (e.g. not looked after, or already)", 422: "A date or value that does not fit the record" };
const correctionErrors = { ...stepErrors, 412: "Someone else changed it since you opened it", 428: "If-Match missing" };

/** Children looked after: periods of care as SSDA903 episodes, UASC, missing episodes and placement providers. */
export const lookedAfterRoutes = [
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "GET",
    path: base,
    summary: "A child's looked-after record: periods of care, episodes, placements, UASC, missing episodes and visits (audited; status 'never' when the child has not been looked after)",
    permission: "lac:read",
    params: personParams,
    errors: { 404: stepErrors[404] },
    handler: ({ data, params }) => data.lookedAfter.get(params.personId),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "POST",
    path: base,
    status: 201,
    summary: "Start a period of care: opens (or reopens) the child's looked-after case and the first episode (RNE S)",
    permission: "lac:write",
    params: personParams,
    body: lookedAfterStartSchema,
    errors: stepErrors,
    handler: ({ data, params, body }) => data.lookedAfter.start(params.personId, body),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "POST",
    path: `${base}/changes`,
    summary: "Record a change of legal status and/or placement; the server closes the current episode (REC X1) and opens the next with the derived RNE (a change dated the day the episode began amends it)",
    permission: "lac:write",
    params: personParams,
    body: lookedAfterChangeSchema,
    errors: stepErrors,
    handler: ({ data, params, body }) => data.lookedAfter.change(params.personId, body),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "POST",
    path: `${base}/cease`,
    summary: "End the period of care with the reason (REC)",
    permission: "lac:write",
    params: personParams,
    body: lookedAfterCeaseSchema,
    errors: stepErrors,
    handler: ({ data, params, body }) => data.lookedAfter.cease(params.personId, body),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "PATCH",
    path: `${base}/episodes/:id`,
    summary: "Correct an episode's recorded fields (send If-Match with the episode's version); RNEs around it are derived again",
    permission: "lac:write",
    params: itemParams,
    body: episodePatchSchema,
    errors: correctionErrors,
    handler: ({ data, params, body, headers }) => data.lookedAfter.correctEpisode(params.personId, params.id, parseIfMatch(headers["if-match"]), body),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: lookedAfterRecordSchema,
    method: "PUT",
    path: `${base}/uasc`,
    summary: "Set whether the child is an unaccompanied asylum-seeking child and when that ceased (DUC)",
    permission: "lac:write",
    params: personParams,
    body: uascSchema,
    errors: stepErrors,
    handler: ({ data, params, body }) => data.lookedAfter.setUasc(params.personId, body),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: z.array(missingEpisodeSchema),
    method: "GET",
    path: `${base}/missing`,
    summary: "The child's missing and away-from-placement episodes, newest first (audited)",
    permission: "lac:read",
    params: personParams,
    errors: stepErrors,
    handler: ({ data, params }) => data.lacMissing.list(params.personId),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: missingEpisodeSchema,
    method: "POST",
    path: `${base}/missing`,
    status: 201,
    summary: "Record a missing (M) or away (A) episode; once the child is back a return home interview is due within 72 hours (rhi_due)",
    permission: "lac:write",
    params: personParams,
    body: missingCreateSchema,
    errors: stepErrors,
    handler: async ({ data, params, body }) => {
      const m = await data.lacMissing.create(params.personId, body);
      return new Respond(201, m, { etag: etag(m.version) });
    },
  }),
  defineRoute({
    tag,
    auth: "session",
    response: missingEpisodeSchema,
    method: "PATCH",
    path: `${base}/missing/:id`,
    summary: "Record the return, the return home interview offered and whether accepted, or correct the episode (send If-Match)",
    permission: "lac:write",
    params: itemParams,
    body: missingPatchSchema,
    errors: correctionErrors,
    handler: async ({ data, params, body, headers }) => {
      const m = await data.lacMissing.update(params.personId, params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, m, { etag: etag(m.version) });
    },
  }),
  defineRoute({
    tag,
    auth: "session",
    response: z.array(placementProviderSchema),
    method: "GET",
    path: "/api/v1/placement-providers",
    summary: "Carers and providers of the authorities you work, by name (q filters by name)",
    permission: "lac:read",
    query: placementProviderQuerySchema,
    handler: ({ data, query }) => data.placementProviders.list(query.q),
  }),
  defineRoute({
    tag,
    auth: "session",
    response: placementProviderSchema,
    method: "POST",
    path: "/api/v1/placement-providers",
    status: 201,
    summary: "Add a carer or provider to your authority",
    permission: "lac:write",
    body: placementProviderCreateSchema,
    handler: async ({ data, body }) => {
      const p = await data.placementProviders.create(body);
      return new Respond(201, p, { etag: etag(p.version) });
    },
  }),
];
