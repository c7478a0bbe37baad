import { randomUUID } from "node:crypto";
import { collectionYearSpan, deriveOc2 } from "@family-story/domain";
import type { LacCheckInput, LacHealthRecord, Oc2Summary } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import { HttpProblem, notFound } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { checkColumns, checkSnapshot, presentCheck, presentImportedOc2, toOc2Check } from "../../presenters/looked-after-health-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { loadChecks, syncLacHealthDue, wantedHealthDue } from "./lac-health-due.ts";
import { childName, loadLacFacts, lockLacChild, presentDue } from "./lac-health-facts.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

const ENTITY = "lac_check";

/** 422 naming the field. */
function unprocessable(field: string, message: string): HttpProblem {
  return new HttpProblem(422, "Check the dates and values", message, { errors: [{ field, message }] });
}

/** A check cannot be dated before the child was born. */
function requireAfterBirth(person: PersonRow, date: string): void {
  if (person.dob !== null && date < person.dob) throw unprocessable("checkDate", `Must be on or after the child’s date of birth (${person.dob})`);
}

/**
 * Health and education checks of a looked-after child: each dated check recorded or corrected
 * recomputes the child's due health assessment, dental check, SDQ and PEP in the same
 * transaction; the OC2 summary of a collection year is derived from them (or shown as imported).
 * Every read and change is audited; the child is scoped by the people rule (404 out of scope).
 */
export class LacHealthRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  private async present(person: PersonRow): Promise<LacHealthRecord> {
    const [facts, checks] = await Promise.all([loadLacFacts(this.db, person.la_code, person.id), loadChecks(this.db, person.la_code, person.id)]);
    const names = await loadUserNames(this.db, checks.map((c) => c.created_by));
    return {
      personId: person.id,
      childName: childName(person),
      dob: person.dob,
      lookedAfterNow: facts.current !== undefined,
      periodStart: facts.latest?.start ?? null,
      checks: checks.map((c) => presentCheck(c, names)),
      due: wantedHealthDue(facts, checks).map((w) => presentDue(w)),
      canWrite: roleCan(this.actor.role, "lac:write"),
    };
  }

  /** The child's checks and what is due next (audited). */
  async get(personId: string): Promise<LacHealthRecord> {
    const { person } = await requireLookedAfterChild(this.db, this.actor, personId);
    const record = await this.present(person);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: person.la_code, action: "looked-after.health.read", personId, entity: "person", entityId: personId, details: { checks: record.checks.length } }]);
    return record;
  }

  /** Records a check and recomputes what is due, in one transaction. */
  async addCheck(personId: string, input: LacCheckInput): Promise<LacHealthRecord> {
    const { person } = await requireLookedAfterChild(this.db, this.actor, personId);
    requireAfterBirth(person, input.checkDate);
    const laCode = person.la_code;
    await this.db.transaction().execute(async (trx) => {
      await lockLacChild(trx, laCode, personId);
      const row = await trx
        .insertInto("lac_check")
        .values({ la_code: laCode, id: randomUUID(), person_id: personId, ...checkColumns(input), created_by: this.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, ENTITY, row.id, row.version, checkSnapshot(row));
      await syncLacHealthDue(trx, this.actor.userId, laCode, personId);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "looked-after.check.create", personId, entity: ENTITY, entityId: row.id, details: { kind: row.kind, checkDate: row.check_date } }]);
    });
    return this.present(person);
  }

  /** Corrects a check (If-Match; its kind stays); what is due moves with it. */
  async correctCheck(personId: string, checkId: string, version: number, input: LacCheckInput): Promise<LacHealthRecord> {
    const { person } = await requireLookedAfterChild(this.db, this.actor, personId);
    const laCode = person.la_code;
    const before = await this.db.selectFrom("lac_check").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).where("id", "=", checkId).executeTakeFirst();
    if (!before) throw notFound("Check");
    if (before.kind !== input.kind) throw unprocessable("kind", "A check keeps its kind: record a new check instead");
    requireAfterBirth(person, input.checkDate);
    await this.db.transaction().execute(async (trx) => {
      await lockLacChild(trx, laCode, personId);
      await applyVersionedUpdate(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode,
        entity: ENTITY,
        id: checkId,
        version,
        before,
        snapshot: checkSnapshot,
        update: () =>
          trx
            .updateTable("lac_check")
            .set((eb) => ({ ...checkColumns(input), version: eb("version", "+", 1) }))
            .where("la_code", "=", laCode)
            .where("id", "=", checkId)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("lac_check").selectAll().where("la_code", "=", laCode).where("id", "=", checkId).executeTakeFirstOrThrow(),
        afterUpdate: () => syncLacHealthDue(trx, this.actor.userId, laCode, personId),
        auditEntries: (row) => [{ laCode, action: "looked-after.check.update", personId, entity: ENTITY, entityId: checkId, details: { kind: row.kind, checkDate: row.check_date, from: before.check_date } }],
      });
    });
    return this.present(person);
  }

  /**
   * The OC2 summary of a collection year (audited): the imported OC2 row where that year was
   * imported, else derived from the checks; both are shown when both exist.
   */
  async oc2(personId: string, year: number): Promise<Oc2Summary> {
    const { person } = await requireLookedAfterChild(this.db, this.actor, personId);
    const laCode = person.la_code;
    const [facts, checks, imported] = await Promise.all([
      loadLacFacts(this.db, laCode, personId),
      loadChecks(this.db, laCode, personId),
      this.db.selectFrom("lac_oc2").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).where("year", "=", year).executeTakeFirst(),
    ]);
    const derivation = deriveOc2({ dob: person.dob, episodes: facts.episodes, checks: checks.map(toOc2Check), year });
    const importedValues = imported ? presentImportedOc2(imported) : null;
    const span = collectionYearSpan(year);
    const notes = [...derivation.notes];
    if (importedValues && !derivation.inCohort) notes.push("An OC2 row was imported for this year although the episodes on record do not put the child in the OC2 cohort.");
    await this.audit.record(actorForAudit(this.actor), [{ laCode, action: "looked-after.oc2.read", personId, entity: "person", entityId: personId, details: { year, source: importedValues ? "imported" : derivation.inCohort ? "derived" : "none" } }]);
    return {
      personId,
      year,
      yearStart: span.from,
      yearEnd: span.to,
      continuouslyLookedAfter: derivation.inCohort,
      ageAtYearEnd: derivation.ageAtYearEnd,
      source: importedValues ? "imported" : derivation.inCohort ? "derived" : "none",
      values: importedValues ?? derivation.flags,
      derived: derivation.flags,
      imported: importedValues,
      notes,
    };
  }
}
