import { personCreateSchema, personPatchSchema, personSchema, personSearchQuerySchema, personSearchResponseSchema, uuid } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });
const readQuery = z.strictObject({ reason: z.string().trim().max(500).optional().describe("Why you are opening the record (kept in the audit log)") });

export const peopleRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/people",
    summary: "Find people by name (any spelling or order), date of birth, NHS number, UPN or postcode",
    tag: "People",
    auth: "session",
    permission: "person:search",
    query: personSearchQuerySchema,
    response: personSearchResponseSchema,
    handler: ({ data, query }) => data.searchPeople(query),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id",
    summary: "Open a person's record (audited)",
    tag: "People",
    auth: "session",
    permission: "person:read",
    params: idParams,
    query: readQuery,
    response: personSchema,
    errors: { 404: "No such person, or not one you may open" },
    handler: async ({ data, params, query }) => {
      const person = await data.people.get(params.id, query.reason ?? null);
      return new Respond(200, person, { etag: etag(person.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people",
    summary: "Record a new person",
    tag: "People",
    auth: "session",
    permission: "person:create",
    body: personCreateSchema,
    response: personSchema,
    status: 201,
    handler: async ({ data, body }) => {
      const person = await data.people.create(body);
      return new Respond(201, person, { etag: etag(person.version), location: `/api/v1/people/${person.id}` });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/people/:id",
    summary: "Change a person; send If-Match with the version you edited (a stale edit gets 412 saying what changed)",
    tag: "People",
    auth: "session",
    permission: "person:update",
    params: idParams,
    body: personPatchSchema,
    response: personSchema,
    errors: { 412: "Someone else changed the record since you opened it", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const version = parseIfMatch(headers["if-match"]);
      const person = await data.people.update(params.id, version, body);
      return new Respond(200, person, { etag: etag(person.version) });
    },
  }),
];
