import { ORGANISATION_KINDS, ROLES, TEAM_KINDS } from "@family-story/domain";
import { z } from "zod";
import { isoDate, laCode, nonEmpty, optionalText, uuid } from "./common.ts";

export const organisationSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    urn: z.string().nullable(),
    odsCode: z.string().nullable(),
    postcode: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Organisation" });
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateSchema = z
  .strictObject({
    kind: z.enum(ORGANISATION_KINDS),
    name: nonEmpty(200),
    urn: z.string().regex(/^\d{6}$/, { message: "A school URN is 6 digits" }).nullable().optional(),
    odsCode: z.string().regex(/^[A-Z0-9]{3,8}$/, { message: "An ODS code is 3 to 8 letters and digits" }).nullable().optional(),
    postcode: optionalText(10),
  })
  .meta({ id: "OrganisationCreate" });
export type OrganisationCreate = z.infer<typeof organisationCreateSchema>;

export const organisationPatchSchema = z
  .strictObject({
    name: nonEmpty(200).optional(),
    urn: organisationCreateSchema.shape.urn,
    odsCode: organisationCreateSchema.shape.odsCode,
    postcode: optionalText(10),
    active: z.boolean().optional(),
  })
  .meta({ id: "OrganisationPatch" });
export type OrganisationPatch = z.infer<typeof organisationPatchSchema>;

export const teamSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    name: z.string(),
    kind: z.enum(TEAM_KINDS),
    organisationId: z.string(),
    localityId: z.string().nullable(),
    localityName: z.string().nullable(),
    active: z.boolean(),
    memberCount: z.number().int(),
    sharedService: z.boolean().describe("Named by a shared-service arrangement for cross-authority work"),
    version: z.number().int(),
  })
  .meta({ id: "Team" });
export type Team = z.infer<typeof teamSchema>;

export const teamCreateSchema = z
  .strictObject({ name: nonEmpty(200), kind: z.enum(TEAM_KINDS), organisationId: uuid, localityId: uuid.nullable().optional() })
  .meta({ id: "TeamCreate" });
export type TeamCreate = z.infer<typeof teamCreateSchema>;

export const teamPatchSchema = z
  .strictObject({ name: nonEmpty(200).optional(), kind: z.enum(TEAM_KINDS).optional(), localityId: uuid.nullable().optional(), active: z.boolean().optional() })
  .meta({ id: "TeamPatch" });
export type TeamPatch = z.infer<typeof teamPatchSchema>;

export const userSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: z.enum(ROLES),
    organisationId: z.string(),
    organisationName: z.string(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    active: z.boolean(),
    signInMethods: z.array(z.enum(["password", "oidc"])),
    lastSignInAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z
  .strictObject({
    username: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{2,59}$/, { message: "Use 3 to 60 lower-case letters, digits, dots, hyphens or underscores" }),
    displayName: nonEmpty(120),
    email: z.email({ message: "Enter an email address like name@example.org" }).nullable().optional(),
    role: z.enum(ROLES),
    organisationId: uuid,
    teamId: uuid.nullable().optional(),
    password: z.string().min(12, { message: "A password must be at least 12 characters" }).max(200).nullable().optional(),
    oidcSubject: optionalText(200),
  })
  .meta({ id: "UserCreate" });
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userPatchSchema = z
  .strictObject({
    displayName: nonEmpty(120).optional(),
    email: userCreateSchema.shape.email,
    role: z.enum(ROLES).optional(),
    teamId: uuid.nullable().optional(),
    active: z.boolean().optional(),
    password: userCreateSchema.shape.password,
    oidcSubject: optionalText(200),
  })
  .meta({ id: "UserPatch" });
export type UserPatch = z.infer<typeof userPatchSchema>;

export const localAuthoritySchema = z
  .object({ laCode: z.string(), name: z.string() })
  .meta({ id: "LocalAuthority" });
export type LocalAuthority = z.infer<typeof localAuthoritySchema>;

export const localitySchema = z.object({ id: z.string(), laCode: z.string(), name: z.string() }).meta({ id: "Locality" });
export type Locality = z.infer<typeof localitySchema>;

export const sharedServiceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    authorities: z.array(z.string()),
    teamIds: z.array(z.string()),
    version: z.number().int(),
  })
  .meta({ id: "SharedService" });
export type SharedService = z.infer<typeof sharedServiceSchema>;

export const sharedServiceTeamsSchema = z
  .strictObject({ teamIds: z.array(uuid).max(200) })
  .meta({ id: "SharedServiceTeams" });

export const sharingSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    purpose: z.string(),
    basis: z.enum(["consent", "safeguarding", "statutory", "safeguarding_override"]).describe("safeguarding_override: a front-door decision shared without consent"),
    grantedBy: z.string(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Sharing" });
export type Sharing = z.infer<typeof sharingSchema>;

export const sharingCreateSchema = z
  .strictObject({
    organisationId: uuid,
    purpose: nonEmpty(300),
    basis: z.enum(["consent", "safeguarding", "statutory"]),
    fromDate: isoDate,
    toDate: isoDate.nullable().optional(),
  })
  .refine((s) => !s.toDate || s.toDate >= s.fromDate, { message: "The end date must be on or after the start date", path: ["toDate"] })
  .meta({ id: "SharingCreate" });
export type SharingCreate = z.infer<typeof sharingCreateSchema>;

export const namedAccessCandidateSchema = z
  .object({ userId: z.string(), displayName: z.string(), role: z.string(), teamName: z.string().nullable() })
  .meta({ id: "NamedAccessCandidate" });
export type NamedAccessCandidate = z.infer<typeof namedAccessCandidateSchema>;

export const namedAccessSchema = z
  .object({ userId: z.string(), displayName: z.string(), role: z.string(), grantedAt: z.string() })
  .meta({ id: "NamedAccess" });
export type NamedAccess = z.infer<typeof namedAccessSchema>;

export const namedAccessCreateSchema = z.strictObject({ userId: uuid }).meta({ id: "NamedAccessCreate" });

export { laCode };
