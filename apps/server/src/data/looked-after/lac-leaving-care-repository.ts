import { randomUUID } from "node:crypto";
import { addCalendarMonths, isCareLeaver, ordinal } from "@family-story/domain";
import type { CareLeaverRecord, Oc3Input, PathwayPlanInput } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { oc3Columns, oc3Snapshot, pathwayPlanColumns, pathwayPlanSnapshot, presentCareLeaver } from "../../presenters/looked-after-leaving-care-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { childName, loadLacFacts, presentDue } from "./lac-health-facts.ts";
import { loadOc3, loadPathwayPlans, syncCareLeaverDue, wantedLeavingCareDue } from "./lac-leaving-care-due.ts";
import { found } from "./lac-permanence-orders.ts";
import { requireAfterBirth, runLacStep, unprocessable, type PermanenceStep, type StepContext } from "./lac-permanence-step.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

/** Pathway plans are reviewed at least every 6 months. */
export const PATHWAY_PLAN_REVIEW_MONTHS = 6;

/** OC3 rows are keyed by year, not id: their history is kept per child under one entity per year. */
const oc3Entity = (year: number): string => `lac_oc3:${String(year)}`;

/**
 * Care leavers: in touch, activity and accommodation around each birthday from 17 to 21 (OC3,
 * one record per collection year) and pathway plans. Each change recomputes the next contact
 * due and the plan's review on the work tray in the same transaction; reads are audited.
 */
