import type { LacIro, LacReview, LacReviews } from "@family-story/schemas";
import { get, request, type Versioned } from "./api-client.ts";

const enc = encodeURIComponent;
const ifMatch = (version: number) => `W/"${String(version)}"`;

/** A child's reviews, next review due, IRO and the people a review can name. */
export function loadLacReviews(personId: string): Promise<LacReviews> {
  return get<LacReviews>(`/api/v1/people/${enc(personId)}/lac-reviews`);
}

/** One review. */
export function loadLacReview(id: string): Promise<LacReview> {
  return get<LacReview>(`/api/v1/lac-reviews/${enc(id)}`);
}

/** Schedules the child's next review. */
export function scheduleReview(personId: string, plannedDate: string): Promise<Versioned<LacReview>> {
  return request<LacReview>("POST", `/api/v1/people/${enc(personId)}/lac-reviews`, { body: { plannedDate } });
}

/** Moves, cancels or corrects a review (If-Match with the version the IRO saw). */
export function patchReview(review: LacReview, body: unknown): Promise<Versioned<LacReview>> {
  return request<LacReview>("PATCH", `/api/v1/lac-reviews/${enc(review.id)}`, { body, ifMatch: ifMatch(review.version) });
}

/** Records a scheduled review as held. */
export function recordReviewHeld(id: string, body: unknown): Promise<Versioned<LacReview>> {
  return request<LacReview>("POST", `/api/v1/lac-reviews/${enc(id)}/held`, { body });
}

/** Saves the letter to the child (If-Match). */
export function saveReviewLetter(review: LacReview, letter: string): Promise<Versioned<LacReview>> {
  return request<LacReview>("PUT", `/api/v1/lac-reviews/${enc(review.id)}/letter`, { body: { letter }, ifMatch: ifMatch(review.version) });
}

/** Where the saved letter's PDF is downloaded from. */
export function reviewLetterPdfUrl(id: string): string {
  return `/api/v1/lac-reviews/${enc(id)}/letter.pdf`;
}

/** Assigns the child's IRO (If-Match with the looked-after record's version). */
export function assignIro(personId: string, lacVersion: number, iroId: string): Promise<Versioned<LacIro>> {
  return request<LacIro>("PUT", `/api/v1/people/${enc(personId)}/looked-after/iro`, { body: { iroId }, ifMatch: ifMatch(lacVersion) });
}
