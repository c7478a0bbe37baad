import { randomUUID } from "node:crypto";
import { todayIso } from "@family-story/domain";
import type { LacIro } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { unfit } from "./lac-review-record.ts";
import { refreshReviewDue } from "./lac-review-schedule.ts";
import type { LacChildRow, LookedAfterSubject } from "./lac-scope.ts";

/** The looked-after record's fields a conflict message compares. */
function lacChildSnapshot(row: LacChildRow): Record<string, unknown> {
  return { iroId: row.iro_id, mother: row.mother, mcDob: row.mc_dob, uascCeased: row.uasc_ceased, prevPerm: row.prev_perm, laPerm: row.la_perm, datePerm: row.date_perm };
}

/**
 * Makes an active IRO of the child's authority the child's IRO (If-Match on the looked-after
 * record, 412 when stale). The next review due moves to their tray, and the change is kept in
 * the child's chronology. Returns the new IRO and record version.
 */
export async function assignIro(db: Kysely<Database>, actor: Actor, audit: AuditLog, subject: LookedAfterSubject, version: number, iroId: string): Promise<LacIro> {
  const { la_code: laCode, person_id: personId } = subject.lac;
  const iro = await db.selectFrom("app_user").select(["id", "display_name", "role", "active", "la_code"]).where("id", "=", iroId).executeTakeFirst();
  if (!iro?.active || iro.role !== "iro" || iro.la_code !== laCode) {
    throw unfit("iroId", "Choose an active independent reviewing officer of the child’s authority", "Choose an IRO");
  }
  const updated = await db.transaction().execute(async (trx) => {
    const row = await applyVersionedUpdate(trx, {
      actor,
      audit,
      laCode,
      entity: "lac_child",
      id: personId,
      version,
      before: subject.lac,
      snapshot: lacChildSnapshot,
      update: () =>
        trx
          .updateTable("lac_child")
          .set((eb) => ({ iro_id: iro.id, updated_at: new Date(), version: eb("version", "+", 1) }))
          .where("la_code", "=", laCode)
          .where("person_id", "=", personId)
          .where("version", "=", version)
          .returningAll()
          .executeTakeFirst(),
      current: () => trx.selectFrom("lac_child").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).executeTakeFirstOrThrow(),
      afterUpdate: async () => {
        await refreshReviewDue(trx, laCode, personId);
        if (subject.lac.iro_id !== iro.id) {
          await recordCaseEvent(trx, actor.userId, { laCode, personId, caseId: subject.lac.case_id, occurredOn: todayIso(), kind: "iro_assigned", service: "looked_after", title: `Independent reviewing officer: ${iro.display_name}`, sourceEntity: "lac_child_iro", sourceId: randomUUID() });
        }
      },
      auditEntries: (row) => [{ laCode, action: "looked_after.iro.assign", personId, entity: "lac_child", entityId: personId, details: { from: subject.lac.iro_id, to: row.iro_id } }],
    });
    return row;
  });
  return { personId, iro: { id: iro.id, name: iro.display_name }, version: updated.version };
}
