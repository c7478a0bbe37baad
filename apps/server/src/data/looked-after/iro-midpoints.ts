import { randomUUID } from "node:crypto";
import { todayIso } from "@family-story/domain";
import type { Midpoint, MidpointCreate, MidpointOverview } from "@family-story/schemas";
import { HttpProblem } from "../../http/problem.ts";
import { presentMidpoint, presentMidpointOverview } from "../../presenters/iro-presenter.ts";
import { actorForAudit } from "../audit-actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { futureDate, type IroContext } from "./iro-context.ts";
import { loadSchedules } from "./iro-schedule.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

const ENTITY = "iro_midpoint";

/** A child's mid-point monitoring: when the next check is due and every check so far (audited). */
export async function listMidpoints(ctx: IroContext, personId: string): Promise<MidpointOverview> {
  const { person } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  const [rows, schedules] = await Promise.all([
    ctx.db.selectFrom("iro_midpoint").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).orderBy("check_date", "desc").orderBy("created_at", "desc").execute(),
    loadSchedules(ctx.db, [person.la_code], [person.id]),
  ]);
  const schedule = schedules.get(person.id);
  if (!schedule) throw new Error("schedule missing for a loaded child");
  const users = await loadUserNames(ctx.db, rows.map((r) => r.recorded_by));
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: person.la_code, action: "iro.midpoint.list", personId: person.id, entity: "lac_child", entityId: person.id, details: { count: rows.length } }]);
  return presentMidpointOverview(schedule, rows, users, todayIso());
}

/**
 * Records a mid-point check (is the care plan on track?), linked to the last review held on or
 * before it: monitoring happens between reviews, so a child with no review yet has none.
 */
export async function recordMidpoint(ctx: IroContext, personId: string, input: MidpointCreate): Promise<Midpoint> {
  const { person, lac } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  if (input.checkDate > todayIso()) throw futureDate("checkDate", input.checkDate);
  const review = await ctx.db
    .selectFrom("lac_review")
    .select(["id", "review_date"])
    .where("la_code", "=", person.la_code)
    .where("person_id", "=", person.id)
    .where("status", "=", "held")
    .where("review_date", "<=", input.checkDate)
    .orderBy("review_date", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!review?.review_date) {
    throw new HttpProblem(409, "No review held before this date", "Mid-point monitoring follows a review: record the review first, or check the date of the mid-point.", { errors: [{ field: "checkDate", message: "No review was held on or before this date" }] });
  }
  const id = randomUUID();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("iro_midpoint")
      .values({ la_code: person.la_code, id, person_id: person.id, review_id: review.id, check_date: input.checkDate, on_track: input.onTrack, notes: input.notes, recorded_by: ctx.actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordCaseEvent(trx, ctx.actor.userId, {
      laCode: person.la_code,
      personId: person.id,
      caseId: lac.case_id,
      occurredOn: input.checkDate,
      kind: "iro_midpoint",
      service: "looked_after",
      title: input.onTrack ? "IRO mid-point check: care plan on track" : "IRO mid-point check: care plan not on track",
      sourceEntity: ENTITY,
      sourceId: id,
    });
    await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), [{ laCode: person.la_code, action: "iro.midpoint.create", personId: person.id, entity: ENTITY, entityId: id, details: { reviewId: review.id, onTrack: input.onTrack } }]);
    return created;
  });
  return presentMidpoint(row, new Map([[ctx.actor.userId, ctx.actor.displayName]]), new Map([[review.id, review.review_date]]));
}
