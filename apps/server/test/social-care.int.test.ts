import { nextWorkingDay, todayIso } from "@family-story/domain";
import type { LightMyRequestResponse } from "fastify";
import type { ContactDetail, SocialCareRecord } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPerson, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

/** The value, failing the test when it is missing. */
function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("expected a value");
  return value;
}
const first = <T>(list: T[]): T => defined(list[0]);

interface Problem { title: string; detail?: string; errors?: { field: string }[] }

describe.each(DATABASE_KINDS)("social care (CIN and CP) on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let other: Tenant;
  let sw: Client;
  let manager: Client;
  let otherSw: Client;
  let swId: string;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
    tenant = await buildTenant(svc.services);
    other = await buildTenant(svc.services, "Other Borough");
    const u = await buildUser(svc.services.db, tenant, "practitioner");
    swId = u.id;
    sw = await signIn(svc.app, u.username, TEST_PASSWORD);
    manager = await signIn(svc.app, (await buildUser(svc.services.db, tenant, "team_manager")).username, TEST_PASSWORD);
    otherSw = await signIn(svc.app, (await buildUser(svc.services.db, other, "practitioner")).username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  const db = () => svc.services.db;
  const url = (caseId: string, rest = "") => `/api/v1/cases/${caseId}/social-care${rest}`;
  async function items(caseId: string) {
    return db().selectFrom("work_item").select(["kind", "due_date", "status", "assigned_to", "team_id", "source_id"]).where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).execute();
  }
  async function item(caseId: string, kind: string) {
    return (await items(caseId)).find((i) => i.kind === kind);
  }
  async function ok(res: Promise<LightMyRequestResponse>): Promise<SocialCareRecord> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(200);
    return r.json<SocialCareRecord>();
  }
  async function refused(res: Promise<LightMyRequestResponse>, status: number): Promise<Problem> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    return r.json<Problem>();
  }
  /** A social care case with its referral on 6 January 2025 (a Monday). */
  async function referredCase(route: "assessment" | "strategy_discussion" = "assessment"): Promise<string> {
    const caseId = await buildCase(db(), tenant, await buildPerson(db(), tenant), { allocatedTo: swId, dueDate: null, openedOn: "2025-01-06" });
    await ok(sw.post(url(caseId, "/referral"), { referralDate: "2025-01-06", referralSource: "2A", route }));
    return caseId;
  }

  it("records the whole pathway: assessment, strategy discussion, s47, ICPC, CP plan, reviews, closure, with every due date", async () => {
    const caseId = await referredCase();
    expect(await item(caseId, "assessment_due")).toMatchObject({ due_date: "2025-03-10", status: "open", assigned_to: swId });

    let rec = await ok(sw.post(url(caseId, "/assessments"), { startDate: "2025-01-07" }));
    const assessmentId = first(rec.assessments).id;
    expect(rec.actions).toContain("complete_assessment");

    rec = await ok(sw.post(url(caseId, "/strategy-discussions"), { discussionDate: "2025-01-08", attendees: "Police, school, health", decision: "s47" }));
    const sd = first(rec.strategyDiscussions);
    rec = await ok(sw.post(url(caseId, "/s47-enquiries"), { strategyDiscussionId: sd.id, startDate: "2025-01-08" }));
    const s47Id = first(rec.s47s).id;
    expect(await item(caseId, "icpc_due")).toBeUndefined();
    rec = await ok(sw.post(url(caseId, `/s47-enquiries/${s47Id}/outcome`), { outcome: "icpc", outcomeDate: "2025-01-20" }));
    // 15 working days from the strategy discussion.
    expect(await item(caseId, "icpc_due")).toMatchObject({ due_date: "2025-01-29", status: "open" });
    expect(rec.s47s[0]?.icpcDue).toBe("2025-01-29");

    // Correcting the strategy discussion's date moves the ICPC's due date.
    expect((await sw.patch(url(caseId, `/strategy-discussions/${sd.id}`), { discussionDate: "2025-01-07" })).statusCode).toBe(428);
    await refused(sw.patch(url(caseId, `/strategy-discussions/${sd.id}`), { discussionDate: "2025-01-07" }, { "if-match": 'W/"9"' }), 412);
    await ok(sw.patch(url(caseId, `/strategy-discussions/${sd.id}`), { discussionDate: "2025-01-07" }, { "if-match": `W/"${sd.version}"` }));
    expect(await item(caseId, "icpc_due")).toMatchObject({ due_date: "2025-01-28", status: "open" });

    rec = await ok(sw.post(url(caseId, `/assessments/${assessmentId}/completion`), { completedDate: "2025-01-24", factors: ["3B", "16A"], primaryNeed: "N1" }));
    expect(rec.referral?.primaryNeed).toBe("N1");
    expect(await item(caseId, "assessment_due")).toMatchObject({ status: "done" });
    await ok(sw.post(url(caseId, `/assessments/${assessmentId}/authorisation-request`)));
    // The authorisation waits in the team's tray, for any of its managers.
    expect(await item(caseId, "assessment_authorisation")).toMatchObject({ status: "open", assigned_to: null, team_id: tenant.teamId });
    expect((await sw.post(url(caseId, `/assessments/${assessmentId}/authorisation`), { authorisedDate: "2025-01-27" })).statusCode).toBe(403);
    rec = await ok(manager.post(url(caseId, `/assessments/${assessmentId}/authorisation`), { authorisedDate: "2025-01-27" }));
    expect(rec.assessments[0]).toMatchObject({ authorisedDate: "2025-01-27", factors: ["3B", "16A"] });
    expect(await item(caseId, "assessment_authorisation")).toMatchObject({ status: "done" });

    await refused(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-27", outcome: "plan" }), 422);
    rec = await ok(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-27", outcome: "plan", category: "NEG" }));
    const plan = first(rec.cpPlans);
    expect(plan).toMatchObject({ startDate: "2025-01-27", initialCategory: "NEG", latestCategory: "NEG", endDate: null, nextReviewDue: "2025-04-27" });
    expect(await item(caseId, "icpc_due")).toMatchObject({ status: "done" });
    expect(await item(caseId, "review_conference_due")).toMatchObject({ due_date: "2025-04-27", status: "open" });
    // The CP visit standard (10 working days by default) runs from the plan's start until a visit.
    expect(await item(caseId, "visit_due")).toMatchObject({ due_date: "2025-02-10", status: "open" });

    // Correcting the ICPC's date moves the plan's start, the first review and the visit.
    const icpc = first(rec.conferences);
    rec = await ok(sw.patch(url(caseId, `/conferences/${icpc.id}`), { conferenceDate: "2025-01-28" }, { "if-match": String(icpc.version) }));
    expect(rec.cpPlans[0]).toMatchObject({ startDate: "2025-01-28", nextReviewDue: "2025-04-28" });
    expect(await item(caseId, "review_conference_due")).toMatchObject({ due_date: "2025-04-28" });
    expect(await item(caseId, "visit_due")).toMatchObject({ due_date: "2025-02-11" });
    // A home visit at which the child was seen (a case note) moves the next visit from it.
    const personId = (await db().selectFrom("casework_case").select("subject_person_id").where("la_code", "=", tenant.laCode).where("id", "=", caseId).executeTakeFirstOrThrow()).subject_person_id;
    const visit = await sw.post(`/api/v1/people/${personId}/case-notes`, { caseId, noteDate: "2025-02-03", noteType: "home_visit", childSeen: true, body: "Saw the child at home." });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(await item(caseId, "visit_due")).toMatchObject({ due_date: "2025-02-17", status: "open" });

    rec = await ok(sw.post(url(caseId, "/conferences"), { kind: "review", conferenceDate: "2025-04-22", outcome: "continue", category: "EMO" }));
    expect(rec.cpPlans[0]).toMatchObject({ latestCategory: "EMO", initialCategory: "NEG", nextReviewDue: "2025-10-22" });
    expect(await item(caseId, "review_conference_due")).toMatchObject({ due_date: "2025-10-22", status: "open" });
    await refused(sw.post(url(caseId, "/closure"), { closureDate: "2025-05-01", reason: "RC7" }), 409);

    rec = await ok(sw.post(url(caseId, "/conferences"), { kind: "review", conferenceDate: "2025-09-30", outcome: "end" }));
    expect(rec.cpPlans[0]).toMatchObject({ endDate: "2025-09-30", nextReviewDue: null });
    expect(await item(caseId, "review_conference_due")).toMatchObject({ status: "done" });
    expect(await item(caseId, "visit_due")).toMatchObject({ status: "cancelled" });

    rec = await ok(sw.post(url(caseId, "/cin-plans"), { startDate: "2025-10-01" }));
    const cinPlan = first(rec.cinPlans);
    expect(await item(caseId, "cin_review_due")).toMatchObject({ due_date: "2026-01-01", status: "open" });
    expect(await item(caseId, "visit_due")).toMatchObject({ status: "open" });
    await ok(sw.post(url(caseId, `/cin-plans/${cinPlan.id}/reviews`), { reviewDate: "2025-10-20" }));
    expect(await item(caseId, "cin_review_due")).toMatchObject({ due_date: "2026-01-20" });

    rec = await ok(sw.post(url(caseId, "/closure"), { closureDate: "2025-10-21", reason: "RC7" }));
    expect(rec).toMatchObject({ caseStatus: "closed", referral: { closureDate: "2025-10-21", closureReason: "RC7", nfa: false } });
    expect(rec.cinPlans[0]?.endDate).toBe("2025-10-21");
    expect((await items(caseId)).filter((i) => i.status === "open")).toEqual([]);
    const c = await db().selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("id", "=", caseId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ status: "closed", closed_on: "2025-10-21", closure_reason: "RC7" });

    const events = await db().selectFrom("case_event").select(["kind", "occurred_on"]).where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).orderBy("occurred_on").execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["referral", "assessment_start", "strategy_discussion", "s47", "icpc", "cp_plan_start", "review_conference", "cp_plan_end", "assessment_authorised", "closure"]));
    expect(events.find((e) => e.kind === "strategy_discussion")?.occurred_on).toBe("2025-01-07");
    expect(events.find((e) => e.kind === "cp_plan_start")?.occurred_on).toBe("2025-01-28");
    const audit = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("action", "like", "social_care.%").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["social_care.assessment.authorise", "social_care.conference.initial", "social_care.strategy_discussion.correct", "social_care.close"]));

    // Closing what is not open.
    await refused(sw.post(url(caseId, "/closure"), { closureDate: "2025-10-22", reason: "RC7" }), 409);
    await refused(sw.post(url(caseId, "/assessments"), { startDate: "2025-10-22" }), 409);
  });

  it("refuses illegal transitions with a clear reason", async () => {
    const caseId = await referredCase();
    // A conference before its enquiry, an enquiry before its strategy discussion, a review with no plan.
    const noEnquiry = await refused(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id: "00000000-0000-4000-8000-000000000000", conferenceDate: "2025-01-20", outcome: "plan", category: "NEG" }), 409);
    expect(noEnquiry.title).toBe("No section 47 enquiry");
    await refused(sw.post(url(caseId, "/s47-enquiries"), { strategyDiscussionId: "00000000-0000-4000-8000-000000000000", startDate: "2025-01-08" }), 409);
    await refused(sw.post(url(caseId, "/conferences"), { kind: "review", conferenceDate: "2025-02-01", outcome: "continue" }), 409);

    const sd = first((await ok(sw.post(url(caseId, "/strategy-discussions"), { discussionDate: "2025-01-08", attendees: "Police", decision: "s47" }))).strategyDiscussions);
    const early = await refused(sw.post(url(caseId, "/s47-enquiries"), { strategyDiscussionId: sd.id, startDate: "2025-01-07" }), 422);
    expect(early.errors?.map((e) => e.field)).toEqual(["startDate"]);
    const s47Id = first((await ok(sw.post(url(caseId, "/s47-enquiries"), { strategyDiscussionId: sd.id, startDate: "2025-01-08" }))).s47s).id;
    const noOutcome = await refused(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-20", outcome: "plan", category: "NEG" }), 409);
    expect(noOutcome.detail).toMatch(/outcome/);
    await refused(sw.post(url(caseId, "/closure"), { closureDate: "2025-02-01", reason: "RC8" }), 409);
    await ok(sw.post(url(caseId, `/s47-enquiries/${s47Id}/outcome`), { outcome: "icpc", outcomeDate: "2025-01-15" }));
    await refused(sw.post(url(caseId, `/s47-enquiries/${s47Id}/outcome`), { outcome: "icpc", outcomeDate: "2025-01-15" }), 409);
    // The strategy discussion cannot move after the enquiry it started.
    await refused(sw.patch(url(caseId, `/strategy-discussions/${sd.id}`), { discussionDate: "2025-01-09" }, { "if-match": String(sd.version) }), 422);
    const rec = await ok(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-20", outcome: "plan", category: "PHY" }));
    const planId = first(rec.cpPlans).id;
    await refused(sw.post(url(caseId, "/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-21", outcome: "plan", category: "PHY" }), 409);
    // A plan end before its start.
    const endEarly = await refused(sw.post(url(caseId, `/cp-plans/${planId}/end`), { endDate: "2025-01-19" }), 422);
    expect(endEarly.errors?.map((e) => e.field)).toEqual(["endDate"]);
    await refused(sw.post(url(caseId, "/cin-plans"), { startDate: "2025-02-01" }), 409);
    await refused(sw.post(url(caseId, "/conferences"), { kind: "review", conferenceDate: "2025-01-20", outcome: "continue" }), 422);
    await ok(sw.post(url(caseId, `/cp-plans/${planId}/end`), { endDate: "2025-02-01" }));
    await refused(sw.post(url(caseId, `/cp-plans/${planId}/end`), { endDate: "2025-02-02" }), 409);
    // The referral cannot move after work recorded on it; a future date is refused.
    const referral = defined((await ok(sw.get(url(caseId)))).referral);
    await refused(sw.patch(url(caseId, "/referral"), { referralDate: "2025-01-09" }, { "if-match": String(referral.version) }), 422);
    await refused(sw.post(url(caseId, "/cin-plans"), { startDate: "2099-01-01" }), 422);
    // Assessment steps out of order.
    const a = first((await ok(sw.post(url(caseId, "/assessments"), { startDate: "2025-01-07" }))).assessments);
    await refused(sw.post(url(caseId, "/assessments"), { startDate: "2025-01-08" }), 409);
    await refused(sw.post(url(caseId, `/assessments/${a.id}/authorisation-request`)), 409);
    await refused(manager.post(url(caseId, `/assessments/${a.id}/authorisation`), { authorisedDate: "2025-02-01" }), 409);
    const bad = await refused(sw.post(url(caseId, `/assessments/${a.id}/completion`), { completedDate: "2025-02-01", factors: ["99Z"], primaryNeed: "N1" }), 400);
    expect(bad.errors?.[0]?.field).toMatch(/^factors/);
    await refused(sw.post(url(caseId, `/assessments/${a.id}/completion`), { completedDate: "2025-02-01", factors: ["21", "1A"], primaryNeed: "N1" }), 422);
    await refused(sw.post(url(caseId, `/assessments/${a.id}/completion`), { completedDate: "2025-02-01", factors: ["21"], primaryNeed: "N11" }), 400);
  });

  it("recomputes the assessment's due date when the referral date is corrected", async () => {
    const caseId = await referredCase();
    const rec = await ok(sw.get(url(caseId)));
    await ok(sw.patch(url(caseId, "/referral"), { referralDate: "2025-01-03" }, { "if-match": String(defined(rec.referral).version) }));
    // 45 working days from Friday 3 January 2025.
    expect(await item(caseId, "assessment_due")).toMatchObject({ due_date: "2025-03-07", status: "open" });
  });

  it("needs a referral before work on a case opened without one", async () => {
    const caseId = await buildCase(db(), tenant, await buildPerson(db(), tenant), { dueDate: null });
    expect((await ok(sw.get(url(caseId)))).referral).toBeNull();
    const none = await refused(sw.post(url(caseId, "/assessments"), { startDate: "2025-01-07" }), 409);
    expect(none.title).toBe("No referral recorded");
  });

  it("closes with RC9 and steps the family down to early help", async () => {
    const caseId = await referredCase();
    const a = first((await ok(sw.post(url(caseId, "/assessments"), { startDate: "2025-01-07" }))).assessments);
    await ok(sw.post(url(caseId, `/assessments/${a.id}/completion`), { completedDate: "2025-01-20", factors: ["21"], primaryNeed: "N4" }));
    const rec = await ok(sw.post(url(caseId, "/closure"), { closureDate: "2025-01-21", reason: "RC9" }));
    expect(rec.earlyHelpCaseId).not.toBeNull();
    const eh = await db().selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("id", "=", defined(rec.earlyHelpCaseId)).executeTakeFirstOrThrow();
    expect(eh).toMatchObject({ kind: "early_help", previous_case_id: caseId, status: "open", opened_on: "2025-01-21" });
  });

  it("opens a strategy discussion referral from the front door, due the next working day", async () => {
    const personId = await buildPerson(db(), tenant);
    const contact = (await manager.post("/api/v1/contacts", { referralSource: "6", contactName: "PC Jones", concerns: "Injury seen", consentSharing: "not_asked", consentEarlyHelp: "not_asked", childIds: [personId] })).json<ContactDetail>();
    const current = await manager.get(`/api/v1/contacts/${contact.id}`);
    const decided = await manager.post(`/api/v1/contacts/${contact.id}/decision`, { decision: "strategy_discussion", thresholdLevel: 4, reasons: "Injury" }, { "if-match": current.headers.etag as string });
    expect(decided.statusCode, decided.body).toBe(200);
    const c = await db().selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("contact_id", "=", contact.id).executeTakeFirstOrThrow();
    const rec = await ok(manager.get(url(c.id)));
    expect(rec.referral).toMatchObject({ route: "strategy_discussion", referralSource: "6", contactId: contact.id });
    expect(await item(c.id, "strategy_discussion_due")).toMatchObject({ due_date: nextWorkingDay(defined(rec.referral).referralDate), status: "open" });
    const after = await ok(manager.post(url(c.id, "/strategy-discussions"), { discussionDate: todayIso(), attendees: "Police, health", decision: "no_s47" }));
    expect(after.actions).not.toContain("start_s47");
    expect(await item(c.id, "strategy_discussion_due")).toMatchObject({ status: "done" });
  });

  it("hides another authority's case (404) and audits reads", async () => {
    const caseId = await referredCase();
    expect((await otherSw.get(url(caseId))).statusCode).toBe(404);
    expect((await otherSw.post(url(caseId, "/assessments"), { startDate: "2025-01-07" })).statusCode).toBe(404);
    await ok(sw.get(url(caseId)));
    const reads = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("entity_id", "=", caseId).where("action", "=", "social_care.read").execute();
    expect(reads.length).toBe(1);
  });
});
