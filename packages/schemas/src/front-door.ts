import { CONTACT_DECISION_CODES, REFERRAL_SOURCE_CODES, THRESHOLD_LEVEL_CODES } from "@family-story/domain";
import { z } from "zod";
import { dueStatusSchema, namedRefSchema } from "./casework.ts";
import { isoDate, nonEmpty, optionalText, uuid } from "./common.ts";

/**
 * The front door: contacts recorded by staff, requests for support from partners, the children
 * they are about, and the decision (with an optional safeguarding override of refused consent).
 */

export const contactConsentSchema = z.enum(["yes", "no", "not_asked"], { message: "Choose yes, no or not asked" }).meta({ id: "ContactConsent" });
export type ContactConsent = z.infer<typeof contactConsentSchema>;

export const contactReferralSourceSchema = z.enum(REFERRAL_SOURCE_CODES, { message: "Choose the source of the contact" }).meta({ id: "ContactReferralSource", description: "CIN census source of referral, 1A–10" });
export const contactDecisionSchema = z.enum(CONTACT_DECISION_CODES, { message: "Choose a decision" }).meta({ id: "ContactDecision" });
export const contactThresholdLevelSchema = z
  .number({ message: "Choose the threshold level" })
  .int({ message: "Choose the threshold level" })
  .refine((n) => (THRESHOLD_LEVEL_CODES as readonly number[]).includes(n), { message: "Choose a level from 1 to 4" })
  .meta({ id: "ContactThresholdLevel" });

/** A child as the person making contact described them, before anyone matched them to a record. */
export const describedChildSchema = z
  .strictObject({
    givenName: nonEmpty(100),
    familyName: nonEmpty(100),
    dob: isoDate.nullable().optional(),
    notes: optionalText(500),
  })
  .meta({ id: "DescribedChild" });
export type DescribedChildInput = z.infer<typeof describedChildSchema>;

const consentFields = {
  consentSharing: contactConsentSchema.describe("Does the family consent to information being shared with the partners who work with them?"),
  consentEarlyHelp: contactConsentSchema.describe("Does the family consent to early help?"),
};

export const contactCreateSchema = z
  .strictObject({
    laCode: z.string().optional().describe("The authority the contact is for; defaults to yours (a shared service may record for another)"),
    receivedAt: z.iso.datetime({ offset: true, message: "Enter the date and time the contact was received" }).optional().describe("Defaults to now; may not be in the future"),
    referralSource: contactReferralSourceSchema,
    contactName: nonEmpty(200).describe("Who made contact"),
    contactRole: optionalText(200),
    contactOrganisation: optionalText(200),
    contactPhone: optionalText(50),
    concerns: nonEmpty(5000),
    familyDetails: optionalText(2000),
    children: z.array(describedChildSchema).max(12).default([]).describe("The children as described, until linked to people"),
    childIds: z.array(uuid).max(12).default([]).describe("People already recorded to link straight away"),
    ...consentFields,
  })
  .meta({ id: "ContactCreate" });
export type ContactCreate = z.infer<typeof contactCreateSchema>;

export const requestForSupportSchema = z
  .strictObject({
    referralSource: contactReferralSourceSchema.optional().describe("Defaults from your organisation's kind (a school is 2A, a GP practice 3A, police 6)"),
    contactRole: optionalText(200).describe("Your role, e.g. designated safeguarding lead"),
    contactPhone: optionalText(50),
    concerns: nonEmpty(5000),
    familyDetails: optionalText(2000).describe("Parents or carers, address, language or access needs"),
    children: z.array(describedChildSchema).min(1, { message: "Add at least one child" }).max(12),
    ...consentFields,
  })
  .meta({ id: "RequestForSupport" });
export type RequestForSupport = z.infer<typeof requestForSupportSchema>;

export const contactChildLinkSchema = z.strictObject({ personId: uuid }).meta({ id: "ContactChildLink" });
export type ContactChildLink = z.infer<typeof contactChildLinkSchema>;

