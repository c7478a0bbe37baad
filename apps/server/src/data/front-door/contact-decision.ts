import { THRESHOLD_LEVELS, isReferralSource, todayIso, type ContactDecision, type ReferralSource } from "@family-story/domain";
import type { ContactDecisionInput } from "@family-story/schemas";
import { sql, type Kysely, type Transaction } from "kysely";
import type { CaseRow, ContactRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { decisionLabel } from "../../presenters/front-door-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { visiblePeople } from "../person-scope.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { completeWorkItem } from "../casework/work-items.ts";
import { openEarlyHelpCase } from "../early-help/open-early-help.ts";
import { openReferral } from "../social-care/open-referral.ts";
import { CONTACT_DECISION_ITEM, receivedOn } from "./contact-links.ts";
import { checkOverride, grantDecisionSharing } from "./contact-sharing.ts";
import { firstTeamOfKind } from "./front-door-teams.ts";
import { repeatReferralFor } from "./repeat-referral.ts";

/**
 * The threshold levels each decision fits (the continuum of need): universal services and
 * signposting meet levels 1–2, early help 2–3, a section 17 assessment 3–4, and a strategy
 * discussion (section 47) only level 4.
 */
export const DECISION_LEVELS: Record<ContactDecision, readonly number[]> = {
  nfa_signpost: [1, 2],
  universal_service: [1, 2],
  early_help: [2, 3],
  social_care_assessment: [3, 4],
  strategy_discussion: [4],
};

function unprocessable(field: string, title: string, message: string): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}

/** Everything a decision must satisfy that can be checked before writing. */
async function checkDecision(db: Kysely<Database>, contact: ContactRow, version: number, input: ContactDecisionInput, childIds: string[]): Promise<void> {
  if (contact.status === "decided") throw new HttpProblem(409, "This contact has already been decided", `It was decided as: ${decisionLabel(contact.decision) ?? "unknown"}. A decision is made once; record a new contact if circumstances change.`);
  if (contact.version !== version) throw new HttpProblem(412, "The contact was changed by someone else", `It is now version ${String(contact.version)}; you opened version ${String(version)}. Reload it to see the children linked since, then decide.`, { currentVersion: contact.version });
  if (childIds.length === 0) throw unprocessable("children", "Link a child first", "Link the contact to at least one child's record before deciding, so the decision lands on their record.");
  if (!DECISION_LEVELS[input.decision].includes(input.thresholdLevel)) {
    const fits = DECISION_LEVELS[input.decision].map((l) => THRESHOLD_LEVELS.find((t) => t.code === l)?.label ?? String(l)).join(" or ");
    throw unprocessable("thresholdLevel", "The level does not fit the decision", `${decisionLabel(input.decision) ?? input.decision} fits ${fits}.`);
  }
  if (input.decision === "early_help" && contact.consent_early_help === "no") {
    throw unprocessable("decision", "The family did not consent to early help", "Early help needs the family's agreement. Choose another decision, or record a new contact once they agree.");
  }
  if (input.override) await checkOverride(db, contact, input.override);
  const kind = input.decision === "early_help" ? "early_help" : input.decision === "social_care_assessment" || input.decision === "strategy_discussion" ? "social_care" : null;
  if (kind !== null) {
    const open = await db
      .selectFrom("casework_case as c")
      .innerJoin("case_member as m", (j) => j.onRef("m.la_code", "=", "c.la_code").onRef("m.case_id", "=", "c.id"))
      .select(["c.id"])
      .where("c.la_code", "=", contact.la_code)
      .where("c.kind", "=", kind)
      .where("c.status", "=", "open")
      .where("m.person_id", "in", childIds)
      .where("m.role", "=", "child")
      .executeTakeFirst();
    if (open) throw new HttpProblem(409, "A child already has an open case", `A linked child already has an open ${kind === "early_help" ? "early help" : "social care"} case (${open.id}). Record the new information on that case, or choose another decision.`);
  }
}

/** Opens what the decision asks for, inside the transaction: one early help case for the family, or a referral per child. */
async function openCases(trx: Transaction<Database>, actor: Actor, contact: ContactRow, input: ContactDecisionInput, childIds: string[]): Promise<CaseRow[]> {
  const base = { laCode: contact.la_code, contactId: contact.id, thresholdLevel: input.thresholdLevel, allocatedTo: null };
  if (input.decision === "early_help") {
    const teamId = await firstTeamOfKind(trx, contact.la_code, ["early_help", "family_hub"]);
    return [await openEarlyHelpCase(trx, actor, { ...base, childIds, familyMembers: [], openedOn: todayIso(), teamId, localityId: null })];
  }
  if (input.decision !== "social_care_assessment" && input.decision !== "strategy_discussion") return [];
  const teamId = await firstTeamOfKind(trx, contact.la_code, ["locality_social_work"]);
  const source: ReferralSource = isReferralSource(contact.referral_source) ? contact.referral_source : "10";
  const route = input.decision === "strategy_discussion" ? "strategy_discussion" : "assessment";
  const cases: CaseRow[] = [];
  for (const personId of childIds) {
    cases.push(await openReferral(trx, actor, { ...base, personId, referralDate: receivedOn(contact), referralSource: source, route, teamId, familyMemberIds: childIds }));
  }
  return cases;
}

