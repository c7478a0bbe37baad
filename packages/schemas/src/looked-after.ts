import {
  CARE_ENDING_REASON_CODES,
  CATEGORY_OF_NEED_CODES,
  LEGAL_STATUS_CODES,
  MISSING_TYPE_CODES,
  PLACEMENT_PROVIDER_CODES,
  PLACEMENT_TYPE_CODES,
  REASON_FOR_PLACEMENT_CHANGE_CODES,
  placementTakesProvider,
  type PlacementType,
} from "@family-story/domain";
import { z } from "zod";
import { namedRefSchema } from "./casework.ts";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";
import { postcode } from "./person.ts";

/**
 * Children looked after: a child's periods of care as SSDA903 episodes, their placements and
 * the carers or providers they are placed with, UASC status and missing episodes. The worker
 * records what happened (care started, legal status or placement changed, care ceased); the
 * server derives the episodes (RNE, REC) from it.
 */

const legalStatus = z.enum(LEGAL_STATUS_CODES, { message: "Choose the legal status (LS)" });
const categoryOfNeed = z.enum(CATEGORY_OF_NEED_CODES, { message: "Choose the category of need (N1–N8)" });
const place = z.enum(PLACEMENT_TYPE_CODES, { message: "Choose the placement type (PLACE)" });
const placeProvider = z.enum(PLACEMENT_PROVIDER_CODES, { message: "Choose who provides the placement (PR0–PR5)" });
const reasonPlaceChange = z.enum(REASON_FOR_PLACEMENT_CHANGE_CODES, { message: "Choose the reason the placement changed" });
const reasonCeased = z.enum(CARE_ENDING_REASON_CODES, { message: "Choose the reason care ended (REC)" });
const urn = z.string().trim().regex(/^(SC\d{6}|\d{6,7}|XXXXXXX)$/i, { message: "Enter the Ofsted URN (SC and 6 digits, or 6–7 digits), or XXXXXXX" }).transform((v) => v.toUpperCase());

/** The placement a child moves to (PLACE, PLACE_PROVIDER, the provider record, PL_POST, URN). */
const placementFields = {
  place: place.describe("PLACE: the placement type"),
  placeProvider: placeProvider.nullable().optional().describe("PLACE_PROVIDER; required for every placement type but T0–T4 and Z11–Z14"),
  providerId: uuid.nullable().optional().describe("The carer or provider record (placement-providers)"),
  placementPostcode: postcode.nullable().optional().describe("PL_POST: the placement's postcode"),
  urn: urn.nullable().optional().describe("URN: the Ofsted unique reference number of the placement"),
};

/** PLACE_PROVIDER is required for placements that take one (rules 178, 213, 526). */
function requireProvider(v: { place?: PlacementType | undefined; placeProvider?: string | null | undefined; providerId?: string | null | undefined }, ctx: z.RefinementCtx): void {
  const given = (x: unknown) => x !== undefined && x !== null;
  // A carer or provider record brings its own PLACE_PROVIDER.
  if (v.place !== undefined && placementTakesProvider(v.place) && !given(v.placeProvider) && !given(v.providerId)) {
    ctx.addIssue({ code: "custom", path: ["placeProvider"], message: "Choose who provides the placement (PR0–PR5)" });
  }
}

export const lookedAfterStartSchema = z
  .strictObject({
    startDate: isoDate.describe("DECOM: the day the child started to be looked after"),
    legalStatus,
    categoryOfNeed,
    ...placementFields,
    homePostcode: postcode.nullable().optional().describe("HOME_POST: the postcode of the home the child was living at"),
    iroId: uuid.nullable().optional().describe("The child's independent reviewing officer"),
    allocatedTo: uuid.nullable().optional().describe("The child's social worker (defaults to you)"),
  })
  .superRefine(requireProvider)
  .meta({ id: "LookedAfterStart", description: "A child starts to be looked after: the first episode (RNE S)" });
export type LookedAfterStart = z.infer<typeof lookedAfterStartSchema>;

export const lookedAfterChangeSchema = z
  .strictObject({
    changeDate: isoDate.describe("The day of the change"),
    legalStatus: legalStatus.optional().describe("The new legal status, if it changed"),
    place: place.optional().describe("The new placement type, if the placement changed"),
    placeProvider: placementFields.placeProvider,
    providerId: placementFields.providerId,
    placementPostcode: placementFields.placementPostcode,
    urn: placementFields.urn,
    sameCarers: z.boolean().default(false).describe("The placement changed but the carer(s) stayed the same (RNE T or U)"),
    reasonPlaceChange: reasonPlaceChange.nullable().optional().describe("REASON_PLACE_CHANGE: why the placement the child leaves ended"),
  })
  .superRefine((v, ctx) => {
    const placementGiven = [v.placeProvider, v.providerId, v.placementPostcode, v.urn].some((x) => x !== undefined && x !== null);
    if (v.place === undefined && placementGiven) ctx.addIssue({ code: "custom", path: ["place"], message: "Give the placement type of the new placement" });
    else if (v.legalStatus === undefined && v.place === undefined) ctx.addIssue({ code: "custom", path: ["legalStatus"], message: "Give the new legal status, the new placement, or both" });
    requireProvider(v, ctx);
  })
  .meta({ id: "LookedAfterChange", description: "The legal status and/or placement changed: the server ends the current episode (REC X1) and starts the next with the right RNE" });
