import { assessmentDue, nextWorkingDay, type ReferralSource } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { insertCase } from "../casework/case-repository.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { upsertWorkItem } from "../casework/work-items.ts";

/** What opens a social care (CIN) episode: the front door's decision or an early help step up. */
export interface OpenReferralInput {
  laCode: string;
  personId: string;
  referralDate: string;
  referralSource: ReferralSource;
  contactId: string | null;
  thresholdLevel: number | null;
  /** A child and family assessment (section 17), or a strategy discussion first (section 47). */
  route: "assessment" | "strategy_discussion";
  teamId: string | null;
  allocatedTo: string | null;
  previousCaseId?: string | null;
  familyMemberIds?: string[];
}

/** The work item source for a case's referral-level due dates (the referral is keyed by its case). */
export const REFERRAL_SOURCE_ENTITY = "cin_referral";

/**
 * Opens a social care case for one child with its CIN referral, inside the caller's transaction,
 * and sets what is due first: the assessment (45 working days from the referral) or, when the
 * decision was a strategy discussion, the strategy discussion (the next working day).
 * It records the `referral` case event. The caller audits.
 */
export async function openReferral(trx: Transaction<Database>, actor: Actor, input: OpenReferralInput): Promise<CaseRow> {
  const row = await insertCase(trx, actor, {
    laCode: input.laCode,
    kind: "social_care",
    subjectPersonId: input.personId,
    title: "Children’s social care",
    openedOn: input.referralDate,
    thresholdLevel: input.thresholdLevel,
    allocatedTo: input.allocatedTo,
    teamId: input.teamId,
    contactId: input.contactId,
    previousCaseId: input.previousCaseId ?? null,
    members: (input.familyMemberIds ?? []).filter((id) => id !== input.personId).map((personId) => ({ personId, role: "other" })),
  });
  await insertReferralRow(trx, actor, row, input);
  return row;
}

/**
 * Adds the CIN referral (and its first due item and event) to an existing social care case.
 * Also used to give a case opened without one (an imported case) its referral.
 */
export async function insertReferralRow(
  trx: Transaction<Database>,
  actor: Actor,
  row: CaseRow,
  input: Pick<OpenReferralInput, "referralDate" | "referralSource" | "contactId" | "route">,
): Promise<void> {
  await trx
    .insertInto("cin_referral")
    .values({
      la_code: row.la_code,
      case_id: row.id,
      person_id: row.subject_person_id,
      referral_date: input.referralDate,
      referral_source: input.referralSource,
      contact_id: input.contactId,
      route: input.route,
      created_by: actor.userId,
    })
    .execute();
  await refreshReferralDue(trx, actor.userId, row, input.referralDate, input.route);
  await recordCaseEvent(trx, actor.userId, {
    laCode: row.la_code,
    personId: row.subject_person_id,
    caseId: row.id,
    occurredOn: input.referralDate,
    kind: "referral",
    service: "social_care",
    title: input.route === "strategy_discussion" ? "Referral to children’s social care: strategy discussion" : "Referral to children’s social care: child and family assessment",
    sourceEntity: REFERRAL_SOURCE_ENTITY,
    sourceId: row.id,
  });
}

/** Sets (or, after a corrected referral date, moves) the first item due on a referral. */
export async function refreshReferralDue(trx: Transaction<Database>, userId: string, row: CaseRow, referralDate: string, route: string): Promise<void> {
  const base = { laCode: row.la_code, sourceEntity: REFERRAL_SOURCE_ENTITY, sourceId: row.id, caseId: row.id, personId: row.subject_person_id, assignedTo: row.allocated_to, teamId: row.team_id };
  if (route === "strategy_discussion") {
    await upsertWorkItem(trx, userId, { ...base, kind: "strategy_discussion_due", title: "Hold a strategy discussion", dueDate: nextWorkingDay(referralDate) });
  } else {
    await upsertWorkItem(trx, userId, { ...base, kind: "assessment_due", title: "Complete the child and family assessment", dueDate: assessmentDue(referralDate) });
  }
}
