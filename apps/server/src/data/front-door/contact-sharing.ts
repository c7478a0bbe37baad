import { randomUUID } from "node:crypto";
import { addCalendarMonths, todayIso } from "@family-story/domain";
import type { SafeguardingOverride } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { ContactRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { AuditEntry } from "../audit-log.ts";
import { receivedOn } from "./contact-links.ts";

/** How long consent given at the front door lets the requesting partner see the child. */
export const CONSENT_SHARING_MONTHS = 12;
/** The longest a safeguarding override may share for before someone must decide again. */
export const OVERRIDE_MAX_MONTHS = 12;

function unprocessable(field: string, title: string, message: string): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}

/**
 * Checks a safeguarding override before anything is written: only where consent to share was
 * refused or not asked, only to active partner organisations of the contact's authority, and
 * for a limited time.
 */
export async function checkOverride(db: Kysely<Database>, contact: ContactRow, override: SafeguardingOverride): Promise<void> {
  if (contact.consent_sharing === "yes") throw unprocessable("override", "No override needed", "The family consented to sharing, so there is no refusal to override.");
  const today = todayIso();
  if (override.until < today) throw unprocessable("override.until", "Check the end date", "The override must last until today or later.");
  if (override.until > addCalendarMonths(today, OVERRIDE_MAX_MONTHS)) throw unprocessable("override.until", "Check the end date", `An override can share for at most ${String(OVERRIDE_MAX_MONTHS)} months; decide again then if it is still needed.`);
  const ids = [...new Set(override.organisationIds)];
  const orgs = await db.selectFrom("organisation").select("id").where("la_code", "=", contact.la_code).where("id", "in", ids).where("active", "=", true).where("kind", "<>", "local_authority").execute();
  if (orgs.length !== ids.length) throw unprocessable("override.organisationIds", "Check the organisations", "Choose active partner organisations of this authority.");
}

interface Grant {
  laCode: string;
  personId: string;
  organisationId: string;
  basis: "consent" | "safeguarding_override";
  purpose: string;
  toDate: string;
  grantedBy: string;
}

/** Writes one sharing row inside the caller's transaction and returns its audit entry. */
export async function insertSharing(trx: Transaction<Database>, grant: Grant): Promise<AuditEntry> {
  const id = randomUUID();
  const fromDate = todayIso();
  await trx
    .insertInto("sharing")
    .values({ la_code: grant.laCode, id, person_id: grant.personId, organisation_id: grant.organisationId, purpose: grant.purpose, basis: grant.basis, granted_by: grant.grantedBy, from_date: fromDate, to_date: grant.toDate })
    .execute();
  return { laCode: grant.laCode, action: "sharing.grant", personId: grant.personId, entity: "sharing", entityId: id, details: { organisationId: grant.organisationId, basis: grant.basis, fromDate, toDate: grant.toDate } };
}

/**
 * The sharing a decision grants: with consent, the partner who asked for support sees the
 * children for a year; without it, only a safeguarding override shares, and only with the
 * organisations the decision-maker chose, until the date they set.
 */
export async function grantDecisionSharing(trx: Transaction<Database>, decidedBy: string, contact: ContactRow, childIds: string[], outcome: string, override: SafeguardingOverride | undefined): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  const received = receivedOn(contact);
  if (contact.consent_sharing === "yes" && contact.via === "partner_request" && contact.submitted_by_organisation_id !== null) {
    for (const personId of childIds) {
      entries.push(
        await insertSharing(trx, {
          laCode: contact.la_code,
          personId,
          organisationId: contact.submitted_by_organisation_id,
          basis: "consent",
          purpose: `Request for support of ${received} (family consented to sharing): ${outcome}`,
          toDate: addCalendarMonths(todayIso(), CONSENT_SHARING_MONTHS),
          grantedBy: decidedBy,
        }),
      );
    }
  }
  if (override) {
    for (const organisationId of [...new Set(override.organisationIds)]) {
      for (const personId of childIds) {
        entries.push(
          await insertSharing(trx, {
            laCode: contact.la_code,
            personId,
            organisationId,
            basis: "safeguarding_override",
            purpose: `Safeguarding override of consent (contact of ${received}): ${override.reason.slice(0, 200)}`,
            toDate: override.until,
            grantedBy: decidedBy,
          }),
        );
      }
    }
  }
  return entries;
}
