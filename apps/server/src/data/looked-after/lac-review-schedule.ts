import { nextLookedAfterReviewDue, periodsOfCare, reviewTimeliness } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { upsertWorkItem } from "../casework/work-items.ts";
import { loadEpisodeRows, toEpisode } from "./lac-episodes.ts";

/** A period of care as the review schedule reads it. */
export interface CarePeriod {
  start: string;
  /** The day care ended; null while the child is looked after. */
  end: string | null;
}

/** The work item that holds a child's next review (one per child). */
export const REVIEW_DUE_KIND = "lac_review_due";
export const REVIEW_DUE_SOURCE = "lac_child";

/** The child's periods of care from their SSDA903 episodes, earliest first. */
export async function loadCarePeriods(db: Kysely<Database> | Transaction<Database>, laCode: string, personId: string): Promise<CarePeriod[]> {
  const rows = await loadEpisodeRows(db, laCode, personId);
  return periodsOfCare(rows.map(toEpisode)).map((p) => ({ start: p.start, end: p.end }));
}

/** The period of care a day falls in (the day care ended counts: a review may be held that day). */
export function periodOn(periods: readonly CarePeriod[], date: string): CarePeriod | undefined {
  return periods.find((p) => p.start <= date && (p.end === null || date <= p.end));
}

/** The period the child is in now: the latest, if it has not ended. */
export function currentPeriod(periods: readonly CarePeriod[]): CarePeriod | undefined {
  const last = periods.at(-1);
  return last && last.end === null ? last : undefined;
}

/** Held review dates that fall in a period, sorted. */
export function heldIn(period: CarePeriod, held: readonly string[]): string[] {
  return held.filter((d) => periodOn([period], d) !== undefined).sort();
}

/** The next review due in the current period (null when the child is not looked after now). */
export function nextReviewDue(periods: readonly CarePeriod[], held: readonly string[]): string | null {
  const period = currentPeriod(periods);
  return period ? nextLookedAfterReviewDue(period.start, heldIn(period, held)) : null;
}

/** Each held review's due date and whether it was on time, by review date, per period of care. */
export function timelinessByDate(periods: readonly CarePeriod[], held: readonly string[]): Map<string, { due: string; onTime: boolean }> {
  const out = new Map<string, { due: string; onTime: boolean }>();
  for (const period of periods) {
    for (const r of reviewTimeliness(period.start, heldIn(period, held))) out.set(r.date, { due: r.due, onTime: r.onTime });
  }
  return out;
}

const ORDINALS = ["first", "second"];

/**
 * Recomputes the child's next looked-after review as a `lac_review_due` work item on their
 * looked_after case: due from the current period of care and the reviews held in it, assigned
 * to the child's IRO (or, with none, the case's worker). With no period of care open it is
 * cancelled. Call inside the transaction that holds a review or starts or ends a period of care.
 */
export async function refreshReviewDue(trx: Transaction<Database>, laCode: string, personId: string): Promise<void> {
  const lac = await trx.selectFrom("lac_child").select(["case_id", "iro_id"]).where("la_code", "=", laCode).where("person_id", "=", personId).executeTakeFirst();
  if (!lac) return;
  const periods = await loadCarePeriods(trx, laCode, personId);
  const period = currentPeriod(periods);
  const c = await trx.selectFrom("casework_case").select(["id", "allocated_to", "team_id", "status"]).where("la_code", "=", laCode).where("id", "=", lac.case_id).executeTakeFirst();
  if (!period || !c || c.status !== "open") {
    await trx
      .updateTable("work_item")
      .set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) }))
      .where("la_code", "=", laCode)
      .where("kind", "=", REVIEW_DUE_KIND)
      .where("source_entity", "=", REVIEW_DUE_SOURCE)
      .where("source_id", "=", personId)
      .where("status", "=", "open")
      .execute();
    return;
  }
  const heldRows = await trx.selectFrom("lac_review").select("review_date").where("la_code", "=", laCode).where("person_id", "=", personId).where("status", "=", "held").execute();
  const held = heldIn(period, heldRows.flatMap((r) => (r.review_date === null ? [] : [r.review_date])));
  const iro = lac.iro_id === null ? undefined : await trx.selectFrom("app_user").select(["id", "team_id", "active"]).where("id", "=", lac.iro_id).executeTakeFirst();
  const assignee = iro?.active === true ? iro : undefined;
  await upsertWorkItem(trx, null, {
    laCode,
    kind: REVIEW_DUE_KIND,
    sourceEntity: REVIEW_DUE_SOURCE,
    sourceId: personId,
    caseId: c.id,
    personId,
    title: `Hold the ${ORDINALS[held.length] ?? "next"} looked-after review`,
    dueDate: nextLookedAfterReviewDue(period.start, held),
    assignedTo: assignee?.id ?? c.allocated_to,
    teamId: assignee?.team_id ?? c.team_id,
  });
}
