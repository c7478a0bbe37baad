import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "@family-story/domain";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, RECORD_READERS, RESTRICTERS, ifMatch, req, tenantOf, type SessionCase } from "./permission-support.ts";

interface EhState {
  assessment?: "draft" | "awaiting_authorisation";
  plan?: "draft" | "awaiting_authorisation" | "authorised";
  closureRequested?: boolean;
}
interface EhFixture { caseId: string; memberId: string; goalId: string; actionId: string }

const CONTENT = (personId: string) => JSON.stringify({ members: [{ personId, needs: [{ outcome: "education", description: "Attendance" }], strengths: "", ownWords: "", checkedFacts: "" }], familyStrengths: "", familyViews: "", householdNotes: "", summary: "" });

/**
 * A fresh early help episode about the fixture person (opened 6 January 2025), with a Team
 * Around the Family member who is the acting user (the lead professional), a goal and an
 * action they own, and the assessment, plan and closure in the state the request needs.
 */
async function episode(f: MatrixFixture, role: Role, rel: PersonRelation, state: EhState = {}): Promise<EhFixture> {
  const p = f.people[rel];
  const la = p.laCode;
  const caseId = randomUUID();
  await f.db.insertInto("casework_case").values({ la_code: la, id: caseId, kind: "early_help", subject_person_id: p.id, title: `The ${p.familyName} family`, opened_on: "2025-01-06", allocated_to: f.users.practitioner.id, team_id: tenantOf(f, rel).teamId }).execute();
  await f.db.insertInto("case_member").values({ la_code: la, case_id: caseId, person_id: p.id, role: "child" }).execute();
  const memberId = randomUUID();
  await f.db.insertInto("eh_taf_member").values({ la_code: la, id: memberId, case_id: caseId, user_id: f.users[role].id, name: `Member ${role}`, organisation_id: null, organisation_name: null, role: "Lead", contact: null, is_lead: true, added_by: null }).execute();
  const goalId = randomUUID();
  await f.db.insertInto("eh_goal").values({ la_code: la, id: goalId, case_id: caseId, outcome: "education", person_id: null, description: "Attends school", target_date: null, created_by: null }).execute();
  const actionId = randomUUID();
  await f.db.insertInto("eh_action").values({ la_code: la, id: actionId, case_id: caseId, goal_id: goalId, owner_member_id: memberId, description: "Check in daily", target_date: "2025-02-01", created_by: null }).execute();
  if (state.assessment) await f.db.insertInto("eh_assessment").values({ la_code: la, id: randomUUID(), case_id: caseId, status: state.assessment, content: CONTENT(p.id), updated_by: null }).execute();
  if (state.plan) await f.db.insertInto("eh_plan").values({ la_code: la, case_id: caseId, status: state.plan }).execute();
  if (state.closureRequested === true) {
    await f.db.insertInto("eh_closure").values({ la_code: la, id: randomUUID(), case_id: caseId, reason: "outcomes_achieved", closed_on: "2025-03-01", summary: null, goal_outcomes: JSON.stringify([{ goalId, status: "met" }]), requested_by: f.users.practitioner.id }).execute();
  }
  return { caseId, memberId, goalId, actionId };
}

const base = (caseId: string) => `/api/v1/cases/${caseId}/early-help`;
const V1 = { "if-match": 'W/"1"' };

