import { randomUUID } from "node:crypto";
import { addCalendarMonths, tallyQaAnswers, todayIso } from "@family-story/domain";
import type { Qa, QaPut, QaSummary, ReviewQa } from "@family-story/schemas";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacReviewTable } from "../../db/looked-after-types.ts";
import { HttpProblem, notFound } from "../../http/problem.ts";
import { presentQa, qaSnapshot, type IroQaRow } from "../../presenters/iro-presenter.ts";
import { actorForAudit } from "../audit-actor.ts";
import { anyUuid, loadUserNames } from "../casework/name-lookup.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "../versioning.ts";
import { futureDate, type IroContext } from "./iro-context.ts";
import { visiblePeople } from "../person-scope.ts";
import { requireLookedAfterChild, requireVisiblePerson } from "./lac-scope.ts";

/**
 * The quality-assurance form after each held review, one per review. iro_qa has no version
 * column, so a form's version is the latest one kept in record_history (version 1 on create,
 * one more per edit); the row lock taken before reading it serialises edits.
 */
const ENTITY = "iro_qa";
type ReviewRow = Selectable<LacReviewTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** Current versions of QA forms, from their history (1 for a form with none kept). */
async function versionsOf(db: Db, laCodes: readonly string[], ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("record_history")
    .select(["entity_id", sql<number>`max(version)::int`.as("version")])
    .where("la_code", "in", laCodes)
    .where("entity", "=", ENTITY)
    .where("entity_id", "=", anyUuid(ids))
    .groupBy("entity_id")
    .execute();
  return new Map(rows.map((r) => [r.entity_id, r.version]));
}

/** A review the actor may see (its child in scope), else 404. */
async function requireReview(ctx: IroContext, reviewId: string): Promise<ReviewRow> {
  const review = await ctx.db.selectFrom("lac_review").selectAll().where("la_code", "in", ctx.actor.scopeLaCodes).where("id", "=", reviewId).executeTakeFirst();
  if (!review) throw notFound("Review");
  try {
    await requireVisiblePerson(ctx.db, ctx.actor, review.person_id);
  } catch {
    throw notFound("Review");
  }
  return review;
}

async function presentOne(ctx: IroContext, row: IroQaRow, version: number, reviewDate: string | null): Promise<Qa> {
  return presentQa(row, version, reviewDate, await loadUserNames(ctx.db, [row.completed_by]));
}

/** A review's QA form (audited); 404 when none has been completed. */
export async function getQa(ctx: IroContext, reviewId: string): Promise<Qa> {
  const review = await requireReview(ctx, reviewId);
  const row = await ctx.db.selectFrom("iro_qa").selectAll().where("la_code", "=", review.la_code).where("review_id", "=", review.id).executeTakeFirst();
  if (!row) throw new HttpProblem(404, "No quality-assurance form", "No quality-assurance form has been completed for this review yet.");
  const version = (await versionsOf(ctx.db, [row.la_code], [row.id])).get(row.id) ?? 1;
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: row.la_code, action: "iro.qa.read", personId: row.person_id, entity: ENTITY, entityId: row.id, details: { reviewId } }]);
  return presentOne(ctx, row, version, review.review_date);
}

/**
 * Completes a held review's QA form (no If-Match; 409 if it already has one) or changes it
 * (If-Match with its version; 412 when stale or when there is none to change).
 */
