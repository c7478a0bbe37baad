import { toLondonDateTime } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { ContactRow, Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { upsertWorkItem } from "../casework/work-items.ts";
import { repeatReferralFor } from "./repeat-referral.ts";

/** The work item kind and source of a contact's decision. */
export const CONTACT_DECISION_ITEM = { kind: "contact_decision", sourceEntity: "contact" } as const;

/** The London calendar date a contact was received on: its date in the child's chronology and as a referral. */
export function receivedOn(row: Pick<ContactRow, "received_at">): string {
  return toLondonDateTime(row.received_at.toISOString()).date;
}

/**
 * Links a child (already checked visible and in the contact's authority) inside the caller's
 * transaction: flags a repeat referral and puts the contact in the child's chronology. Returns
 * false, changing nothing, when the child is already linked (say by a concurrent request).
 */
export async function insertContactChild(trx: Transaction<Database>, actor: Actor, contact: ContactRow, personId: string): Promise<boolean> {
  const on = receivedOn(contact);
  const repeat = await repeatReferralFor(trx, contact.la_code, personId, on, contact.id);
  const inserted = await trx
    .insertInto("contact_child")
    .values({ la_code: contact.la_code, contact_id: contact.id, person_id: personId, repeat_referral: repeat.repeatReferral, previous_referral_date: repeat.previousReferralDate, linked_by: actor.userId })
    .onConflict((oc) => oc.columns(["la_code", "contact_id", "person_id"]).doNothing())
    .returning("person_id")
    .executeTakeFirst();
  if (!inserted) return false;
  await recordCaseEvent(trx, actor.userId, {
    laCode: contact.la_code,
    personId,
    caseId: null,
    occurredOn: on,
    kind: "contact",
    service: "front_door",
    title: contact.via === "partner_request" ? `Request for support from ${contact.contact_organisation ?? contact.contact_name}` : `Contact from ${contact.contact_name}${contact.contact_organisation ? ` (${contact.contact_organisation})` : ""}`,
    summary: contact.concerns.slice(0, 300),
    sourceEntity: "contact",
    sourceId: contact.id,
  });
  return true;
}

/**
 * Puts the decision on the front-door team's tray, due at the contact's deadline. The title
 * names who made contact, never the children: a restricted child's name must not reach a tray.
 */
export async function upsertDecisionItem(trx: Transaction<Database>, actor: Actor, contact: ContactRow): Promise<void> {
  const from = contact.contact_organisation ?? contact.contact_name;
  await upsertWorkItem(trx, actor.userId, {
    laCode: contact.la_code,
    ...CONTACT_DECISION_ITEM,
    sourceId: contact.id,
    caseId: null,
    personId: null,
    title: contact.via === "partner_request" ? `Decide on a request for support from ${from}` : `Decide on a contact from ${from}`,
    dueDate: toLondonDateTime(contact.due_at.toISOString()).date,
    dueAt: contact.due_at,
    assignedTo: null,
    teamId: contact.team_id,
  });
}
