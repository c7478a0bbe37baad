import { randomUUID } from "node:crypto";
import { addCalendarDays, todayIso } from "@family-story/domain";
import type { CaseDetail, EarlyHelpEpisode, EhAssessmentView, WorkTray } from "@family-story/schemas";
import { expect } from "vitest";
import type { DatabaseKind } from "../src/db/connect.ts";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { createTestService, signIn, type Client, type TestService } from "./harness.ts";

/** An If-Match header for a version. */
export const ifMatch = (v: number) => ({ "if-match": `W/"${String(v)}"` });

/** The service and people of the early help tests: an early help team, its manager and worker, a school and a GP. */
export interface EhWorld {
  svc: TestService;
  tenant: Tenant;
  ehTeam: string;
  manager: Client;
  managerId: string;
  worker: Client;
  workerId: string;
  school: Client;
  schoolUserId: string;
  gp: Client;
  gpUserId: string;
  admin: Client;
}

/** Builds the early help world on a fresh tenant. */
export async function buildEhWorld(kind: DatabaseKind): Promise<EhWorld> {
  const svc = await createTestService(kind, { LOG_LEVEL: "error" });
  const db = svc.services.db;
  const tenant = await buildTenant(svc.services);
  const ehTeam = await buildTeam(db, tenant, "early_help");
  const m = await buildUser(db, tenant, "team_manager", { teamId: ehTeam });
  const w = await buildUser(db, tenant, "practitioner", { teamId: ehTeam });
  const schoolOrg = await buildPartnerOrg(db, tenant, "school");
  const gpOrg = await buildPartnerOrg(db, tenant, "gp_practice");
  const s = await buildUser(db, tenant, "partner_practitioner", { orgId: schoolOrg, teamId: null });
  const g = await buildUser(db, tenant, "partner_practitioner", { orgId: gpOrg, teamId: null });
  const a = await buildUser(db, tenant, "administrator", { teamId: null });
  return {
    svc, tenant, ehTeam, managerId: m.id, workerId: w.id, schoolUserId: s.id, gpUserId: g.id,
    manager: await signIn(svc.app, m.username, TEST_PASSWORD),
    worker: await signIn(svc.app, w.username, TEST_PASSWORD),
    school: await signIn(svc.app, s.username, TEST_PASSWORD),
    gp: await signIn(svc.app, g.username, TEST_PASSWORD),
    admin: await signIn(svc.app, a.username, TEST_PASSWORD),
  };
}

