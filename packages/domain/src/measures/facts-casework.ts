import { earlyHelpFacts } from "./casework/early-help-facts.ts";
import { contactFacts, referralFacts } from "./casework/front-door-facts.ts";
import { assessmentFacts, conferenceFacts, supportedAtHomeFacts } from "./casework/social-care-facts.ts";
import type { FactFunction, MeasureFact } from "./measure-types.ts";

/**
 * Facts of the front door, CIN, CP and early help measures for one child (docs/measures.md,
 * "Computed measures: front door, children in need, child protection and early help"). Depends
 * on the records and the window only. Most children have none of these records, so a child
 * with none costs a few length checks.
 */
export const caseworkFacts: FactFunction = (records, window) => {
  const facts: MeasureFact[] = [];
  if (records.referrals.length > 0) facts.push(...referralFacts(records, window));
  if (records.contacts.length > 0) facts.push(...contactFacts(records, window));
  if (records.assessments.length > 0) facts.push(...assessmentFacts(records, window));
  if (records.conferences.length > 0) facts.push(...conferenceFacts(records, window));
  if (records.cpPlans.length > 0 || records.cinPlans.length > 0) facts.push(...supportedAtHomeFacts(records, window));
  if (records.earlyHelp.length > 0) facts.push(...earlyHelpFacts(records, window));
  return facts;
};
