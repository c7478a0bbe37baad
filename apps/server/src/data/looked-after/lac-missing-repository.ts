import { randomUUID } from "node:crypto";
import { MISSING_TYPES, codeLabel, isLookedAfterOn, returnHomeInterviewDueDate, todayIso } from "@family-story/domain";
import type { MissingCreate, MissingEpisode, MissingPatch } from "@family-story/schemas";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacMissingTable } from "../../db/looked-after-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { presentMissing } from "../../presenters/looked-after-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { completeWorkItem, upsertWorkItem } from "../casework/work-items.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "../versioning.ts";
import { loadEpisodeRows, toEpisode } from "./lac-episodes.ts";
import { requirePastDate, unprocessable } from "./lac-placement-input.ts";
import { findLookedAfterChild, type LookedAfterSubject } from "./lac-scope.ts";

type MissingRow = Selectable<LacMissingTable>;
const ENTITY = "lac_missing";
export const RHI_KIND = "rhi_due";

function missingSnapshot(r: MissingRow): Record<string, unknown> {
  return { missingType: r.missing_type, startDate: r.start_date, endDate: r.end_date, rhiOfferedOn: r.rhi_offered_on, rhiAccepted: r.rhi_accepted, notes: r.notes };
}

/**
 * Keeps the return home interview's work item in step with the episode: due 72 hours (3 days)
 * after the child came back, done once it was offered, cancelled while the child is still away.
 */
async function syncRhi(trx: Transaction<Database>, actor: Actor, row: MissingRow, caseRow: { id: string; allocated_to: string | null; team_id: string | null }): Promise<void> {
  const base = { laCode: row.la_code, kind: RHI_KIND, sourceEntity: ENTITY, sourceId: row.id };
  if (row.end_date === null) {
    await trx.updateTable("work_item").set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) })).where("la_code", "=", row.la_code).where("kind", "=", RHI_KIND).where("source_entity", "=", ENTITY).where("source_id", "=", row.id).where("status", "=", "open").execute();
    return;
  }
  await upsertWorkItem(trx, actor.userId, { ...base, caseId: caseRow.id, personId: row.person_id, title: "Offer a return home interview", dueDate: returnHomeInterviewDueDate(row.end_date), assignedTo: caseRow.allocated_to, teamId: caseRow.team_id });
  if (row.rhi_offered_on !== null) await completeWorkItem(trx, actor.userId, row.la_code, RHI_KIND, ENTITY, row.id);
}

/**
 * Missing and away-from-placement episodes of a looked-after child (the SSDA903 Missing table),
 * with the return home interview. Scoped through the child; every change audited.
 */
