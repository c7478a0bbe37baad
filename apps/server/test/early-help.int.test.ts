import { randomUUID } from "node:crypto";
import { addCalendarDays, addCalendarMonths, todayIso } from "@family-story/domain";
import type { CaseDetail, EarlyHelpEpisode, EhAssessmentView, TafActionView, WorkTray } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEhWorld, ehSteps, ifMatch, type EhWorld } from "./early-help-fixture.ts";
import { buildPerson, buildTeam, buildTenant, buildUser, grantNamedAccess } from "./factories.ts";
import { DATABASE_KINDS, type Client } from "./harness.ts";

const fields = (body: string) => (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];
const HIDDEN = "A family member you cannot open";

describe.each(DATABASE_KINDS)("early help on %s", (kind) => {
  let world: EhWorld;
  let svc: EhWorld["svc"], tenant: EhWorld["tenant"], ehTeam: string, manager: Client, managerId: string, worker: Client, workerId: string;
  let school: Client, schoolUserId: string, gp: Client, gpUserId: string, admin: Client;

  beforeAll(async () => {
    world = await buildEhWorld(kind);
    ({ svc, tenant, ehTeam, manager, managerId, worker, workerId, school, schoolUserId, gp, gpUserId, admin } = world);
  });
  afterAll(async () => svc.close());

  const db = () => svc.services.db;

  const { openFamily, episode, assessAndAuthorise, planWithPartnerLead } = ehSteps(() => world);

  it("runs the journey: partner request → decision → prefilled assessment → authorised → TAF with a partner lead → plan → partner update → review → closure with outcomes", async () => {
    const { caseId, childId, mumId } = await openFamily();
    // Told once: the assessment shows what is already known.
    const view = (await worker.get(`/api/v1/cases/${caseId}/early-help/assessment`)).json<EhAssessmentView>();
    expect(view.assessment).toBeNull();
    const ava = view.prefill.members.find((m) => m.personId === childId);
    expect(ava).toMatchObject({ role: "child", dob: "2016-03-04", address: "1 Church Street, London, NW8 8EU" });
    expect(ava?.relationships.some((r) => r.startsWith("parent: Rina"))).toBe(true);
    expect(ava?.organisations.length).toBeGreaterThan(0);
    expect(view.prefill.household.map((h) => h.personId).sort()).toEqual([childId, mumId].sort());

    // Nothing to submit without needs; a non-manager cannot authorise.
    expect((await worker.put(`/api/v1/cases/${caseId}/early-help/assessment`, { members: [{ personId: randomUUID(), needs: [], strengths: "", ownWords: "", checkedFacts: "" }], familyStrengths: "", familyViews: "", householdNotes: "", summary: "" }, ifMatch(0))).statusCode).toBe(422);
    const empty = await worker.put(`/api/v1/cases/${caseId}/early-help/assessment`, { members: [], familyStrengths: "", familyViews: "", householdNotes: "", summary: "draft" }, ifMatch(0));
    expect(empty.statusCode).toBe(200);
    const noNeeds = await worker.post(`/api/v1/cases/${caseId}/early-help/assessment/submit`, undefined, ifMatch(1));
    expect(noNeeds.statusCode).toBe(422);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/assessment/decision`, { decision: "authorise" }, ifMatch(1))).statusCode).toBe(403);
    await db().deleteFrom("eh_assessment").where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).execute();
    await assessAndAuthorise(caseId, childId, mumId);
    let ep = await episode(caseId);
    expect(ep.assessment).toMatchObject({ status: "authorised", needsCount: 3, decisionNote: "Good, thorough" });
    expect(ep.assessment?.authorisedAt).not.toBeNull();
    const items = await db().selectFrom("work_item").select(["kind", "status"]).where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).execute();
    expect(items).toEqual(expect.arrayContaining([{ kind: "eh_assessment_due", status: "done" }, { kind: "assessment_authorisation", status: "done" }]));

    ep = await planWithPartnerLead(caseId);
    expect(ep.plan).toMatchObject({ status: "authorised" });
    expect(ep.nextReviewDue).toBe(addCalendarDays(todayIso(), 42));

    // The school (lead professional) sees its action in its work tray and updates it from its own sign-in.
    const schoolTray = (await school.get("/api/v1/work-tray")).json<WorkTray>();
    const mine = schoolTray.items.find((i) => i.kind === "taf_action" && i.caseId === caseId);
    expect(mine).toBeDefined();
    const schoolAction = ep.plan.goals[0]?.actions[0];
    expect(schoolAction?.owner.name).toBeDefined();
    const got = await school.get(`/api/v1/early-help/actions/${schoolAction?.id ?? ""}`);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json<TafActionView>()).toMatchObject({ canUpdate: true, outcomeLabel: expect.stringContaining("education") as unknown });
    const upd = await school.post(`/api/v1/early-help/actions/${schoolAction?.id ?? ""}/updates`, { status: "done", progress: "Checked in every day for two weeks" }, { "if-match": got.headers.etag as string });
    expect(upd.statusCode, upd.body).toBe(201);
    expect(upd.json<TafActionView>()).toMatchObject({ status: "done", updates: [{ progress: "Checked in every day for two weeks" }] });
    expect((await school.get("/api/v1/work-tray")).json<WorkTray>().items.some((i) => i.kind === "taf_action" && i.caseId === caseId)).toBe(false);

    // Review: the next review is due by the authority's interval after it.
    const review = await worker.post(`/api/v1/cases/${caseId}/early-help/reviews`, { reviewDate: todayIso(), progress: "Attendance up to 93%", familyViews: "Ava is happier" });
    expect(review.statusCode, review.body).toBe(201);
    expect(review.json<EarlyHelpEpisode>().nextReviewDue).toBe(addCalendarDays(todayIso(), 42));

    // Closure: every goal rated; the manager authorises; the case closes and nothing stays due.
    ep = await episode(caseId);
    const [g1, g2] = ep.plan.goals;
    const unrated = await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "outcomes_achieved", closedOn: todayIso(), goalOutcomes: [{ goalId: g1?.id, status: "met" }] });
    expect(unrated.statusCode).toBe(422);
    expect(fields(unrated.body)).toEqual(["goalOutcomes"]);
    const asked = await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "outcomes_achieved", closedOn: todayIso(), summary: "Attendance restored", goalOutcomes: [{ goalId: g1?.id, status: "met" }, { goalId: g2?.id, status: "not_met" }] });
    expect(asked.statusCode, asked.body).toBe(201);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure/decision`, { decision: "authorise" })).statusCode).toBe(403);
    const closed = await manager.post(`/api/v1/cases/${caseId}/early-help/closure/decision`, { decision: "authorise" });
    expect(closed.statusCode, closed.body).toBe(200);
    const final = closed.json<EarlyHelpEpisode>();
    expect(final).toMatchObject({ status: "closed", closure: { status: "authorised", reason: "outcomes_achieved", outcomesMetPercent: 50 } });
    expect(final.plan.goals.map((g) => g.status)).toEqual(["met", "not_met"]);
    const caseRow = (await manager.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    expect(caseRow).toMatchObject({ status: "closed", closureReason: "outcomes_achieved" });
    expect(caseRow.workItems.filter((i) => i.status === "open")).toEqual([]);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/reviews`, { reviewDate: todayIso(), progress: "x" })).statusCode).toBe(409);
    const events = await db().selectFrom("case_event").select("kind").where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["early_help_start", "eh_assessment_authorised", "eh_plan_start", "eh_review", "early_help_end"]));
    const audit = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("action", "like", "early-help.%").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["early-help.read", "early-help.assessment.read", "early-help.assessment.authorise", "early-help.plan.authorise", "early-help.action.update", "early-help.closure.authorise"]));
  });

  it("adds a partner to the team only with the family's consent, sharing the children for a year", async () => {
    const { caseId, childId } = await openFamily("no");
    const refused = await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { userId: gpUserId, role: "GP" });
    expect(refused.statusCode).toBe(422);
    expect(fields(refused.body)).toEqual(["familyConsents"]);
    expect((await gp.get(`/api/v1/people/${childId}`)).statusCode).toBe(404);
    // Practitioners outside the system need no consent step; nothing is shared with anyone for them.
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { name: "Aunt Shirin", role: "Family support" })).statusCode).toBe(201);
    const added = await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { userId: gpUserId, role: "GP", familyConsents: true });
    expect(added.statusCode, added.body).toBe(201);
    expect((await gp.get(`/api/v1/people/${childId}`)).statusCode).toBe(200);
    const sharing = await db().selectFrom("sharing").select(["basis", "to_date"]).where("la_code", "=", tenant.laCode).where("person_id", "=", childId).execute();
    expect(sharing).toEqual([{ basis: "consent", to_date: addCalendarMonths(todayIso(), 12) }]);
  });

  it("lets a partner update only the actions they own", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    const ep = await planWithPartnerLead(caseId);
    const gpAction = ep.plan.goals[1]?.actions[0];
    const seen = await school.get(`/api/v1/early-help/actions/${gpAction?.id ?? ""}`);
    expect(seen.json<TafActionView>().canUpdate).toBe(false);
    const refused = await school.post(`/api/v1/early-help/actions/${gpAction?.id ?? ""}/updates`, { status: "done", progress: "Not mine" }, ifMatch(1));
    expect(refused.statusCode).toBe(403);
    const ok = await gp.post(`/api/v1/early-help/actions/${gpAction?.id ?? ""}/updates`, { status: "in_progress", progress: "Appointment booked" }, ifMatch(1));
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await gp.post(`/api/v1/early-help/actions/${gpAction?.id ?? ""}/updates`, { status: "done", progress: "stale" }, ifMatch(1))).statusCode).toBe(412);
    // Partners cannot change the plan itself.
    expect((await school.post(`/api/v1/cases/${caseId}/early-help/goals`, { outcome: "housing", description: "x" })).statusCode).toBe(403);
    const denied = await db().selectFrom("audit_event").select("outcome").where("entity_id", "=", gpAction?.id ?? "").where("action", "=", "early-help.action.update").execute();
    expect(denied.map((d) => d.outcome)).toEqual(expect.arrayContaining(["denied", "allowed"]));
    expect(gpUserId).not.toBe(schoolUserId);
  });

  it("recomputes the next review from the last review with the authority's changed review interval", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    await planWithPartnerLead(caseId);
    const current = await admin.get("/api/v1/settings/local-standards");
    expect(current.statusCode, current.body).toBe(200);
    const { version, earlyHelpReviewWeeks, cpVisitWorkingDays, cinVisitWorkingDays, supervisionWeeks, caseNoteLockHours, contactDecisionWorkingDays } = current.json<Record<string, number>>();
    const standards = { earlyHelpReviewWeeks, cpVisitWorkingDays, cinVisitWorkingDays, supervisionWeeks, caseNoteLockHours, contactDecisionWorkingDays };
    const changed = await admin.put("/api/v1/settings/local-standards", { ...standards, earlyHelpReviewWeeks: 8 }, ifMatch(version ?? 0));
    expect(changed.statusCode, changed.body).toBe(200);
    // The episode opened two months ago; the reviews are entered with earlier dates.
    await db().updateTable("casework_case").set({ opened_on: addCalendarDays(todayIso(), -60) }).where("la_code", "=", tenant.laCode).where("id", "=", caseId).execute();
    const reviewDate = addCalendarDays(todayIso(), -7);
    const res = await worker.post(`/api/v1/cases/${caseId}/early-help/reviews`, { reviewDate, progress: "Steady" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<EarlyHelpEpisode>().nextReviewDue).toBe(addCalendarDays(reviewDate, 56));
    // A review entered late with an earlier date does not pull the next review back.
    const late = await worker.post(`/api/v1/cases/${caseId}/early-help/reviews`, { reviewDate: addCalendarDays(todayIso(), -20), progress: "Entered late" });
    expect(late.json<EarlyHelpEpisode>().nextReviewDue).toBe(addCalendarDays(reviewDate, 56));
    const item = await db().selectFrom("work_item").select(["due_date", "assigned_to"]).where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).where("kind", "=", "eh_review_due").executeTakeFirstOrThrow();
    expect(item).toEqual({ due_date: addCalendarDays(reviewDate, 56), assigned_to: workerId });
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/reviews`, { reviewDate: addCalendarDays(todayIso(), 3), progress: "x" })).statusCode).toBe(422);
    await admin.put("/api/v1/settings/local-standards", { ...standards }, ifMatch((version ?? 0) + 1));
  });

  it("enforces closure rules: no closing as stepped up, one request at a time, a returned request can be made again", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    const ep = await planWithPartnerLead(caseId);
    const outcomes = ep.plan.goals.map((g) => ({ goalId: g.id, status: "met" }));
    const stepped = await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "stepped_up", closedOn: todayIso(), goalOutcomes: outcomes });
    expect(fields(stepped.body)).toEqual(["reason"]);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "moved_away", closedOn: todayIso(), goalOutcomes: [...outcomes, { goalId: randomUUID(), status: "met" }] })).statusCode).toBe(422);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "moved_away", closedOn: todayIso(), goalOutcomes: outcomes })).statusCode).toBe(201);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "moved_away", closedOn: todayIso(), goalOutcomes: outcomes })).statusCode).toBe(409);
    const returned = await manager.post(`/api/v1/cases/${caseId}/early-help/closure/decision`, { decision: "return", note: "Check with the family first" });
    expect(returned.json<EarlyHelpEpisode>()).toMatchObject({ status: "open", closure: { status: "returned", decisionNote: "Check with the family first" } });
    expect((await manager.post(`/api/v1/cases/${caseId}/early-help/closure/decision`, { decision: "authorise" })).statusCode).toBe(409);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "disengaged", closedOn: todayIso(), goalOutcomes: outcomes })).statusCode).toBe(201);
  });

  it("steps up to social care keeping one history", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    await planWithPartnerLead(caseId);
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/step-up`, { referralDate: todayIso(), route: "assessment", reason: "Disclosure" })).statusCode).toBe(403);
    const res = await manager.post(`/api/v1/cases/${caseId}/early-help/step-up`, { referralDate: todayIso(), route: "assessment", reason: "Ava disclosed harm at school", teamId: ehTeam });
    expect(res.statusCode, res.body).toBe(201);
    const { newCaseIds } = res.json<{ newCaseIds: string[] }>();
    expect(newCaseIds).toHaveLength(1);
    const scCase = (await manager.get(`/api/v1/cases/${newCaseIds[0] ?? ""}`)).json<CaseDetail>();
    expect(scCase).toMatchObject({ kind: "social_care", previousCaseId: caseId, status: "open" });
    expect(scCase.history.map((h) => [h.id, h.kind, h.status, h.closureReason])).toEqual([
      [caseId, "early_help", "closed", "stepped_up"],
      [scCase.id, "social_care", "open", null],
    ]);
    const ehCase = (await manager.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    expect(ehCase.history.map((h) => h.id)).toEqual([caseId, scCase.id]);
    const ep = await episode(caseId, manager);
    expect(ep.closure).toMatchObject({ reason: "stepped_up", status: "authorised" });
    const events = await db().selectFrom("case_event").select(["kind", "case_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", childId).execute();
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(["early_help_start", "step_up", "early_help_end", "referral"]));
    expect(managerId).toBeDefined();
  });
  it("hides a restricted family member (not named) from the episode, its assessment and prefill, and keeps their part when others save", async () => {
    const { caseId, childId } = await openFamily();
    const dadId = await buildPerson(db(), tenant, { givenName: "Zebedee", familyName: "Hidden", dob: "1979-07-07", restricted: true });
    await grantNamedAccess(db(), tenant, dadId, managerId);
    expect((await manager.post(`/api/v1/cases/${caseId}/early-help/members`, { personId: dadId, role: "parent" })).statusCode).toBe(201);
    expect((await manager.post(`/api/v1/cases/${caseId}/early-help/goals`, { outcome: "health", personId: dadId, description: "Dad sees his GP" })).statusCode).toBe(201);
    const parts = [{ personId: childId, needs: [], strengths: "Art", ownWords: "", checkedFacts: "" }, { personId: dadId, needs: [{ outcome: "health", description: "Drinking" }], strengths: "", ownWords: "Dad's own words", checkedFacts: "" }];
    expect((await manager.put(`/api/v1/cases/${caseId}/early-help/assessment`, { members: parts, familyStrengths: "", familyViews: "", householdNotes: "", summary: "" }, ifMatch(0))).statusCode).toBe(200);
    for (const path of ["", "/assessment"]) {
      const res = await worker.get(`/api/v1/cases/${caseId}/early-help${path}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/Zebedee|Hidden|1979-07-07|Dad's own words|Drinking/);
    }
    const ep = await episode(caseId);
    expect(ep.plan.goals[0]?.person?.name).toBe(HIDDEN);
    expect(ep.assessment?.content.members.map((m) => m.personId)).toEqual([childId]);
    const view = (await worker.get(`/api/v1/cases/${caseId}/early-help/assessment`)).json<EhAssessmentView>();
    expect(view.prefill.members.map((m) => m.personId)).not.toContain(dadId);
    // The manager, named on him, still sees him.
    expect((await episode(caseId, manager)).plan.goals[0]?.person?.name).toBe("Zebedee Hidden");
    // The worker cannot assess him, and saving keeps the part they never saw.
    expect((await worker.put(`/api/v1/cases/${caseId}/early-help/assessment`, { members: parts, familyStrengths: "", familyViews: "", householdNotes: "", summary: "" }, ifMatch(1))).statusCode).toBe(422);
    expect((await worker.put(`/api/v1/cases/${caseId}/early-help/assessment`, { members: [parts[0]], familyStrengths: "", familyViews: "", householdNotes: "", summary: "Worker's" }, ifMatch(1))).statusCode).toBe(200);
    const kept = (await manager.get(`/api/v1/cases/${caseId}/early-help/assessment`)).json<EhAssessmentView>().assessment?.content;
    expect(kept).toMatchObject({ summary: "Worker's", members: [{ personId: childId }, { personId: dadId, ownWords: "Dad's own words" }] });
  });

  it("checks a step up: team, worker, children once, and no second open social care case", async () => {
    const { caseId, childId, mumId } = await openFamily();
    const stepUp = (body: Record<string, unknown>) => manager.post(`/api/v1/cases/${caseId}/early-help/step-up`, { referralDate: todayIso(), route: "assessment", reason: "Disclosure", ...body });
    const other = await buildTenant(svc.services);
    const otherTeam = await buildTeam(db(), other, "early_help");
    expect(fields((await stepUp({ teamId: otherTeam })).body)).toEqual(["teamId"]);
    const admin2 = await buildUser(db(), tenant, "administrator", { teamId: null });
    const otherWorker = await buildUser(db(), other, "practitioner", { teamId: otherTeam });
    for (const userId of [admin2.id, otherWorker.id, randomUUID()]) expect(fields((await stepUp({ allocatedTo: userId })).body)).toEqual(["allocatedTo"]);
    expect(fields((await stepUp({ childIds: [childId, randomUUID()] })).body)).toEqual(["childIds.1"]);
    expect(fields((await stepUp({ childIds: [mumId] })).body)).toEqual(["childIds.0"]);
    // An open social care case for the child already: 409, and nothing changes.
    const sc = randomUUID();
    await db().insertInto("casework_case").values({ la_code: tenant.laCode, id: sc, kind: "social_care", subject_person_id: childId, title: "Children’s social care", opened_on: todayIso() }).execute();
    expect((await stepUp({ childIds: [childId, childId] })).statusCode).toBe(409);
    expect((await episode(caseId)).status).toBe("open");
    await db().updateTable("casework_case").set({ status: "closed" }).where("la_code", "=", tenant.laCode).where("id", "=", sc).execute();
    const ok = await stepUp({ childIds: [childId, childId], teamId: ehTeam, allocatedTo: workerId });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<{ newCaseIds: string[] }>().newCaseIds).toHaveLength(1);
  });

  it("lets only one of two simultaneous closure decisions (or a step up) succeed", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    const ep = await planWithPartnerLead(caseId);
    const outcomes = ep.plan.goals.map((g) => ({ goalId: g.id, status: "met" }));
    expect((await worker.post(`/api/v1/cases/${caseId}/early-help/closure`, { reason: "moved_away", closedOn: todayIso(), goalOutcomes: outcomes })).statusCode).toBe(201);
    const decide = (decision: string) => manager.post(`/api/v1/cases/${caseId}/early-help/closure/decision`, { decision });
    // Two managers authorise at once, and a third steps the family up: exactly one succeeds.
    const all = await Promise.all([decide("authorise"), decide("authorise"), manager.post(`/api/v1/cases/${caseId}/early-help/step-up`, { referralDate: todayIso(), route: "assessment", reason: "Disclosure" })]);
    const codes = all.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 409), codes.join()).toHaveLength(2);
    const closures = await db().selectFrom("eh_closure").select("status").where("la_code", "=", tenant.laCode).where("case_id", "=", caseId).where("status", "=", "authorised").execute();
    expect(closures).toHaveLength(1);
    const steppedUp = await db().selectFrom("casework_case").select("id").where("la_code", "=", tenant.laCode).where("previous_case_id", "=", caseId).execute();
    expect(steppedUp).toHaveLength(codes.includes(201) ? 1 : 0);
    const versions = await db().selectFrom("record_history").select("version").where("la_code", "=", tenant.laCode).where("entity", "=", "case").where("entity_id", "=", caseId).execute();
    expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
  });

  it("stops a member removed from the team updating the action they owned", async () => {
    const { caseId, childId, mumId } = await openFamily();
    await assessAndAuthorise(caseId, childId, mumId);
    const ep = await planWithPartnerLead(caseId);
    const gpAction = ep.plan.goals[1]?.actions[0];
    const gpMember = ep.taf.find((m) => m.user?.id === gpUserId);
    expect((await gp.post(`/api/v1/early-help/actions/${gpAction?.id ?? ""}/updates`, { status: "done", progress: "Seen" }, ifMatch(1))).statusCode).toBe(201);
    const removed = await worker.delete(`/api/v1/cases/${caseId}/early-help/taf-members/${gpMember?.id ?? ""}`, ifMatch(ep.caseVersion));
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await gp.get(`/api/v1/early-help/actions/${gpAction?.id ?? ""}`)).json<TafActionView>().canUpdate).toBe(false);
    expect((await gp.post(`/api/v1/early-help/actions/${gpAction?.id ?? ""}/updates`, { status: "in_progress", progress: "Again" }, ifMatch(2))).statusCode).toBe(403);
  });

  it("names the lead professional and removes members only on the current case version", async () => {
    const { caseId } = await openFamily();
    const added = await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { name: "Aunt Shirin", role: "Family support", isLead: true });
    const withNeighbour = await worker.post(`/api/v1/cases/${caseId}/early-help/taf-members`, { name: "Neighbour", role: "Support" });
    const { taf, caseVersion } = withNeighbour.json<EarlyHelpEpisode>();
    const neighbour = taf.find((m) => m.name === "Neighbour")?.id ?? "";
    expect(added.statusCode).toBe(201);
    expect((await worker.put(`/api/v1/cases/${caseId}/early-help/lead-professional`, { memberId: neighbour })).statusCode).toBe(428);
    const lead = await worker.put(`/api/v1/cases/${caseId}/early-help/lead-professional`, { memberId: neighbour }, ifMatch(caseVersion));
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json<EarlyHelpEpisode>().caseVersion).toBe(caseVersion + 1);
    // A second person working from the page they opened before gets 412, and nothing changes.
    const aunt = taf.find((m) => m.name === "Aunt Shirin")?.id ?? "";
    expect((await manager.put(`/api/v1/cases/${caseId}/early-help/lead-professional`, { memberId: aunt }, ifMatch(caseVersion))).statusCode).toBe(412);
    expect((await manager.delete(`/api/v1/cases/${caseId}/early-help/taf-members/${aunt}`, ifMatch(caseVersion))).statusCode).toBe(412);
    const now = await episode(caseId);
    expect(now.taf.map((m) => [m.name, m.isLead])).toEqual([["Aunt Shirin", false], ["Neighbour", true]]);
    expect((await manager.delete(`/api/v1/cases/${caseId}/early-help/taf-members/${aunt}`, ifMatch(now.caseVersion))).statusCode).toBe(200);
  });
});
