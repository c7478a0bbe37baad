import { ceaseCare, recordChange, startPeriodOfCare, type EpisodeResult } from "@family-story/domain";
import type { EpisodePatch, LookedAfterCease, LookedAfterChange, LookedAfterRecord, LookedAfterStart, UascUpdate } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database, PersonRow } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { personSnapshot } from "../../presenters/person-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { ensureVersionRecorded, recordVersion } from "../versioning.ts";
import { correctEpisode } from "./lac-episode-correction.ts";
import { loadEpisodeRows, persistEpisodes, refusal, toEpisode, type LacEpisodeRow, type PersistedChange } from "./lac-episodes.ts";
import { placementFrom, requirePastDate, unprocessable } from "./lac-placement-input.ts";
import { loadLookedAfterRecord } from "./lac-record.ts";
import { findLookedAfterChild, requireVisiblePerson, type LacChildRow } from "./lac-scope.ts";
import { refreshLacVisitDue } from "./lac-visit-due.ts";
import { ensureLookedAfterCase } from "./open-looked-after.ts";
import { syncLacHealthDue } from "./lac-health-due.ts";
import { syncCareLeaverDue } from "./lac-leaving-care-due.ts";
import { refreshReviewDue } from "./lac-review-schedule.ts";

/** One change to a child's episodes in progress, inside its transaction. */
export interface LacStep {
  trx: Transaction<Database>;
  person: PersonRow;
  lac: LacChildRow;
  caseRow: CaseRow;
  rows: LacEpisodeRow[];
}

/** The 409 for recording on a child who is not looked after. */
function notLookedAfter(): HttpProblem {
  return new HttpProblem(409, "Not possible as the record stands", "The child is not looked after at the moment: start a period of care first.");
}

/** The field a refused change is about, from the derivation's reason. */
function changeField(reason: string): string {
  if (/why the placement changed/.test(reason)) return "reasonPlaceChange";
  if (/carers/.test(reason)) return "sameCarers";
  if (/Nothing has changed/.test(reason)) return "legalStatus";
  return "changeDate";
}

/**
 * A child's periods of care: started, changed and ended by what the worker records, with the
 * SSDA903 episodes derived by @family-story/domain (episode-derivation.ts). Every change runs
 * in one transaction that locks the child's looked-after record, writes the episodes, the
 * chronology and the visit due date, and audits. Reads are audited too.
 */
