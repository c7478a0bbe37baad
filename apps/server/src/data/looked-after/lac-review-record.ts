import { randomUUID } from "node:crypto";
import { todayIso } from "@family-story/domain";
import type { LacReviewHeld } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { lacReviewSnapshot, type LacReviewRow } from "../../presenters/lac-review-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { upsertWorkItem } from "../casework/work-items.ts";
import { recordVersion } from "../versioning.ts";
import { DECISION_ITEM_KIND, DECISION_SOURCE } from "./lac-review-load.ts";
import { longDate } from "./lac-review-letter.ts";
import { loadCarePeriods, periodOn, refreshReviewDue } from "./lac-review-schedule.ts";
import type { LookedAfterSubject } from "./lac-scope.ts";

/** Roles whose members can own a review decision (staff who keep a work tray). */
export const DECISION_OWNER_ROLES = ["practitioner", "team_manager", "iro", "youth_justice_worker"];

/** The chronology event of a held review (one per review; a corrected date moves it). */
export const REVIEW_EVENT_KIND = "lac_review";

export const REVIEW_EVENT_TITLE = "Looked-after review held";

/** The chronology's one-line summary of a review. */
export function participationSummary(code: string | null): string {
  return `Participation ${code ?? "not recorded"}`;
}

/** 422 naming the field, for a value that does not fit the record. */
export function unfit(field: string, message: string, title = "Check the review"): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}

/**
 * Checks a held review's date against the record: not in the future (422), inside a period of
 * care (409) and not the day of another held review (409).
 */
export async function checkReviewDate(db: Kysely<Database> | Transaction<Database>, subject: LookedAfterSubject, reviewDate: string, reviewId: string): Promise<void> {
  if (reviewDate > todayIso()) throw unfit("reviewDate", "The review date must be today or in the past");
  const periods = await loadCarePeriods(db, subject.lac.la_code, subject.lac.person_id);
  if (!periodOn(periods, reviewDate)) {
    throw new HttpProblem(409, "Not looked after on that day", `The child was not in a period of care on ${longDate(reviewDate)}, so a looked-after review cannot be recorded then.`, { errors: [{ field: "reviewDate", message: "Not in a period of care" }] });
  }
  const clash = await db.selectFrom("lac_review").select("id").where("la_code", "=", subject.lac.la_code).where("person_id", "=", subject.lac.person_id).where("status", "=", "held").where("review_date", "=", reviewDate).where("id", "!=", reviewId).executeTakeFirst();
  if (clash) throw new HttpProblem(409, "A review is already recorded on that day", `Another review of this child is recorded on ${longDate(reviewDate)}. Correct that one instead.`, { errors: [{ field: "reviewDate", message: "Another review is recorded that day" }] });
}

/** The decision owners, each an active member of staff of the child's authority (422 naming the decision otherwise). */
async function requireOwners(db: Kysely<Database>, laCode: string, input: LacReviewHeld): Promise<Map<string, { id: string; team_id: string | null }>> {
  const owners = new Map<string, { id: string; team_id: string | null }>();
  for (const [i, d] of input.decisions.entries()) {
    if (d.ownerId === undefined || owners.has(d.ownerId)) continue;
    const user = await db.selectFrom("app_user").select(["id", "team_id", "role", "active", "la_code"]).where("id", "=", d.ownerId).executeTakeFirst();
    if (!user?.active || user.la_code !== laCode || !DECISION_OWNER_ROLES.includes(user.role)) {
      throw unfit(`decisions.${String(i)}.ownerId`, "Choose a member of staff of the child’s authority, or name someone outside the system");
    }
    owners.set(user.id, { id: user.id, team_id: user.team_id });
  }
  return owners;
}

/**
 * Records a scheduled review as held, chaired by the actor: the date, participation, how the
 * child's views were gathered, the minutes and the decisions (each owned by a user becomes a
 * `lac_review_action` task on their tray). In one transaction it also writes the chronology
 * event, recomputes the next review due and audits.
 */
export async function recordHeldReview(db: Kysely<Database>, actor: Actor, audit: AuditLog, subject: LookedAfterSubject, review: LacReviewRow, input: LacReviewHeld): Promise<void> {
  if (review.status !== "scheduled") throw new HttpProblem(409, review.status === "held" ? "This review is already recorded" : "This review was cancelled", "Only a scheduled review can be recorded as held. Correct a held review instead, or schedule a new one.");
  await checkReviewDate(db, subject, input.reviewDate, review.id);
  const { la_code: laCode, person_id: personId, case_id: caseId } = subject.lac;
  const owners = await requireOwners(db, laCode, input);
  const c = await db.selectFrom("casework_case").select(["team_id"]).where("la_code", "=", laCode).where("id", "=", caseId).executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("lac_review")
      .set((eb) => ({
        status: "held",
        review_date: input.reviewDate,
        participation_code: input.participationCode,
        views_methods: JSON.stringify([...new Set(input.viewsMethods)]),
        child_views: input.childViews ?? null,
        summary: input.summary,
        chair_id: actor.userId,
        updated_at: new Date(),
        version: eb("version", "+", 1),
      }))
      .where("la_code", "=", laCode)
      .where("id", "=", review.id)
      .where("status", "=", "scheduled")
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new HttpProblem(409, "This review is already recorded", "Someone recorded or cancelled this review a moment ago. Reload it.");
    await recordVersion(trx, actor, laCode, "lac_review", review.id, updated.version, lacReviewSnapshot(updated));
    // created_at a millisecond apart keeps the decisions in the order the IRO gave them.
    const at = Date.now();
    for (const [i, d] of input.decisions.entries()) {
      const id = randomUUID();
      const owner = d.ownerId === undefined ? undefined : owners.get(d.ownerId);
      await trx
        .insertInto("lac_review_decision")
        .values({ la_code: laCode, id, review_id: review.id, person_id: personId, decision: d.decision, owner_id: owner?.id ?? null, owner_name: owner ? null : (d.ownerName ?? null), due_date: d.dueDate, created_at: new Date(at + i) })
        .execute();
      if (owner) {
        await upsertWorkItem(trx, actor.userId, {
          laCode,
          kind: DECISION_ITEM_KIND,
          sourceEntity: DECISION_SOURCE,
          sourceId: id,
          caseId,
          personId,
          title: `Review decision: ${d.decision.length > 160 ? `${d.decision.slice(0, 157)}…` : d.decision}`,
          dueDate: d.dueDate,
          assignedTo: owner.id,
          teamId: owner.team_id ?? c?.team_id ?? null,
        });
      }
    }
    await recordCaseEvent(trx, actor.userId, { laCode, personId, caseId, occurredOn: input.reviewDate, kind: REVIEW_EVENT_KIND, service: "looked_after", title: REVIEW_EVENT_TITLE, summary: participationSummary(input.participationCode), sourceEntity: "lac_review", sourceId: review.id });
    await refreshReviewDue(trx, laCode, personId);
    await audit.appendInTransaction(trx, actorForAudit(actor), [
      { laCode, action: "lac_review.held", personId, entity: "lac_review", entityId: review.id, details: { reviewDate: input.reviewDate, participationCode: input.participationCode, decisions: input.decisions.length } },
    ]);
  });
}