export async function putQa(ctx: IroContext, reviewId: string, ifMatch: number | null, input: QaPut): Promise<{ qa: Qa; created: boolean }> {
  const review = await requireReview(ctx, reviewId);
  if (review.status !== "held" || review.review_date === null) throw new HttpProblem(409, "The review has not been held", "Complete the quality-assurance form once the review has been held and recorded.");
  if (input.completedOn > todayIso()) throw futureDate("completedOn", input.completedOn);
  if (input.completedOn < review.review_date) {
    throw new HttpProblem(422, "Date is too early", `The form cannot be completed before the review it is about (${review.review_date}).`, { errors: [{ field: "completedOn", message: "Must be on or after the review" }] });
  }
  const laCode = review.la_code;
  const answers = JSON.stringify(input.answers);
  const comments = input.comments ?? null;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("iro_qa").selectAll().where("la_code", "=", laCode).where("review_id", "=", review.id).forUpdate().executeTakeFirst();
    if (ifMatch === null) {
      if (existing) throw new HttpProblem(409, "This review already has a quality-assurance form", "Each review has one form. Change the one already completed instead (send If-Match with its version).");
      const id = randomUUID();
      // A form completed by someone else at the same moment wins; this one is then a second.
      const created = await trx
        .insertInto("iro_qa")
        .values({ la_code: laCode, id, review_id: review.id, person_id: review.person_id, answers, comments, completed_on: input.completedOn, completed_by: ctx.actor.userId })
        .onConflict((oc) => oc.columns(["la_code", "review_id"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!created) throw new HttpProblem(409, "This review already has a quality-assurance form", "Someone completed it just now. Open it and change it if you need to.");
      await recordVersion(trx, ctx.actor, laCode, ENTITY, id, 1, qaSnapshot(created));
      await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), [{ laCode, action: "iro.qa.create", personId: review.person_id, entity: ENTITY, entityId: id, details: { reviewId } }]);
      return { row: created, version: 1, created: true };
    }
    if (!existing) throw new HttpProblem(412, "There is no form to change", "This review has no quality-assurance form yet: complete one without If-Match.", { currentVersion: 0 });
    const current = (await versionsOf(trx, [laCode], [existing.id])).get(existing.id) ?? 1;
    await ensureVersionRecorded(trx, laCode, ENTITY, existing.id, current, qaSnapshot(existing));
    if (ifMatch !== current) throw await conflictProblem(trx, laCode, ENTITY, existing.id, ifMatch, qaSnapshot(existing), current);
    const updated = await trx
      .updateTable("iro_qa")
      .set({ answers, comments, completed_on: input.completedOn })
      .where("la_code", "=", laCode)
      .where("id", "=", existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordVersion(trx, ctx.actor, laCode, ENTITY, existing.id, current + 1, qaSnapshot(updated));
    await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), [{ laCode, action: "iro.qa.update", personId: review.person_id, entity: ENTITY, entityId: existing.id, details: { reviewId, version: current + 1 } }]);
    return { row: updated, version: current + 1, created: false };
  });
  return { qa: await presentOne(ctx, result.row, result.version, review.review_date), created: result.created };
}

/** A child's held reviews, newest first, each with its QA form if completed (audited). */
export async function listChildQa(ctx: IroContext, personId: string): Promise<ReviewQa[]> {
  const { person } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  const [reviews, forms] = await Promise.all([
    ctx.db.selectFrom("lac_review").select(["id", "review_date"]).where("la_code", "=", person.la_code).where("person_id", "=", person.id).where("status", "=", "held").orderBy("review_date", "desc").execute(),
    ctx.db.selectFrom("iro_qa").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).execute(),
  ]);
  const versions = await versionsOf(ctx.db, [person.la_code], forms.map((f) => f.id));
  const users = await loadUserNames(ctx.db, forms.map((f) => f.completed_by));
  const byReview = new Map(forms.map((f) => [f.review_id, f]));
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: person.la_code, action: "iro.qa.list", personId: person.id, entity: "lac_child", entityId: person.id, details: { reviews: reviews.length, forms: forms.length } }]);
  return reviews.map((r) => {
    const form = byReview.get(r.id);
    return { reviewId: r.id, reviewDate: r.review_date, qa: form ? presentQa(form, versions.get(form.id) ?? 1, r.review_date, users) : null };
  });
}

/**
 * The anonymous aggregate across the service (the authorities the actor works) for forms
 * completed in a date range about children the reader may see (the people rule): per question,
 * each answer's count and share. Only the answers are read, so no child, review or reviewer can
 * reach the result.
 */
export async function qaSummary(ctx: IroContext, range: { from?: string | undefined; to?: string | undefined }): Promise<QaSummary> {
  const to = range.to ?? todayIso();
  const from = range.from ?? addCalendarMonths(to, -12);
  if (from > to) throw new HttpProblem(422, "Check the date range", "The start of the range must be on or before its end.", { errors: [{ field: "from", message: "Must be on or before the end of the range" }] });
  // Only forms about children the reader may see count: a narrow range must not reveal a restricted child's form.
  const rows = await ctx.db
    .selectFrom("iro_qa")
    .innerJoin("person", (j) => j.onRef("person.la_code", "=", "iro_qa.la_code").onRef("person.id", "=", "iro_qa.person_id"))
    .select("iro_qa.answers")
    .where("iro_qa.la_code", "in", ctx.actor.scopeLaCodes)
    .where("iro_qa.completed_on", ">=", from)
    .where("iro_qa.completed_on", "<=", to)
    .where(visiblePeople(ctx.actor))
    .execute();
  await ctx.audit.record(actorForAudit(ctx.actor), [{ laCode: ctx.actor.laCode, action: "iro.qa-summary.read", entity: ENTITY, details: { from, to, forms: rows.length } }]);
  return { from, to, forms: rows.length, questions: tallyQaAnswers(rows.map((r) => r.answers)) };
}
