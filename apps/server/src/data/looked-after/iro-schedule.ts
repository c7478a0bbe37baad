import { PLACEMENT_TYPES, codeLabel, midpointDue, periodsOfCare, placementsOf } from "@family-story/domain";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { toEpisode, type LacEpisodeRow } from "./lac-episodes.ts";
import { currentPeriod, nextReviewDue } from "./lac-review-schedule.ts";

/** Where a child stands between reviews, as the IRO's mid-point monitoring reads it. */
export interface ChildSchedule {
  /** Looked after now (the latest period of care has not ended). */
  lookedAfter: boolean;
  placement: { code: string; label: string; since: string } | null;
  /** Held reviews, newest first (every period). */
  heldReviews: { id: string; date: string }[];
  /** The last review held in the current period of care. */
  lastReview: { id: string; date: string } | null;
  nextReviewDue: string | null;
  /** Halfway from the last review to the next one due; null before the first review. */
  midpointDue: string | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The review schedule of many children at once (a caseload is one read, not one per child): the
 * next review due comes from the review schedule (lac-review-schedule.ts and the domain's
 * timescales), and the mid-point falls halfway from the last review to it.
 */
export async function loadSchedules(db: Db, laCodes: readonly string[], personIds: readonly string[]): Promise<Map<string, ChildSchedule>> {
  const out = new Map<string, ChildSchedule>();
  const ids = [...new Set(personIds)];
  if (ids.length === 0 || laCodes.length === 0) return out;
  const [episodes, reviews] = await Promise.all([
    db.selectFrom("lac_episode").selectAll().where("la_code", "in", laCodes).where("person_id", "=", anyUuid(ids)).orderBy("decom").execute(),
    db
      .selectFrom("lac_review")
      .select(["id", "person_id", "review_date"])
      .where("la_code", "in", laCodes)
      .where("person_id", "=", anyUuid(ids))
      .where("status", "=", "held")
      .where("review_date", "is not", null)
      .orderBy("review_date", "desc")
      .execute(),
  ]);
  const episodesOf = new Map<string, LacEpisodeRow[]>();
  for (const e of episodes) episodesOf.set(e.person_id, [...(episodesOf.get(e.person_id) ?? []), e]);
  const reviewsOf = new Map<string, { id: string; date: string }[]>();
  for (const r of reviews) if (r.review_date !== null) reviewsOf.set(r.person_id, [...(reviewsOf.get(r.person_id) ?? []), { id: r.id, date: r.review_date }]);
  for (const id of ids) out.set(id, scheduleOf(episodesOf.get(id) ?? [], reviewsOf.get(id) ?? []));
  return out;
}

/** One child's schedule from their episodes and held reviews (newest first). */
export function scheduleOf(episodeRows: readonly LacEpisodeRow[], heldReviews: readonly { id: string; date: string }[]): ChildSchedule {
  const episodes = episodeRows.map(toEpisode);
  const periods = periodsOfCare(episodes).map((p) => ({ start: p.start, end: p.end }));
  const period = currentPeriod(periods);
  const held = heldReviews.map((r) => r.date);
  const next = nextReviewDue(periods, held);
  const lastReview = period ? (heldReviews.find((r) => r.date >= period.start) ?? null) : null;
  const spell = period ? placementsOf(episodes).at(-1) : undefined;
  const code = spell?.placement.place;
  return {
    lookedAfter: period !== undefined,
    placement: spell && code ? { code, label: placementLabel(code), since: spell.start } : null,
    heldReviews: [...heldReviews],
    lastReview,
    nextReviewDue: next,
    midpointDue: lastReview && next !== null ? midpointDue(lastReview.date, next) : null,
  };
}

function placementLabel(code: string): string {
  const known = PLACEMENT_TYPES.find((p) => p.code === code);
  return known ? codeLabel(PLACEMENT_TYPES, known.code) : code;
}
