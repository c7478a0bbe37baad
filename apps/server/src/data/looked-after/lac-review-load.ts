import { nextLookedAfterReviewDue } from "@family-story/domain";
import type { LacReview } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import { presentLacReview, type LacReviewDecisionRow, type LacReviewRow } from "../../presenters/lac-review-presenter.ts";
import type { Actor } from "../actor.ts";
import { anyUuid, loadUserNames } from "../casework/name-lookup.ts";
import { draftLetter } from "./lac-review-letter.ts";
import { heldIn, loadCarePeriods, periodOn, timelinessByDate, type CarePeriod } from "./lac-review-schedule.ts";
import { requireLookedAfterChild, type LookedAfterSubject } from "./lac-scope.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The work item kind a review decision owned by a user becomes. */
export const DECISION_ITEM_KIND = "lac_review_action";
export const DECISION_SOURCE = "lac_review_decision";

/** The name a letter calls the child by. */
export function preferredName(person: PersonRow): string {
  return person.preferred_name ?? person.given_name;
}

/** A review the actor may see, with its child: 404 when there is none or the child is out of scope. */
export async function requireReview(db: Db, actor: Actor, id: string): Promise<{ subject: LookedAfterSubject; review: LacReviewRow }> {
  const review = await db.selectFrom("lac_review").selectAll().where("la_code", "in", actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
  if (!review) throw notFound("Review");
  const subject = await requireLookedAfterChild(db, actor, review.person_id);
  if (subject.person.la_code !== review.la_code) throw notFound("Review");
  return { subject, review };
}

/** A child's reviews, newest first (held by review date, others by planned date). */
export function loadReviewRows(db: Db, laCode: string, personId: string): Promise<LacReviewRow[]> {
  return db
    .selectFrom("lac_review")
    .selectAll()
    .where("la_code", "=", laCode)
    .where("person_id", "=", personId)
    .orderBy((eb) => eb.fn.coalesce("review_date", "planned_date"), "desc")
    .orderBy("created_at", "desc")
    .execute();
}

/** The dates of a child's held reviews. */
export function heldDates(rows: readonly LacReviewRow[]): string[] {
  return rows.flatMap((r) => (r.status === "held" && r.review_date !== null ? [r.review_date] : []));
}

/** What presenting a child's reviews needs besides the rows: their periods of care and every held date. */
export interface ChildReviewContext {
  subject: LookedAfterSubject;
  periods: CarePeriod[];
  held: string[];
}

/** Loads the periods of care and held review dates of a child. */
export async function loadChildContext(db: Db, subject: LookedAfterSubject): Promise<ChildReviewContext> {
  const [periods, rows] = await Promise.all([loadCarePeriods(db, subject.lac.la_code, subject.lac.person_id), loadReviewRows(db, subject.lac.la_code, subject.lac.person_id)]);
  return { subject, periods, held: heldDates(rows) };
}

/** When the review after this held one is due, as the letter tells the child (null when care has ended since). */
export function nextReviewAfter(ctx: ChildReviewContext, reviewDate: string): string | null {
  const period = periodOn(ctx.periods, reviewDate);
  if (!period) return null;
  const upTo = heldIn(period, ctx.held).filter((d) => d <= reviewDate);
  const next = nextLookedAfterReviewDue(period.start, upTo.includes(reviewDate) ? upTo : [...upTo, reviewDate]);
  return period.end !== null && next > period.end ? null : next;
}

/** Presents reviews of one child: decisions and their owners' progress, timeliness and the letter's draft. */
export async function presentReviews(db: Db, ctx: ChildReviewContext, rows: readonly LacReviewRow[]): Promise<LacReview[]> {
  if (rows.length === 0) return [];
  const laCode = ctx.subject.lac.la_code;
  const ids = rows.map((r) => r.id);
  const decisions = await db.selectFrom("lac_review_decision").selectAll().where("la_code", "=", laCode).where("review_id", "=", anyUuid(ids)).orderBy("created_at").orderBy("id").execute();
  const decisionIds = decisions.map((d) => d.id);
  const done = decisionIds.length === 0
    ? []
    : await db.selectFrom("work_item").select("source_id").where("la_code", "=", laCode).where("kind", "=", DECISION_ITEM_KIND).where("source_entity", "=", DECISION_SOURCE).where("source_id", "=", anyUuid(decisionIds)).where("status", "=", "done").execute();
  const users = await loadUserNames(db, [...rows.map((r) => r.chair_id), ...decisions.map((d) => d.owner_id)]);
  const timeliness = timelinessByDate(ctx.periods, ctx.held);
  const byReview = new Map<string, LacReviewDecisionRow[]>();
  for (const d of decisions) byReview.set(d.review_id, [...(byReview.get(d.review_id) ?? []), d]);
  const doneDecisions = new Set(done.map((d) => d.source_id));
  return rows.map((row) => {
    const mine = byReview.get(row.id) ?? [];
    const held = row.status === "held" && row.review_date !== null ? row.review_date : null;
    const draft =
      held === null
        ? null
        : draftLetter({
            childName: preferredName(ctx.subject.person),
            reviewDate: held,
            childViews: row.child_views,
            decisions: mine.map((d) => ({ decision: d.decision, owner: d.owner_id !== null ? (users.get(d.owner_id) ?? null) : d.owner_name, dueDate: d.due_date })),
            nextReviewBy: nextReviewAfter(ctx, held),
            iroName: row.chair_id === null ? null : (users.get(row.chair_id) ?? null),
          });
    return presentLacReview({ row, decisions: mine, doneDecisions, users, timeliness: held === null ? undefined : timeliness.get(held), letterDraft: draft });
  });
}
