import { addCalendarMonths, assessmentDue, nextWorkingDay } from "@family-story/domain";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { completeWorkItem, upsertWorkItem, type DueItem } from "../casework/work-items.ts";
import { REFERRAL_SOURCE_ENTITY } from "./open-referral.ts";
import { icpcDueFor, reviewConferenceDueFor, type SocialCareRows } from "./social-care-record.ts";
import { refreshVisitDue } from "./visit-due.ts";

/** Practice standard: a child in need plan is reviewed within three months of its start and of each review. */
export const CIN_REVIEW_MONTHS = 3;

type Wanted = Omit<DueItem, "laCode" | "caseId" | "personId" | "assignedTo" | "teamId"> & { open: boolean; team?: boolean };

/**
 * Every due date of a social care case, computed from what is recorded: so a new event or a
 * corrected date moves exactly the items it affects. Open ones are set (or moved), satisfied
 * ones marked done. Call inside the transaction that recorded the change.
 */
export async function syncSocialCareDue(trx: Transaction<Database>, userId: string, c: CaseRow, rows: SocialCareRows): Promise<void> {
  const wanted: Wanted[] = [];
  const r = rows.referral;
  if (r) {
    if (r.route === "assessment" || rows.assessments.length > 0) {
      wanted.push({ kind: "assessment_due", sourceEntity: REFERRAL_SOURCE_ENTITY, sourceId: c.id, title: "Complete the child and family assessment", dueDate: assessmentDue(r.referral_date), open: !rows.assessments.some((a) => a.completed_date !== null) });
    }
    if (r.route === "strategy_discussion") {
      wanted.push({ kind: "strategy_discussion_due", sourceEntity: REFERRAL_SOURCE_ENTITY, sourceId: c.id, title: "Hold a strategy discussion", dueDate: nextWorkingDay(r.referral_date), open: rows.strategyDiscussions.length === 0 });
    }
  }
  for (const a of rows.assessments) {
    if (a.authorisation_requested_on === null) continue;
    wanted.push({ kind: "assessment_authorisation", sourceEntity: "cin_assessment", sourceId: a.id, title: "Authorise the child and family assessment", dueDate: a.authorisation_requested_on, open: a.authorised_date === null, team: true });
  }
  for (const s of rows.s47s) {
    const due = icpcDueFor(rows, s);
    if (due === null) continue;
    const held = rows.conferences.some((k) => k.kind === "initial" && k.s47_id === s.id);
    wanted.push({ kind: "icpc_due", sourceEntity: "s47_enquiry", sourceId: s.id, title: "Hold the initial child protection conference", dueDate: due, open: !held });
  }
  for (const p of rows.cpPlans) {
    const due = reviewConferenceDueFor(rows, p);
    wanted.push({ kind: "review_conference_due", sourceEntity: "cp_plan", sourceId: p.id, title: "Hold the child protection review conference", dueDate: due, open: due !== null });
  }
  for (const p of rows.cinPlans) {
    const last = [p.start_date, ...rows.cinReviews.filter((x) => x.cin_plan_id === p.id).map((x) => x.review_date)].sort().at(-1) ?? p.start_date;
    wanted.push({ kind: "cin_review_due", sourceEntity: "cin_plan", sourceId: p.id, title: "Review the child in need plan", dueDate: addCalendarMonths(last, CIN_REVIEW_MONTHS), open: p.end_date === null });
  }
  for (const w of wanted) {
    if (!w.open) {
      await completeWorkItem(trx, userId, c.la_code, w.kind, w.sourceEntity, w.sourceId);
      continue;
    }
    // Authorisations go to the team's tray, so any of its managers can pick them up.
    await upsertWorkItem(trx, userId, {
      laCode: c.la_code,
      kind: w.kind,
      sourceEntity: w.sourceEntity,
      sourceId: w.sourceId,
      caseId: c.id,
      personId: c.subject_person_id,
      title: w.title,
      dueDate: w.dueDate,
      assignedTo: w.team === true ? null : c.allocated_to,
      teamId: c.team_id,
    });
  }
  await refreshVisitDue(trx, c.la_code, c.id);
}
