import { randomUUID } from "node:crypto";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, STAFF_SCOPE, req, type SessionCase } from "./permission-support.ts";

/** This module's tables, cleared so each request starts from the same record. */
const TABLES = ["lac_check", "lac_oc2", "lac_oc3", "lac_pathway_plan", "lac_ad1", "lac_placed_adoption", "lac_sw_episode", "lac_dolo", "lac_episode", "lac_child"] as const;
const FIXTURE_DOB = "2015-06-01";

interface Fresh {
  personId: string;
  laCode: string;
}

/**
 * Resets the fixture person's looked-after record: in care since 3 March 2025 (or, as a care
 * leaver, born 15 June 2006 and in care from 2020 until 1 July 2024), with nothing of this
 * module recorded and no version history of the rows keyed by the person.
 */
async function fresh(f: MatrixFixture, rel: PersonRelation, leaver = false): Promise<Fresh> {
  const p = f.people[rel];
  for (const t of TABLES) await f.db.deleteFrom(t).where("la_code", "=", p.laCode).where("person_id", "=", p.id).execute();
  await f.db.deleteFrom("record_history").where("la_code", "=", p.laCode).where("entity_id", "=", p.id).where((eb) => eb.or([eb("entity", "in", ["lac_child", "lac_ad1"]), eb("entity", "like", "lac_oc3:%")])).execute();
  await f.db.updateTable("person").set({ dob: leaver ? "2006-06-15" : FIXTURE_DOB }).where("la_code", "=", p.laCode).where("id", "=", p.id).execute();
  let c = await f.db.selectFrom("casework_case").select("id").where("la_code", "=", p.laCode).where("kind", "=", "looked_after").where("subject_person_id", "=", p.id).executeTakeFirst();
  if (!c) {
    c = { id: randomUUID() };
    await f.db.insertInto("casework_case").values({ la_code: p.laCode, id: c.id, kind: "looked_after", subject_person_id: p.id, title: "Looked after", opened_on: "2025-03-03", allocated_to: f.users.practitioner.id }).execute();
    await f.db.insertInto("case_member").values({ la_code: p.laCode, case_id: c.id, person_id: p.id, role: "child" }).execute();
  }
  await f.db.insertInto("lac_child").values({ la_code: p.laCode, person_id: p.id, case_id: c.id, iro_id: null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  const episode = leaver ? { decom: "2020-01-01", ls: "V2", dec: "2024-07-01", rec: "E17" } : { decom: "2025-03-03", ls: "C1", dec: null, rec: null };
  await f.db
    .insertInto("lac_episode")
    .values({ la_code: p.laCode, id: randomUUID(), person_id: p.id, case_id: c.id, ...episode, rne: "S", cin: "N1", place: "U6", place_provider: "PR1", provider_id: null, reason_place_change: null, home_post: null, pl_post: null, urn: null, pl_la: null, pl_location: null, pl_distance: null, created_by: null })
    .execute();
  return { personId: p.id, laCode: p.laCode };
}

const base = (personId: string) => `/api/v1/people/${personId}/looked-after`;
const V1 = { "if-match": 'W/"1"' };

/** A fresh record with one row of a table inserted, and the URL of that row. */
async function withRow(f: MatrixFixture, rel: PersonRelation, path: string, insert: (c: Fresh, id: string) => Promise<unknown>): Promise<string> {
  const c = await fresh(f, rel);
  const id = randomUUID();
  await insert(c, id);
  return `${base(c.personId)}/${path}/${id}`;
}

/** Health and education checks, OC2, permanence and adoption, care leavers and pathway plans. */
export const LOOKED_AFTER_HEALTH_CASES: Record<string, SessionCase> = {
  "GET /api/v1/people/:personId/looked-after/checks": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/checks`) },
  "POST /api/v1/people/:personId/looked-after/checks": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/checks`, { kind: "dental_check", checkDate: "2025-04-01" }) },
  "PATCH /api/v1/people/:personId/looked-after/checks/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) =>
      req(await withRow(f, rel, "checks", (c, id) => f.db.insertInto("lac_check").values({ la_code: c.laCode, id, person_id: c.personId, kind: "dental_check", check_date: "2025-04-01", sdq_score: null, outcome: null, notes: null, created_by: null }).execute()), { kind: "dental_check", checkDate: "2025-04-02" }, V1),
  },
  "GET /api/v1/people/:personId/looked-after/oc2": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/oc2?year=2025`) },
  "GET /api/v1/people/:personId/looked-after/permanence": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/permanence`) },
  "PUT /api/v1/people/:personId/looked-after/permanence/ad1": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/permanence/ad1`, { dateInt: "2025-04-01" }) },
  "PUT /api/v1/people/:personId/looked-after/permanence/previous": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/permanence/previous`, { prevPerm: "Z1" }, V1) },
  "POST /api/v1/people/:personId/looked-after/placed-for-adoption": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/placed-for-adoption`, { datePlaced: "2025-04-01" }) },
  "PATCH /api/v1/people/:personId/looked-after/placed-for-adoption/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) =>
      req(await withRow(f, rel, "placed-for-adoption", (c, id) => f.db.insertInto("lac_placed_adoption").values({ la_code: c.laCode, id, person_id: c.personId, date_placed: "2025-04-01", date_placed_ceased: null, reason_placed_ceased: null }).execute()), { datePlaced: "2025-04-01", datePlacedCeased: "2025-05-01", reasonPlacedCeased: "RD4" }, V1),
  },
  "POST /api/v1/people/:personId/looked-after/sw-episodes": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/sw-episodes`, { swId: "SW1", swDecom: "2025-03-03" }) },
  "PATCH /api/v1/people/:personId/looked-after/sw-episodes/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(await withRow(f, rel, "sw-episodes", (c, id) => f.db.insertInto("lac_sw_episode").values({ la_code: c.laCode, id, person_id: c.personId, sw_id: "SW1", sw_decom: "2025-03-03", sw_dec: null, sw_reason: null }).execute()), { swId: "SW1", swDecom: "2025-03-03", swDec: "2025-04-01", swReason: "LEFTRL" }, V1),
  },
  "POST /api/v1/people/:personId/looked-after/dolo": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/dolo`, { doloStart: "2025-04-01" }) },
  "PATCH /api/v1/people/:personId/looked-after/dolo/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(await withRow(f, rel, "dolo", (c, id) => f.db.insertInto("lac_dolo").values({ la_code: c.laCode, id, person_id: c.personId, dolo_start: "2025-04-01", dolo_end: null }).execute()), { doloStart: "2025-04-01", doloEnd: "2025-05-01" }, V1),
  },
  "GET /api/v1/people/:personId/looked-after/care-leaver": { target: "person", roles: STAFF_SCOPE, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/care-leaver`) },
  "PUT /api/v1/people/:personId/looked-after/care-leaver/oc3/:year": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`${base((await fresh(f, rel, true)).personId)}/care-leaver/oc3/2025`, { inTouch: "YES", activity: "F2", accommodation: "D1", recordedOn: "2025-06-20" }),
  },
  "POST /api/v1/people/:personId/looked-after/pathway-plans": { target: "person", roles: CASEWORK, ok: 201, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).personId)}/pathway-plans`, { planDate: "2025-04-01" }) },
  "PATCH /api/v1/people/:personId/looked-after/pathway-plans/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) =>
      req(await withRow(f, rel, "pathway-plans", (c, id) => f.db.insertInto("lac_pathway_plan").values({ la_code: c.laCode, id, person_id: c.personId, plan_date: "2025-04-01", next_review_due: "2025-10-01", personal_adviser: null, summary: null, created_by: null }).execute()), { planDate: "2025-04-01" }, V1),
  },
};
