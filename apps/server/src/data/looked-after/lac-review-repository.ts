import { randomUUID } from "node:crypto";
import { describeDue, dueStatus, todayIso } from "@family-story/domain";
import type { LacIro, LacReview, LacReviewHeld, LacReviewPatch, LacReviews } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem, badRequest } from "../../http/problem.ts";
import { lacReviewSnapshot, type LacReviewRow } from "../../presenters/lac-review-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { assignIro } from "./lac-review-iro.ts";
import { longDate } from "./lac-review-letter.ts";
import { heldDates, loadChildContext, loadReviewRows, presentReviews, requireReview } from "./lac-review-load.ts";
import { renderLetterPdf } from "./lac-review-pdf.ts";
import { DECISION_OWNER_ROLES, REVIEW_EVENT_KIND, REVIEW_EVENT_TITLE, checkReviewDate, participationSummary, recordHeldReview, unfit } from "./lac-review-record.ts";
import { currentPeriod, loadCarePeriods, nextReviewDue, refreshReviewDue } from "./lac-review-schedule.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

const HELD_FIELDS = ["reviewDate", "participationCode", "viewsMethods", "childViews", "summary"] as const;

/**
 * Looked-after reviews: the schedule and history of a child's reviews, recording a review
 * held, correcting it, the letter to the child (and its PDF) and the child's IRO. Every read
 * and change is scoped through the child (404 out of scope) and audited.
 */