/**
 * Decides a contact, once: records the level, decision-maker and reasons; opens the early help
 * case or the social care referrals; grants the sharing consent or a safeguarding override
 * allows; completes the decision's work item; and puts the decision in each child's chronology.
 * 409 if already decided, 412 on a stale version, 422 when no child is linked or the level,
 * consent or override do not fit.
 */
export async function decideContact(db: Kysely<Database>, actor: Actor, audit: AuditLog, contact: ContactRow, version: number, input: ContactDecisionInput): Promise<ContactRow> {
  const linked = await db
    .selectFrom("contact_child as cc")
    .innerJoin("person", (j) => j.onRef("person.la_code", "=", "cc.la_code").onRef("person.id", "=", "cc.person_id"))
    .select("cc.person_id")
    .select((eb) => sql<boolean>`(${visiblePeople(actor)(eb as never)})`.as("visible"))
    .where("cc.la_code", "=", contact.la_code)
    .where("cc.contact_id", "=", contact.id)
    .orderBy("cc.linked_at")
    .execute();
  // A decision lands on every linked child's record: the decider must be able to open each.
  if (linked.some((c) => !c.visible)) throw new HttpProblem(404, "Contact not found", "This contact is about a child whose restricted record you may not open. A manager named on that record must decide it.");
  const childIds = linked.map((r) => r.person_id);
  await checkDecision(db, contact, version, input, childIds);
  const label = decisionLabel(input.decision) ?? input.decision;
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const row = await trx
      .updateTable("contact")
      .set((eb) => ({
        status: "decided",
        decision: input.decision,
        threshold_level: input.thresholdLevel,
        decided_by: actor.userId,
        decided_at: now,
        reasons: input.reasons,
        overridden_by: input.override ? actor.userId : null,
        override_reason: input.override?.reason ?? null,
        override_organisation_ids: input.override ? JSON.stringify([...new Set(input.override.organisationIds)]) : null,
        override_until: input.override?.until ?? null,
        version: eb("version", "+", 1),
        updated_at: now,
      }))
      .where("la_code", "=", contact.la_code)
      .where("id", "=", contact.id)
      .where("version", "=", version)
      .where("status", "=", "awaiting_decision")
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new HttpProblem(409, "This contact has already been decided", "Someone decided or changed it while you were deciding. Reload it to see their decision.");
    // Referrals recorded since the child was linked can make this a repeat referral now.
    for (const personId of childIds) {
      const repeat = await repeatReferralFor(trx, row.la_code, personId, receivedOn(row), row.id);
      await trx.updateTable("contact_child").set({ repeat_referral: repeat.repeatReferral, previous_referral_date: repeat.previousReferralDate }).where("la_code", "=", row.la_code).where("contact_id", "=", row.id).where("person_id", "=", personId).execute();
    }
    const cases = await openCases(trx, actor, row, input, childIds);
    const sharing = await grantDecisionSharing(trx, actor.userId, row, childIds, label, input.override);
    await completeWorkItem(trx, actor.userId, row.la_code, CONTACT_DECISION_ITEM.kind, CONTACT_DECISION_ITEM.sourceEntity, row.id);
    for (const personId of childIds) {
      const caseRow = cases.find((c) => c.subject_person_id === personId) ?? (input.decision === "early_help" ? cases[0] : undefined);
      await recordCaseEvent(trx, actor.userId, {
        laCode: row.la_code,
        personId,
        caseId: caseRow?.id ?? null,
        occurredOn: todayIso(now),
        kind: "contact_decision",
        service: "front_door",
        title: `Front door decision: ${label}`,
        summary: `Threshold level ${String(input.thresholdLevel)}. ${input.reasons.slice(0, 300)}`,
        sourceEntity: "contact",
        sourceId: row.id,
      });
    }
    const entries: AuditEntry[] = [
      ...childIds.map((personId) => ({ laCode: row.la_code, action: "contact.decide", personId, entity: "contact", entityId: row.id, details: { decision: input.decision, thresholdLevel: input.thresholdLevel } })),
      ...(input.override ? [{ laCode: row.la_code, action: "contact.safeguarding_override", entity: "contact", entityId: row.id, reason: input.override.reason, details: { organisationIds: input.override.organisationIds, until: input.override.until, consentSharing: row.consent_sharing } }] : []),
      ...cases.map((c) => ({ laCode: row.la_code, action: "case.open", personId: c.subject_person_id, entity: "case", entityId: c.id, details: { kind: c.kind, contactId: row.id, thresholdLevel: input.thresholdLevel } })),
      ...sharing,
    ];
    await audit.appendInTransaction(trx, actorForAudit(actor), entries);
    return row;
  });
}
