import { uuid, userCreateSchema, userPatchSchema, userSchema } from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });

/** User accounts of the administrator's own authority. */
export const adminUserRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/users",
    summary: "User accounts of your authority",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(userSchema),
    handler: ({ data }) => data.adminUsers.list(),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/admin/users",
    summary: "Create a user with a role, organisation and team; a password (stored as argon2id) and/or a single sign-on identity",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    body: userCreateSchema,
    response: userSchema,
    status: 201,
    errors: { 409: "The username (or sign-on identity) is already taken" },
    handler: async ({ data, body }) => {
      const user = await data.adminUsers.create(body);
      return new Respond(201, user, { etag: etag(user.version), location: `/api/v1/admin/users/${user.id}` });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/admin/users/:id",
    summary: "Change a user's role, team, status or password; a new role, deactivation or new password ends their sessions. If-Match required",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    params: idParams,
    body: userPatchSchema,
    response: userSchema,
    errors: { 404: "Not a user of your authority", 412: "Someone else changed the account since you opened it", 428: "If-Match missing" },
    handler: async ({ data, params, body, headers }) => {
      const user = await data.adminUsers.update(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, user, { etag: etag(user.version) });
    },
  }),
];
