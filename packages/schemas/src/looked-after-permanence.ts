import { ADOPTER_LEGAL_STATUS_CODES, ADOPTER_SEX_CODES, PLACED_FOR_ADOPTION_CEASED_REASON_CODES, PREVIOUS_PERMANENCE_CODES, SOCIAL_WORKER_CHANGE_REASON_CODES } from "@family-story/domain";
import { z } from "zod";
import { nonEmpty } from "./common.ts";
import { lacEventDate } from "./looked-after-health.ts";

/**
 * Permanence for a child looked after: adoption (AD1), decisions to place for adoption
 * (PlacedAdoption), the permanence order the child had before care (PrevPerm), changes of
 * social worker (SWEpisodes) and deprivation of liberty orders (DoLo). Field names follow the
 * return; changes to a record carry If-Match.
 */

const optionalPast = lacEventDate.nullable().optional();

export const ad1InputSchema = z
  .strictObject({
    dateInt: optionalPast.describe("DATE_INT: the decision that the child should be placed for adoption"),
    dateMatch: optionalPast.describe("DATE_MATCH: the child matched with the adopter(s)"),
    fosterCare: z.boolean({ message: "Say whether the adopters are the child’s foster carers" }).nullable().optional().describe("FOSTER_CARE: adopted by their foster carer(s)"),
    nbAdoptr: z.union([z.literal(1), z.literal(2)], { message: "Choose one or two adopters" }).nullable().optional().describe("NB_ADOPTR"),
    sexAdoptr: z.enum(ADOPTER_SEX_CODES, { message: "Choose the sex of the adopter(s)" }).nullable().optional().describe("SEX_ADOPTR"),
    lsAdoptr: z.enum(ADOPTER_LEGAL_STATUS_CODES, { message: "Choose the adopters’ legal status" }).nullable().optional().describe("LS_ADOPTR"),
  })
  .superRefine((v, ctx) => {
    if (v.dateInt && v.dateMatch && v.dateMatch < v.dateInt) ctx.addIssue({ code: "custom", path: ["dateMatch"], message: "The match cannot be before the decision to place for adoption" });
    if (v.nbAdoptr && v.sexAdoptr) {
      const couple = ["MM", "FF", "MF"].includes(v.sexAdoptr);
      if ((v.nbAdoptr === 2) !== couple) ctx.addIssue({ code: "custom", path: ["sexAdoptr"], message: v.nbAdoptr === 2 ? "Two adopters are a male, female or mixed couple" : "A single adopter is male or female" });
    }
    if (v.nbAdoptr && v.lsAdoptr && (v.nbAdoptr === 1) !== (v.lsAdoptr === "L0")) ctx.addIssue({ code: "custom", path: ["lsAdoptr"], message: v.nbAdoptr === 1 ? "One adopter is a single adopter (L0)" : "Two adopters are a couple, not a single adopter" });
  })
  .meta({ id: "Ad1Input", description: "The child's adoption record (AD1); blank fields are not yet known" });
export type Ad1Input = z.infer<typeof ad1InputSchema>;

/** DATE_PERM as the return writes it: DD/MM/YYYY, with ZZ for an unknown day or month (ZZ/ZZ/ZZZZ when wholly unknown). */
const datePerm = z
  .string()
  .trim()
  .regex(/^(\d{2}|ZZ)\/(\d{2}|ZZ)\/(\d{4})$|^ZZ\/ZZ\/ZZZZ$/, { message: "Enter the date as DD/MM/YYYY, with ZZ for an unknown day or month" })
  .refine((s) => {
    const [d, m, y] = s.split("/");
    if (m !== "ZZ" && (Number(m) < 1 || Number(m) > 12)) return false;
    if (d !== "ZZ" && (Number(d) < 1 || Number(d) > 31)) return false;
    if (d !== "ZZ" && m !== "ZZ" && y !== "ZZZZ") return !Number.isNaN(Date.parse(`${String(y)}-${String(m)}-${String(d)}T00:00:00Z`)) && new Date(`${String(y)}-${String(m)}-${String(d)}T00:00:00Z`).getUTCDate() === Number(d);
    return true;
  }, { message: "Enter a real date" });

