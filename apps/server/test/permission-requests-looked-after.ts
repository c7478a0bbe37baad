import { randomUUID } from "node:crypto";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, STAFF_SCOPE, req, type SessionCase } from "./permission-support.ts";

/**
 * Resets the fixture person's looked-after record so every role's request is the same legal
 * step: never looked after, or (inCare) in care since 3 March 2025 in a U6 foster placement.
 */
async function fresh(f: MatrixFixture, rel: PersonRelation, inCare: boolean): Promise<{ personId: string; laCode: string; episodeId: string | null }> {
  const p = f.people[rel];
  for (const t of ["lac_episode", "lac_missing", "lac_child"] as const) await f.db.deleteFrom(t).where("la_code", "=", p.laCode).where("person_id", "=", p.id).execute();
  if (!inCare) return { personId: p.id, laCode: p.laCode, episodeId: null };
  let c = await f.db.selectFrom("casework_case").select("id").where("la_code", "=", p.laCode).where("kind", "=", "looked_after").where("subject_person_id", "=", p.id).executeTakeFirst();
  if (!c) {
    c = { id: randomUUID() };
    await f.db.insertInto("casework_case").values({ la_code: p.laCode, id: c.id, kind: "looked_after", subject_person_id: p.id, title: "Looked after", opened_on: "2025-03-03", allocated_to: f.users.practitioner.id }).execute();
    await f.db.insertInto("case_member").values({ la_code: p.laCode, case_id: c.id, person_id: p.id, role: "child" }).execute();
  }
  await f.db.insertInto("lac_child").values({ la_code: p.laCode, person_id: p.id, case_id: c.id, iro_id: null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  const episodeId = randomUUID();
  await f.db
    .insertInto("lac_episode")
    .values({ la_code: p.laCode, id: episodeId, person_id: p.id, case_id: c.id, decom: "2025-03-03", rne: "S", ls: "C1", cin: "N1", place: "U6", place_provider: "PR1", provider_id: null, dec: null, rec: null, reason_place_change: null, home_post: null, pl_post: null, urn: null, pl_la: null, pl_location: null, pl_distance: null, created_by: null })
    .execute();
  return { personId: p.id, laCode: p.laCode, episodeId };
}

const base = (personId: string) => `/api/v1/people/${personId}/looked-after`;
const START = { startDate: "2025-03-03", legalStatus: "C1", categoryOfNeed: "N1", place: "U6", placeProvider: "PR1" };

/** Children looked after: the record, each recorded change from a freshly reset record, and providers. */
export const LOOKED_AFTER_CASES: Record<string, SessionCase> = {
  "GET /api/v1/people/:personId/looked-after": { target: "person", roles: STAFF_SCOPE, ok: 200, build: (f, _r, rel) => req(base(f.people[rel].id)) },
  "POST /api/v1/people/:personId/looked-after": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(base((await fresh(f, rel, false)).personId), START) },
  "POST /api/v1/people/:personId/looked-after/changes": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/changes`, { changeDate: "2025-04-07", legalStatus: "C2" }),
  },
  "POST /api/v1/people/:personId/looked-after/cease": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/cease`, { endDate: "2025-04-07", reasonCeased: "E8" }),
  },
  "PATCH /api/v1/people/:personId/looked-after/episodes/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel, true);
      return req(`${base(c.personId)}/episodes/${c.episodeId ?? ""}`, { categoryOfNeed: "N4" }, { "if-match": 'W/"1"' });
    },
  },
  "PUT /api/v1/people/:personId/looked-after/uasc": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/uasc`, { uasc: false }) },
  "GET /api/v1/people/:personId/looked-after/missing": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/missing`) },
  "POST /api/v1/people/:personId/looked-after/missing": {
    target: "person",
    roles: CASEWORK,
    ok: 201,
    build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/missing`, { missingType: "M", startDate: "2025-04-01" }),
  },
  "PATCH /api/v1/people/:personId/looked-after/missing/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel, true);
      const id = randomUUID();
      await f.db.insertInto("lac_missing").values({ la_code: c.laCode, id, person_id: c.personId, missing_type: "A", start_date: "2025-04-01", end_date: null, rhi_offered_on: null, rhi_accepted: null, notes: null, created_by: null }).execute();
      return req(`${base(c.personId)}/missing/${id}`, { endDate: "2025-04-02" }, { "if-match": 'W/"1"' });
    },
  },
  "GET /api/v1/placement-providers": { target: "none", roles: STAFF_SCOPE, ok: 200, build: () => req("/api/v1/placement-providers") },
  "POST /api/v1/placement-providers": { target: "none", roles: CASEWORK, ok: 201, build: (_f, role) => req("/api/v1/placement-providers", { name: `Carers of ${role}`, kind: "foster_carer", placeProvider: "PR1" }) },
};
