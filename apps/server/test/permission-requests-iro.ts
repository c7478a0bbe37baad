import { randomUUID } from "node:crypto";
import { QA_QUESTION_KEYS, addCalendarDays } from "@family-story/domain";
import type { Role } from "@family-story/domain";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { STAFF_SCOPE, req, type SessionCase } from "./permission-support.ts";

const IRO_WRITERS: readonly Role[] = ["iro"];
const IRO_READERS: readonly Role[] = ["team_manager", "iro", "performance_analyst"];
const ANSWERS = Object.fromEntries(QA_QUESTION_KEYS.map((k) => [k, "yes"]));

interface Child {
  personId: string;
  laCode: string;
  caseId: string;
}

/**
 * Makes the fixture person looked after if they are not (a looked_after case, lac_child and an
 * open episode), leaving an existing record as it is: other tables' requests reset it their way.
 */
async function lookedAfter(f: MatrixFixture, rel: PersonRelation): Promise<Child> {
  const p = f.people[rel];
  const existing = await f.db.selectFrom("lac_child").select("case_id").where("la_code", "=", p.laCode).where("person_id", "=", p.id).executeTakeFirst();
  if (existing) return { personId: p.id, laCode: p.laCode, caseId: existing.case_id };
  let c = await f.db.selectFrom("casework_case").select("id").where("la_code", "=", p.laCode).where("kind", "=", "looked_after").where("subject_person_id", "=", p.id).executeTakeFirst();
  if (!c) {
    c = { id: randomUUID() };
    await f.db.insertInto("casework_case").values({ la_code: p.laCode, id: c.id, kind: "looked_after", subject_person_id: p.id, title: "Looked after", opened_on: "2025-03-03", allocated_to: f.users.practitioner.id }).execute();
    await f.db.insertInto("case_member").values({ la_code: p.laCode, case_id: c.id, person_id: p.id, role: "child" }).execute();
  }
  await f.db.insertInto("lac_child").values({ la_code: p.laCode, person_id: p.id, case_id: c.id, iro_id: f.users.iro.id, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  const episodes = await f.db.selectFrom("lac_episode").select("id").where("la_code", "=", p.laCode).where("person_id", "=", p.id).execute();
  if (episodes.length === 0) {
    await f.db
      .insertInto("lac_episode")
      .values({ la_code: p.laCode, id: randomUUID(), person_id: p.id, case_id: c.id, decom: "2025-03-03", rne: "S", ls: "C1", cin: "N1", place: "U6", place_provider: "PR1", provider_id: null, dec: null, rec: null, reason_place_change: null, home_post: null, pl_post: null, urn: null, pl_la: null, pl_location: null, pl_distance: null, created_by: null })
      .execute();
  }
  return { personId: p.id, laCode: p.laCode, caseId: c.id };
}

// Each held review needs a day of its own (one held review per child per day).
let reviewDay = 0;

/** A held review of the looked-after child, on a day no other review of theirs has. */
async function heldReview(f: MatrixFixture, rel: PersonRelation): Promise<Child & { reviewId: string; date: string }> {
  const child = await lookedAfter(f, rel);
  const id = randomUUID();
  reviewDay += 1;
  const date = addCalendarDays("2023-01-01", reviewDay);
  await f.db
    .insertInto("lac_review")
    .values({ la_code: child.laCode, id, person_id: child.personId, case_id: child.caseId, status: "held", planned_date: date, review_date: date, participation_code: "PN1", views_methods: "[]", chair_id: null, summary: null, child_views: null, letter: null, letter_updated_at: null, created_by: null })
    .execute();
  return { ...child, reviewId: id, date };
}

/** An open dispute (informal alert, version 1) about the child. */
async function openDispute(f: MatrixFixture, rel: PersonRelation): Promise<string> {
  const child = await lookedAfter(f, rel);
  const id = randomUUID();
  await f.db
    .insertInto("iro_dispute")
    .values({ la_code: child.laCode, id, person_id: child.personId, raised_on: "2025-01-10", theme: "care_planning", summary: "Matrix dispute", stage: "informal", status: "open", stages: JSON.stringify([{ stage: "informal", date: "2025-01-10", outcome: "open", notes: "", by: null }]), raised_by: null })
    .execute();
  return id;
}

/** A held review with its QA form completed. */
async function reviewWithQa(f: MatrixFixture, rel: PersonRelation): Promise<string> {
  const r = await heldReview(f, rel);
  await f.db.insertInto("iro_qa").values({ la_code: r.laCode, id: randomUUID(), review_id: r.reviewId, person_id: r.personId, answers: JSON.stringify(ANSWERS), comments: null, completed_on: r.date, completed_by: null }).execute();
  return r.reviewId;
}

const personBase = (personId: string) => `/api/v1/people/${personId}/iro`;

/** The IRO's records: reading a child's needs lac:read; writing needs iro:write; the caseload and QA aggregate iro:read. */
export const IRO_CASES: Record<string, SessionCase> = {
  "GET /api/v1/people/:personId/iro/midpoints": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${personBase((await lookedAfter(f, rel)).personId)}/midpoints`) },
  "POST /api/v1/people/:personId/iro/midpoints": {
    target: "person",
    roles: IRO_WRITERS,
    ok: 201,
    build: async (f, _r, rel) => {
      const r = await heldReview(f, rel);
      return req(`${personBase(r.personId)}/midpoints`, { checkDate: r.date, onTrack: true, notes: "Matrix check" });
    },
  },
  "GET /api/v1/people/:personId/iro/disputes": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${personBase((await lookedAfter(f, rel)).personId)}/disputes`) },
  "POST /api/v1/people/:personId/iro/disputes": {
    target: "person",
    roles: IRO_WRITERS,
    ok: 201,
    build: async (f, _r, rel) => req(`${personBase((await lookedAfter(f, rel)).personId)}/disputes`, { raisedOn: "2025-01-10", theme: "placement", summary: "Matrix dispute" }),
  },
  "GET /api/v1/iro/disputes/:id": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`/api/v1/iro/disputes/${await openDispute(f, rel)}`) },
  "PATCH /api/v1/iro/disputes/:id": {
    target: "person",
    roles: IRO_WRITERS,
    ok: 200,
    build: async (f, _r, rel) => req(`/api/v1/iro/disputes/${await openDispute(f, rel)}`, { outcome: "resolved", date: "2025-01-11", notes: "Agreed" }, { "if-match": 'W/"1"' }),
  },
  "GET /api/v1/people/:personId/iro/qa": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${personBase((await lookedAfter(f, rel)).personId)}/qa`) },
  "GET /api/v1/lac-reviews/:id/qa": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await reviewWithQa(f, rel)}/qa`) },
  "PUT /api/v1/lac-reviews/:id/qa": {
    target: "person",
    roles: IRO_WRITERS,
    ok: 201,
    build: async (f, _r, rel) => {
      const r = await heldReview(f, rel);
      return req(`/api/v1/lac-reviews/${r.reviewId}/qa`, { completedOn: r.date, answers: ANSWERS });
    },
  },
  "GET /api/v1/iro/qa-summary": { target: "none", roles: IRO_READERS, ok: 200, build: () => req("/api/v1/iro/qa-summary?from=2023-01-01&to=2025-12-31") },
  "GET /api/v1/iro/caseload": { target: "none", roles: IRO_READERS, ok: 200, build: () => req("/api/v1/iro/caseload") },
};
