import { visitDue } from "@family-story/domain";
import { sql, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { loadLocalStandards } from "../casework/settings-repository.ts";
import { upsertWorkItem } from "../casework/work-items.ts";

/** The note types that count as a statutory visit when the child was seen. */
const VISIT_NOTE_TYPES = ["home_visit", "office_visit", "school_visit"];

/**
 * Recomputes the `visit_due` item of a child on a plan: the authority's visit standard (CP or
 * CIN, a local setting) after the latest visit at which the child was seen, or after the plan's
 * start when there has been none since. With no open plan there is no visit due, so the item is
 * cancelled. A CP plan takes precedence over a CIN plan. Call inside the caller's transaction.
 */
export async function refreshVisitDue(trx: Transaction<Database>, laCode: string, caseId: string): Promise<void> {
  const c = await trx.selectFrom("casework_case").selectAll().where("la_code", "=", laCode).where("id", "=", caseId).executeTakeFirst();
  if (!c) return;
  const cp = await trx.selectFrom("cp_plan").select(["start_date"]).where("la_code", "=", laCode).where("case_id", "=", caseId).where("end_date", "is", null).orderBy("start_date", "desc").executeTakeFirst();
  const cin = cp ? undefined : await trx.selectFrom("cin_plan").select(["start_date"]).where("la_code", "=", laCode).where("case_id", "=", caseId).where("end_date", "is", null).orderBy("start_date", "desc").executeTakeFirst();
  const plan = cp ? { kind: "cp" as const, start: cp.start_date } : cin ? { kind: "cin" as const, start: cin.start_date } : undefined;
  if (!plan || c.status !== "open") {
    await trx
      .updateTable("work_item")
      .set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) }))
      .where("la_code", "=", laCode)
      .where("kind", "=", "visit_due")
      .where("source_entity", "=", "casework_case")
      .where("source_id", "=", caseId)
      .where("status", "=", "open")
      .execute();
    return;
  }
  const lastVisit = await latestVisit(trx, laCode, caseId, c.subject_person_id, plan.start);
  const standards = await loadLocalStandards(trx, laCode);
  await upsertWorkItem(trx, null, {
    laCode,
    kind: "visit_due",
    sourceEntity: "casework_case",
    sourceId: caseId,
    caseId,
    personId: c.subject_person_id,
    title: plan.kind === "cp" ? "Visit the child (child protection plan)" : "Visit the child (child in need plan)",
    dueDate: visitDue(lastVisit ?? plan.start, plan.kind, standards),
    assignedTo: c.allocated_to,
    teamId: c.team_id,
  });
}

/**
 * The latest visit on or after the plan's start at which the child was seen. The case_note table
 * belongs to the notes module; until its migration lands there are no visits to find.
 */
async function latestVisit(trx: Transaction<Database>, laCode: string, caseId: string, personId: string, since: string): Promise<string | undefined> {
  const exists = await sql<{ present: boolean }>`SELECT to_regclass('case_note') IS NOT NULL AS present`.execute(trx);
  if (exists.rows[0]?.present !== true) return undefined;
  const result = await sql<{ last: string | null }>`
    SELECT max(note_date)::text AS last FROM case_note
    WHERE la_code = ${laCode} AND case_id = ${caseId} AND person_id = ${personId}
      AND child_seen AND note_type IN (${sql.join(VISIT_NOTE_TYPES)}) AND note_date >= ${since}`.execute(trx);
  return result.rows[0]?.last ?? undefined;
}
