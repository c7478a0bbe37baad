import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { doloInputSchema, swEpisodeInputSchema } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem, notFound } from "../../http/problem.ts";
import { doloSnapshot, swSnapshot } from "../../presenters/looked-after-permanence-presenter.ts";
import type { AuditEntry } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { recordVersion } from "../versioning.ts";
import { applyHistoryEdit } from "./lac-permanence-history.ts";
import type { PermanenceStep } from "./lac-permanence-step.ts";

type SwInput = z.output<typeof swEpisodeInputSchema>;
type DoloInput = z.output<typeof doloInputSchema>;

/** The row, or 404 naming what was not found. */
export function found<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw notFound(what);
  return row;
}

interface Span {
  id: string;
  start: string;
  end: string | null;
}

/**
 * Refuses a span that overlaps another of the child's: 409 while another is still open (end it
 * first), 422 naming the start field when it overlaps a closed one. Ends are inclusive.
 */
export function requireNoOverlap(spans: readonly Span[], mine: Span, what: string, startField: string): void {
  for (const s of spans) {
    if (s.id === mine.id) continue;
    if (s.start === mine.start) throw new HttpProblem(409, `There is already ${what} starting that day`, `The child already has ${what} starting on ${s.start}. Correct that one instead.`, { errors: [{ field: startField, message: `Already recorded from ${s.start}` }] });
    const overlaps = s.start <= (mine.end ?? "9999-12-31") && mine.start <= (s.end ?? "9999-12-31");
    if (!overlaps) continue;
    if (s.end === null && s.start < mine.start) throw new HttpProblem(409, `The earlier ${what} is still open`, `End the ${what} that started on ${s.start} before recording a new one.`, { errors: [{ field: startField, message: `The one from ${s.start} has not ended` }] });
    const message = `Overlaps the one from ${s.start}${s.end === null ? "" : ` to ${s.end}`}`;
    throw new HttpProblem(422, "Check the dates", `${message}: a child has one at a time.`, { errors: [{ field: startField, message }] });
  }
}

async function swSpans(step: PermanenceStep): Promise<Span[]> {
  const rows = await step.trx.selectFrom("lac_sw_episode").select(["id", "sw_decom", "sw_dec"]).where("la_code", "=", step.laCode).where("person_id", "=", step.personId).execute();
  return rows.map((r) => ({ id: r.id, start: r.sw_decom, end: r.sw_dec }));
}
async function doloSpans(step: PermanenceStep): Promise<Span[]> {
  const rows = await step.trx.selectFrom("lac_dolo").select(["id", "dolo_start", "dolo_end"]).where("la_code", "=", step.laCode).where("person_id", "=", step.personId).execute();
  return rows.map((r) => ({ id: r.id, start: r.dolo_start, end: r.dolo_end }));
}

function swValues(input: SwInput) {
  return { sw_id: input.swId, sw_decom: input.swDecom, sw_dec: input.swDec ?? null, sw_reason: input.swReason ?? null };
}

/** Records a social worker episode (one social worker at a time). */
export async function addSwEpisode(step: PermanenceStep, input: SwInput): Promise<AuditEntry[]> {
  const id = randomUUID();
  requireNoOverlap(await swSpans(step), { id, start: input.swDecom, end: input.swDec ?? null }, "a social worker episode", "swDecom");
  const row = await step.trx.insertInto("lac_sw_episode").values({ la_code: step.laCode, id, person_id: step.personId, ...swValues(input) }).returningAll().executeTakeFirstOrThrow();
  await recordVersion(step.trx, step.actor, step.laCode, "lac_sw_episode", id, 1, swSnapshot(row));
  return [{ laCode: step.laCode, action: "looked-after.sw-episode.create", personId: step.personId, entity: "lac_sw_episode", entityId: id, details: { swDecom: row.sw_decom } }];
}