export type LookedAfterChange = z.infer<typeof lookedAfterChangeSchema>;

export const lookedAfterCeaseSchema = z
  .strictObject({
    endDate: isoDate.describe("DEC: the day the child stopped being looked after"),
    reasonCeased: reasonCeased.describe("REC: why care ended (not X1)"),
  })
  .meta({ id: "LookedAfterCease" });
export type LookedAfterCease = z.infer<typeof lookedAfterCeaseSchema>;

export const episodePatchSchema = z
  .strictObject({
    legalStatus: legalStatus.optional(),
    categoryOfNeed: categoryOfNeed.optional(),
    place: place.optional(),
    placeProvider: placementFields.placeProvider,
    providerId: placementFields.providerId,
    placementPostcode: placementFields.placementPostcode,
    urn: placementFields.urn,
    homePostcode: postcode.nullable().optional(),
    reasonPlaceChange: reasonPlaceChange.nullable().optional(),
    reason: optionalText(1000).describe("Why the episode is being corrected (kept in the audit log)"),
  })
  .superRefine(requireProvider)
  .meta({ id: "EpisodePatch", description: "Correct a recorded episode's fields (send If-Match); its dates and RNE follow from what happened and are changed by recording it" });
export type EpisodePatch = z.infer<typeof episodePatchSchema>;

export const uascSchema = z
  .strictObject({
    uasc: z.boolean().describe("The child is (or was) an unaccompanied asylum-seeking child"),
    ceasedOn: isoDate.nullable().optional().describe("DUC: the day the child stopped being UASC (e.g. turned 18 or got leave to remain)"),
  })
  .superRefine((v, ctx) => {
    if (!v.uasc && v.ceasedOn !== undefined && v.ceasedOn !== null) ctx.addIssue({ code: "custom", path: ["ceasedOn"], message: "Only a child who was UASC has a date it ceased" });
  })
  .meta({ id: "UascUpdate" });
export type UascUpdate = z.infer<typeof uascSchema>;

const missingFields = {
  missingType: z.enum(MISSING_TYPE_CODES, { message: "Choose missing (M) or away from placement (A)" }),
  startDate: isoDate,
  endDate: isoDate.nullable().optional().describe("The day the child returned"),
  rhiOfferedOn: isoDate.nullable().optional().describe("The day a return home interview was offered"),
  rhiAccepted: z.boolean().nullable().optional().describe("Whether the child accepted the return home interview"),
  notes: optionalText(4000),
};
function missingOrder(v: { startDate?: string | undefined; endDate?: string | null | undefined; rhiOfferedOn?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (v.startDate !== undefined && v.endDate !== undefined && v.endDate !== null && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Must be on or after the start" });
  if (v.startDate !== undefined && v.rhiOfferedOn !== undefined && v.rhiOfferedOn !== null && v.rhiOfferedOn < v.startDate) ctx.addIssue({ code: "custom", path: ["rhiOfferedOn"], message: "Must be on or after the start of the episode" });
}
export const missingCreateSchema = z.strictObject(missingFields).superRefine(missingOrder).meta({ id: "MissingCreate" });
export type MissingCreate = z.infer<typeof missingCreateSchema>;
export const missingPatchSchema = z
  .strictObject({ ...missingFields, missingType: missingFields.missingType.optional(), startDate: isoDate.optional() })
  .superRefine(missingOrder)
  .meta({ id: "MissingPatch", description: "Record the return, the return home interview, or correct the episode (send If-Match)" });
export type MissingPatch = z.infer<typeof missingPatchSchema>;

export const PROVIDER_KINDS = ["foster_carer", "connected_carer", "childrens_home", "residential_school", "semi_independent", "secure_unit", "adopters", "other"] as const;
export const PROVIDER_KIND_LABELS: Record<(typeof PROVIDER_KINDS)[number], string> = {
  foster_carer: "Foster carer(s)",
  connected_carer: "Family and friends (connected) carer(s)",
  childrens_home: "Children’s home",
  residential_school: "Residential school",
  semi_independent: "Supported or semi-independent accommodation",
  secure_unit: "Secure unit",
  adopters: "Adopters",
  other: "Other",
};

export const placementProviderCreateSchema = z
  .strictObject({
    name: nonEmpty(200),
    kind: z.enum(PROVIDER_KINDS, { message: "Choose the kind of carer or provider" }),
    placeProvider: placeProvider.describe("PLACE_PROVIDER of placements with them"),
    urn: urn.nullable().optional(),
    postcode: postcode.nullable().optional(),
  })
  .meta({ id: "PlacementProviderCreate" });
export type PlacementProviderCreate = z.infer<typeof placementProviderCreateSchema>;

export const placementProviderSchema = z
  .object({ id: z.string(), laCode: z.string(), name: z.string(), kind: z.enum(PROVIDER_KINDS), placeProvider: z.string(), urn: z.string().nullable(), postcode: z.string().nullable(), active: z.boolean(), version: z.number().int() })
  .meta({ id: "PlacementProvider" });
export type PlacementProviderOut = z.infer<typeof placementProviderSchema>;
export const placementProviderQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });

