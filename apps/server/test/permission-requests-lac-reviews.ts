import { randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { buildUser } from "./factories.ts";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { STAFF_SCOPE, req, tenantOf, type SessionCase } from "./permission-support.ts";

const IRO_WRITERS: readonly Role[] = ["iro"];

interface Child {
  personId: string;
  laCode: string;
  caseId: string;
}

/**
 * Resets the fixture person to a child looked after since 3 March 2025 (one open episode), with
 * the home authority's IRO and no reviews, so every role's request is the same legal step.
 */
async function fresh(f: MatrixFixture, rel: PersonRelation): Promise<Child> {
  const p = f.people[rel];
  for (const t of ["lac_review_decision", "lac_review", "lac_episode", "lac_child"] as const) await f.db.deleteFrom(t).where("la_code", "=", p.laCode).where("person_id", "=", p.id).execute();
  let c = await f.db.selectFrom("casework_case").select("id").where("la_code", "=", p.laCode).where("kind", "=", "looked_after").where("subject_person_id", "=", p.id).executeTakeFirst();
  if (!c) {
    c = { id: randomUUID() };
    await f.db.insertInto("casework_case").values({ la_code: p.laCode, id: c.id, kind: "looked_after", subject_person_id: p.id, title: "Looked after", opened_on: "2025-03-03", allocated_to: f.users.practitioner.id }).execute();
    await f.db.insertInto("case_member").values({ la_code: p.laCode, case_id: c.id, person_id: p.id, role: "child" }).execute();
  }
  await f.db.updateTable("casework_case").set({ status: "open", closed_on: null, closure_reason: null }).where("la_code", "=", p.laCode).where("id", "=", c.id).execute();
  await f.db.insertInto("lac_child").values({ la_code: p.laCode, person_id: p.id, case_id: c.id, iro_id: f.users.iro.id, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  await f.db.insertInto("lac_episode").values({ la_code: p.laCode, id: randomUUID(), person_id: p.id, case_id: c.id, decom: "2025-03-03", rne: "S", ls: "C2", cin: "N1", place: "U1", place_provider: "PR1" }).execute();
  return { personId: p.id, laCode: p.laCode, caseId: c.id };
}

/** A review of the freshly reset child: scheduled, or held (optionally with its letter saved). */
async function review(f: MatrixFixture, rel: PersonRelation, state: "scheduled" | "held" | "letter"): Promise<string> {
  const child = await fresh(f, rel);
  const id = randomUUID();
  const held = state !== "scheduled";
  await f.db
    .insertInto("lac_review")
    .values({
      la_code: child.laCode,
      id,
      person_id: child.personId,
      case_id: child.caseId,
      status: held ? "held" : "scheduled",
      planned_date: "2025-03-20",
      review_date: held ? "2025-03-20" : null,
      participation_code: held ? "PN1" : null,
      views_methods: "[]",
      chair_id: held ? f.users.iro.id : null,
      summary: held ? "Matrix review" : null,
      letter: state === "letter" ? "Dear Morgan,\n\nWe met for your review." : null,
      letter_updated_at: state === "letter" ? new Date() : null,
    })
    .execute();
  return id;
}

const iroOf = new Map<string, string>();
/** An active IRO of the person's authority (one per authority, made once). */
async function iroFor(f: MatrixFixture, rel: PersonRelation): Promise<string> {
  const tenant = tenantOf(f, rel);
  const known = iroOf.get(tenant.laCode);
  if (known !== undefined) return known;
  const id = (await buildUser(f.db, tenant, "iro")).id;
  iroOf.set(tenant.laCode, id);
  return id;
}

const HELD = { reviewDate: "2025-03-20", participationCode: "PN1", viewsMethods: ["in_meeting"], summary: "Matrix review held." };

/** Looked-after reviews: reading needs lac:read; scheduling, recording, the letter and the IRO need iro:write. */
export const LAC_REVIEW_CASES: Record<string, SessionCase> = {
  "GET /api/v1/people/:personId/lac-reviews": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`/api/v1/people/${(await fresh(f, rel)).personId}/lac-reviews`) },
  "POST /api/v1/people/:personId/lac-reviews": { target: "person", roles: IRO_WRITERS, ok: 201, build: async (f, _r, rel) => req(`/api/v1/people/${(await fresh(f, rel)).personId}/lac-reviews`, { plannedDate: "2025-03-20" }) },
  "GET /api/v1/lac-reviews/:id": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await review(f, rel, "scheduled")}`) },
  "PATCH /api/v1/lac-reviews/:id": { target: "person", roles: IRO_WRITERS, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await review(f, rel, "scheduled")}`, { plannedDate: "2025-03-25" }, { "if-match": 'W/"1"' }) },
  "POST /api/v1/lac-reviews/:id/held": { target: "person", roles: IRO_WRITERS, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await review(f, rel, "scheduled")}/held`, HELD) },
  "PUT /api/v1/lac-reviews/:id/letter": { target: "person", roles: IRO_WRITERS, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await review(f, rel, "held")}/letter`, { letter: "Dear Morgan,\n\nThank you for coming to your review." }, { "if-match": 'W/"1"' }) },
  "GET /api/v1/lac-reviews/:id/letter.pdf": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`/api/v1/lac-reviews/${await review(f, rel, "letter")}/letter.pdf`) },
  "PUT /api/v1/people/:personId/looked-after/iro": {
    target: "person",
    roles: IRO_WRITERS,
    ok: 200,
    build: async (f, _r, rel) => {
      const child = await fresh(f, rel);
      return req(`/api/v1/people/${child.personId}/looked-after/iro`, { iroId: await iroFor(f, rel) }, { "if-match": 'W/"1"' });
    },
  },
};