/** Corrects a social worker episode (If-Match against its history version). */
export async function updateSwEpisode(step: PermanenceStep, id: string, version: number, input: SwInput): Promise<AuditEntry[]> {
  const { trx, laCode } = step;
  requireNoOverlap(await swSpans(step), { id, start: input.swDecom, end: input.swDec ?? null }, "a social worker episode", "swDecom");
  const { version: next } = await applyHistoryEdit(trx, {
    actor: step.actor,
    laCode,
    entity: "lac_sw_episode",
    id,
    version,
    snapshot: swSnapshot,
    lock: async () => found(await trx.selectFrom("lac_sw_episode").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).where("id", "=", id).forUpdate().executeTakeFirst(), "Social worker episode"),
    update: () => trx.updateTable("lac_sw_episode").set(swValues(input)).where("la_code", "=", laCode).where("id", "=", id).returningAll().executeTakeFirstOrThrow(),
  });
  return [{ laCode, action: "looked-after.sw-episode.update", personId: step.personId, entity: "lac_sw_episode", entityId: id, details: { version: next } }];
}

/** The chronology entry for a deprivation of liberty order's start. */
async function doloEvent(trx: Transaction<Database>, step: PermanenceStep, id: string, start: string, end: string | null): Promise<void> {
  if (step.caseId === null) return;
  await recordCaseEvent(trx, step.actor.userId, { laCode: step.laCode, personId: step.personId, caseId: step.caseId, occurredOn: start, kind: "lac_dolo", service: "looked_after", title: "Deprivation of liberty order", summary: end === null ? null : `Ended ${end}`, sourceEntity: "lac_dolo", sourceId: id });
}

/** Records a deprivation of liberty order (one at a time; rule 705). */
export async function addDolo(step: PermanenceStep, input: DoloInput): Promise<AuditEntry[]> {
  const id = randomUUID();
  requireNoOverlap(await doloSpans(step), { id, start: input.doloStart, end: input.doloEnd ?? null }, "a deprivation of liberty order", "doloStart");
  const row = await step.trx.insertInto("lac_dolo").values({ la_code: step.laCode, id, person_id: step.personId, dolo_start: input.doloStart, dolo_end: input.doloEnd ?? null }).returningAll().executeTakeFirstOrThrow();
  await recordVersion(step.trx, step.actor, step.laCode, "lac_dolo", id, 1, doloSnapshot(row));
  await doloEvent(step.trx, step, id, row.dolo_start, row.dolo_end);
  return [{ laCode: step.laCode, action: "looked-after.dolo.create", personId: step.personId, entity: "lac_dolo", entityId: id, details: { doloStart: row.dolo_start } }];
}

/** Corrects or ends a deprivation of liberty order (If-Match against its history version). */
export async function updateDolo(step: PermanenceStep, id: string, version: number, input: DoloInput): Promise<AuditEntry[]> {
  const { trx, laCode } = step;
  requireNoOverlap(await doloSpans(step), { id, start: input.doloStart, end: input.doloEnd ?? null }, "a deprivation of liberty order", "doloStart");
  const { row, version: next } = await applyHistoryEdit(trx, {
    actor: step.actor,
    laCode,
    entity: "lac_dolo",
    id,
    version,
    snapshot: doloSnapshot,
    lock: async () => found(await trx.selectFrom("lac_dolo").selectAll().where("la_code", "=", laCode).where("person_id", "=", step.personId).where("id", "=", id).forUpdate().executeTakeFirst(), "Deprivation of liberty order"),
    update: () => trx.updateTable("lac_dolo").set({ dolo_start: input.doloStart, dolo_end: input.doloEnd ?? null }).where("la_code", "=", laCode).where("id", "=", id).returningAll().executeTakeFirstOrThrow(),
  });
  await doloEvent(trx, step, id, row.dolo_start, row.dolo_end);
  return [{ laCode, action: "looked-after.dolo.update", personId: step.personId, entity: "lac_dolo", entityId: id, details: { version: next } }];
}