/** A code with its meaning, so clients need not carry the code sets. */
const coded = z.object({ code: z.string(), label: z.string() }).nullable();

export const episodeSchema = z
  .object({
    id: z.string(),
    startDate: z.string().describe("DECOM"),
    endDate: z.string().nullable().describe("DEC"),
    reasonNewEpisode: coded.describe("RNE"),
    legalStatus: coded.describe("LS"),
    categoryOfNeed: coded.describe("CIN"),
    place: coded.describe("PLACE"),
    placeProvider: coded.describe("PLACE_PROVIDER"),
    provider: namedRefSchema.nullable(),
    reasonCeased: coded.describe("REC"),
    reasonPlaceChange: coded.describe("REASON_PLACE_CHANGE"),
    homePostcode: z.string().nullable(),
    placementPostcode: z.string().nullable(),
    urn: z.string().nullable(),
    placementLa: z.string().nullable().describe("PL_LA; null when not known (postcodes not in the ONS directory)"),
    placementLocation: z.enum(["IN", "OUT"]).nullable().describe("PL_LOCATION"),
    distanceMiles: z.number().nullable().describe("PL_DISTANCE"),
    source: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "LookedAfterEpisode" });
export type LookedAfterEpisode = z.infer<typeof episodeSchema>;

export const missingEpisodeSchema = z
  .object({
    id: z.string(),
    missingType: coded,
    startDate: z.string(),
    endDate: z.string().nullable(),
    rhiDue: z.string().nullable().describe("When the return home interview must be offered by (72 hours after the return)"),
    rhiOfferedOn: z.string().nullable(),
    rhiAccepted: z.boolean().nullable(),
    rhiOverdue: z.boolean(),
    notes: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "MissingEpisode" });
export type MissingEpisode = z.infer<typeof missingEpisodeSchema>;

export const lookedAfterRecordSchema = z
  .object({
    child: z.object({ id: z.string(), laCode: z.string(), name: z.string(), dob: z.string().nullable(), ageYears: z.number().int().nullable(), uasc: z.boolean(), uascCeased: z.string().nullable() }),
    status: z.enum(["never", "looked_after", "ceased"]).describe("never: not looked after; looked_after: an open episode; ceased: care ended"),
    caseId: z.string().nullable(),
    caseStatus: z.enum(["open", "closed"]).nullable(),
    allocatedTo: namedRefSchema.nullable(),
    iro: namedRefSchema.nullable(),
    version: z.number().int().nullable().describe("The looked-after record's version (lac_child)"),
    currentEpisode: episodeSchema.nullable(),
    periods: z.array(z.object({ startDate: z.string(), endDate: z.string().nullable(), reasonCeased: coded, episodes: z.number().int(), placements: z.number().int(), days: z.number().int() })),
    episodes: z.array(episodeSchema).describe("Oldest first"),
    placements: z.array(
      z.object({ startDate: z.string(), endDate: z.string().nullable(), place: coded, provider: namedRefSchema.nullable(), placementPostcode: z.string().nullable(), placementLocation: z.enum(["IN", "OUT"]).nullable(), distanceMiles: z.number().nullable(), episodes: z.number().int() }),
    ),
    placementCounts: z.object({ total: z.number().int(), currentPeriod: z.number().int(), lastTwelveMonths: z.number().int() }),
    missing: z.array(missingEpisodeSchema).describe("Newest first"),
    visits: z.object({ last: z.string().nullable(), nextDue: z.string().nullable(), overdue: z.boolean() }),
  })
  .meta({ id: "LookedAfterRecord" });
export type LookedAfterRecord = z.infer<typeof lookedAfterRecordSchema>;