export class LacMissingRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  private async child(personId: string): Promise<LookedAfterSubject> {
    const found = await findLookedAfterChild(this.db, this.actor, personId);
    if (!found) throw new HttpProblem(409, "Not possible as the record stands", "This child has never been looked after: a missing episode is recorded for a looked-after child.");
    return found;
  }

  /** The child's missing episodes, newest first (audited). */
  async list(personId: string): Promise<MissingEpisode[]> {
    const { person } = await this.child(personId);
    const rows = await this.db.selectFrom("lac_missing").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", personId).orderBy("start_date", "desc").execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked_after.missing.list", personId, entity: "person", entityId: personId, details: { count: rows.length } }]);
    const today = todayIso();
    return rows.map((r) => presentMissing(r, today));
  }

  /** Records a missing (M) or away (A) episode; the child must have been looked after when it started. */
  async create(personId: string, input: MissingCreate): Promise<MissingEpisode> {
    const { person, lac } = await this.child(personId);
    this.checkDates(person, input);
    const row = await this.db.transaction().execute(async (trx) => {
      await this.checkStart(trx, person.la_code, personId, input.startDate);
      const created = await trx
        .insertInto("lac_missing")
        .values({ la_code: person.la_code, id: randomUUID(), person_id: personId, missing_type: input.missingType, start_date: input.startDate, end_date: input.endDate ?? null, rhi_offered_on: input.rhiOfferedOn ?? null, rhi_accepted: input.rhiAccepted ?? null, notes: input.notes ?? null, created_by: this.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, person.la_code, ENTITY, created.id, created.version, missingSnapshot(created));
      await this.after(trx, created, lac.case_id);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked_after.missing.create", personId, entity: ENTITY, entityId: created.id, details: { missingType: created.missing_type } }]);
      return created;
    });
    return presentMissing(row, todayIso());
  }

  /** Records the return, the interview, or corrects the episode (If-Match). */
  async update(personId: string, id: string, version: number, input: MissingPatch): Promise<MissingEpisode> {
    const { person, lac } = await this.child(personId);
    const before = await this.db.selectFrom("lac_missing").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", personId).where("id", "=", id).executeTakeFirst();
    if (!before) throw new HttpProblem(404, "Missing episode not found", "This child has no missing episode with that identifier.");
    const merged = {
      missingType: input.missingType ?? before.missing_type,
      startDate: input.startDate ?? before.start_date,
      endDate: input.endDate !== undefined ? input.endDate : before.end_date,
      rhiOfferedOn: input.rhiOfferedOn !== undefined ? input.rhiOfferedOn : before.rhi_offered_on,
      rhiAccepted: input.rhiAccepted !== undefined ? input.rhiAccepted : before.rhi_accepted,
      notes: input.notes !== undefined ? input.notes : before.notes,
    };
    this.checkDates(person, merged);
    const row = await this.db.transaction().execute(async (trx) => {
      if (merged.startDate !== before.start_date) await this.checkStart(trx, person.la_code, personId, merged.startDate);
      await ensureVersionRecorded(trx, person.la_code, ENTITY, id, before.version, missingSnapshot(before));
      const updated = await trx
        .updateTable("lac_missing")
        .set((eb) => ({ missing_type: merged.missingType, start_date: merged.startDate, end_date: merged.endDate, rhi_offered_on: merged.rhiOfferedOn, rhi_accepted: merged.rhiAccepted, notes: merged.notes, version: eb("version", "+", 1) }))
        .where("la_code", "=", person.la_code)
        .where("id", "=", id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const current = await trx.selectFrom("lac_missing").selectAll().where("la_code", "=", person.la_code).where("id", "=", id).executeTakeFirstOrThrow();
        throw await conflictProblem(trx, person.la_code, ENTITY, id, version, missingSnapshot(current), current.version);
      }
      await recordVersion(trx, this.actor, person.la_code, ENTITY, id, updated.version, missingSnapshot(updated));
      await this.after(trx, updated, lac.case_id);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked_after.missing.update", personId, entity: ENTITY, entityId: id, details: { version: updated.version } }]);
      return updated;
    });
    return presentMissing(row, todayIso());
  }

  /** The child was looked after on the start day, and no other episode starts that day. */
  private async checkStart(trx: Transaction<Database>, laCode: string, personId: string, startDate: string): Promise<void> {
    const episodes = (await loadEpisodeRows(trx, laCode, personId)).map(toEpisode);
    if (!isLookedAfterOn(episodes, startDate)) throw unprocessable("startDate", "The child was not looked after on this day");
    const clash = await trx.selectFrom("lac_missing").select("id").where("la_code", "=", laCode).where("person_id", "=", personId).where("start_date", "=", startDate).executeTakeFirst();
    if (clash) throw new HttpProblem(409, "Already recorded", "This child already has a missing episode starting that day: correct it instead.", { errors: [{ field: "startDate", message: "An episode already starts this day" }] });
  }

  /** No day in the future or before birth; the return and the interview not before the start; an interview only after a return. */
  private checkDates(person: Parameters<typeof requirePastDate>[0], v: { startDate: string; endDate?: string | null | undefined; rhiOfferedOn?: string | null | undefined; rhiAccepted?: boolean | null | undefined }): void {
    requirePastDate(person, "startDate", v.startDate);
    if (v.endDate !== undefined && v.endDate !== null) {
      requirePastDate(person, "endDate", v.endDate);
      if (v.endDate < v.startDate) throw unprocessable("endDate", "Must be on or after the start");
    }
    if (v.rhiOfferedOn !== undefined && v.rhiOfferedOn !== null) {
      requirePastDate(person, "rhiOfferedOn", v.rhiOfferedOn);
      if (v.endDate === undefined || v.endDate === null) throw unprocessable("rhiOfferedOn", "Record when the child came back before the return home interview");
      if (v.rhiOfferedOn < v.endDate) throw unprocessable("rhiOfferedOn", "Must be on or after the day the child came back");
    } else if (v.rhiAccepted !== undefined && v.rhiAccepted !== null) {
      throw unprocessable("rhiAccepted", "Record when the interview was offered before whether it was accepted");
    }
  }

  /** The chronology event and the interview's work item, in the change's transaction. */
  private async after(trx: Transaction<Database>, row: MissingRow, caseId: string): Promise<void> {
    const caseRow = await trx.selectFrom("casework_case").select(["id", "allocated_to", "team_id"]).where("la_code", "=", row.la_code).where("id", "=", caseId).executeTakeFirstOrThrow();
    const what = row.missing_type === null ? "Missing" : codeLabel<string>(MISSING_TYPES, row.missing_type);
    await recordCaseEvent(trx, this.actor.userId, { laCode: row.la_code, personId: row.person_id, caseId, occurredOn: row.start_date, kind: "missing", service: "looked_after", title: row.end_date === null ? `${what} (not yet returned)` : `${what} until ${row.end_date}`, sourceEntity: ENTITY, sourceId: row.id });
    await syncRhi(trx, this.actor, row, caseRow);
  }
}
