import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";

/** A due date or task as a module states it; the work tray reads these. */
export interface DueItem {
  laCode: string;
  /** What is due, e.g. assessment_due, icpc_due, visit_due, authorisation, task. */
  kind: string;
  /** The record the item is about and whose events move it (one open item per kind and source). */
  sourceEntity: string;
  sourceId: string;
  caseId: string | null;
  personId: string | null;
  title: string;
  dueDate: string | null;
  dueAt?: Date | null;
  assignedTo: string | null;
  teamId: string | null;
}

/**
 * Creates the item or moves it (a corrected date recomputes the due date; a done item whose
 * event is undone reopens). Call inside the transaction that records the event.
 */
export async function upsertWorkItem(trx: Transaction<Database>, createdBy: string | null, item: DueItem): Promise<void> {
  await trx
    .insertInto("work_item")
    .values({
      la_code: item.laCode,
      id: randomUUID(),
      kind: item.kind,
      source_entity: item.sourceEntity,
      source_id: item.sourceId,
      case_id: item.caseId,
      person_id: item.personId,
      title: item.title,
      due_date: item.dueDate,
      due_at: item.dueAt ?? null,
      assigned_to: item.assignedTo,
      team_id: item.teamId,
      created_by: createdBy,
    })
    .onConflict((oc) =>
      oc.columns(["la_code", "kind", "source_entity", "source_id"]).doUpdateSet((eb) => ({
        title: eb.ref("excluded.title"),
        due_date: eb.ref("excluded.due_date"),
        due_at: eb.ref("excluded.due_at"),
        assigned_to: eb.ref("excluded.assigned_to"),
        team_id: eb.ref("excluded.team_id"),
        status: "open",
        completed_at: null,
        completed_by: null,
        version: eb("work_item.version", "+", 1),
      })),
    )
    .execute();
}

/** Marks the item done because the event it waited for happened; no-op if there is none. */
export async function completeWorkItem(trx: Transaction<Database>, completedBy: string, laCode: string, kind: string, sourceEntity: string, sourceId: string): Promise<void> {
  await trx
    .updateTable("work_item")
    .set((eb) => ({ status: "done", completed_at: new Date(), completed_by: completedBy, version: eb("version", "+", 1) }))
    .where("la_code", "=", laCode)
    .where("kind", "=", kind)
    .where("source_entity", "=", sourceEntity)
    .where("source_id", "=", sourceId)
    .where("status", "=", "open")
    .execute();
}

/** Cancels every open item of a case (the case closed, so nothing on it is due any more). */
export async function cancelCaseWorkItems(trx: Transaction<Database>, laCode: string, caseId: string): Promise<void> {
  await trx
    .updateTable("work_item")
    .set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) }))
    .where("la_code", "=", laCode)
    .where("case_id", "=", caseId)
    .where("status", "=", "open")
    .execute();
}

/** Moves a case's open items from its previous worker to the new one (tasks others own stay). */
export async function reassignCaseWorkItems(trx: Transaction<Database>, laCode: string, caseId: string, from: string | null, to: string | null, teamId: string | null): Promise<void> {
  await trx
    .updateTable("work_item")
    .set((eb) => ({ assigned_to: to, team_id: teamId, version: eb("version", "+", 1) }))
    .where("la_code", "=", laCode)
    .where("case_id", "=", caseId)
    .where("status", "=", "open")
    .where((eb) => (from === null ? eb("assigned_to", "is", null) : eb("assigned_to", "=", from)))
    .execute();
}
