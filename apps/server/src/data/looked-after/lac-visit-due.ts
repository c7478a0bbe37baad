import { VISIT_TYPES, isLongTermFostering, lookedAfterVisitDue, placementsOf, type PlacementType } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { upsertWorkItem } from "../casework/work-items.ts";
import { loadEpisodeRows, toEpisode } from "./lac-episodes.ts";

export const LAC_VISIT_KIND = "lac_visit_due";
const VISIT_NOTE_TYPES = VISIT_TYPES.map((v) => v.code);

/** The latest visit note at which the child was seen, on the child's looked-after case, on or after a day. */
export async function latestLacVisit(db: Kysely<Database> | Transaction<Database>, laCode: string, caseId: string, personId: string, since: string | null): Promise<string | null> {
  let q = db
    .selectFrom("case_note")
    .select((eb) => eb.fn.max("note_date").as("last"))
    .where("la_code", "=", laCode)
    .where("case_id", "=", caseId)
    .where("person_id", "=", personId)
    .where("child_seen", "=", true)
    .where("note_type", "in", VISIT_NOTE_TYPES);
  if (since !== null) q = q.where("note_date", ">=", since);
  const row = await q.executeTakeFirst();
  return row?.last ?? null;
}

/**
 * Recomputes the `lac_visit_due` item of a looked-after child's case (reg. 28 visits): within a
 * week of the current placement starting, then every 6 weeks in its first year, then 3-monthly
 * in a long-term placement. Not looked after now (or the case closed): the item is cancelled.
 * Call inside the transaction that records the placement change or the visit note.
 */
export async function refreshLacVisitDue(trx: Transaction<Database>, laCode: string, caseId: string): Promise<void> {
  const c = await trx.selectFrom("casework_case").selectAll().where("la_code", "=", laCode).where("id", "=", caseId).executeTakeFirst();
  if (!c) return;
  const rows = await loadEpisodeRows(trx, laCode, c.subject_person_id);
  const current = placementsOf(rows.map(toEpisode)).at(-1);
  if (!current || current.end !== null || c.status !== "open") {
    await trx
      .updateTable("work_item")
      .set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) }))
      .where("la_code", "=", laCode)
      .where("kind", "=", LAC_VISIT_KIND)
      .where("source_entity", "=", "casework_case")
      .where("source_id", "=", caseId)
      .where("status", "=", "open")
      .execute();
    return;
  }
  const lastVisit = await latestLacVisit(trx, laCode, caseId, c.subject_person_id, current.start);
  const place: PlacementType = current.placement.place;
  await upsertWorkItem(trx, null, {
    laCode,
    kind: LAC_VISIT_KIND,
    sourceEntity: "casework_case",
    sourceId: caseId,
    caseId,
    personId: c.subject_person_id,
    title: lastVisit === null ? "Visit the child in their new placement" : "Visit the looked-after child",
    dueDate: lookedAfterVisitDue({ placementStart: current.start, lastVisit, longTerm: isLongTermFostering(place) }),
    assignedTo: c.allocated_to,
    teamId: c.team_id,
  });
}
