import { QA_QUESTION_KEYS, addCalendarDays, todayIso } from "@family-story/domain";
import type { Caseload, Dispute, MidpointOverview, Qa, QaSummary, ReviewQa } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPerson, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { buildLookedAfterChild, buildReview } from "./iro-fixture.ts";

interface Problem { title: string; errors?: { field: string }[] }

const TODAY = todayIso();
const ago = (days: number) => addCalendarDays(TODAY, -days);
const allAnswered = (answer = "yes", overrides: Record<string, string> = {}) => ({ ...Object.fromEntries(QA_QUESTION_KEYS.map((k) => [k, answer])), ...overrides });

describe.each(DATABASE_KINDS)("IRO monitoring, disputes, QA and caseload on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  /** A fresh authority with an IRO, a practitioner, a team manager and an analyst, signed in. */
  async function setup() {
    const tenant = await buildTenant(svc.services);
    const users = {
      iro: await buildUser(db(), tenant, "iro"),
      practitioner: await buildUser(db(), tenant, "practitioner"),
      manager: await buildUser(db(), tenant, "team_manager"),
      analyst: await buildUser(db(), tenant, "performance_analyst"),
    };
    const as = async (u: { username: string }): Promise<Client> => signIn(svc.app, u.username, TEST_PASSWORD);
    return { tenant, users, iro: await as(users.iro), sw: await as(users.practitioner), manager: await as(users.manager), analyst: await as(users.analyst), as };
  }
  async function expectStatus(res: Promise<LightMyRequestResponse>, status: number): Promise<LightMyRequestResponse> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r;
  }
  async function problem(res: Promise<LightMyRequestResponse>, status: number): Promise<Problem> {
    const r = await expectStatus(res, status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    return r.json<Problem>();
  }
  async function auditActions(tenant: Tenant): Promise<{ action: string; person_id: string | null }[]> {
    return db().selectFrom("audit_event").select(["action", "person_id"]).where("la_code", "=", tenant.laCode).orderBy("seq").execute();
  }

  it("works out the mid-point halfway between the last review and the next due, and records checks linked to the last review", async () => {
    const { tenant, users, iro, sw } = await setup();
    // Reviews 25 Jan, 20 Apr and 15 Oct 2023: the next is due 15 April 2024 (6 months), so the
    // mid-point is 91 days after 15 October (183 days to the due date, halved and rounded down).
    const child = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, periodStart: "2023-01-02", reviews: ["2023-01-25", "2023-04-20", "2023-10-15"] });
    let overview = (await expectStatus(sw.get(`/api/v1/people/${child.personId}/iro/midpoints`), 200)).json<MidpointOverview>();
    expect(overview).toMatchObject({ lastReview: { id: child.reviewIds[2], date: "2023-10-15" }, nextReviewDue: "2024-04-15", midpointDue: "2024-01-14", midpointStatus: "overdue", midpoints: [] });
    expect(overview.midpointDueText).toMatch(/^Overdue by/);

    await problem(iro.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: addCalendarDays(TODAY, 1), onTrack: true, notes: "Spoke to the social worker" }), 422);
    await problem(iro.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2023-01-10", onTrack: true, notes: "Too early" }), 409);
    const bad = await problem(iro.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2024-01-10", notes: "" }), 400);
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(["notes", "onTrack"]);
    await problem(sw.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2024-01-10", onTrack: true, notes: "A social worker cannot" }), 403);

    const created = await expectStatus(iro.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2024-01-10", onTrack: false, notes: "Contact plan not yet in place" }), 201);
    expect(created.json()).toMatchObject({ reviewId: child.reviewIds[2], reviewDate: "2023-10-15", onTrack: false, recordedBy: { id: users.iro.id } });
    overview = (await expectStatus(iro.get(`/api/v1/people/${child.personId}/iro/midpoints`), 200)).json<MidpointOverview>();
    expect(overview.midpointStatus).toBe("done");
    expect(overview.midpoints.map((m) => [m.checkDate, m.onTrack])).toEqual([["2024-01-10", false]]);
    const events = await db().selectFrom("case_event").select(["kind", "case_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", child.personId).execute();
    expect(events).toEqual([{ kind: "iro_midpoint", case_id: child.caseId }]);

    // A recent review: the mid-point is months away, not yet due.
    const recent = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, periodStart: ago(300), reviews: [ago(290), ago(200), ago(10)] });
    overview = (await expectStatus(iro.get(`/api/v1/people/${recent.personId}/iro/midpoints`), 200)).json<MidpointOverview>();
    expect(overview.midpointStatus).toBe("not_due");
    expect((overview.midpointDue ?? "") > TODAY).toBe(true);
    // No review yet: nothing is due.
    const newcomer = await buildLookedAfterChild(db(), tenant, { periodStart: ago(5) });
    expect((await expectStatus(iro.get(`/api/v1/people/${newcomer.personId}/iro/midpoints`), 200)).json<MidpointOverview>()).toMatchObject({ lastReview: null, midpointDue: null, midpointStatus: "none" });

    const actions = await auditActions(tenant);
    expect(actions.filter((a) => a.action === "iro.midpoint.list").length).toBeGreaterThanOrEqual(3);
    expect(actions).toContainEqual({ action: "iro.midpoint.create", person_id: child.personId });
  });

  it("moves a dispute through its stages one at a time, with If-Match, and refuses illegal steps", async () => {
    const { tenant, users, iro, sw } = await setup();
    const child = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id });
    await problem(sw.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-01-10", theme: "care_planning", summary: "Care plan out of date" }), 403);
    await problem(iro.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: addCalendarDays(TODAY, 2), theme: "care_planning", summary: "Future" }), 422);
    const badTheme = await problem(iro.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-01-10", theme: "weather", summary: "x" }), 400);
    expect(badTheme.errors?.map((e) => e.field)).toEqual(["theme"]);

    const raised = await expectStatus(iro.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-01-10", theme: "drift_delay", summary: "Permanence plan drifting", notes: "Emailed the team manager" }), 201);
    expect(raised.headers.etag).toBe('W/"1"');
    let d = raised.json<Dispute>();
    expect(d).toMatchObject({ stage: "informal", stageLabel: "Informal alert", status: "open", themeLabel: "Drift or delay", actions: ["resolved", "escalated", "unresolved"], nextStage: { stage: "formal_1" } });
    const url = `/api/v1/iro/disputes/${d.id}`;
    const act = (body: object, version: number, client = iro) => client.patch(url, body, { "if-match": `W/"${String(version)}"` });

    await problem(sw.patch(url, { outcome: "escalated", date: "2025-01-20", notes: "x" }, { "if-match": 'W/"1"' }), 403);
    await problem(iro.patch(url, { outcome: "escalated", date: "2025-01-20", notes: "No If-Match" }), 428);
    const skip = await problem(act({ outcome: "escalated", date: "2025-01-20", notes: "Straight to the director", toStage: "formal_3" }, 1), 409);
    expect(skip.title).toBe("Escalate one stage at a time");
    await problem(act({ outcome: "escalated", date: "2025-01-09", notes: "Before it was raised" }, 1), 422);

    d = (await expectStatus(act({ outcome: "escalated", date: "2025-01-20", notes: "No response to the alert", toStage: "formal_1" }, 1), 200)).json<Dispute>();
    expect(d).toMatchObject({ stage: "formal_1", version: 2 });
    const stale = await problem(act({ outcome: "resolved", date: "2025-01-21", notes: "Stale" }, 1), 412);
    expect(stale.title).toMatch(/changed by someone else/);
    d = (await expectStatus(act({ outcome: "escalated", date: "2025-02-03", notes: "Team manager did not act" }, 2), 200)).json<Dispute>();
    d = (await expectStatus(act({ outcome: "escalated", date: "2025-02-17", notes: "To the head of service" }, 3), 200)).json<Dispute>();
    expect(d).toMatchObject({ stage: "formal_3", actions: ["resolved", "unresolved"], nextStage: null });
    await problem(act({ outcome: "escalated", date: "2025-02-20", notes: "Nowhere to go" }, 4), 409);
    d = (await expectStatus(act({ outcome: "resolved", date: "2025-03-01", notes: "Permanence panel booked" }, 4), 200)).json<Dispute>();
    expect(d).toMatchObject({ status: "resolved", endedOn: "2025-03-01", actions: [], version: 5 });
    expect(d.stages.map((s) => [s.stage, s.openedOn, s.outcome, s.outcomeOn])).toEqual([
      ["informal", "2025-01-10", "escalated", "2025-01-20"],
      ["formal_1", "2025-01-20", "escalated", "2025-02-03"],
      ["formal_2", "2025-02-03", "escalated", "2025-02-17"],
      ["formal_3", "2025-02-17", "resolved", "2025-03-01"],
    ]);
    expect(d.stages[0]?.notes).toBe("No response to the alert");
    const ended = await problem(act({ outcome: "unresolved", date: "2025-03-02", notes: "Reopen?" }, 5), 409);
    expect(ended.title).toBe("This dispute has ended");

    // Closed unresolved also ends a dispute.
    const second = (await expectStatus(iro.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-04-01", theme: "contact", summary: "Sibling contact not arranged" }), 201)).json<Dispute>();
    const closed = (await expectStatus(iro.patch(`/api/v1/iro/disputes/${second.id}`, { outcome: "unresolved", date: "2025-04-10", notes: "Family declined" }, { "if-match": 'W/"1"' }), 200)).json<Dispute>();
    expect(closed).toMatchObject({ status: "unresolved", endedOn: "2025-04-10" });
    await problem(iro.patch(`/api/v1/iro/disputes/${second.id}`, { outcome: "escalated", date: "2025-04-11", notes: "x" }, { "if-match": 'W/"2"' }), 409);

    // The social worker reads the disputes (lac:read), newest first, with the history.
    const list = (await expectStatus(sw.get(`/api/v1/people/${child.personId}/iro/disputes`), 200)).json<Dispute[]>();
    expect(list.map((x) => x.id)).toEqual([second.id, d.id]);
    const one = await expectStatus(sw.get(url), 200);
    expect(one.headers.etag).toBe('W/"5"');
    const history = await db().selectFrom("record_history").select("version").where("la_code", "=", tenant.laCode).where("entity", "=", "iro_dispute").where("entity_id", "=", d.id).orderBy("version").execute();
    expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5]);
    const kinds = (await db().selectFrom("case_event").select("kind").where("la_code", "=", tenant.laCode).where("source_id", "=", d.id).execute()).map((e) => e.kind).sort();
    expect(kinds).toEqual(["iro_dispute", "iro_dispute_formal_1", "iro_dispute_formal_2", "iro_dispute_formal_3", "iro_dispute_informal"]);
    const actions = (await auditActions(tenant)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["iro.dispute.raise", "iro.dispute.escalate", "iro.dispute.resolve", "iro.dispute.close-unresolved", "iro.dispute.list", "iro.dispute.read"]));
  });

  it("keeps one QA form per held review, changed with If-Match", async () => {
    const { tenant, users, iro, sw } = await setup();
    const child = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, reviews: ["2025-02-03"] });
    const reviewId = child.reviewIds[0] ?? "";
    const url = `/api/v1/lac-reviews/${reviewId}/qa`;
    const form = { completedOn: "2025-02-04", answers: allAnswered("yes", { report_shared: "no", permanence_planned: "not_applicable" }), comments: "Report arrived the day before." };

    await problem(sw.put(url, form), 403);
    await problem(iro.get(url), 404);
    const missing = await problem(iro.put(url, { ...form, answers: { ...form.answers, child_prepared: undefined } }), 400);
    expect(missing.errors?.map((e) => e.field)).toEqual(["answers.child_prepared"]);
    const wrong = await problem(iro.put(url, { ...form, answers: { ...form.answers, child_prepared: "maybe" } }), 400);
    expect(wrong.errors?.map((e) => e.field)).toEqual(["answers.child_prepared"]);
    await problem(iro.put(url, { ...form, completedOn: "2025-02-01" }), 422);
    await problem(iro.put(url, form, { "if-match": 'W/"1"' }), 412);

    const created = await expectStatus(iro.put(url, form), 201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.json<Qa>()).toMatchObject({ reviewId, personId: child.personId, reviewDate: "2025-02-03", answers: form.answers, completedBy: { id: users.iro.id }, version: 1 });
    const again = await problem(iro.put(url, form), 409);
    expect(again.title).toMatch(/already has a quality-assurance form/);

    const changed = await expectStatus(iro.put(url, { ...form, answers: { ...form.answers, report_shared: "partly" } }, { "if-match": 'W/"1"' }), 200);
    expect(changed.json<Qa>()).toMatchObject({ version: 2, answers: { report_shared: "partly" } });
    const stale = await problem(iro.put(url, { ...form, comments: "Stale edit" }, { "if-match": 'W/"1"' }), 412);
    expect(stale.title).toMatch(/changed by someone else/);
    const read = await expectStatus(sw.get(url), 200);
    expect(read.headers.etag).toBe('W/"2"');
    expect(read.json<Qa>().answers.report_shared).toBe("partly");
    expect(await db().selectFrom("iro_qa").select("id").where("la_code", "=", tenant.laCode).execute()).toHaveLength(1);

    // Only held reviews take a form; the child's page lists each held review with its form.
    const scheduled = await buildReview(db(), child, "2025-08-01", "scheduled");
    await problem(iro.put(`/api/v1/lac-reviews/${scheduled}/qa`, form), 409);
    const later = await buildReview(db(), child, "2025-05-01");
    const listed = (await expectStatus(sw.get(`/api/v1/people/${child.personId}/iro/qa`), 200)).json<ReviewQa[]>();
    expect(listed.map((r) => [r.reviewId, r.qa?.version ?? null])).toEqual([[later, null], [reviewId, 2]]);
    const actions = (await auditActions(tenant)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["iro.qa.create", "iro.qa.update", "iro.qa.read", "iro.qa.list"]));
  });

  it("aggregates QA answers anonymously for a date range, with hand-computed percentages", async () => {
    const { tenant, users, iro, sw, manager, analyst } = await setup();
    const forms: [string, Record<string, string>][] = [
      ["2025-03-03", allAnswered("yes", { child_prepared: "yes", care_plan_quality: "yes", permanence_planned: "yes" })],
      ["2025-03-10", allAnswered("yes", { child_prepared: "yes", care_plan_quality: "no", permanence_planned: "yes" })],
      ["2025-03-17", allAnswered("yes", { child_prepared: "partly", care_plan_quality: "no", permanence_planned: "yes" })],
      ["2025-04-07", allAnswered("yes", { child_prepared: "no", care_plan_quality: "not_applicable", permanence_planned: "partly" })],
      // Outside the range: not counted.
      ["2025-06-02", allAnswered("no")],
    ];
    const people: string[] = [];
    for (const [date, answers] of forms) {
      const child = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, familyName: `Qaname${date.replace(/-/g, "")}`, reviews: [date] });
      people.push(child.personId);
      await expectStatus(iro.put(`/api/v1/lac-reviews/${child.reviewIds[0] ?? ""}/qa`, { completedOn: date, answers }), 201);
    }
    // Another authority's form in the range is not this service's.
    const other = await setup();
    const elsewhere = await buildLookedAfterChild(db(), other.tenant, { reviews: ["2025-03-05"] });
    await expectStatus(other.iro.put(`/api/v1/lac-reviews/${elsewhere.reviewIds[0] ?? ""}/qa`, { completedOn: "2025-03-05", answers: allAnswered("no") }), 201);

    await problem(sw.get("/api/v1/iro/qa-summary?from=2025-03-01&to=2025-04-30"), 403);
    await problem(iro.get("/api/v1/iro/qa-summary?from=2025-05-01&to=2025-04-30"), 400);
    const res = await expectStatus(manager.get("/api/v1/iro/qa-summary?from=2025-03-01&to=2025-04-30"), 200);
    const summary = res.json<QaSummary>();
    expect(Object.keys(summary).sort()).toEqual(["forms", "from", "questions", "to"]);
    expect(summary).toMatchObject({ from: "2025-03-01", to: "2025-04-30", forms: 4 });
    const shares = (key: string) => summary.questions.find((q) => q.key === key)?.answers.map((a) => [a.answer, a.count, a.percent]);
    expect(shares("child_prepared")).toEqual([["yes", 2, 50], ["partly", 1, 25], ["no", 1, 25], ["not_applicable", 0, 0]]);
    expect(shares("care_plan_quality")).toEqual([["yes", 1, 25], ["partly", 0, 0], ["no", 2, 50], ["not_applicable", 1, 25]]);
    expect(shares("permanence_planned")).toEqual([["yes", 3, 75], ["partly", 1, 25], ["no", 0, 0], ["not_applicable", 0, 0]]);
    expect(shares("sw_relationship")).toEqual([["yes", 4, 100], ["partly", 0, 0], ["no", 0, 0], ["not_applicable", 0, 0]]);
    expect(summary.questions.every((q) => q.total === 4)).toBe(true);
    // Three forms: thirds, to one decimal place.
    const thirds = (await expectStatus(analyst.get("/api/v1/iro/qa-summary?from=2025-03-01&to=2025-03-31"), 200)).json<QaSummary>();
    expect(thirds.questions.find((q) => q.key === "child_prepared")?.answers.map((a) => a.percent)).toEqual([66.7, 33.3, 0, 0]);

    // No identifier of any child, review, form or person reaches the aggregate.
    const forbiddenIds = [...people, ...(await db().selectFrom("iro_qa").select(["id", "review_id", "completed_by"]).where("la_code", "=", tenant.laCode).execute()).flatMap((r) => [r.id, r.review_id, r.completed_by ?? ""]), users.iro.id];
    for (const id of forbiddenIds) expect(res.body).not.toContain(id);
    expect(res.body).not.toMatch(/Qaname|Robin/);
    const audit = (await auditActions(tenant)).filter((a) => a.action === "iro.qa-summary.read");
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.person_id === null)).toBe(true);
  });

  it("leaves a restricted child's QA form out of the aggregate for readers not named on the child", async () => {
    const { tenant, users, iro, manager } = await setup();
    const hidden = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, restricted: true, reviews: ["2024-02-05"] });
    await grantNamedAccess(db(), tenant, hidden.personId, users.iro.id);
    await expectStatus(iro.put(`/api/v1/lac-reviews/${hidden.reviewIds[0] ?? ""}/qa`, { completedOn: "2024-02-06", answers: allAnswered("no") }), 201);
    const range = "/api/v1/iro/qa-summary?from=2024-02-06&to=2024-02-06";
    // The IRO named on the child counts it; a manager who may not open the child does not.
    expect((await expectStatus(iro.get(range), 200)).json<QaSummary>().forms).toBe(1);
    const unseen = (await expectStatus(manager.get(range), 200)).json<QaSummary>();
    expect(unseen.forms).toBe(0);
    expect(unseen.questions.every((q) => q.answers.every((a) => a.count === 0))).toBe(true);
  });

  it("lists an IRO's caseload with placement, reviews, mid-point and open disputes; managers may choose the IRO", async () => {
    const { tenant, users, iro, sw, manager, as } = await setup();
    const otherIro = await buildUser(db(), tenant, "iro");
    const overdue = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, familyName: "Overdue", periodStart: "2023-01-02", place: "K2", reviews: ["2023-01-25", "2023-04-20", "2023-10-15"] });
    const recent = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, familyName: "Recent", periodStart: ago(300), reviews: [ago(290), ago(200), ago(10)] });
    await buildLookedAfterChild(db(), tenant, { iroId: otherIro.id, familyName: "Theirs" });
    await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, familyName: "Leftcare", periodStart: "2022-01-03", ceased: "2023-01-03" });
    const hidden = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, familyName: "Restricted", restricted: true });
    const dispute = (await expectStatus(iro.post(`/api/v1/people/${overdue.personId}/iro/disputes`, { raisedOn: "2025-01-10", theme: "placement", summary: "Placement not matched" }), 201)).json<Dispute>();

    const load = await expectStatus(iro.get("/api/v1/iro/caseload"), 200);
    const caseload = load.json<Caseload>();
    expect(caseload.iro).toEqual({ id: users.iro.id, name: expect.any(String) as string });
    expect(caseload.iros).toEqual([]);
    expect(caseload.children.map((c) => c.person.id)).toEqual([overdue.personId, recent.personId]);
    expect(caseload.children[0]).toMatchObject({
      caseId: overdue.caseId,
      placement: { code: "K2", since: "2023-01-02" },
      lastReviewDate: "2023-10-15",
      nextReviewDue: "2024-04-15",
      reviewDueStatus: "overdue",
      midpointDue: "2024-01-14",
      midpointStatus: "overdue",
      openDisputes: 1,
    });
    expect(caseload.children[0]?.placement?.label).toMatch(/Children’s home/);
    expect(caseload.children[1]).toMatchObject({ reviewDueStatus: "not_due", midpointStatus: "not_due", openDisputes: 0 });
    expect(caseload.openDisputes).toEqual([expect.objectContaining({ id: dispute.id, person: { id: overdue.personId, name: expect.stringContaining("Overdue") as string }, stage: "informal", themeLabel: "Placement" })]);
    expect(load.body).not.toContain(hidden.personId);

    // Named on the restricted record, the IRO sees that child too.
    await grantNamedAccess(db(), tenant, hidden.personId, users.iro.id);
    expect((await expectStatus(iro.get("/api/v1/iro/caseload"), 200)).json<Caseload>().children.map((c) => c.person.id)).toContain(hidden.personId);

    const forManager = (await expectStatus(manager.get(`/api/v1/iro/caseload?iroId=${users.iro.id}`), 200)).json<Caseload>();
    expect(forManager.children.map((c) => c.person.id)).toEqual([overdue.personId, recent.personId]);
    expect(forManager.iros.map((i) => i.id).sort()).toEqual([users.iro.id, otherIro.id].sort());
    const theirs = (await expectStatus(manager.get(`/api/v1/iro/caseload?iroId=${otherIro.id}`), 200)).json<Caseload>();
    expect(theirs.children.map((c) => c.person.name)).toEqual([expect.stringContaining("Theirs") as string]);
    await problem((await as(otherIro)).get(`/api/v1/iro/caseload?iroId=${users.iro.id}`), 403);
    await problem(sw.get("/api/v1/iro/caseload"), 403);
    const stranger = await setup();
    await problem(manager.get(`/api/v1/iro/caseload?iroId=${stranger.users.iro.id}`), 404);
    expect((await auditActions(tenant)).filter((a) => a.action === "iro.caseload.read").length).toBeGreaterThanOrEqual(3);
  });

  it("scopes every record to the child's authority (404 elsewhere) and keeps writes to IROs (403)", async () => {
    const { tenant, users, iro, sw } = await setup();
    const child = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, reviews: ["2025-02-03"] });
    const reviewId = child.reviewIds[0] ?? "";
    const dispute = (await expectStatus(iro.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-02-10", theme: "health", summary: "Health assessment late" }), 201)).json<Dispute>();
    await expectStatus(iro.put(`/api/v1/lac-reviews/${reviewId}/qa`, { completedOn: "2025-02-04", answers: allAnswered() }), 201);

    const stranger = await setup();
    const them = stranger.iro;
    const form = { completedOn: "2025-02-04", answers: allAnswered() };
    for (const res of [
      them.get(`/api/v1/people/${child.personId}/iro/midpoints`),
      them.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2025-03-01", onTrack: true, notes: "x" }),
      them.get(`/api/v1/people/${child.personId}/iro/disputes`),
      them.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-02-10", theme: "health", summary: "x" }),
      them.get(`/api/v1/iro/disputes/${dispute.id}`),
      them.patch(`/api/v1/iro/disputes/${dispute.id}`, { outcome: "resolved", date: "2025-02-11", notes: "x" }, { "if-match": 'W/"1"' }),
      them.get(`/api/v1/people/${child.personId}/iro/qa`),
      them.get(`/api/v1/lac-reviews/${reviewId}/qa`),
      them.put(`/api/v1/lac-reviews/${reviewId}/qa`, form, { "if-match": 'W/"1"' }),
      stranger.manager.get(`/api/v1/iro/caseload?iroId=${users.iro.id}`),
    ]) await problem(res, 404);
    // Their aggregate does not count this authority's form.
    expect((await expectStatus(them.get("/api/v1/iro/qa-summary?from=2025-01-01&to=2025-12-31"), 200)).json<QaSummary>().forms).toBe(0);

    // A practitioner reads the child's IRO records but cannot write them.
    for (const res of [
      sw.post(`/api/v1/people/${child.personId}/iro/midpoints`, { checkDate: "2025-03-01", onTrack: true, notes: "x" }),
      sw.post(`/api/v1/people/${child.personId}/iro/disputes`, { raisedOn: "2025-02-10", theme: "health", summary: "x" }),
      sw.patch(`/api/v1/iro/disputes/${dispute.id}`, { outcome: "resolved", date: "2025-02-11", notes: "x" }, { "if-match": 'W/"1"' }),
      sw.put(`/api/v1/lac-reviews/${reviewId}/qa`, form, { "if-match": 'W/"1"' }),
    ]) await problem(res, 403);
    for (const url of [`/api/v1/people/${child.personId}/iro/midpoints`, `/api/v1/people/${child.personId}/iro/disputes`, `/api/v1/iro/disputes/${dispute.id}`, `/api/v1/people/${child.personId}/iro/qa`, `/api/v1/lac-reviews/${reviewId}/qa`]) await expectStatus(sw.get(url), 200);

    // A restricted child the IRO is not named on is out of reach; someone never looked after has no IRO record.
    const restricted = await buildLookedAfterChild(db(), tenant, { iroId: users.iro.id, restricted: true });
    await problem(iro.get(`/api/v1/people/${restricted.personId}/iro/disputes`), 404);
    const never = await buildPerson(db(), tenant);
    await problem(iro.get(`/api/v1/people/${never}/iro/midpoints`), 404);
    // Nothing was changed by the refused writes.
    expect((await db().selectFrom("iro_dispute").select(["version", "status"]).where("la_code", "=", tenant.laCode).execute())).toEqual([{ version: 1, status: "open" }]);
    expect(await db().selectFrom("iro_midpoint").select("id").where("la_code", "=", tenant.laCode).execute()).toEqual([]);
  });
});
