import { caseNoteCreateSchema, caseNoteSchema, caseNoteUpdateSchema, caseNoteWithHistorySchema, chronologyQuerySchema, chronologySchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });

/** Case notes (visits, calls, meetings) and a child's chronology. */
export const caseNoteRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:id/case-notes",
    summary: "Record a case note about a person: a visit (child seen, seen alone), call or meeting, on one of their cases or none",
    tag: "Case notes",
    auth: "session",
    permission: "case:write",
    params: idParams,
    body: caseNoteCreateSchema,
    response: caseNoteSchema,
    status: 201,
    errors: { 404: "No such person or case", 409: "The case is closed", 422: "The person is not on that case" },
    handler: async ({ data, params, body }) => {
      const note = await data.caseNotes.create(params.id, body);
      return new Respond(201, note, { etag: etag(note.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/case-notes",
    summary: "A person's case notes, newest first (audited)",
    tag: "Case notes",
    auth: "session",
    permission: "note:read",
    params: idParams,
    query: z.strictObject({ caseId: uuid.optional() }),
    response: z.array(caseNoteSchema),
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params, query }) => data.caseNotes.listForPerson(params.id, query.caseId),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/cases/:id/case-notes",
    summary: "The case notes of a case, about any of its people, newest first (audited)",
    tag: "Case notes",
    auth: "session",
    permission: "note:read",
    params: idParams,
    response: z.array(caseNoteSchema),
    errors: { 404: "No such case, or not one you may open" },
    handler: ({ data, params }) => data.caseNotes.listForCase(params.id),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/case-notes/:id",
    summary: "A case note with every version, oldest first (audited)",
    tag: "Case notes",
    auth: "session",
    permission: "note:read",
    params: idParams,
    response: caseNoteWithHistorySchema,
    errors: { 404: "No such note, or not one you may open" },
    handler: async ({ data, params }) => {
      const note = await data.caseNotes.get(params.id);
      return new Respond(200, note, { etag: etag(note.version) });
    },
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/case-notes/:id",
    summary: "Change a case note (send If-Match): its author edits it until it locks; after that a change is an amendment with a reason, kept as a new version",
    tag: "Case notes",
    auth: "session",
    permission: "case:write",
    params: idParams,
    body: caseNoteUpdateSchema,
    response: caseNoteSchema,
    errors: { 404: "No such note", 412: "Someone else changed it since you opened it", 422: "An amendment needs a reason", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const note = await data.caseNotes.update(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, note, { etag: etag(note.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/chronology",
    summary: "A child's chronology: key events and case notes across early help and social care, newest first, filtered by type and date (audited)",
    tag: "Case notes",
    auth: "session",
    permission: "note:read",
    params: idParams,
    query: chronologyQuerySchema,
    response: chronologySchema,
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params, query }) => data.chronology.get(params.id, query),
  }),
];
