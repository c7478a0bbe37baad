import { randomUUID } from "node:crypto";
import type { Ad1Input, LacPermanence, doloInputSchema, placedForAdoptionInputSchema, previousPermanenceInputSchema, swEpisodeInputSchema } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { roleCan } from "../../policy/policy.ts";
import { ad1Columns, ad1Snapshot, placedSnapshot, presentPermanence, previousPermanenceSnapshot } from "../../presenters/looked-after-permanence-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { childName } from "./lac-health-facts.ts";
import { historyVersions } from "./lac-permanence-history.ts";
import { addDolo, addSwEpisode, found, requireNoOverlap, updateDolo, updateSwEpisode } from "./lac-permanence-orders.ts";
import { requireAfterBirth, runLacStep, unprocessable, type PermanenceStep, type StepContext } from "./lac-permanence-step.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

type PlacedInput = z.output<typeof placedForAdoptionInputSchema>;
type PrevPermInput = z.output<typeof previousPermanenceInputSchema>;

/** Adoption decisions are key events in the child's story: the decision and its reversal. */
async function placedEvents(step: PermanenceStep, row: { id: string; date_placed: string; date_placed_ceased: string | null; reason_placed_ceased: string | null }): Promise<void> {
  if (step.caseId === null) return;
  const base = { laCode: step.laCode, personId: step.personId, caseId: step.caseId, service: "looked_after" as const, sourceEntity: "lac_placed_adoption", sourceId: row.id };
  await recordCaseEvent(step.trx, step.actor.userId, { ...base, occurredOn: row.date_placed, kind: "lac_adoption_decision", title: "Decision that the child should be placed for adoption" });
  if (row.date_placed_ceased !== null) await recordCaseEvent(step.trx, step.actor.userId, { ...base, occurredOn: row.date_placed_ceased, kind: "lac_adoption_reversed", title: `Decision that the child should no longer be placed for adoption (${row.reason_placed_ceased ?? "no reason"})` });
  else await step.trx.deleteFrom("case_event").where("la_code", "=", step.laCode).where("person_id", "=", step.personId).where("kind", "=", "lac_adoption_reversed").where("source_entity", "=", "lac_placed_adoption").where("source_id", "=", row.id).execute();
}

/** Decisions to place for adoption may not overlap (rule 579): one open at a time. */
async function requirePlacedOrder(step: PermanenceStep, id: string, input: PlacedInput): Promise<void> {
  requireAfterBirth(step.person, "datePlaced", input.datePlaced);
  const rows = await step.trx.selectFrom("lac_placed_adoption").select(["id", "date_placed", "date_placed_ceased"]).where("la_code", "=", step.laCode).where("person_id", "=", step.personId).execute();
  requireNoOverlap(rows.map((r) => ({ id: r.id, start: r.date_placed, end: r.date_placed_ceased })), { id, start: input.datePlaced, end: input.datePlacedCeased ?? null }, "a decision to place for adoption", "datePlaced");
}

function placedValues(input: PlacedInput) {
  return { date_placed: input.datePlaced, date_placed_ceased: input.datePlacedCeased ?? null, reason_placed_ceased: input.reasonPlacedCeased ?? null };
}

/**
 * Permanence of a looked-after child: adoption (AD1), decisions to place for adoption,
 * previous permanence, social worker episodes and deprivation of liberty orders. Reads and
 * changes are audited; each change runs in one transaction with the child's row locked.
 */