/** Early help: each request on a freshly built episode about the fixture person. */
export const EARLY_HELP_CASES: Record<string, SessionCase> = {
  "GET /api/v1/cases/:id/early-help": { target: "person", roles: RECORD_READERS, ok: 200, build: async (f, role, rel) => req(base((await episode(f, role, rel)).caseId)) },
  "PUT /api/v1/cases/:id/early-help/locality": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => {
      const { caseId } = await episode(f, role, rel);
      return req(`${base(caseId)}/locality`, { localityId: null }, await ifMatch(f, "casework_case", caseId));
    },
  },
  "POST /api/v1/cases/:id/early-help/members": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel)).caseId)}/members`, { personId: f.people[rel].relatedPersonId, role: "parent" }),
  },
  "GET /api/v1/cases/:id/early-help/assessment": { target: "person", roles: RECORD_READERS, ok: 200, build: async (f, role, rel) => req(`${base((await episode(f, role, rel)).caseId)}/assessment`) },
  "PUT /api/v1/cases/:id/early-help/assessment": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel)).caseId)}/assessment`, { members: [], familyStrengths: "", familyViews: "", householdNotes: "", summary: "Draft" }, { "if-match": 'W/"0"' }),
  },
  "POST /api/v1/cases/:id/early-help/assessment/submit": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { assessment: "draft" })).caseId)}/assessment/submit`, undefined, V1),
  },
  "POST /api/v1/cases/:id/early-help/assessment/decision": {
    target: "person", roles: RESTRICTERS, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { assessment: "awaiting_authorisation" })).caseId)}/assessment/decision`, { decision: "authorise" }, V1),
  },
  "POST /api/v1/cases/:id/early-help/taf-members": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel)).caseId)}/taf-members`, { name: "Aunt Shirin", role: "Family support" }),
  },
  "DELETE /api/v1/cases/:id/early-help/taf-members/:memberId": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => {
      const e = await episode(f, role, rel);
      const id = randomUUID();
      await f.db.insertInto("eh_taf_member").values({ la_code: f.people[rel].laCode, id, case_id: e.caseId, user_id: null, name: "Neighbour", organisation_id: null, organisation_name: null, role: "Support", contact: null, added_by: null }).execute();
      return req(`${base(e.caseId)}/taf-members/${id}`, undefined, await ifMatch(f, "casework_case", e.caseId));
    },
  },
  "PUT /api/v1/cases/:id/early-help/lead-professional": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => {
      const e = await episode(f, role, rel);
      return req(`${base(e.caseId)}/lead-professional`, { memberId: e.memberId }, await ifMatch(f, "casework_case", e.caseId));
    },
  },
  "POST /api/v1/cases/:id/early-help/goals": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel)).caseId)}/goals`, { outcome: "housing", description: "Secure tenancy" }),
  },
  "POST /api/v1/cases/:id/early-help/goals/:goalId/actions": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => {
      const e = await episode(f, role, rel);
      return req(`${base(e.caseId)}/goals/${e.goalId}/actions`, { ownerMemberId: e.memberId, description: "Call the housing officer", targetDate: "2030-01-07" });
    },
  },
  "POST /api/v1/cases/:id/early-help/plan/submit": {
    target: "person", roles: CASEWORK, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { plan: "draft" })).caseId)}/plan/submit`, undefined, V1),
  },
  "POST /api/v1/cases/:id/early-help/plan/decision": {
    target: "person", roles: RESTRICTERS, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { plan: "awaiting_authorisation" })).caseId)}/plan/decision`, { decision: "authorise" }, V1),
  },
  "POST /api/v1/cases/:id/early-help/reviews": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { plan: "authorised" })).caseId)}/reviews`, { reviewDate: "2025-02-17", progress: "Better attendance" }),
  },
  "POST /api/v1/cases/:id/early-help/closure": {
    target: "person", roles: CASEWORK, ok: 201,
    build: async (f, role, rel) => {
      const e = await episode(f, role, rel, { plan: "authorised" });
      return req(`${base(e.caseId)}/closure`, { reason: "outcomes_achieved", closedOn: "2025-03-01", goalOutcomes: [{ goalId: e.goalId, status: "met" }] });
    },
  },
  "POST /api/v1/cases/:id/early-help/closure/decision": {
    target: "person", roles: RESTRICTERS, ok: 200,
    build: async (f, role, rel) => req(`${base((await episode(f, role, rel, { plan: "authorised", closureRequested: true })).caseId)}/closure/decision`, { decision: "authorise" }),
  },
  "POST /api/v1/cases/:id/early-help/step-up": {
    target: "person", roles: RESTRICTERS, ok: 201,
    build: async (f, role, rel) => {
      // A child has one open social care case: close any an earlier request opened for the fixture person.
      await f.db.updateTable("casework_case").set({ status: "closed" }).where("la_code", "=", f.people[rel].laCode).where("subject_person_id", "=", f.people[rel].id).where("kind", "=", "social_care").where("status", "=", "open").execute();
      return req(`${base((await episode(f, role, rel, { plan: "authorised" })).caseId)}/step-up`, { referralDate: "2025-02-03", route: "assessment", reason: "Disclosure at school" });
    },
  },
  "GET /api/v1/early-help/taf-candidates": {
    target: "none", roles: CASEWORK, ok: 200,
    build: () => req("/api/v1/early-help/taf-candidates"),
    check: (res, f) => {
      const ids = res.json<{ id: string }[]>().map((c) => c.id);
      expect(ids).toContain(f.users.partner_practitioner.id);
      expect(ids).not.toContain(f.users.administrator.id);
      expect(ids).not.toContain(f.authorities.otherLa.userId);
    },
  },
  "GET /api/v1/early-help/actions/:id": { target: "person", roles: RECORD_READERS, ok: 200, build: async (f, role, rel) => req(`/api/v1/early-help/actions/${(await episode(f, role, rel)).actionId}`) },
  // The acting user owns the action (they are its TAF member), so a partner may update it.
  "POST /api/v1/early-help/actions/:id/updates": {
    target: "person", roles: [...CASEWORK, "partner_practitioner"], ok: 201,
    build: async (f, role, rel) => req(`/api/v1/early-help/actions/${(await episode(f, role, rel)).actionId}/updates`, { status: "in_progress", progress: "Started" }, V1),
  },
};
