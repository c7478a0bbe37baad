import { randomUUID } from "node:crypto";
import { caseNoteLocksAt, isVisitType, todayIso } from "@family-story/domain";
import type { CaseNote, CaseNoteCreate, CaseNoteUpdate, CaseNoteWithHistory } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { CaseNoteRow, CaseRow, Database } from "../../db/database-types.ts";
import { HttpProblem, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { caseNoteSnapshot, presentCaseNote, presentCaseNoteVersion } from "../../presenters/case-note-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import type { CaseRepository } from "../casework/case-repository.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { loadLocalStandards } from "../casework/settings-repository.ts";
import type { PersonRepository } from "../person-repository.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "../versioning.ts";
import { refreshVisitDue } from "../social-care/visit-due.ts";
import { refreshLacVisitDue } from "../looked-after/lac-visit-due.ts";
import { visibleNotes } from "./note-scope.ts";

const ENTITY = "case_note";

/**
 * A note records what happened, so it cannot be dated after today (London), nor on a case
 * before the case opened: a future visit would move the child's next statutory visit and hide
 * one that is overdue.
 */
function requireNoteDate(noteDate: string, caseOpenedOn: string | null): void {
  const bad = (message: string, detail: string) => new HttpProblem(422, "Check the date of the note", detail, { errors: [{ field: "noteDate", message }] });
  if (noteDate > todayIso()) throw bad("Must be today or in the past", "A note records something that has happened, so it cannot be dated in the future.");
  if (caseOpenedOn !== null && noteDate < caseOpenedOn) throw bad(`Must be on or after ${caseOpenedOn}, when the case opened`, "A note on a case cannot be dated before the case opened. Record it on no case, or correct the date.");
}

/**
 * Case notes: visits, calls and meetings about a person, on a case or not. A note is visible
 * exactly when its person is. Its author may edit it until it locks (the local standard's
 * hours after writing); after that, or for anyone else, a change is an amendment with a
 * reason. Every version is kept in record_history.
 */
export class CaseNoteRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly cases: CaseRepository,
    private readonly people: PersonRepository,
  ) {}

  private canWrite(): boolean {
    return roleCan(this.actor.role, "case:write");
  }

  private async present(rows: CaseNoteRow[]): Promise<CaseNote[]> {
    const names = await loadUserNames(this.db, rows.flatMap((r) => [r.created_by, r.updated_by]));
    return rows.map((r) => presentCaseNote(r, names, this.canWrite()));
  }

  /** Records a note about a person (a member of the case, when one is given). */
  async create(personId: string, input: CaseNoteCreate): Promise<CaseNote> {
    const person = await this.people.requireVisibleRow(personId);
    const caseRow = input.caseId !== undefined ? await this.cases.requireOpenCase(input.caseId) : null;
    if (caseRow) await this.requireMember(caseRow, personId);
    requireNoteDate(input.noteDate, caseRow?.opened_on ?? null);
    const laCode = caseRow?.la_code ?? person.la_code;
    const standards = await loadLocalStandards(this.db, laCode);
    const now = new Date();
    const id = randomUUID();
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("case_note")
        .values({
          la_code: laCode,
          id,
          person_id: personId,
          case_id: caseRow?.id ?? null,
          note_date: input.noteDate,
          note_type: input.noteType,
          present: input.present ?? null,
          child_seen: input.childSeen ?? null,
          seen_alone: input.seenAlone ?? null,
          body: input.body,
          locks_at: caseNoteLocksAt(now.toISOString(), standards),
          created_at: now,
          created_by: this.actor.userId,
          updated_at: now,
          updated_by: this.actor.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, ENTITY, id, created.version, { ...caseNoteSnapshot(created), changeKind: "original", reason: null });
      await this.afterVisit(trx, [created.note_type], caseRow);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "case-note.create", personId, entity: ENTITY, entityId: id, details: { caseId: created.case_id, noteType: created.note_type } }]);
      return created;
    });
    const [note] = await this.present([row]);
    if (!note) throw new Error("note not presented");
    return note;
  }

  /** When the case the note is on opened (null for a note on no case). */
  private async caseOpenedOn(row: CaseNoteRow): Promise<string | null> {
    if (row.case_id === null) return null;
    const c = await this.db.selectFrom("casework_case").select("opened_on").where("la_code", "=", row.la_code).where("id", "=", row.case_id).executeTakeFirst();
    return c?.opened_on ?? null;
  }

  private async requireMember(caseRow: CaseRow, personId: string): Promise<void> {
    if (caseRow.subject_person_id === personId) return;
    const member = await this.db.selectFrom("case_member").select("person_id").where("la_code", "=", caseRow.la_code).where("case_id", "=", caseRow.id).where("person_id", "=", personId).executeTakeFirst();
    if (!member) throw new HttpProblem(422, "This person is not on that case", "Record the note on a case the person belongs to, or on no case.", { errors: [{ field: "caseId", message: "The person is not a member of this case" }] });
  }

  /** A visit on a social care or looked-after case moves the child's next statutory visit. */
  private async afterVisit(trx: Transaction<Database>, noteTypes: string[], caseRow: CaseRow | null): Promise<void> {
    if (caseRow?.kind === "social_care" && noteTypes.some(isVisitType)) await refreshVisitDue(trx, caseRow.la_code, caseRow.id);
    if (caseRow?.kind === "looked_after" && noteTypes.some(isVisitType)) await refreshLacVisitDue(trx, caseRow.la_code, caseRow.id);
  }

  /** The note if its person is visible to the actor. */
  private async findVisible(id: string): Promise<CaseNoteRow | undefined> {
    const row = await this.db.selectFrom("case_note").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    return (await this.people.findVisibleRow(row.person_id)) ? row : undefined;
  }

  /** One note with every version, oldest first (audited). */
  async get(id: string): Promise<CaseNoteWithHistory> {
    const row = await this.findVisible(id);
    if (!row) throw notFound("Case note");
    const history = await this.db.selectFrom("record_history").select(["version", "data", "changed_by_name", "changed_at"]).where("la_code", "=", row.la_code).where("entity", "=", ENTITY).where("entity_id", "=", id).orderBy("version").execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: row.la_code, action: "case-note.read", personId: row.person_id, entity: ENTITY, entityId: id }]);
    const [note] = await this.present([row]);
    if (!note) throw new Error("note not presented");
    return { ...note, history: history.map(presentCaseNoteVersion) };
  }

  /** A person's notes, newest first, optionally only those of one case (audited). */
  async listForPerson(personId: string, caseId?: string): Promise<CaseNote[]> {
    const person = await this.people.requireVisibleRow(personId);
    let q = this.db.selectFrom("case_note").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", personId);
    if (caseId !== undefined) q = q.where("case_id", "=", caseId);
    const rows = await q.orderBy("note_date", "desc").orderBy("created_at", "desc").execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "case-note.list", personId, entity: "person", entityId: personId, details: { count: rows.length, caseId: caseId ?? null } }]);
    return this.present(rows);
  }

  /** The notes of a case (about any of its members), newest first (audited). */
  async listForCase(caseId: string): Promise<CaseNote[]> {
    const caseRow = await this.cases.requireVisibleCase(caseId);
    const rows = await this.db
      .selectFrom("case_note")
      .selectAll()
      .where("la_code", "=", caseRow.la_code)
      .where("case_id", "=", caseId)
      // The case is visible through its child; each note still needs its own person visible.
      .where(visibleNotes(this.actor))
      .orderBy("note_date", "desc").orderBy("created_at", "desc").execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: caseRow.la_code, action: "case-note.list", personId: caseRow.subject_person_id, entity: "case", entityId: caseId, details: { count: rows.length } }]);
    return this.present(rows);
  }

  /**
   * Changes a note with If-Match. Its author edits it until it locks; after that, or for
   * anyone else, the change is an amendment and needs a reason. Either way a new version.
   */
  async update(id: string, version: number, input: CaseNoteUpdate): Promise<CaseNote> {
    const before = await this.findVisible(id);
    if (!before) throw notFound("Case note");
    const locked = before.locks_at.getTime() <= Date.now();
    const amendment = locked || before.created_by !== this.actor.userId;
    const reason = input.reason ?? null;
    if (amendment && reason === null) {
      const why = locked ? "This note is locked, so a change is kept as an amendment." : "This note is someone else's, so a change is kept as an amendment.";
      throw new HttpProblem(422, "Give a reason for the amendment", `${why} Say why it is being amended.`, { errors: [{ field: "reason", message: "Enter the reason for the amendment" }] });
    }
    requireNoteDate(input.noteDate, await this.caseOpenedOn(before));
    const caseRow = before.case_id === null ? null : ((await this.cases.findVisibleCase(before.case_id)) ?? null);
    const row = await this.db.transaction().execute(async (trx) => {
      await ensureVersionRecorded(trx, before.la_code, ENTITY, id, before.version, { ...caseNoteSnapshot(before), changeKind: "original", reason: null });
      const updated = await trx
        .updateTable("case_note")
        .set((eb) => ({
          note_date: input.noteDate,
          note_type: input.noteType,
          present: input.present ?? null,
          child_seen: input.childSeen ?? null,
          seen_alone: input.seenAlone ?? null,
          body: input.body,
          updated_at: new Date(),
          updated_by: this.actor.userId,
          version: eb("version", "+", 1),
        }))
        .where("la_code", "=", before.la_code)
        .where("id", "=", id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) {
        const current = await trx.selectFrom("case_note").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow();
        throw await conflictProblem(trx, before.la_code, ENTITY, id, version, caseNoteSnapshot(current), current.version);
      }
      await recordVersion(trx, this.actor, before.la_code, ENTITY, id, updated.version, { ...caseNoteSnapshot(updated), changeKind: amendment ? "amendment" : "edit", reason });
      await this.afterVisit(trx, [before.note_type, updated.note_type], caseRow);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: before.la_code, action: amendment ? "case-note.amend" : "case-note.update", personId: before.person_id, entity: ENTITY, entityId: id, reason, details: { version: updated.version } },
      ]);
      return updated;
    });
    const [note] = await this.present([row]);
    if (!note) throw new Error("note not presented");
    return note;
  }
}