export class LacPermanenceRepository {
  private readonly ctx: StepContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog) {
    this.ctx = { db, actor, audit };
  }

  private async present(personId: string): Promise<LacPermanence> {
    return (await this.load(personId)).record;
  }

  private async load(personId: string): Promise<{ record: LacPermanence; laCode: string }> {
    const { db, actor } = this.ctx;
    const { person, lac } = await requireLookedAfterChild(db, actor, personId);
    const la = person.la_code;
    const [ad1, placed, sw, dolo] = await Promise.all([
      db.selectFrom("lac_ad1").selectAll().where("la_code", "=", la).where("person_id", "=", personId).executeTakeFirst(),
      db.selectFrom("lac_placed_adoption").selectAll().where("la_code", "=", la).where("person_id", "=", personId).orderBy("date_placed").execute(),
      db.selectFrom("lac_sw_episode").selectAll().where("la_code", "=", la).where("person_id", "=", personId).orderBy("sw_decom").execute(),
      db.selectFrom("lac_dolo").selectAll().where("la_code", "=", la).where("person_id", "=", personId).orderBy("dolo_start").execute(),
    ]);
    const [swVersions, doloVersions] = await Promise.all([historyVersions(db, la, "lac_sw_episode", sw.map((s) => s.id)), historyVersions(db, la, "lac_dolo", dolo.map((d) => d.id))]);
    const record = presentPermanence({ personId, childName: childName(person), lac, ad1, placed, sw, dolo, versions: new Map([...swVersions, ...doloVersions]), canWrite: roleCan(actor.role, "lac:write") });
    return { record, laCode: la };
  }

  private async change(personId: string, work: (step: PermanenceStep) => Promise<AuditEntry[]>): Promise<LacPermanence> {
    await runLacStep(this.ctx, personId, work);
    return this.present(personId);
  }

  /** The whole permanence record (audited). */
  async get(personId: string): Promise<LacPermanence> {
    const { record, laCode } = await this.load(personId);
    await this.ctx.audit.record(actorForAudit(this.ctx.actor), [{ laCode, action: "looked-after.permanence.read", personId, entity: "person", entityId: personId }]);
    return record;
  }

  /** Records the adoption (AD1): created the first time, then changed with If-Match (null when none was sent). */
  putAd1(personId: string, ifMatch: number | null, input: Ad1Input): Promise<LacPermanence> {
    return this.change(personId, async (step) => {
      const { trx, laCode } = step;
      requireAfterBirth(step.person, "dateInt", input.dateInt);
      if (input.dateInt && step.latestPeriodStart !== null && input.dateInt < step.latestPeriodStart) throw unprocessable("dateInt", `Must be on or after the start of the latest period of care (${step.latestPeriodStart}) (rule 334)`);
      const before = await trx.selectFrom("lac_ad1").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).forUpdate().executeTakeFirst();
      if (!before) {
        const row = await trx.insertInto("lac_ad1").values({ la_code: laCode, person_id: step.personId, ...ad1Columns(input) }).returningAll().executeTakeFirstOrThrow();
        await recordVersion(trx, step.actor, laCode, "lac_ad1", step.personId, row.version, ad1Snapshot(row));
      } else {
        if (ifMatch === null) throw new HttpProblem(428, "Version required", "The adoption record exists: send If-Match with the version you are editing.", { errors: [{ field: "If-Match", message: "Required" }] });
        await applyVersionedUpdate(trx, {
          actor: step.actor,
          audit: this.ctx.audit,
          laCode,
          entity: "lac_ad1",
          id: step.personId,
          version: ifMatch,
          before,
          snapshot: ad1Snapshot,
          update: () => trx.updateTable("lac_ad1").set((eb) => ({ ...ad1Columns(input), source: "recorded", version: eb("version", "+", 1) })).where("la_code", "=", laCode).where("person_id", "=", step.personId).where("version", "=", ifMatch).returningAll().executeTakeFirst(),
          auditEntries: () => [],
        });
      }
      if (input.dateMatch && step.caseId !== null) await recordCaseEvent(trx, step.actor.userId, { laCode, personId: step.personId, caseId: step.caseId, occurredOn: input.dateMatch, kind: "lac_adoption_match", service: "looked_after", title: "Matched with adopters", sourceEntity: "lac_ad1", sourceId: step.personId });
      return [{ laCode, action: before ? "looked-after.ad1.update" : "looked-after.ad1.create", personId: step.personId, entity: "lac_ad1", entityId: step.personId }];
    });
  }

  /** Records the permanence order the child had before care (PREV_PERM, LA_PERM, DATE_PERM) with If-Match on the looked-after record. */
  putPreviousPermanence(personId: string, version: number, input: PrevPermInput): Promise<LacPermanence> {
    return this.change(personId, async (step) => {
      const { trx, laCode } = step;
      const before = found(await trx.selectFrom("lac_child").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).executeTakeFirst(), "Looked-after record");
      await applyVersionedUpdate(trx, {
        actor: step.actor,
        audit: this.ctx.audit,
        laCode,
        entity: "lac_child",
        id: step.personId,
        version,
        before,
        snapshot: previousPermanenceSnapshot,
        update: () =>
          trx
            .updateTable("lac_child")
            .set((eb) => ({ prev_perm: input.prevPerm, la_perm: input.laPerm ?? null, date_perm: input.datePerm ?? null, updated_at: new Date(), version: eb("version", "+", 1) }))
            .where("la_code", "=", laCode)
            .where("person_id", "=", step.personId)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        auditEntries: () => [],
      });
      return [{ laCode, action: "looked-after.previous-permanence.update", personId: step.personId, entity: "lac_child", entityId: step.personId, details: { prevPerm: input.prevPerm } }];
    });
  }

  /** Records a decision to place the child for adoption (and, when known, its reversal). */
  addPlacedForAdoption(personId: string, input: PlacedInput): Promise<LacPermanence> {
    return this.change(personId, async (step) => {
      const id = randomUUID();
      await requirePlacedOrder(step, id, input);
      const row = await step.trx.insertInto("lac_placed_adoption").values({ la_code: step.laCode, id, person_id: step.personId, ...placedValues(input) }).returningAll().executeTakeFirstOrThrow();
      await recordVersion(step.trx, step.actor, step.laCode, "lac_placed_adoption", id, row.version, placedSnapshot(row));
      await placedEvents(step, row);
      return [{ laCode: step.laCode, action: "looked-after.placed-for-adoption.create", personId: step.personId, entity: "lac_placed_adoption", entityId: id, details: { datePlaced: row.date_placed } }];
    });
  }

  /** Corrects a decision to place for adoption, or records its reversal (If-Match). */
  updatePlacedForAdoption(personId: string, id: string, version: number, input: PlacedInput): Promise<LacPermanence> {
    return this.change(personId, async (step) => {
      const { trx, laCode } = step;
      const before = found(await trx.selectFrom("lac_placed_adoption").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).where("id", "=", id).executeTakeFirst(), "Decision to place for adoption");
      await requirePlacedOrder(step, id, input);
      const row = await applyVersionedUpdate(trx, {
        actor: step.actor,
        audit: this.ctx.audit,
        laCode,
        entity: "lac_placed_adoption",
        id,
        version,
        before,
        snapshot: placedSnapshot,
        update: () => trx.updateTable("lac_placed_adoption").set((eb) => ({ ...placedValues(input), source: "recorded", version: eb("version", "+", 1) })).where("la_code", "=", laCode).where("id", "=", id).where("version", "=", version).returningAll().executeTakeFirst(),
        auditEntries: () => [],
      });
      await placedEvents(step, row);
      return [{ laCode, action: "looked-after.placed-for-adoption.update", personId: step.personId, entity: "lac_placed_adoption", entityId: id, details: { datePlacedCeased: row.date_placed_ceased } }];
    });
  }

  addSwEpisode(personId: string, input: z.output<typeof swEpisodeInputSchema>): Promise<LacPermanence> {
    return this.change(personId, (step) => addSwEpisode(step, input));
  }
  updateSwEpisode(personId: string, id: string, version: number, input: z.output<typeof swEpisodeInputSchema>): Promise<LacPermanence> {
    return this.change(personId, (step) => updateSwEpisode(step, id, version, input));
  }
  addDolo(personId: string, input: z.output<typeof doloInputSchema>): Promise<LacPermanence> {
    return this.change(personId, (step) => {
      requireAfterBirth(step.person, "doloStart", input.doloStart);
      return addDolo(step, input);
    });
  }
  updateDolo(personId: string, id: string, version: number, input: z.output<typeof doloInputSchema>): Promise<LacPermanence> {
    return this.change(personId, (step) => updateDolo(step, id, version, input));
  }
}
