import { iroAssignSchema, lacIroSchema, lacReviewHeldSchema, lacReviewLetterSchema, lacReviewPatchSchema, lacReviewScheduleSchema, lacReviewSchema, lacReviewsSchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const personParams = z.strictObject({ personId: uuid });
const idParams = z.strictObject({ id: uuid });
const notFound = "No such child or review, or not one you may open";
const editErrors = { 404: notFound, 409: "Not possible as the record stands (not held yet, already held, cancelled)", 412: "Someone else changed it since you opened it", 422: "A value that does not fit the record", 428: "If-Match missing" };

/**
 * Looked-after reviews and the letter to the child. Reading needs lac:read (the child's social
 * worker sees the reviews and decisions); scheduling, recording, the letter and assigning the
 * IRO are the IRO's own work (iro:write).
 */
export const lacReviewRoutes = [
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "GET",
    path: "/api/v1/people/:personId/lac-reviews",
    summary: "A looked-after child's reviews (newest first, held ones marked on time or late), the next review due and their IRO (audited)",
    permission: "lac:read",
    params: personParams,
    response: lacReviewsSchema,
    errors: { 404: notFound },
    handler: ({ data, params }) => data.lacReviews.list(params.personId),
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "POST",
    path: "/api/v1/people/:personId/lac-reviews",
    summary: "Schedule the child's next review (while they are looked after; one scheduled review at a time)",
    permission: "iro:write",
    params: personParams,
    body: lacReviewScheduleSchema,
    response: lacReviewSchema,
    status: 201,
    errors: { 404: notFound, 409: "Not looked after now, or a review is already scheduled", 422: "Planned before the period of care started" },
    handler: async ({ data, params, body }) => {
      const review = await data.lacReviews.schedule(params.personId, body.plannedDate);
      return new Respond(201, review, { etag: etag(review.version), location: `/api/v1/lac-reviews/${review.id}` });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "GET",
    path: "/api/v1/lac-reviews/:id",
    summary: "One review: participation, the child's views, minutes, decisions and the letter (audited)",
    permission: "lac:read",
    params: idParams,
    response: lacReviewSchema,
    errors: { 404: notFound },
    handler: async ({ data, params }) => {
      const review = await data.lacReviews.get(params.id);
      return new Respond(200, review, { etag: etag(review.version) });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "PATCH",
    path: "/api/v1/lac-reviews/:id",
    summary: "Move or cancel a scheduled review, or correct a held one; a corrected date moves the next review due (send If-Match)",
    permission: "iro:write",
    params: idParams,
    body: lacReviewPatchSchema,
    response: lacReviewSchema,
    errors: editErrors,
    handler: async ({ data, params, body, headers }) => {
      const review = await data.lacReviews.patch(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, review, { etag: etag(review.version) });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "POST",
    path: "/api/v1/lac-reviews/:id/held",
    summary: "Record a scheduled review as held, chaired by you: date, participation (PN0–PN7), how views were gathered, minutes and decisions (each owned by a user becomes a task on their tray)",
    permission: "iro:write",
    params: idParams,
    body: lacReviewHeldSchema,
    response: lacReviewSchema,
    errors: { 404: notFound, 409: "Already held or cancelled, the child was not looked after that day, or another review is recorded that day", 422: "A date in the future, or a decision owner who cannot own it" },
    handler: async ({ data, params, body }) => {
      const review = await data.lacReviews.recordHeld(params.id, body);
      return new Respond(200, review, { etag: etag(review.version) });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "PUT",
    path: "/api/v1/lac-reviews/:id/letter",
    summary: "Save the letter to the child written from the review's minutes (send If-Match)",
    permission: "iro:write",
    params: idParams,
    body: lacReviewLetterSchema,
    response: lacReviewSchema,
    errors: editErrors,
    handler: async ({ data, params, body, headers }) => {
      const review = await data.lacReviews.saveLetter(params.id, parseIfMatch(headers["if-match"]), body.letter);
      return new Respond(200, review, { etag: etag(review.version) });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "GET",
    path: "/api/v1/lac-reviews/:id/letter.pdf",
    summary: "The saved letter as an accessible PDF (tagged, en-GB, real text); each download is audited",
    permission: "lac:read",
    params: idParams,
    errors: { 404: notFound, 409: "No letter saved yet" },
    handler: async ({ data, params }) => {
      const { pdf, filename } = await data.lacReviews.letterPdf(params.id);
      return new Respond(200, pdf, { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" });
    },
  }),
  defineRoute({
    tag: "Looked-after reviews",
    auth: "session",
    method: "PUT",
    path: "/api/v1/people/:personId/looked-after/iro",
    summary: "Assign the child's independent reviewing officer (an active IRO of the child's authority); the next review due moves to them (If-Match: the looked-after record's version)",
    permission: "iro:write",
    params: personParams,
    body: iroAssignSchema,
    response: lacIroSchema,
    errors: { 404: notFound, 412: "Someone else changed the looked-after record since you opened it", 422: "Not an active IRO of the child's authority", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const iro = await data.lacReviews.assignIro(params.personId, parseIfMatch(headers["if-match"]), body.iroId);
      return new Respond(200, iro, { etag: etag(iro.version) });
    },
  }),
];
