import {
  addressCreateSchema,
  addressPatchSchema,
  addressSchema,
  namedAccessCandidateSchema,
  namedAccessCreateSchema,
  namedAccessSchema,
  organisationSchema,
  relationshipCreateSchema,
  relationshipPatchSchema,
  relationshipSchema,
  sharingCreateSchema,
  sharingSchema,
  uuid,
} from "@family-story/schemas";
import { z } from "zod";
import { etag, parseIfMatch } from "../data/versioning.ts";
import { Respond, defineRoute } from "../http/route.ts";

const idParams = z.strictObject({ id: uuid });
const addressParams = z.strictObject({ id: uuid, addressId: uuid });
const namedParams = z.strictObject({ id: uuid, userId: uuid });
const versioned = { 412: "Someone else changed it since you opened it", 428: "If-Match missing" };

/** A person's addresses, relationships, sharing with partners and named access. */
export const personLinksRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:id/addresses",
    summary: "Add an address to a person; a current address becomes their current postcode",
    tag: "People",
    auth: "session",
    permission: "address:write",
    params: idParams,
    body: addressCreateSchema,
    response: addressSchema,
    status: 201,
    errors: { 404: "No such person, or not one you may open" },
    handler: async ({ data, params, body }) => {
      const address = await data.personLinks.addAddress(params.id, body);
      return new Respond(201, address, { etag: etag(address.version) });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/people/:id/addresses/:addressId",
    summary: "Change an address (such as ending it when the person moves); send If-Match",
    tag: "People",
    auth: "session",
    permission: "address:write",
    params: addressParams,
    body: addressPatchSchema,
    response: addressSchema,
    errors: { 404: "No such person or address", ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const address = await data.personLinks.updateAddress(params.id, params.addressId, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, address, { etag: etag(address.version) });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:id/relationships",
    summary: "Record how another person is related to this one (shown inverted on their record)",
    tag: "People",
    auth: "session",
    permission: "relationship:write",
    params: idParams,
    body: relationshipCreateSchema,
    response: relationshipSchema,
    status: 201,
    errors: { 404: "No such person, or not one you may open", 409: "Already recorded" },
    handler: async ({ data, params, body }) => {
      const relationship = await data.personLinks.addRelationship(params.id, body);
      return new Respond(201, relationship, { etag: etag(relationship.version) });
    },
  }),
  defineRoute({
    method: "PATCH",
    path: "/api/v1/relationships/:id",
    summary: "Change a relationship; send If-Match",
    tag: "People",
    auth: "session",
    permission: "relationship:write",
    params: idParams,
    body: relationshipPatchSchema,
    response: relationshipSchema,
    errors: { 404: "No such relationship, or one you may not see", ...versioned },
    handler: async ({ data, params, body, headers }) => {
      const relationship = await data.personLinks.updateRelationship(params.id, parseIfMatch(headers["if-match"]), body);
      return new Respond(200, relationship, { etag: etag(relationship.version) });
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/relationships/:id",
    summary: "Remove a relationship recorded in error; send If-Match",
    tag: "People",
    auth: "session",
    permission: "relationship:write",
    params: idParams,
    status: 204,
    errors: { 404: "No such relationship, or one you may not see", ...versioned },
    handler: async ({ data, params, headers }) => {
      await data.personLinks.deleteRelationship(params.id, parseIfMatch(headers["if-match"]));
      return new Respond(204, undefined);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/sharing",
    summary: "Who a person's record is shared with, and on what basis",
    tag: "Sharing",
    auth: "session",
    permission: "sharing:read",
    params: idParams,
    response: z.array(sharingSchema),
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params }) => data.sharing.list(params.id),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:id/sharing",
    summary: "Share a person's record with a partner organisation",
    tag: "Sharing",
    auth: "session",
    permission: "sharing:write",
    params: idParams,
    body: sharingCreateSchema,
    response: sharingSchema,
    status: 201,
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params, body }) => data.sharing.grant(params.id, body),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/partner-organisations",
    summary: "Partner organisations a record can be shared with (schools, GPs, police, health, voluntary)",
    tag: "Sharing",
    auth: "session",
    permission: "sharing:write",
    response: z.array(organisationSchema),
    handler: ({ data }) => data.sharing.partnerOrganisations(),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/sharing/:id/withdraw",
    summary: "Withdraw sharing: the organisation loses access at once",
    tag: "Sharing",
    auth: "session",
    permission: "sharing:write",
    params: idParams,
    response: sharingSchema,
    errors: { 404: "No such sharing, or one you may not see", 409: "Already withdrawn" },
    handler: ({ data, params }) => data.sharing.withdraw(params.id),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/named-access",
    summary: "The users named on a record, who may open it while it is restricted",
    tag: "Sharing",
    auth: "session",
    permission: "person:restrict",
    params: idParams,
    response: z.array(namedAccessSchema),
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params }) => data.sharing.listNamed(params.id),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/people/:id/named-access/candidates",
    summary: "Staff of the person's authority who could be named on the record",
    tag: "Sharing",
    auth: "session",
    permission: "person:restrict",
    params: idParams,
    response: z.array(namedAccessCandidateSchema),
    errors: { 404: "No such person, or not one you may open" },
    handler: ({ data, params }) => data.sharing.namedCandidates(params.id),
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/people/:id/named-access",
    summary: "Name a user on a record",
    tag: "Sharing",
    auth: "session",
    permission: "person:restrict",
    params: idParams,
    body: namedAccessCreateSchema,
    response: z.array(namedAccessSchema),
    status: 201,
    errors: { 404: "No such person, or not one you may open", 409: "Already named" },
    handler: ({ data, params, body }) => data.sharing.grantNamed(params.id, body.userId),
  }),
  defineRoute({
    method: "DELETE",
    path: "/api/v1/people/:id/named-access/:userId",
    summary: "Remove a user from a record's named list",
    tag: "Sharing",
    auth: "session",
    permission: "person:restrict",
    params: namedParams,
    response: z.array(namedAccessSchema),
    errors: { 404: "No such person, or that user is not named" },
    handler: ({ data, params }) => data.sharing.revokeNamed(params.id, params.userId),
  }),
];