/** The journey steps the early help tests share, on the world `w()` (built in beforeAll). */
export function ehSteps(w: () => EhWorld) {
  /** A partner's request for support, decided early help at the front door: the family's episode. */
  async function openFamily(consentSharing: "yes" | "no" = "yes"): Promise<{ caseId: string; childId: string; mumId: string }> {
    const { tenant, school, manager, worker, workerId, ehTeam } = w();
    const family = `Begum${randomUUID().slice(0, 4)}`;
    const req = await school.post("/api/v1/requests-for-support", { contactRole: "Designated safeguarding lead", concerns: "Attendance has dropped; mum is struggling since the move.", children: [{ givenName: "Ava", familyName: family, dob: "2016-03-04" }], consentSharing, consentEarlyHelp: "yes" });
    expect(req.statusCode, req.body).toBe(201);
    const contactId = req.json<{ id: string }>().id;
    const childId = await buildPerson(w().svc.services.db, tenant, { givenName: "Ava", familyName: family, dob: "2016-03-04" });
    const mumId = await buildPerson(w().svc.services.db, tenant, { givenName: "Rina", familyName: family, dob: "1988-01-01" });
    await w().svc.services.db.insertInto("relationship").values({ la_code: tenant.laCode, id: randomUUID(), person_id: mumId, related_person_id: childId, type: "parent", from_date: null, to_date: null, notes: null }).execute();
    for (const p of [childId, mumId]) await w().svc.services.db.insertInto("address").values({ la_code: tenant.laCode, id: randomUUID(), person_id: p, line1: "1 Church Street", line2: null, town: "London", postcode: "NW8 8EU", from_date: "2020-01-01", to_date: null }).execute();
    expect((await manager.post(`/api/v1/contacts/${contactId}/children`, { personId: childId })).statusCode).toBe(200);
    const current = await manager.get(`/api/v1/contacts/${contactId}`);
    const decided = await manager.post(`/api/v1/contacts/${contactId}/decision`, { decision: "early_help", thresholdLevel: 3, reasons: "Several needs; a Team Around the Family will help." }, { "if-match": current.headers.etag as string });
    expect(decided.statusCode, decided.body).toBe(200);
    const c = await w().svc.services.db.selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("contact_id", "=", contactId).executeTakeFirstOrThrow();
    const detail = (await manager.get(`/api/v1/cases/${c.id}`)).json<CaseDetail>();
    expect((await manager.put(`/api/v1/cases/${c.id}/allocation`, { userId: workerId, teamId: ehTeam }, ifMatch(detail.version))).statusCode).toBe(200);
    expect((await worker.post(`/api/v1/cases/${c.id}/early-help/members`, { personId: mumId, role: "parent" })).statusCode).toBe(201);
    return { caseId: c.id, childId, mumId };
  }

  const episode = async (caseId: string, as: Client = w().worker) => {
    const res = await as.get(`/api/v1/cases/${caseId}/early-help`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<EarlyHelpEpisode>();
  };

  async function assessAndAuthorise(caseId: string, childId: string, mumId: string): Promise<void> {
    const { worker, manager } = w();
    const content = {
      members: [
        { personId: childId, needs: [{ outcome: "education", description: "Attendance 82% this term" }, { outcome: "health", description: "Anxious about school" }], strengths: "Loves art", ownWords: "I miss my old school", checkedFacts: "Confirmed school" },
        { personId: mumId, needs: [{ outcome: "financial_stability", description: "Rent arrears since the move" }], strengths: "Determined", ownWords: "I need help with the council", checkedFacts: "" },
      ],
      familyStrengths: "Close family", familyViews: "Want things to settle", householdNotes: "Mum and Ava", summary: "Attendance, anxiety and money worries.",
    };
    const saved = await worker.put(`/api/v1/cases/${caseId}/early-help/assessment`, content, ifMatch(0));
    expect(saved.statusCode, saved.body).toBe(200);
    const v = saved.json<EhAssessmentView>().assessment?.version ?? 0;
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/assessment/submit`, undefined, ifMatch(v))).statusCode).toBe(200);
    const authorised = await manager.post(`/api/v1/cases/${caseId}/early-help/assessment/decision`, { decision: "authorise", note: "Good, thorough" }, ifMatch(v + 1));
    expect(authorised.statusCode, authorised.body).toBe(200);
  }

  async function planWithPartnerLead(caseId: string): Promise<EarlyHelpEpisode> {
    const { worker, manager, schoolUserId, gpUserId } = w();
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { userId: schoolUserId, role: "Designated safeguarding lead", isLead: true })).statusCode).toBe(201);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { userId: gpUserId, role: "GP" })).statusCode).toBe(201);
    const withAunt = await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { name: "Aunt Shirin", role: "Family support", organisationName: "Family" });
    const taf = withAunt.json<EarlyHelpEpisode>().taf;
    const schoolMember = taf.find((m) => m.user?.id === schoolUserId);
    const gpMember = taf.find((m) => m.user?.id === gpUserId);
    expect(schoolMember).toMatchObject({ isLead: true, isPartner: true });
    const goal = await worker.post(`/api/v1/cases/${caseId}/early-help/goals`, { outcome: "education", description: "Ava attends 95% of school days", targetDate: addCalendarDays(todayIso(), 60) });
    expect(goal.statusCode, goal.body).toBe(201);
    const goal2 = await worker.post(`/api/v1/cases/${caseId}/early-help/goals`, { outcome: "financial_stability", description: "Rent arrears under a repayment plan" });
    const goals = goal2.json<EarlyHelpEpisode>().plan.goals;
    expect(goals.map((g) => g.outcome)).toEqual(["education", "financial_stability"]);
    const [g1, g2] = goals;
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/goals/${g1?.id ?? ""}/actions`, { ownerMemberId: schoolMember?.id, description: "Daily check-in at the gate", targetDate: addCalendarDays(todayIso(), 14) })).statusCode).toBe(201);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/goals/${g2?.id ?? ""}/actions`, { ownerMemberId: gpMember?.id, description: "Review anxiety", targetDate: addCalendarDays(todayIso(), 21) })).statusCode).toBe(201);
    const ep = await episode(caseId);
    const submitted = await worker.post(`/api/v1/cases/${caseId}/early-help/plan/submit`, undefined, ifMatch(ep.plan.version));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const team = (await manager.get(`/api/v1/work-tray?scope=team`)).json<WorkTray>();
    expect(team.items.some((i) => i.kind === "plan_authorisation" && i.caseId === caseId)).toBe(true);
    const authorised = await manager.post(`/api/v1/cases/${caseId}/early-help/plan/decision`, { decision: "authorise" }, ifMatch(ep.plan.version + 1));
    expect(authorised.statusCode, authorised.body).toBe(200);
    return authorised.json<EarlyHelpEpisode>();
  }

  return { openFamily, episode, assessAndAuthorise, planWithPartnerLead };
}
