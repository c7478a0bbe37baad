import { ageOn, birthdayOf, dentalCheckDue, healthAssessmentDue, pepDue, sdqDue } from "@family-story/domain";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacCheckTable } from "../../db/looked-after-types.ts";
import { applyDueItems, loadLacFacts, type LacFacts, type WantedDue } from "./lac-health-facts.ts";

export type LacCheckRow = Selectable<LacCheckTable>;

/** The work item kinds this module keeps. */
export const LAC_HEALTH_DUE_KINDS = ["lac_health_due", "lac_dental_due", "lac_sdq_due", "lac_pep_due"] as const;

/** A PEP is for a child of 3 or over (early years onwards) until 18. */
const PEP_FROM_AGE = 3;
const PEP_UNTIL_AGE = 18;

function lastOf(checks: readonly LacCheckRow[], kind: string, since: string | null = null): string | null {
  return checks.filter((c) => c.kind === kind && (since === null || c.check_date >= since)).map((c) => c.check_date).sort().at(-1) ?? null;
}

/**
 * What is due next for a looked-after child's health and education, from the timescales in
 * @family-story/domain: the health assessment (in time for the first review, then 6-monthly
 * under 5 and yearly from 5), the dental check (yearly), the SDQ (yearly for 4–16s after 12
 * months in care) and the PEP (within 20 school days, then termly). Nothing is due when the
 * child is not looked after now.
 */
export function wantedHealthDue(facts: LacFacts, checks: readonly LacCheckRow[]): WantedDue[] {
  const period = facts.current;
  const dob = facts.dob;
  if (!period) {
    const why = "Not looked after now.";
    return [
      { kind: "lac_health_due", title: "Health assessment", dueDate: null, why },
      { kind: "lac_dental_due", title: "Dental check", dueDate: null, why },
      { kind: "lac_sdq_due", title: "Strengths and Difficulties Questionnaire", dueDate: null, why },
      { kind: "lac_pep_due", title: "Personal Education Plan", dueDate: null, why },
    ];
  }
  const start = period.start;
  const assessments = checks.filter((c) => c.kind === "health_assessment").map((c) => c.check_date);
  const lastAssessment = lastOf(checks, "health_assessment", start);
  // An unknown date of birth is treated as under 5: the shorter interval, so nothing is missed.
  const healthDue = healthAssessmentDue(start, dob ?? start, assessments);
  const healthWhy =
    lastAssessment === null
      ? `Initial health assessment, in time for the first review (20 working days after care began on ${start}).`
      : dob === null || ageOn(dob, lastAssessment) < 5
        ? `6 months after the last assessment (${lastAssessment}), as the child was under 5 at it${dob === null ? " or their age is unknown" : ""}.`
        : `12 months after the last assessment (${lastAssessment}), as the child was 5 or over at it.`;

  const lastDental = lastOf(checks, "dental_check");
  const dental: WantedDue = { kind: "lac_dental_due", title: "Dental check", dueDate: dentalCheckDue(start, lastDental), why: lastDental === null ? "Yearly; none recorded, so 12 months after care began (no sooner than the initial health assessment)." : `Yearly: 12 months after the last check (${lastDental}).` };

  let sdq: WantedDue;
  if (dob === null) sdq = { kind: "lac_sdq_due", title: "Strengths and Difficulties Questionnaire", dueDate: null, why: "Date of birth unknown: SDQs are for ages 4 to 16." };
  else {
    const lastSdq = lastOf(checks, "sdq", start);
    const due = sdqDue(dob, start, lastSdq);
    sdq = { kind: "lac_sdq_due", title: "Strengths and Difficulties Questionnaire", dueDate: due, why: due === null ? "Not required: SDQs are for ages 4 to 16." : lastSdq === null ? "Yearly for 4–16s: first after 12 months in care (or at 4)." : `Yearly: 12 months after the last SDQ (${lastSdq}).` };
  }

  const lastPep = lastOf(checks, "pep", start);
  let pep: WantedDue = { kind: "lac_pep_due", title: "Personal Education Plan", dueDate: pepDue(start, lastPep), why: lastPep === null ? "Within 20 school days of becoming looked after." : `Reviewed each term: 4 months after the last PEP (${lastPep}).` };
  if (dob !== null && pep.dueDate !== null) {
    const from = birthdayOf(dob, PEP_FROM_AGE);
    if (pep.dueDate < from) pep = { ...pep, dueDate: from, why: `From age ${String(PEP_FROM_AGE)} (early years education).` };
    else if (ageOn(dob, pep.dueDate) >= PEP_UNTIL_AGE) pep = { ...pep, dueDate: null, why: "Not required from 18." };
  }
  return [{ kind: "lac_health_due", title: "Health assessment", dueDate: healthDue, why: healthWhy }, dental, sdq, pep];
}

/** The child's checks, newest first. */
export function loadChecks(db: Kysely<Database> | Transaction<Database>, laCode: string, personId: string): Promise<LacCheckRow[]> {
  return db.selectFrom("lac_check").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).orderBy("check_date", "desc").orderBy("created_at", "desc").execute();
}

/**
 * Recomputes the child's health and education due items (lac_health_due, lac_dental_due,
 * lac_sdq_due, lac_pep_due) on their looked-after case. Call inside the transaction that
 * records a check, starts or ends a period of care, or corrects an episode's dates.
 */
export async function syncLacHealthDue(trx: Transaction<Database>, userId: string | null, laCode: string, personId: string): Promise<void> {
  const facts = await loadLacFacts(trx, laCode, personId);
  await applyDueItems(trx, userId, facts, LAC_HEALTH_DUE_KINDS, wantedHealthDue(facts, await loadChecks(trx, laCode, personId)));
}