export const safeguardingOverrideSchema = z
  .strictObject({
    reason: nonEmpty(2000).describe("Why the risk of harm justifies sharing without consent"),
    organisationIds: z.array(uuid).min(1, { message: "Choose at least one organisation" }).max(10),
    until: isoDate.describe("The last day of the sharing; at most 12 months ahead"),
  })
  .meta({ id: "SafeguardingOverride" });
export type SafeguardingOverride = z.infer<typeof safeguardingOverrideSchema>;

export const contactDecisionInputSchema = z
  .strictObject({
    decision: contactDecisionSchema,
    thresholdLevel: contactThresholdLevelSchema,
    reasons: nonEmpty(5000),
    override: safeguardingOverrideSchema.optional().describe("Only when consent to share was refused or not asked"),
  })
  .meta({ id: "ContactDecisionInput" });
export type ContactDecisionInput = z.infer<typeof contactDecisionInputSchema>;

export const contactChildSchema = z
  .object({
    person: namedRefSchema,
    dob: z.string().nullable(),
    repeatReferral: z.boolean().describe("A previous referral of this child within 12 months of this contact"),
    previousReferralDate: z.string().nullable(),
    caseId: z.string().nullable().describe("The case the decision opened for this child"),
  })
  .meta({ id: "ContactChild" });

export const contactSummarySchema = z
  .object({
    id: z.string(),
    laCode: z.string(),
    receivedAt: z.string(),
    referralSource: z.string(),
    referralSourceLabel: z.string(),
    contactName: z.string(),
    contactOrganisation: z.string().nullable(),
    via: z.enum(["staff", "partner_request"]),
    childNames: z.array(z.string()).describe("Linked children you may see, else the children as described"),
    status: z.enum(["awaiting_decision", "decided"]),
    dueAt: z.string(),
    dueStatus: dueStatusSchema,
    dueText: z.string().describe("e.g. Due by 4:30pm today; Overdue: was due by …"),
    repeatReferral: z.boolean(),
    decision: contactDecisionSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "ContactSummary" });
export type ContactSummary = z.infer<typeof contactSummarySchema>;

export const contactDetailSchema = contactSummarySchema
  .extend({
    contactRole: z.string().nullable(),
    contactPhone: z.string().nullable(),
    submittedBy: namedRefSchema,
    concerns: z.string(),
    familyDetails: z.string().nullable(),
    describedChildren: z.array(z.object({ givenName: z.string(), familyName: z.string(), dob: z.string().nullable(), notes: z.string().nullable() })),
    children: z.array(contactChildSchema),
    hiddenChildren: z.number().int().describe("Linked children whose records you may not open"),
    consentSharing: contactConsentSchema,
    consentEarlyHelp: contactConsentSchema,
    decisionLabel: z.string().nullable(),
    thresholdLevel: z.number().int().nullable(),
    decidedBy: namedRefSchema.nullable(),
    decidedAt: z.string().nullable(),
    reasons: z.string().nullable(),
    override: z
      .object({ by: namedRefSchema, reason: z.string(), organisations: z.array(namedRefSchema), until: z.string() })
      .nullable(),
  })
  .meta({ id: "ContactDetail" });
export type ContactDetail = z.infer<typeof contactDetailSchema>;

export const contactQueueQuerySchema = z
  .strictObject({ status: z.enum(["awaiting_decision", "decided"]).default("awaiting_decision") })
  .meta({ id: "ContactQueueQuery" });
export type ContactQueueQuery = z.infer<typeof contactQueueQuerySchema>;

/** What a partner sees of their own request: its status and outcome, never the reasoning. */
export const myRequestSchema = z
  .object({
    id: z.string(),
    receivedAt: z.string(),
    children: z.array(z.string()).describe("The children as you described them"),
    status: z.enum(["awaiting_decision", "decided"]),
    outcome: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: "MyRequest" });
export type MyRequest = z.infer<typeof myRequestSchema>;
