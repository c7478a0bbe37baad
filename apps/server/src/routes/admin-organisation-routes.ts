import {
  localAuthoritySchema,
  localitySchema,
  organisationCreateSchema,
  organisationPatchSchema,
  organisationSchema,
  sharedServiceSchema,
  sharedServiceTeamsSchema,
  teamCreateSchema,
  teamPatchSchema,
  teamSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });
const versionErrors = { 404: "Not found in your authority", 412: "Someone else changed it since you opened it", 428: "If-Match missing" };

/** Organisations, teams, localities and shared services of the administrator's own authority. */
export const adminOrganisationRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/organisations",
    summary: "Organisations of your authority (services, schools, GP practices, partners)",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(organisationSchema),
    handler: ({ data }) => data.admin.listOrganisations(),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/admin/organisations",
    summary: "Add an organisation to your authority",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    body: organisationCreateSchema,
    response: organisationSchema,
    status: 201,
    handler: async ({ data, body }) => {
      const org = await data.admin.createOrganisation(body);
      return new Respond(201, org, { etag: etag(org.version), location: `/api/v1/admin/organisations/${org.id}` });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/admin/organisations/:id",
    summary: "Change an organisation; send If-Match with the version you edited",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    params: idParams,
    body: organisationPatchSchema,
    response: organisationSchema,
    errors: versionErrors,
    handler: async ({ data, params, body, headers }) => {
      const org = await data.admin.updateOrganisation(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, org, { etag: etag(org.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/teams",
    summary: "Teams of your authority, with member counts and shared-service membership",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(teamSchema),
    handler: ({ data }) => data.admin.listTeams(),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/admin/teams",
    summary: "Add a team to one of your authority's organisations",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    body: teamCreateSchema,
    response: teamSchema,
    status: 201,
    handler: async ({ data, body }) => {
      const team = await data.admin.createTeam(body);
      return new Respond(201, team, { etag: etag(team.version), location: `/api/v1/admin/teams/${team.id}` });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/admin/teams/:id",
    summary: "Change a team; send If-Match with the version you edited",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    params: idParams,
    body: teamPatchSchema,
    response: teamSchema,
    errors: versionErrors,
    handler: async ({ data, params, body, headers }) => {
      const team = await data.admin.updateTeam(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, team, { etag: etag(team.version) });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/localities",
    summary: "Localities of your authority",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(localitySchema),
    handler: ({ data }) => data.admin.listLocalities(),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/authorities",
    summary: "Local authorities on this service",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(localAuthoritySchema),
    handler: ({ data }) => data.admin.listAuthorities(),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/admin/shared-services",
    summary: "Shared-service arrangements your authority belongs to, and the teams they name",
    tag: "Administration",
    auth: "session",
    permission: "admin:read",
    response: z.array(sharedServiceSchema),
    handler: ({ data }) => data.sharedServices.list(),
  }),
  defineRoute({
    method: "PUT",
    path: "/api/v1/admin/shared-services/:id/teams",
    summary: "Set the teams an arrangement names (you may add or remove only your own authority's teams); If-Match required",
    tag: "Administration",
    auth: "session",
    permission: "admin:write",
    params: idParams,
    body: sharedServiceTeamsSchema,
    response: sharedServiceSchema,
    errors: versionErrors,
    handler: async ({ data, params, body, headers }) => {
      const service = await data.sharedServices.setTeams(params.id, parseIfMatch(headers["if-match"]), body.teamIds);
      return new Respond(200, service, { etag: etag(service.version) });
    },
  }),
];
