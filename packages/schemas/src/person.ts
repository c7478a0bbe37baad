import {
  ETHNICITY_CODES,
  LANGUAGE_CODES,
  RELATIONSHIP_TYPES,
  SEXES,
  isPlausiblePostcode,
  isValidNhsNumber,
  isValidUpn,
  normaliseNhsNumber,
  normalisePostcode,
  normaliseUpn,
} from "@family-story/domain";
import { z } from "zod";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/** An NHS number, spaces allowed, checked by its modulus-11 check digit. */
export const nhsNumber = z
  .string()
  .transform(normaliseNhsNumber)
  .refine(isValidNhsNumber, { message: "Enter a valid NHS number: 10 digits with the right check digit" })
  .meta({ example: "9434765919" });

/** A Unique Pupil Number, checked by its check letter. */
export const upn = z
  .string()
  .transform(normaliseUpn)
  .refine(isValidUpn, { message: "Enter a valid UPN: 13 characters starting with the right check letter" });

export const postcode = z
  .string()
  .transform(normalisePostcode)
  .refine(isPlausiblePostcode, { message: "Enter a real postcode, such as W2 1AB" });

export const otherNameSchema = z.strictObject({
  givenName: nonEmpty(100),
  familyName: nonEmpty(100),
  kind: z.enum(["alias", "birth", "previous", "transliteration"]).default("alias"),
});

const personFields = {
  givenName: nonEmpty(100).describe("First name(s)"),
  familyName: nonEmpty(100).describe("Last name"),
  otherNames: z.array(otherNameSchema).max(20).default([]).describe("Other names and spellings the person is known by"),
  preferredName: optionalText(100),
  laChildId: optionalText(40).describe("The authority's own child ID"),
  dob: isoDate.nullable().optional().describe("Date of birth"),
  dobEstimated: z.boolean().default(false).describe("True when the date of birth is approximate"),
  expectedDob: isoDate.nullable().optional().describe("Expected date of birth of an unborn child"),
  sex: z.enum(SEXES).default("unknown"),
  gender: optionalText(60),
  ethnicity: z.enum(ETHNICITY_CODES).nullable().optional().describe("DfE ethnicity code"),
  firstLanguage: z.enum(LANGUAGE_CODES).nullable().optional(),
  disability: z.boolean().nullable().optional(),
  uasc: z.boolean().default(false).describe("Unaccompanied asylum-seeking child"),
  nhsNumber: nhsNumber.nullable().optional(),
  upn: upn.nullable().optional(),
  formerUpn: upn.nullable().optional(),
  deceasedDate: isoDate.nullable().optional(),
};

export const personCreateSchema = z
  .strictObject({
    ...personFields,
    laCode: z.string().optional().describe("Authority that owns the record; defaults to the user's own"),
    address: z
      .strictObject({
        line1: nonEmpty(200),
        line2: optionalText(200),
        town: optionalText(100),
        postcode,
        fromDate: isoDate,
      })
      .optional()
      .describe("Current address, if known"),
  })
  .meta({ id: "PersonCreate" });
export type PersonCreate = z.infer<typeof personCreateSchema>;

/** Every field optional; unknown fields are refused so a typo is never silently ignored. */
export const personPatchSchema = z
  .strictObject({
    givenName: personFields.givenName.optional(),
    familyName: personFields.familyName.optional(),
    otherNames: z.array(otherNameSchema).max(20).optional(),
    preferredName: personFields.preferredName,
    laChildId: personFields.laChildId,
    dob: personFields.dob,
    dobEstimated: z.boolean().optional(),
    expectedDob: personFields.expectedDob,
    sex: z.enum(SEXES).optional(),
    gender: personFields.gender,
    ethnicity: personFields.ethnicity,
    firstLanguage: personFields.firstLanguage,
    disability: personFields.disability,
    uasc: z.boolean().optional(),
    nhsNumber: personFields.nhsNumber,
    upn: personFields.upn,
    formerUpn: personFields.formerUpn,
    deceasedDate: personFields.deceasedDate,
    restricted: z.boolean().optional().describe("Restrict the record to named people (team managers only)"),
  })
  .meta({ id: "PersonPatch" });
export type PersonPatch = z.infer<typeof personPatchSchema>;

