import { CONTACT_DECISIONS, REFERRAL_SOURCES, codeLabel, describeDueAt, dueStatusAt, formatLondonDeadline, isContactDecision, isReferralSource } from "@family-story/domain";
import type { ContactConsent, ContactDetail, ContactSummary, MyRequest } from "@family-story/schemas";
import type { ContactChildRow, ContactRow } from "../db/database-types.ts";

/** What presenting a contact needs, resolved beforehand so presenting stays free of queries. */
export interface ContactContext {
  /** Linked children the reader may open, with name and date of birth. */
  visibleChildren: { row: ContactChildRow; name: string; dob: string | null; caseId: string | null }[];
  hiddenChildren: number;
  users: Map<string, string>;
  organisations: Map<string, string>;
}

const CONSENTS: readonly ContactConsent[] = ["yes", "no", "not_asked"];
const consent = (value: string): ContactConsent => (CONSENTS as readonly string[]).includes(value) ? (value as ContactConsent) : "not_asked";

/** The decision's words, or null while awaiting one. */
export function decisionLabel(decision: string | null): string | null {
  return decision !== null && isContactDecision(decision) ? codeLabel(CONTACT_DECISIONS, decision) : null;
}

function describedNames(row: ContactRow): string[] {
  return row.described_children.map((c) => `${c.givenName} ${c.familyName}`);
}

/** What a reader sees in place of free text about a child whose restricted record they may not open. */
export const RESTRICTED_TEXT = "Restricted: ask a named colleague";
/** What a reader sees in place of such a child's name. */
export const RESTRICTED_CHILD = "A child whose record you cannot open";

/** A contact is withheld from a reader when any child linked to it is hidden from them. */
const withheld = (ctx: Pick<ContactContext, "hiddenChildren">): boolean => ctx.hiddenChildren > 0;

/** The names the queue shows: the linked children the reader may open, and no more of a restricted contact. */
function childNames(row: ContactRow, ctx: Pick<ContactContext, "visibleChildren" | "hiddenChildren">): string[] {
  const linked = ctx.visibleChildren.map((c) => c.name);
  if (withheld(ctx)) return [...linked, ...Array.from({ length: ctx.hiddenChildren }, () => RESTRICTED_CHILD)];
  return linked.length > 0 ? linked : describedNames(row);
}

/** A contact as the queue shows it: how soon the decision is due, and any repeat referral. */
export function presentContactSummary(row: ContactRow, ctx: Pick<ContactContext, "visibleChildren" | "hiddenChildren">, now = new Date()): ContactSummary {
  const dueAt = row.due_at.toISOString();
  const awaiting = row.status === "awaiting_decision";
  return {
    id: row.id,
    laCode: row.la_code,
    receivedAt: row.received_at.toISOString(),
    referralSource: row.referral_source,
    referralSourceLabel: isReferralSource(row.referral_source) ? codeLabel(REFERRAL_SOURCES, row.referral_source) : row.referral_source,
    contactName: row.contact_name,
    contactOrganisation: row.contact_organisation,
    via: row.via === "partner_request" ? "partner_request" : "staff",
    childNames: childNames(row, ctx),
    status: awaiting ? "awaiting_decision" : "decided",
    dueAt,
    dueStatus: awaiting ? dueStatusAt(dueAt, now.toISOString()) : "none",
    dueText: awaiting ? describeDueAt(dueAt, now.toISOString()) : row.decided_at ? `Decided at ${formatLondonDeadline(row.decided_at.toISOString())}` : "Decided",
    repeatReferral: ctx.visibleChildren.some((c) => c.row.repeat_referral),
    decision: row.decision !== null && isContactDecision(row.decision) ? row.decision : null,
    version: row.version,
  };
}

/**
 * A contact in full, for the front door: what was said, who it is about, and the decision.
 * When a linked child's restricted record is hidden from the reader, what was said about the
 * family (free text, the contact's phone, the children as described) is withheld too.
 */
export function presentContactDetail(row: ContactRow, ctx: ContactContext, now = new Date()): ContactDetail {
  const ref = (id: string | null) => (id === null ? null : { id, name: ctx.users.get(id) ?? "Unknown user" });
  const hide = withheld(ctx);
  const text = <T extends string | null>(value: T): T | string => (hide && value !== null ? RESTRICTED_TEXT : value);
  return {
    ...presentContactSummary(row, ctx, now),
    contactRole: row.contact_role,
    contactPhone: hide ? null : row.contact_phone,
    submittedBy: { id: row.submitted_by, name: ctx.users.get(row.submitted_by) ?? "Unknown user" },
    concerns: text(row.concerns),
    familyDetails: text(row.family_details),
    describedChildren: row.described_children.map((c) => (hide ? { givenName: RESTRICTED_CHILD, familyName: "", dob: null, notes: null } : { givenName: c.givenName, familyName: c.familyName, dob: c.dob ?? null, notes: c.notes ?? null })),
    children: ctx.visibleChildren.map((c) => ({
      person: { id: c.row.person_id, name: c.name },
      dob: c.dob,
      repeatReferral: c.row.repeat_referral,
      previousReferralDate: c.row.previous_referral_date,
      caseId: c.caseId,
    })),
    hiddenChildren: ctx.hiddenChildren,
    consentSharing: consent(row.consent_sharing),
    consentEarlyHelp: consent(row.consent_early_help),
    decisionLabel: decisionLabel(row.decision),
    thresholdLevel: row.threshold_level,
    decidedBy: ref(row.decided_by),
    decidedAt: row.decided_at?.toISOString() ?? null,
    reasons: text(row.reasons),
    override:
      row.overridden_by !== null && row.override_reason !== null && row.override_until !== null
        ? {
            by: { id: row.overridden_by, name: ctx.users.get(row.overridden_by) ?? "Unknown user" },
            reason: row.override_reason,
            organisations: (row.override_organisation_ids ?? []).map((id) => ({ id, name: ctx.organisations.get(id) ?? "Unknown organisation" })),
            until: row.override_until,
          }
        : null,
  };
}

/** A partner's view of their own request: status and outcome only. */
export function presentMyRequest(row: ContactRow): MyRequest {
  return {
    id: row.id,
    receivedAt: row.received_at.toISOString(),
    children: describedNames(row),
    status: row.status === "decided" ? "decided" : "awaiting_decision",
    outcome: decisionLabel(row.decision),
    decidedAt: row.decided_at?.toISOString() ?? null,
  };
}