export const previousPermanenceInputSchema = z
  .strictObject({
    prevPerm: z.enum(PREVIOUS_PERMANENCE_CODES, { message: "Choose the previous permanence option" }).nullable(),
    laPerm: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{3}$/, { message: "Enter the three-character code of the authority that arranged it" }).nullable().optional().describe("LA_PERM"),
    datePerm: datePerm.nullable().optional().describe("DATE_PERM: DD/MM/YYYY with ZZ for unknown parts"),
  })
  .superRefine((v, ctx) => {
    if (v.prevPerm === "Z1" || v.prevPerm === null) {
      if (v.laPerm) ctx.addIssue({ code: "custom", path: ["laPerm"], message: "Leave blank when there was no previous permanence order or it is not known" });
      if (v.datePerm) ctx.addIssue({ code: "custom", path: ["datePerm"], message: "Leave blank when there was no previous permanence order or it is not known" });
    }
  })
  .meta({ id: "PreviousPermanenceInput" });

const placedFields = {
  datePlaced: lacEventDate.describe("DATE_PLACED: the decision that the child should be placed for adoption"),
  datePlacedCeased: optionalPast.describe("DATE_PLACED_CEASED: the decision that they should no longer be"),
  reasonPlacedCeased: z.enum(PLACED_FOR_ADOPTION_CEASED_REASON_CODES, { message: "Choose why the decision changed (RD1 to RD4)" }).nullable().optional(),
};
export const placedForAdoptionInputSchema = z
  .strictObject(placedFields)
  .superRefine((v, ctx) => {
    if (v.datePlacedCeased && v.datePlacedCeased < v.datePlaced) ctx.addIssue({ code: "custom", path: ["datePlacedCeased"], message: "Must be on or after the decision to place for adoption" });
    if (v.datePlacedCeased && !v.reasonPlacedCeased) ctx.addIssue({ code: "custom", path: ["reasonPlacedCeased"], message: "Choose why the child should no longer be placed for adoption" });
    if (!v.datePlacedCeased && v.reasonPlacedCeased) ctx.addIssue({ code: "custom", path: ["datePlacedCeased"], message: "Enter the date of the decision that the child should no longer be placed for adoption" });
  })
  .meta({ id: "PlacedForAdoptionInput" });

export const swEpisodeInputSchema = z
  .strictObject({
    swId: nonEmpty(20).describe("SW_ID: the social worker's identifier in the workforce census"),
    swDecom: lacEventDate.describe("SW_DECOM: when they became the child's social worker"),
    swDec: optionalPast.describe("SW_DEC: when they stopped"),
    swReason: z.enum(SOCIAL_WORKER_CHANGE_REASON_CODES, { message: "Choose why the social worker changed" }).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.swDec && v.swDec < v.swDecom) ctx.addIssue({ code: "custom", path: ["swDec"], message: "Must be on or after the start" });
    if (!v.swDec && v.swReason) ctx.addIssue({ code: "custom", path: ["swDec"], message: "Enter when the social worker stopped, or leave the reason blank" });
  })
  .meta({ id: "SwEpisodeInput" });

export const doloInputSchema = z
  .strictObject({ doloStart: lacEventDate.describe("DOLO_START"), doloEnd: optionalPast.describe("DOLO_END") })
  .superRefine((v, ctx) => {
    if (v.doloEnd && v.doloEnd <= v.doloStart) ctx.addIssue({ code: "custom", path: ["doloEnd"], message: "Must be after the start (rule 702)" });
  })
  .meta({ id: "DoloInput", description: "A deprivation of liberty order" });

const versioned = { version: z.number().int() };
const source = { source: z.string().describe("recorded | import") };

export const lacPermanenceSchema = z
  .object({
    personId: z.string(),
    childName: z.string(),
    ad1: z.object({ dateInt: z.string().nullable(), dateMatch: z.string().nullable(), fosterCare: z.boolean().nullable(), nbAdoptr: z.number().int().nullable(), sexAdoptr: z.string().nullable(), lsAdoptr: z.string().nullable(), ...source, ...versioned }).nullable(),
    previousPermanence: z.object({ prevPerm: z.string().nullable(), laPerm: z.string().nullable(), datePerm: z.string().nullable(), ...versioned }).describe("Kept on the child's looked-after record; its version is that record's"),
    placedForAdoption: z.array(z.object({ id: z.string(), datePlaced: z.string(), datePlacedCeased: z.string().nullable(), reasonPlacedCeased: z.string().nullable(), ...source, ...versioned })),
    swEpisodes: z.array(z.object({ id: z.string(), swId: z.string(), swDecom: z.string(), swDec: z.string().nullable(), swReason: z.string().nullable(), ...source, ...versioned })),
    dolo: z.array(z.object({ id: z.string(), doloStart: z.string(), doloEnd: z.string().nullable(), ...source, ...versioned })),
    canWrite: z.boolean(),
  })
  .meta({ id: "LacPermanence" });
export type LacPermanence = z.infer<typeof lacPermanenceSchema>;
