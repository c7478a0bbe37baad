import { randomUUID } from "node:crypto";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, RESTRICTERS, STAFF_SCOPE, req, type SessionCase } from "./permission-support.ts";

/** Tables a social care step writes, cleared so each request starts from the same record. */
const TABLES = ["cin_plan_review", "cin_plan", "cp_conference", "cp_plan", "s47_enquiry", "strategy_discussion", "cin_assessment", "cin_referral"] as const;

/**
 * Resets the fixture person's case to an open social care case referred on 6 January 2025,
 * with nothing recorded since, so every role's request is the same legal step.
 */
async function fresh(f: MatrixFixture, rel: PersonRelation): Promise<{ caseId: string; laCode: string; personId: string }> {
  const p = f.people[rel];
  for (const t of TABLES) await f.db.deleteFrom(t).where("la_code", "=", p.laCode).where("case_id", "=", p.caseId).execute();
  await f.db.updateTable("casework_case").set({ status: "open", closed_on: null, closure_reason: null }).where("la_code", "=", p.laCode).where("id", "=", p.caseId).execute();
  await f.db.insertInto("cin_referral").values({ la_code: p.laCode, case_id: p.caseId, person_id: p.id, referral_date: "2025-01-06", referral_source: "2A" }).execute();
  return { caseId: p.caseId, laCode: p.laCode, personId: p.id };
}

type Ctx = Awaited<ReturnType<typeof fresh>>;
const row = (c: Ctx) => ({ la_code: c.laCode, id: randomUUID(), case_id: c.caseId, person_id: c.personId });

async function assessment(f: MatrixFixture, c: Ctx, state: { completed?: boolean; requested?: boolean } = {}): Promise<string> {
  const r = row(c);
  await f.db
    .insertInto("cin_assessment")
    .values({ ...r, start_date: "2025-01-07", factors: '["21"]', completed_date: state.completed === true ? "2025-01-20" : null, primary_need: state.completed === true ? "N4" : null, authorisation_requested_on: state.requested === true ? "2025-01-20" : null })
    .execute();
  return r.id;
}
async function strategy(f: MatrixFixture, c: Ctx): Promise<string> {
  const r = row(c);
  await f.db.insertInto("strategy_discussion").values({ ...r, discussion_date: "2025-01-08", attendees: "Police", decision: "s47" }).execute();
  return r.id;
}
async function s47(f: MatrixFixture, c: Ctx, outcome: string | null): Promise<string> {
  const sd = await strategy(f, c);
  const r = row(c);
  await f.db.insertInto("s47_enquiry").values({ ...r, strategy_discussion_id: sd, start_date: "2025-01-08", outcome, outcome_date: outcome === null ? null : "2025-01-15" }).execute();
  return r.id;
}
async function cpPlan(f: MatrixFixture, c: Ctx): Promise<{ planId: string; conferenceId: string }> {
  const s = await s47(f, c, "icpc");
  const plan = row(c);
  await f.db.insertInto("cp_plan").values({ ...plan, start_date: "2025-01-20", initial_category: "NEG", latest_category: "NEG" }).execute();
  const k = row(c);
  await f.db.insertInto("cp_conference").values({ ...k, kind: "initial", s47_id: s, cp_plan_id: plan.id, conference_date: "2025-01-20", outcome: "plan", category: "NEG" }).execute();
  return { planId: plan.id, conferenceId: k.id };
}
async function cinPlan(f: MatrixFixture, c: Ctx): Promise<string> {
  const r = row(c);
  await f.db.insertInto("cin_plan").values({ ...r, start_date: "2025-02-01" }).execute();
  return r.id;
}

const base = (caseId: string) => `/api/v1/cases/${caseId}/social-care`;

