/**
 * Front door facts: referrals to children's social care, repeat referrals within 12 months,
 * and contacts decided within one working day (docs/measures.md, "Front door").
 */
import { isRepeatReferral } from "../../timescales.ts";
import { addWorkingDays } from "../../working-days.ts";
import type { FactWindow, IsoDate, MeasureFact, SubjectRecords } from "../measure-types.ts";
import { CONTACTS_DECIDED_ON_TIME, REFERRALS_CSC, REPEAT_REFERRALS_CSC } from "./casework-ids.ts";
import { eventFact, inWindow, memoDue, monthOf, teamOfCase } from "./fact-helpers.ts";

/**
 * Working days the front door has to decide on a contact: one, as Working Together 2023 asks
 * (the statutory day, not an authority's local standard, which may allow more).
 */
export const CONTACT_DECISION_WORKING_DAYS = 1;

/**
 * The last day a contact received on `receivedOn` may be decided on time: one working day
 * later, counting from the next working day when it arrived on a weekend or bank holiday.
 * This is the London date of the domain's `contactDecisionDue`; the records give days, not
 * times, so a decision on that day counts as on time.
 */
export const contactDecisionDueDate = memoDue((receivedOn: IsoDate) => addWorkingDays(addWorkingDays(receivedOn, 0), CONTACT_DECISION_WORKING_DAYS));

/**
 * referrals-csc and repeat-referrals-csc: one fact each per CIN referral (cin_referral) in the
 * month of its referral date. A referral is a repeat when the child had an earlier referral
 * (strictly before, in this authority) on or after the same date 12 months before: the
 * domain's `isRepeatReferral`, so one exactly 12 months after the last is a repeat.
 */
export function referralFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const referrals = records.referrals;
  if (referrals.length === 0) return [];
  const dates = referrals.map((r) => r.referralDate);
  const sorted = isSorted(dates) ? referrals : [...referrals].sort((a, b) => (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0));
  const facts: MeasureFact[] = [];
  // The latest referral date strictly before the current one: if any earlier referral is within
  // 12 months, that one is, so it alone decides.
  let before: IsoDate | null = null;
  let lastSeen: IsoDate | null = null;
  for (const referral of sorted) {
    const date = referral.referralDate;
    if (lastSeen !== null && date > lastSeen) before = lastSeen;
    lastSeen = date;
    const month = monthOf(date);
    if (!inWindow(month, window)) continue;
    const team = teamOfCase(records, referral.caseId);
    facts.push(eventFact(REFERRALS_CSC, month, true, team));
    facts.push(eventFact(REPEAT_REFERRALS_CSC, month, before !== null && isRepeatReferral(date, [before]), team));
  }
  return facts;
}

/**
 * contacts-decided-on-time: one fact per decided contact about the child, in the month of the
 * decision, in the numerator when decided on or before `contactDecisionDueDate`. Contacts not
 * yet decided count when they are decided. Its team is the front door team that holds it.
 */
export function contactFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const contact of records.contacts) {
    if (contact.decidedOn === null) continue;
    const month = monthOf(contact.decidedOn);
    if (!inWindow(month, window)) continue;
    facts.push(eventFact(CONTACTS_DECIDED_ON_TIME, month, contact.decidedOn <= contactDecisionDueDate(contact.receivedOn), contact.teamId ?? null));
  }
  return facts;
}

function isSorted(values: readonly string[]): boolean {
  for (let i = 1; i < values.length; i += 1) if ((values[i] as string) < (values[i - 1] as string)) return false;
  return true;
}
