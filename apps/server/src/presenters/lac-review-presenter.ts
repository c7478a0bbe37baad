import { REVIEW_PARTICIPATION } from "@family-story/domain";
import type { LacReview, NamedRef } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { LacReviewDecisionTable, LacReviewTable } from "../db/looked-after-types.ts";

export type LacReviewRow = Selectable<LacReviewTable>;
export type LacReviewDecisionRow = Selectable<LacReviewDecisionTable>;

/** Everything a review is presented from, loaded beforehand so presenting runs no queries. */
export interface ReviewFacts {
  row: LacReviewRow;
  decisions: LacReviewDecisionRow[];
  /** Decisions whose task their owner has completed. */
  doneDecisions: ReadonlySet<string>;
  users: ReadonlyMap<string, string>;
  timeliness: { due: string; onTime: boolean } | undefined;
  letterDraft: string | null;
}

const PARTICIPATION_LABELS = new Map<string, string>(REVIEW_PARTICIPATION.map((p) => [p.code, p.label]));

function ref(id: string | null, users: ReadonlyMap<string, string>): NamedRef | null {
  return id === null ? null : { id, name: users.get(id) ?? "Unknown" };
}

function reviewStatus(status: string): LacReview["status"] {
  return status === "scheduled" || status === "cancelled" ? status : "held";
}

/** A looked-after review in its API shape. */
export function presentLacReview(f: ReviewFacts): LacReview {
  const { row } = f;
  return {
    id: row.id,
    personId: row.person_id,
    status: reviewStatus(row.status),
    plannedDate: row.planned_date,
    reviewDate: row.review_date,
    dueBy: f.timeliness?.due ?? null,
    timeliness: f.timeliness === undefined ? null : f.timeliness.onTime ? "on_time" : "late",
    participationCode: row.participation_code,
    participationLabel: row.participation_code === null ? null : (PARTICIPATION_LABELS.get(row.participation_code) ?? null),
    viewsMethods: row.views_methods,
    childViews: row.child_views,
    summary: row.summary,
    chair: ref(row.chair_id, f.users),
    decisions: f.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      owner: ref(d.owner_id, f.users),
      ownerName: d.owner_name,
      dueDate: d.due_date,
      status: d.status === "done" || f.doneDecisions.has(d.id) ? "done" : "open",
    })),
    letter: row.letter,
    letterDraft: row.status === "held" ? (row.letter ?? f.letterDraft) : null,
    letterUpdatedAt: row.letter_updated_at?.toISOString() ?? null,
    source: row.source,
    version: row.version,
  };
}

/** The fields a conflict message and the record history compare. */
export function lacReviewSnapshot(row: LacReviewRow): Record<string, unknown> {
  return {
    status: row.status,
    plannedDate: row.planned_date,
    reviewDate: row.review_date,
    participationCode: row.participation_code,
    viewsMethods: row.views_methods,
    childViews: row.child_views,
    summary: row.summary,
    letter: row.letter,
  };
}