export class LacLeavingCareRepository {
  private readonly ctx: StepContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog) {
    this.ctx = { db, actor, audit };
  }

  private async load(personId: string): Promise<{ record: CareLeaverRecord; laCode: string }> {
    const { db, actor } = this.ctx;
    const { person } = await requireLookedAfterChild(db, actor, personId);
    const la = person.la_code;
    const [facts, oc3, plans] = await Promise.all([loadLacFacts(db, la, personId), loadOc3(db, la, personId), loadPathwayPlans(db, la, personId)]);
    const due = wantedLeavingCareDue(facts, oc3, plans);
    const record = presentCareLeaver({
      personId,
      childName: childName(person),
      dob: person.dob,
      careLeaver: person.dob !== null && isCareLeaver(person.dob, facts.episodes),
      birthdays: due.birthdays,
      oc3,
      plans,
      nextContact: due.contact.dueDate === null ? null : presentDue(due.contact),
      nextPlanReview: due.planReview.dueDate === null ? null : presentDue(due.planReview),
      canWrite: roleCan(actor.role, "lac:write"),
    });
    return { record, laCode: la };
  }

  private async change(personId: string, work: (step: PermanenceStep) => Promise<AuditEntry[]>): Promise<CareLeaverRecord> {
    await runLacStep(this.ctx, personId, async (step) => {
      const entries = await work(step);
      await syncCareLeaverDue(step.trx, step.actor.userId, step.laCode, step.personId);
      return entries;
    });
    return (await this.load(personId)).record;
  }

  /** The care leaver record: birthdays 17–21 with their windows and OC3, pathway plans, what is due (audited). */
  async get(personId: string): Promise<CareLeaverRecord> {
    const { record, laCode } = await this.load(personId);
    await this.ctx.audit.record(actorForAudit(this.ctx.actor), [{ laCode, action: "looked-after.care-leaver.read", personId, entity: "person", entityId: personId }]);
    return record;
  }

  /**
   * Records OC3 for a collection year: refused (422) for a year with no 17th–21st birthday or
   * one the return does not want (still looked after on it; not a care leaver). An existing
   * year's record changes with If-Match (null when none was sent).
   */
  putOc3(personId: string, year: number, ifMatch: number | null, input: Oc3Input): Promise<CareLeaverRecord> {
    return this.change(personId, async (step) => {
      const { trx, laCode, person } = step;
      requireAfterBirth(person, "recordedOn", input.recordedOn);
      if (person.dob === null) throw unprocessable("year", "Record the young person’s date of birth first: the birthdays decide which years need OC3");
      const facts = await loadLacFacts(trx, laCode, step.personId);
      const birthday = wantedLeavingCareDue(facts, [], []).birthdays.find((b) => b.year === year);
      if (!birthday) throw unprocessable("year", `No 17th to 21st birthday falls in the year from 1 April ${String(year)} (rule 391)`);
      if (!birthday.required) throw unprocessable("year", `Not needed for the ${ordinal(birthday.window.age)} birthday: ${birthday.why}`);
      const before = await trx.selectFrom("lac_oc3").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).where("year", "=", year).forUpdate().executeTakeFirst();
      if (!before) {
        const row = await trx.insertInto("lac_oc3").values({ la_code: laCode, person_id: step.personId, year, ...oc3Columns(input) }).returningAll().executeTakeFirstOrThrow();
        await recordVersion(trx, step.actor, laCode, oc3Entity(year), step.personId, row.version, oc3Snapshot(row));
      } else {
        if (ifMatch === null) throw new HttpProblem(428, "Version required", "This year’s record exists: send If-Match with the version you are editing.", { errors: [{ field: "If-Match", message: "Required" }] });
        await applyVersionedUpdate(trx, {
          actor: step.actor,
          audit: this.ctx.audit,
          laCode,
          entity: oc3Entity(year),
          id: step.personId,
          version: ifMatch,
          before,
          snapshot: oc3Snapshot,
          update: () => trx.updateTable("lac_oc3").set((eb) => ({ ...oc3Columns(input), source: "recorded", version: eb("version", "+", 1) })).where("la_code", "=", laCode).where("person_id", "=", step.personId).where("year", "=", year).where("version", "=", ifMatch).returningAll().executeTakeFirst(),
          auditEntries: () => [],
        });
      }
      return [{ laCode, action: before ? "looked-after.oc3.update" : "looked-after.oc3.create", personId: step.personId, entity: "lac_oc3", entityId: step.personId, details: { year, age: birthday.window.age, inTouch: input.inTouch } }];
    });
  }

  /** Records a pathway plan; its review is due when given, else 6 months after it. */
  addPathwayPlan(personId: string, input: PathwayPlanInput): Promise<CareLeaverRecord> {
    return this.change(personId, async (step) => {
      requireAfterBirth(step.person, "planDate", input.planDate);
      const id = randomUUID();
      const row = await step.trx
        .insertInto("lac_pathway_plan")
        .values({ la_code: step.laCode, id, person_id: step.personId, ...pathwayPlanColumns(input, input.nextReviewDue ?? addCalendarMonths(input.planDate, PATHWAY_PLAN_REVIEW_MONTHS)), created_by: step.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(step.trx, step.actor, step.laCode, "lac_pathway_plan", id, row.version, pathwayPlanSnapshot(row));
      await this.planEvent(step, row.id, row.plan_date);
      return [{ laCode: step.laCode, action: "looked-after.pathway-plan.create", personId: step.personId, entity: "lac_pathway_plan", entityId: id, details: { planDate: row.plan_date } }];
    });
  }

  /** Corrects a pathway plan (If-Match); the review due moves with it. */
  updatePathwayPlan(personId: string, id: string, version: number, input: PathwayPlanInput): Promise<CareLeaverRecord> {
    return this.change(personId, async (step) => {
      const { trx, laCode } = step;
      requireAfterBirth(step.person, "planDate", input.planDate);
      const before = found(await trx.selectFrom("lac_pathway_plan").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).where("id", "=", id).executeTakeFirst(), "Pathway plan");
      const row = await applyVersionedUpdate(trx, {
        actor: step.actor,
        audit: this.ctx.audit,
        laCode,
        entity: "lac_pathway_plan",
        id,
        version,
        before,
        snapshot: pathwayPlanSnapshot,
        update: () =>
          trx
            .updateTable("lac_pathway_plan")
            .set((eb) => ({ ...pathwayPlanColumns(input, input.nextReviewDue ?? addCalendarMonths(input.planDate, PATHWAY_PLAN_REVIEW_MONTHS)), version: eb("version", "+", 1) }))
            .where("la_code", "=", laCode)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        auditEntries: () => [],
      });
      await this.planEvent(step, row.id, row.plan_date);
      return [{ laCode, action: "looked-after.pathway-plan.update", personId: step.personId, entity: "lac_pathway_plan", entityId: id, details: { planDate: row.plan_date } }];
    });
  }

  private async planEvent(step: PermanenceStep, id: string, planDate: string): Promise<void> {
    if (step.caseId === null) return;
    await recordCaseEvent(step.trx, step.actor.userId, { laCode: step.laCode, personId: step.personId, caseId: step.caseId, occurredOn: planDate, kind: "lac_pathway_plan", service: "looked_after", title: "Pathway plan", sourceEntity: "lac_pathway_plan", sourceId: id });
  }
}