/** Children in need and child protection: each step from a freshly reset record. */
export const SOCIAL_CARE_CASES: Record<string, SessionCase> = {
  // Partners see a case's summary, never the social care record itself.
  "GET /api/v1/cases/:id/social-care": { target: "person", roles: STAFF_SCOPE, ok: 200, build: (f, _r, rel) => req(base(f.people[rel].caseId)) },
  "POST /api/v1/cases/:id/social-care/referral": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      await f.db.deleteFrom("cin_referral").where("la_code", "=", c.laCode).where("case_id", "=", c.caseId).execute();
      return req(`${base(c.caseId)}/referral`, { referralDate: "2025-01-06", referralSource: "2A" });
    },
  },
  "PATCH /api/v1/cases/:id/social-care/referral": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).caseId)}/referral`, { referralSource: "3A" }, { "if-match": 'W/"1"' }) },
  "POST /api/v1/cases/:id/social-care/assessments": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).caseId)}/assessments`, { startDate: "2025-01-07" }) },
  "POST /api/v1/cases/:id/social-care/assessments/:childId/completion": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/assessments/${await assessment(f, c)}/completion`, { completedDate: "2025-01-20", factors: ["21"], primaryNeed: "N4" });
    },
  },
  "POST /api/v1/cases/:id/social-care/assessments/:childId/authorisation-request": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/assessments/${await assessment(f, c, { completed: true })}/authorisation-request`);
    },
  },
  "POST /api/v1/cases/:id/social-care/assessments/:childId/authorisation": {
    target: "person",
    roles: RESTRICTERS,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/assessments/${await assessment(f, c, { completed: true, requested: true })}/authorisation`, { authorisedDate: "2025-01-21" });
    },
  },
  "POST /api/v1/cases/:id/social-care/strategy-discussions": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).caseId)}/strategy-discussions`, { discussionDate: "2025-01-08", attendees: "Police, school", decision: "s47" }),
  },
  "PATCH /api/v1/cases/:id/social-care/strategy-discussions/:childId": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/strategy-discussions/${await strategy(f, c)}`, { discussionDate: "2025-01-07" }, { "if-match": 'W/"1"' });
    },
  },
  "POST /api/v1/cases/:id/social-care/s47-enquiries": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/s47-enquiries`, { strategyDiscussionId: await strategy(f, c), startDate: "2025-01-08" });
    },
  },
  "POST /api/v1/cases/:id/social-care/s47-enquiries/:childId/outcome": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/s47-enquiries/${await s47(f, c, null)}/outcome`, { outcome: "icpc", outcomeDate: "2025-01-15" });
    },
  },
  "POST /api/v1/cases/:id/social-care/conferences": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/conferences`, { kind: "initial", s47Id: await s47(f, c, "icpc"), conferenceDate: "2025-01-20", outcome: "plan", category: "NEG" });
    },
  },
  "PATCH /api/v1/cases/:id/social-care/conferences/:childId": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/conferences/${(await cpPlan(f, c)).conferenceId}`, { conferenceDate: "2025-01-21" }, { "if-match": 'W/"1"' });
    },
  },
  "POST /api/v1/cases/:id/social-care/cp-plans/:childId/end": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/cp-plans/${(await cpPlan(f, c)).planId}/end`, { endDate: "2025-03-01" });
    },
  },
  "POST /api/v1/cases/:id/social-care/cin-plans": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).caseId)}/cin-plans`, { startDate: "2025-02-01" }) },
  "POST /api/v1/cases/:id/social-care/cin-plans/:childId/reviews": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/cin-plans/${await cinPlan(f, c)}/reviews`, { reviewDate: "2025-03-01" });
    },
  },
  "POST /api/v1/cases/:id/social-care/cin-plans/:childId/end": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const c = await fresh(f, rel);
      return req(`${base(c.caseId)}/cin-plans/${await cinPlan(f, c)}/end`, { endDate: "2025-03-01" });
    },
  },
  "POST /api/v1/cases/:id/social-care/closure": { target: "person", roles: CASEWORK, ok: 200, build: async (f, _r, rel) => req(`${base((await fresh(f, rel)).caseId)}/closure`, { closureDate: "2025-01-10", reason: "RC8" }) },
};