export class LacReviewRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The child's reviews, next review due, IRO, and the people a review can name. */
  async list(personId: string): Promise<LacReviews> {
    const subject = await requireLookedAfterChild(this.db, this.actor, personId);
    const laCode = subject.lac.la_code;
    const rows = await loadReviewRows(this.db, laCode, personId);
    const ctx = { subject, periods: await loadCarePeriods(this.db, laCode, personId), held: heldDates(rows) };
    const [reviews, staff, iroNames] = await Promise.all([
      presentReviews(this.db, ctx, rows),
      this.db.selectFrom("app_user").select(["id", "display_name", "role"]).where("la_code", "=", laCode).where("active", "=", true).where("role", "in", DECISION_OWNER_ROLES).orderBy("display_name").limit(2000).execute(),
      loadUserNames(this.db, [subject.lac.iro_id]),
    ]);
    const next = nextReviewDue(ctx.periods, ctx.held);
    const today = todayIso();
    await this.audit.record(actorForAudit(this.actor), [{ laCode, action: "lac_review.list", personId, entity: "lac_child", entityId: personId, details: { count: rows.length } }]);
    return {
      personId,
      childName: `${subject.person.preferred_name ?? subject.person.given_name} ${subject.person.family_name}`,
      lookedAfter: currentPeriod(ctx.periods) !== undefined,
      periodStart: ctx.periods.at(-1)?.start ?? null,
      iro: subject.lac.iro_id === null ? null : { id: subject.lac.iro_id, name: iroNames.get(subject.lac.iro_id) ?? "Unknown" },
      lacVersion: subject.lac.version,
      nextReviewDue: next,
      nextReviewDueStatus: next === null ? "none" : dueStatus(next, today),
      nextReviewDueText: next === null ? null : describeDue(next, today),
      reviews,
      iros: staff.filter((u) => u.role === "iro").map((u) => ({ id: u.id, name: u.display_name })),
      staff: staff.map((u) => ({ id: u.id, name: u.display_name })),
    };
  }

  /** One review (audited). */
  async get(id: string): Promise<LacReview> {
    const { subject, review } = await requireReview(this.db, this.actor, id);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: review.la_code, action: "lac_review.read", personId: review.person_id, entity: "lac_review", entityId: id }]);
    return this.present(subject.lac.person_id, id);
  }

  private async present(personId: string, id: string): Promise<LacReview> {
    const subject = await requireLookedAfterChild(this.db, this.actor, personId);
    const ctx = await loadChildContext(this.db, subject);
    const row = await this.db.selectFrom("lac_review").selectAll().where("la_code", "=", subject.lac.la_code).where("id", "=", id).executeTakeFirstOrThrow();
    const [review] = await presentReviews(this.db, ctx, [row]);
    if (!review) throw new Error("review not presented");
    return review;
  }

  /** Schedules the child's next review while they are looked after (one scheduled review at a time). */
  async schedule(personId: string, plannedDate: string): Promise<LacReview> {
    const subject = await requireLookedAfterChild(this.db, this.actor, personId);
    const { la_code: laCode, case_id: caseId } = subject.lac;
    const period = currentPeriod(await loadCarePeriods(this.db, laCode, personId));
    if (!period) throw new HttpProblem(409, "Not looked after now", "Reviews are scheduled while the child is in a period of care.");
    if (plannedDate < period.start) throw unfit("plannedDate", `Must be on or after ${longDate(period.start)}, when this period of care started`);
    const pending = await this.db.selectFrom("lac_review").select("planned_date").where("la_code", "=", laCode).where("person_id", "=", personId).where("status", "=", "scheduled").executeTakeFirst();
    if (pending) throw new HttpProblem(409, "A review is already scheduled", `The next review is already planned for ${longDate(pending.planned_date ?? "")}. Move that one instead.`);
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("lac_review")
        .values({ la_code: laCode, id, person_id: personId, case_id: caseId, status: "scheduled", planned_date: plannedDate, views_methods: "[]", created_by: this.actor.userId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, laCode, "lac_review", id, row.version, lacReviewSnapshot(row));
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "lac_review.schedule", personId, entity: "lac_review", entityId: id, details: { plannedDate } }]);
    });
    return this.present(personId, id);
  }

  /** Records a scheduled review as held (see recordHeldReview). */
  async recordHeld(id: string, input: LacReviewHeld): Promise<LacReview> {
    const { subject, review } = await requireReview(this.db, this.actor, id);
    await recordHeldReview(this.db, this.actor, this.audit, subject, review, input);
    return this.present(review.person_id, id);
  }

  /** Moves or cancels a scheduled review, or corrects a held one (If-Match). */
  async patch(id: string, version: number, input: LacReviewPatch): Promise<LacReview> {
    const { subject, review } = await requireReview(this.db, this.actor, id);
    const given = Object.entries(input as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k]) => k);
    if (given.length === 0) throw badRequest("Send at least one field to change.", [{ field: "body", message: "Nothing to change" }]);
    const heldEdit = given.some((k) => (HELD_FIELDS as readonly string[]).includes(k));
    if (review.status === "cancelled") throw new HttpProblem(409, "This review was cancelled", "A cancelled review cannot be changed. Schedule a new one.");
    if (review.status === "scheduled" && heldEdit) throw new HttpProblem(409, "This review has not been held", "Record the review as held before correcting what happened at it.");
    if (review.status === "held" && !heldEdit) throw new HttpProblem(409, "This review has been held", "A held review cannot be moved or cancelled; correct its record instead.");
    if (input.plannedDate !== undefined) {
      const period = currentPeriod(await loadCarePeriods(this.db, review.la_code, review.person_id));
      if (period && input.plannedDate < period.start) throw unfit("plannedDate", `Must be on or after ${longDate(period.start)}, when this period of care started`);
    }
    if (input.reviewDate !== undefined) await checkReviewDate(this.db, subject, input.reviewDate, id);
    const action = input.cancel === true ? "lac_review.cancel" : heldEdit ? "lac_review.correct" : "lac_review.move";
    await this.db.transaction().execute(async (trx) => {
      const updated = await applyVersionedUpdate<LacReviewRow>(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: review.la_code,
        entity: "lac_review",
        id,
        version,
        before: review,
        snapshot: lacReviewSnapshot,
        update: () =>
          trx
            .updateTable("lac_review")
            .set((eb) => ({
              ...(input.cancel === true && { status: "cancelled" }),
              ...(input.plannedDate !== undefined && { planned_date: input.plannedDate }),
              ...(input.reviewDate !== undefined && { review_date: input.reviewDate }),
              ...(input.participationCode !== undefined && { participation_code: input.participationCode }),
              ...(input.viewsMethods !== undefined && { views_methods: JSON.stringify([...new Set(input.viewsMethods)]) }),
              ...(input.childViews !== undefined && { child_views: input.childViews }),
              ...(input.summary !== undefined && { summary: input.summary }),
              updated_at: new Date(),
              version: eb("version", "+", 1),
            }))
            .where("la_code", "=", review.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("lac_review").selectAll().where("la_code", "=", review.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: review.la_code, action, personId: review.person_id, entity: "lac_review", entityId: id, details: { fields: given } }],
      });
      if (updated.status === "held" && updated.review_date !== null) {
        await recordCaseEvent(trx, this.actor.userId, { laCode: review.la_code, personId: review.person_id, caseId: review.case_id, occurredOn: updated.review_date, kind: REVIEW_EVENT_KIND, service: "looked_after", title: REVIEW_EVENT_TITLE, summary: participationSummary(updated.participation_code), sourceEntity: "lac_review", sourceId: id });
        if (input.reviewDate !== undefined) await refreshReviewDue(trx, review.la_code, review.person_id);
      }
    });
    return this.present(review.person_id, id);
  }

  /** Saves the letter to the child (If-Match), kept on their record and in their chronology. */
  async saveLetter(id: string, version: number, letter: string): Promise<LacReview> {
    const { review } = await requireReview(this.db, this.actor, id);
    if (review.status !== "held" || review.review_date === null) throw new HttpProblem(409, "This review has not been held", "The letter to the child is written after the review is held.");
    const reviewDate = review.review_date;
    await this.db.transaction().execute(async (trx) => {
      await applyVersionedUpdate<LacReviewRow>(trx, {
        actor: this.actor,
        audit: this.audit,
        laCode: review.la_code,
        entity: "lac_review",
        id,
        version,
        before: review,
        snapshot: lacReviewSnapshot,
        update: () =>
          trx
            .updateTable("lac_review")
            .set((eb) => ({ letter, letter_updated_at: new Date(), updated_at: new Date(), version: eb("version", "+", 1) }))
            .where("la_code", "=", review.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("lac_review").selectAll().where("la_code", "=", review.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        afterUpdate: () =>
          recordCaseEvent(trx, this.actor.userId, { laCode: review.la_code, personId: review.person_id, caseId: review.case_id, occurredOn: todayIso(), kind: "lac_review_letter", service: "looked_after", title: `Letter to the child after their review on ${longDate(reviewDate)}`, sourceEntity: "lac_review", sourceId: id }),
        auditEntries: () => [{ laCode: review.la_code, action: "lac_review.letter.save", personId: review.person_id, entity: "lac_review", entityId: id, details: { length: letter.length } }],
      });
    });
    return this.present(review.person_id, id);
  }

  /** The saved letter as an accessible PDF; each download is audited. */
  async letterPdf(id: string): Promise<{ pdf: Buffer; filename: string }> {
    const { review } = await requireReview(this.db, this.actor, id);
    if (review.status !== "held" || review.review_date === null || review.letter === null) throw new HttpProblem(409, "No letter yet", "Save the letter to the child before downloading it.");
    const names = await loadUserNames(this.db, [review.chair_id]);
    const iro = review.chair_id === null ? null : (names.get(review.chair_id) ?? null);
    const pdf = await renderLetterPdf({
      title: `Your review on ${longDate(review.review_date)}`,
      meta: [iro === null ? "From your Independent Reviewing Officer" : `From ${iro}, your Independent Reviewing Officer`, `Written on ${longDate(todayIso(review.letter_updated_at ?? new Date()))}`],
      letter: review.letter,
      author: iro,
    });
    await this.audit.record(actorForAudit(this.actor), [{ laCode: review.la_code, action: "lac_review.letter.download", personId: review.person_id, entity: "lac_review", entityId: id, details: { bytes: pdf.length } }]);
    return { pdf, filename: `review-letter-${review.review_date}.pdf` };
  }

  /** Assigns the child's IRO (If-Match on the looked-after record). */
  async assignIro(personId: string, version: number, iroId: string): Promise<LacIro> {
    const subject = await requireLookedAfterChild(this.db, this.actor, personId);
    return assignIro(this.db, this.actor, this.audit, subject, version, iroId);
  }
}