export const personSearchQuerySchema = z
  .strictObject({
    q: z.string().trim().max(200).optional().describe("Name, in any order and spelling"),
    dob: z
      .string()
      .regex(/^~?\d{4}(-\d{2}(-\d{2})?)?$/, { message: "Use YYYY, YYYY-MM or YYYY-MM-DD; start with ~ for about then" })
      .optional()
      .describe("Full or partial date of birth; ~ prefix means approximately (±1 year)"),
    nhsNumber: z.string().transform(normaliseNhsNumber).optional(),
    upn: z.string().transform(normaliseUpn).optional(),
    postcode: z.string().trim().max(10).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .meta({ id: "PersonSearchQuery" });
export type PersonSearchQuery = z.infer<typeof personSearchQuerySchema>;

export const personSearchResultSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    name: z.string(),
    otherNames: z.array(z.string()),
    age: z.number().int().nullable(),
    dobDisplay: z.string().nullable().describe("Date of birth, or year only when estimated"),
    sex: z.enum(SEXES),
    postcodeDistrict: z.string().nullable(),
    familyMembers: z.array(z.object({ name: z.string(), relationship: z.string() })),
    score: z.number(),
    matchedOn: z.array(z.string()),
  })
  .meta({ id: "PersonSearchResult" });
export type PersonSearchResult = z.infer<typeof personSearchResultSchema>;

export const personSearchResponseSchema = z
  .object({ results: z.array(personSearchResultSchema), total: z.number().int() })
  .meta({ id: "PersonSearchResponse" });

export const addressSchema = z
  .object({
    id: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    town: z.string().nullable(),
    postcode: z.string(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    current: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Address" });
export type Address = z.infer<typeof addressSchema>;

export const addressCreateSchema = z
  .strictObject({ line1: nonEmpty(200), line2: optionalText(200), town: optionalText(100), postcode, fromDate: isoDate, toDate: isoDate.nullable().optional() })
  .refine((a) => !a.toDate || a.toDate >= a.fromDate, { message: "The end date must be on or after the start date", path: ["toDate"] })
  .meta({ id: "AddressCreate" });
export type AddressCreate = z.infer<typeof addressCreateSchema>;

export const addressPatchSchema = z
  .strictObject({ line1: nonEmpty(200).optional(), line2: optionalText(200), town: optionalText(100), postcode: postcode.optional(), fromDate: isoDate.optional(), toDate: isoDate.nullable().optional() })
  .meta({ id: "AddressPatch" });
export type AddressPatch = z.infer<typeof addressPatchSchema>;

export const relatedPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  age: z.number().int().nullable(),
  sex: z.enum(SEXES),
  deceased: z.boolean(),
  canOpen: z.boolean().describe("False when the person is outside what the user may open"),
  sameHousehold: z.boolean(),
});

export const relationshipSchema = z
  .object({
    id: z.string(),
    type: z.enum(RELATIONSHIP_TYPES).describe("What the related person is to this person"),
    label: z.string(),
    person: relatedPersonSchema,
    fromDate: z.string().nullable(),
    toDate: z.string().nullable(),
    notes: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Relationship" });
export type Relationship = z.infer<typeof relationshipSchema>;

export const relationshipCreateSchema = z
  .strictObject({
    relatedPersonId: uuid,
    type: z.enum(RELATIONSHIP_TYPES).describe("What the related person is to this person, e.g. parent"),
    fromDate: isoDate.nullable().optional(),
    toDate: isoDate.nullable().optional(),
    notes: optionalText(500),
  })
  .meta({ id: "RelationshipCreate" });
export type RelationshipCreate = z.infer<typeof relationshipCreateSchema>;

export const relationshipPatchSchema = z
  .strictObject({ type: z.enum(RELATIONSHIP_TYPES).optional().describe("What the related person is to the person the relationship was recorded on (its first person), not to whoever is viewing it"), fromDate: isoDate.nullable().optional(), toDate: isoDate.nullable().optional(), notes: optionalText(500) })
  .meta({ id: "RelationshipPatch" });
export type RelationshipPatch = z.infer<typeof relationshipPatchSchema>;

export const personSchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    laName: z.string(),
    laChildId: z.string().nullable(),
    givenName: z.string(),
    familyName: z.string(),
    otherNames: z.array(z.object({ givenName: z.string(), familyName: z.string(), kind: z.string() })),
    preferredName: z.string().nullable(),
    dob: z.string().nullable(),
    dobEstimated: z.boolean(),
    expectedDob: z.string().nullable(),
    age: z.number().int().nullable(),
    sex: z.enum(SEXES),
    gender: z.string().nullable(),
    ethnicity: z.string().nullable(),
    ethnicityLabel: z.string().nullable(),
    firstLanguage: z.string().nullable(),
    firstLanguageLabel: z.string().nullable(),
    disability: z.boolean().nullable(),
    uasc: z.boolean(),
    nhsNumber: z.string().nullable(),
    upn: z.string().nullable(),
    formerUpn: z.string().nullable(),
    restricted: z.boolean(),
    deceasedDate: z.string().nullable(),
    addresses: z.array(addressSchema),
    relationships: z.array(relationshipSchema),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Person" });
export type Person = z.infer<typeof personSchema>;
