import { careLeaverBirthdays, nextCareLeaverContact, ordinal, type CareLeaverBirthday } from "@family-story/domain";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacOc3Table, LacPathwayPlanTable } from "../../db/looked-after-types.ts";
import { applyDueItems, loadLacFacts, type LacFacts, type WantedDue } from "./lac-health-facts.ts";

export type Oc3Row = Selectable<LacOc3Table>;
export type PathwayPlanRow = Selectable<LacPathwayPlanTable>;

/** The work item kinds this module keeps. */
export const LAC_LEAVING_CARE_DUE_KINDS = ["lac_oc3_due", "lac_pathway_review_due"] as const;

/** What the leaving care record and the work tray need: each birthday, the next contact and the plan's review. */
export interface LeavingCareDue {
  birthdays: CareLeaverBirthday[];
  next: CareLeaverBirthday | null;
  contact: WantedDue;
  planReview: WantedDue;
}

/**
 * The care leaver's due dates: the next OC3 contact (the end of the window around the next
 * 17th–21st birthday still to record) and the latest pathway plan's review.
 */
export function wantedLeavingCareDue(facts: LacFacts, oc3: readonly Oc3Row[], plans: readonly PathwayPlanRow[]): LeavingCareDue {
  const birthdays = facts.dob === null ? [] : careLeaverBirthdays(facts.dob, facts.episodes);
  const next = nextCareLeaverContact(birthdays, oc3.map((r) => ({ year: r.year, inTouch: r.in_touch })));
  const contact: WantedDue = next
    ? { kind: "lac_oc3_due", title: `Care leaver contact around their ${ordinal(next.window.age)} birthday`, dueDate: next.window.to, why: `In touch, activity and accommodation between ${next.window.from} and ${next.window.to} (birthday ${next.window.birthday}).` }
    : { kind: "lac_oc3_due", title: "Care leaver contact", dueDate: null, why: facts.dob === null ? "Date of birth unknown." : birthdays.some((b) => b.required) ? "Every birthday contact to 21 is recorded." : "Not a care leaver." };
  const latest = [...plans].sort((a, b) => (a.plan_date < b.plan_date ? 1 : a.plan_date > b.plan_date ? -1 : 0))[0];
  const planReview: WantedDue = latest?.next_review_due
    ? { kind: "lac_pathway_review_due", title: "Review the pathway plan", dueDate: latest.next_review_due, why: `The review set when the plan of ${latest.plan_date} was made.` }
    : { kind: "lac_pathway_review_due", title: "Review the pathway plan", dueDate: null, why: "No pathway plan recorded." };
  return { birthdays, next, contact, planReview };
}

export function loadOc3(db: Kysely<Database> | Transaction<Database>, laCode: string, personId: string): Promise<Oc3Row[]> {
  return db.selectFrom("lac_oc3").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).orderBy("year").execute();
}

export function loadPathwayPlans(db: Kysely<Database> | Transaction<Database>, laCode: string, personId: string): Promise<PathwayPlanRow[]> {
  return db.selectFrom("lac_pathway_plan").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).orderBy("plan_date", "desc").orderBy("created_at", "desc").execute();
}

/**
 * Recomputes the care leaver's due items (lac_oc3_due, lac_pathway_review_due) on their
 * looked-after case. Call inside the transaction that records OC3 or a pathway plan, or ends
 * or corrects a period of care.
 */
export async function syncCareLeaverDue(trx: Transaction<Database>, userId: string | null, laCode: string, personId: string): Promise<void> {
  const facts = await loadLacFacts(trx, laCode, personId);
  const due = wantedLeavingCareDue(facts, await loadOc3(trx, laCode, personId), await loadPathwayPlans(trx, laCode, personId));
  await applyDueItems(trx, userId, facts, LAC_LEAVING_CARE_DUE_KINDS, [due.contact, due.planReview]);
}