export class LookedAfterRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The child's looked-after record (404 when out of scope); audited as looked_after.read. */
  async get(personId: string): Promise<LookedAfterRecord> {
    const person = await requireVisiblePerson(this.db, this.actor, personId);
    const lac = await this.db.selectFrom("lac_child").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).executeTakeFirst();
    const record = await loadLookedAfterRecord(this.db, person, lac);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked_after.read", personId, entity: "person", entityId: personId, details: { status: record.status } }]);
    return record;
  }

  /** Starts a period of care: opens (or reopens) the looked-after case and the first episode, RNE S. */
  async start(personId: string, input: LookedAfterStart): Promise<LookedAfterRecord> {
    const person = await requireVisiblePerson(this.db, this.actor, personId);
    requirePastDate(person, "startDate", input.startDate);
    await this.db.transaction().execute(async (trx) => {
      const opened = await ensureLookedAfterCase(trx, this.actor, { laCode: person.la_code, personId, openedOn: input.startDate, allocatedTo: input.allocatedTo ?? null, ...(input.iroId !== undefined && { iroId: input.iroId }) });
      const rows = await loadEpisodeRows(trx, person.la_code, personId);
      const placement = await placementFrom(trx, person.la_code, input);
      const result = startPeriodOfCare(rows.map(toEpisode), { date: input.startDate, legalStatus: input.legalStatus, cin: input.categoryOfNeed, placement, homePostcode: input.homePostcode ?? null });
      await this.finish({ trx, person, lac: opened.lac, caseRow: opened.caseRow, rows }, result, "startDate", (changes) => ({
        action: "looked_after.start",
        details: { caseId: opened.caseRow.id, caseCreated: opened.created, caseReopened: opened.reopened, episodes: changes.map((c) => c.row.id) },
      }));
    });
    return this.present(person);
  }

  /** A change of legal status and/or placement: the current episode closes (X1) and the next opens. */
  async change(personId: string, input: LookedAfterChange): Promise<LookedAfterRecord> {
    return this.step(personId, "changeDate", input.changeDate, async (s) => {
      const placement = input.place === undefined ? undefined : await placementFrom(s.trx, s.person.la_code, { ...input, place: input.place });
      const result = recordChange(s.rows.map(toEpisode), {
        date: input.changeDate,
        sameCarers: input.sameCarers,
        ...(input.legalStatus !== undefined && { legalStatus: input.legalStatus }),
        ...(placement !== undefined && { placement }),
        ...(input.reasonPlaceChange !== undefined && input.reasonPlaceChange !== null && { reasonPlaceChange: input.reasonPlaceChange }),
      });
      return { result, field: result.ok ? "changeDate" : changeField(result.reason), action: "looked_after.change" };
    });
  }

  /** Care ends: the open episode closes with the reason (REC). */
  async cease(personId: string, input: LookedAfterCease): Promise<LookedAfterRecord> {
    return this.step(personId, "endDate", input.endDate, (s) => Promise.resolve({ result: ceaseCare(s.rows.map(toEpisode), { date: input.endDate, rec: input.reasonCeased }), field: "endDate", action: "looked_after.cease" }));
  }

  /** Corrects one episode's recorded fields with If-Match (412 when stale). */
  async correctEpisode(personId: string, episodeId: string, version: number, input: EpisodePatch): Promise<LookedAfterRecord> {
    const found = await findLookedAfterChild(this.db, this.actor, personId);
    if (!found) throw new HttpProblem(404, "Episode not found", "This child has no episode with that identifier.");
    await this.db.transaction().execute(async (trx) => {
      const lac = await trx.selectFrom("lac_child").selectAll().where("la_code", "=", found.person.la_code).where("person_id", "=", personId).forUpdate().executeTakeFirstOrThrow();
      const rows = await loadEpisodeRows(trx, found.person.la_code, personId);
      const changed = await correctEpisode(trx, this.actor, { laCode: found.person.la_code, personId, caseId: lac.case_id }, rows, episodeId, version, input);
      await refreshLacVisitDue(trx, found.person.la_code, lac.case_id);
      await this.refreshDue(trx, found.person.la_code, personId);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: found.person.la_code, action: "looked_after.episode.correct", personId, entity: "lac_episode", entityId: episodeId, reason: input.reason ?? null, details: { episodes: changed.map((r) => ({ id: r.id, version: r.version })) } },
      ]);
    });
    return this.present(found.person);
  }

  /** UASC status (on the person) and the day it ceased (DUC, on the looked-after record). */
  async setUasc(personId: string, input: UascUpdate): Promise<LookedAfterRecord> {
    const found = await findLookedAfterChild(this.db, this.actor, personId);
    if (!found) throw notLookedAfter();
    const ceasedOn = input.uasc ? (input.ceasedOn ?? null) : null;
    if (ceasedOn !== null) requirePastDate(found.person, "ceasedOn", ceasedOn);
    const { person } = found;
    await this.db.transaction().execute(async (trx) => {
      if (person.uasc !== input.uasc) {
        await ensureVersionRecorded(trx, person.la_code, "person", person.id, person.version, personSnapshot(person));
        const updated = await trx
          .updateTable("person")
          .set((eb) => ({ uasc: input.uasc, updated_at: new Date(), updated_by: this.actor.userId, version: eb("version", "+", 1) }))
          .where("la_code", "=", person.la_code)
          .where("id", "=", person.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordVersion(trx, this.actor, person.la_code, "person", person.id, updated.version, personSnapshot(updated));
      }
      await trx.updateTable("lac_child").set((eb) => ({ uasc_ceased: ceasedOn, updated_at: new Date(), version: eb("version", "+", 1) })).where("la_code", "=", person.la_code).where("person_id", "=", person.id).execute();
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked_after.uasc", personId, entity: "person", entityId: personId, details: { uasc: input.uasc, ceasedOn } }]);
    });
    const fresh = await requireVisiblePerson(this.db, this.actor, personId);
    return this.present(fresh);
  }

  /**
   * Runs a change or cease: scopes the child (404), requires a looked-after record (409),
   * checks the date, locks the record and applies the derivation the step returns.
   */
  private async step(personId: string, dateField: string, date: string, work: (s: LacStep) => Promise<{ result: EpisodeResult; field: string; action: string }>): Promise<LookedAfterRecord> {
    const found = await findLookedAfterChild(this.db, this.actor, personId);
    if (!found) throw notLookedAfter();
    requirePastDate(found.person, dateField, date);
    await this.db.transaction().execute(async (trx) => {
      const lac = await trx.selectFrom("lac_child").selectAll().where("la_code", "=", found.person.la_code).where("person_id", "=", personId).forUpdate().executeTakeFirstOrThrow();
      const caseRow = await trx.selectFrom("casework_case").selectAll().where("la_code", "=", lac.la_code).where("id", "=", lac.case_id).executeTakeFirstOrThrow();
      const rows = await loadEpisodeRows(trx, lac.la_code, personId);
      const s: LacStep = { trx, person: found.person, lac, caseRow, rows };
      const { result, field, action } = await work(s);
      await this.finish(s, result, field, (changes) => ({ action, details: { caseId: caseRow.id, episodes: changes.map((c) => ({ kind: c.kind, id: c.row.id })) } }));
    });
    return this.present(found.person);
  }

  /** Writes a derivation's result, moves the visit due date and audits, in the step's transaction. */
  private async finish(s: LacStep, result: EpisodeResult, field: string, audit: (changes: PersistedChange[]) => Pick<AuditEntry, "action" | "details">): Promise<void> {
    if (!result.ok && /temporary placement/.test(result.reason)) throw unprocessable("place", result.reason);
    refusal(result, field);
    const changes = await persistEpisodes(s.trx, this.actor, { laCode: s.person.la_code, personId: s.person.id, caseId: s.caseRow.id }, s.rows, result);
    await refreshLacVisitDue(s.trx, s.person.la_code, s.caseRow.id);
    await this.refreshDue(s.trx, s.person.la_code, s.person.id);
    const entry = audit(changes);
    await this.audit.appendInTransaction(s.trx, actorForAudit(this.actor), [{ laCode: s.person.la_code, action: entry.action, personId: s.person.id, entity: "person", entityId: s.person.id, details: entry.details ?? {} }]);
  }

  /** Everything due that a change to the episodes moves: reviews, health and education, leaving care. */
  private async refreshDue(trx: Transaction<Database>, laCode: string, personId: string): Promise<void> {
    await refreshReviewDue(trx, laCode, personId);
    await syncLacHealthDue(trx, this.actor.userId, laCode, personId);
    await syncCareLeaverDue(trx, this.actor.userId, laCode, personId);
  }

  private async present(person: PersonRow): Promise<LookedAfterRecord> {
    const lac = await this.db.selectFrom("lac_child").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).executeTakeFirst();
    return loadLookedAfterRecord(this.db, person, lac);
  }
}
