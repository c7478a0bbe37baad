import { MEASURES } from "@family-story/domain";
import type { GovAction, GovCommittee, GovReport, GovStrategy, GovStrategySummary } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoGovernance } from "../src/demo/demo-governance.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-organisation.ts";
import { seedDemoOrganisation } from "../src/demo/seed-demo.ts";
import { TEST_PASSWORD, buildSharedService, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

/**
 * Strategy and scrutiny: strategies → priorities → actions with progress notes kept as history,
 * the "what we said / what we did" report and its CSV, committees with their work programme,
 * action tracker and recommendation tracker; If-Match on every edit, scope by authority, audit.
 */

const v = (n: number): Record<string, string> => ({ "if-match": `W/"${String(n)}"` });
// Ids fixed by the plan (computed measures), so they hold once the catalogue is filled.
const MEASURE_A = "lac-placement-stability-long";
const MEASURE_B = "repeat-referrals-csc";

describe.each(DATABASE_KINDS)("governance on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  async function setup(): Promise<{ tenant: Tenant; leader: Client; leaderName: string }> {
    const tenant = await buildTenant(svc.services, "Governance");
    const user = await buildUser(db(), tenant, "leader");
    const leaderName = (await db().selectFrom("app_user").select("display_name").where("id", "=", user.id).executeTakeFirstOrThrow()).display_name;
    return { tenant, leader: await signIn(svc.app, user.username, TEST_PASSWORD), leaderName };
  }

  async function strategyWithActions(tenant: Tenant, leader: Client): Promise<{ strategy: GovStrategy; actions: GovAction[] }> {
    const created = await leader.post("/api/v1/governance/strategies", { la: tenant.laCode, title: "Children and Young People's Plan", periodLabel: "2019–22", startsOn: "2019-04-01", endsOn: "2022-03-31" });
    expect(created.statusCode, created.body).toBe(201);
    const strategyId = created.json<GovStrategy>().id;
    for (const title of ["Transform the pre-birth to five programme", "Ensure children can access inclusive schools"]) {
      expect((await leader.post(`/api/v1/governance/strategies/${strategyId}/priorities`, { title })).statusCode).toBe(201);
    }
    const strategy = (await leader.get(`/api/v1/governance/strategies/${strategyId}`)).json<GovStrategy>();
    const [p1, p2] = strategy.priorities;
    if (!p1 || !p2) throw new Error("priorities missing");
    const actions: GovAction[] = [];
    for (const [priority, body] of [
      [p1.id, { title: "Agree the five-year pathway", owner: "Head of Early Years", startDate: "2020-04-01", dueDate: "2021-03-31", measureIds: [MEASURE_A, MEASURE_B] }],
      [p1.id, { title: "Modernise health visiting", owner: "Public Health lead", status: "in_progress" }],
      [p2.id, { title: "Publish the inclusion strategy", owner: "Director of Education", status: "complete" }],
    ] as const) {
      const res = await leader.post(`/api/v1/governance/priorities/${priority}/actions`, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toBe('W/"1"');
      actions.push(res.json<GovAction>());
    }
    return { strategy: (await leader.get(`/api/v1/governance/strategies/${strategyId}`)).json<GovStrategy>(), actions };
  }

  it("keeps strategies, priorities and actions, and records progress as dated history with If-Match", async () => {
    const { tenant, leader, leaderName } = await setup();
    const { strategy, actions } = await strategyWithActions(tenant, leader);
    expect(strategy.counts).toEqual({ not_started: 1, in_progress: 1, complete: 1, total: 3 });
    expect(strategy.priorities.map((p) => [p.title, p.counts.total])).toEqual([
      ["Transform the pre-birth to five programme", 2],
      ["Ensure children can access inclusive schools", 1],
    ]);
    const first = actions[0];
    if (!first) throw new Error("no action");
    expect(first).toMatchObject({ status: "not_started", owner: "Head of Early Years", startDate: "2020-04-01", dueDate: "2021-03-31", notes: [] });
    expect(first.measures.map((m) => m.id)).toEqual([MEASURE_A, MEASURE_B]);

    // Progress: status and a note together; the first note, then a second one.
    const url = `/api/v1/governance/actions/${first.id}/progress`;
    const one = await leader.post(url, { status: "in_progress", note: "Workstreams agreed with partners.", notedOn: "2020-09-30" }, v(1));
    expect(one.statusCode, one.body).toBe(200);
    const two = await leader.post(url, { status: "complete", note: "Pathway in place across the hubs." }, v(2));
    expect(two.statusCode, two.body).toBe(200);
    const after = two.json<GovAction>();
    expect(after.status).toBe("complete");
    expect(after.version).toBe(3);
    expect(after.notes.map((n) => [n.status, n.note, n.recordedBy])).toEqual([
      ["complete", "Pathway in place across the hubs.", leaderName],
      ["in_progress", "Workstreams agreed with partners.", leaderName],
    ]);
    expect(after.notes[1]?.notedOn).toBe("2020-09-30");

    // A stale version is refused and says what changed; a missing one is asked for.
    const stale = await leader.post(url, { status: "in_progress", note: "Reopened" }, v(2));
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ currentVersion: number; changes: { field: string }[] }>()).toMatchObject({ currentVersion: 3, changes: [{ field: "status" }] });
    expect((await leader.post(url, { status: "in_progress", note: "Reopened" })).statusCode).toBe(428);
    expect((await leader.get(`/api/v1/governance/actions/${first.id}`)).json<GovAction>().notes).toHaveLength(2);

    // Editing the action itself.
    const edited = await leader.patch(`/api/v1/governance/actions/${first.id}`, { owner: "Director of Early Help", measureIds: [MEASURE_B] }, v(3));
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<GovAction>()).toMatchObject({ owner: "Director of Early Help", measures: [{ id: MEASURE_B }], version: 4 });
    const renamed = await leader.patch(`/api/v1/governance/strategies/${strategy.id}`, { title: "CYPP 2019–22" }, v(1));
    expect(renamed.json<GovStrategy>()).toMatchObject({ title: "CYPP 2019–22", version: 2 });

    const audited = await db().selectFrom("audit_event").select(["action", "entity_id", "details"]).where("la_code", "=", tenant.laCode).where("action", "=", "governance.action.progress").orderBy("seq").execute();
    expect(audited.map((a) => [a.entity_id, a.details.from, a.details.to])).toEqual([
      [first.id, "not_started", "in_progress"],
      [first.id, "in_progress", "complete"],
    ]);
    const reads = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("action", "in", ["governance.strategy.read", "governance.action.read"]).execute();
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it("reports what we said and what we did, with counts by status, as JSON and CSV", async () => {
    const { tenant, leader } = await setup();
    const { strategy, actions } = await strategyWithActions(tenant, leader);
    const second = actions[1];
    if (!second) throw new Error("no action");
    await leader.post(`/api/v1/governance/actions/${second.id}/progress`, { status: "in_progress", note: "=HYPERLINK(\"x\"), with a comma", notedOn: "2021-01-15" }, v(1));

    const report = (await leader.get(`/api/v1/governance/strategies/${strategy.id}/report`)).json<GovReport>();
    expect(report.strategy.counts).toEqual({ not_started: 1, in_progress: 1, complete: 1, total: 3 });
    expect(report.priorities.map((p) => [p.title, p.counts.not_started, p.counts.in_progress, p.counts.complete])).toEqual([
      ["Transform the pre-birth to five programme", 1, 1, 0],
      ["Ensure children can access inclusive schools", 0, 0, 1],
    ]);
    expect(report.priorities[0]?.actions[1]?.latestNote?.notedOn).toBe("2021-01-15");
    expect(report.priorities[0]?.actions[0]?.latestNote).toBeNull();

    const csv = await leader.get(`/api/v1/governance/strategies/${strategy.id}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(`what-we-said-${tenant.laCode}-children-and-young-people-s-plan.csv`);
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("strategy,priority,action,owner,status,due_date,progress_date,progress_note,progress_by");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe("Children and Young People's Plan,Transform the pre-birth to five programme,Agree the five-year pathway,Head of Early Years,Not started,2021-03-31,,,");
    // A note a spreadsheet would run as a formula is defused, and quoted for its comma and quotes.
    expect(lines[2]).toContain(`,In progress,,2021-01-15,"'=HYPERLINK(""x""), with a comma",`);
    expect(lines[3]).toContain("Publish the inclusion strategy,Director of Education,Complete,");

    const audited = await db().selectFrom("audit_event").select(["details"]).where("la_code", "=", tenant.laCode).where("action", "=", "governance.report.read").orderBy("seq").execute();
    expect(audited.map((a) => a.details.format)).toEqual(["json", "csv"]);
  });

  it("refuses bad input naming the field, and unknown measures once the catalogue holds them", async () => {
    const { tenant, leader } = await setup();
    const { strategy } = await strategyWithActions(tenant, leader);
    const priority = strategy.priorities[0]?.id ?? "";
    const fields = (res: LightMyRequestResponse): string[] => {
      expect(res.statusCode).toBe(400);
      return res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    };
    expect(fields(await leader.post(`/api/v1/governance/priorities/${priority}/actions`, { title: "X", owner: "Y", startDate: "2021-05-01", dueDate: "2021-04-01" }))).toEqual(["dueDate"]);
    expect(fields(await leader.post(`/api/v1/governance/priorities/${priority}/actions`, { title: "X", owner: "", measureIds: ["Not A Measure"] }))).toEqual(["owner", "measureIds.0"]);
    expect(fields(await leader.post(`/api/v1/governance/strategies`, { la: tenant.laCode, title: "T", periodLabel: "P", startsOn: "2022-01-01", endsOn: "2021-01-01" }))).toEqual(["endsOn"]);
    const action = strategy.priorities[0]?.actions[0]?.id ?? "";
    expect(fields(await leader.post(`/api/v1/governance/actions/${action}/progress`, { status: "done", note: " " }, v(1)))).toEqual(["status", "note"]);
    expect(fields(await leader.post(`/api/v1/governance/actions/${action}/progress`, { status: "complete", note: "Early", notedOn: "2999-01-01" }, v(1)))).toEqual(["notedOn"]);

    const unknown = await leader.post(`/api/v1/governance/priorities/${priority}/actions`, { title: "X", owner: "Y", measureIds: ["no-such-measure-anywhere"] });
    if (MEASURES.length > 0) expect(fields(unknown)).toEqual(["measureIds.0"]);
    else expect(unknown.json<GovAction>().measures).toEqual([{ id: "no-such-measure-anywhere", title: null }]);
  });

  it("scopes by authority: a shared service's authority is reachable, another is 404; readers cannot write", async () => {
    const { tenant, leader } = await setup();
    const partner = await buildTenant(svc.services, "Partner");
    const elsewhere = await buildTenant(svc.services, "Elsewhere");
    await buildSharedService(db(), [tenant.laCode, partner.laCode], [tenant.teamId]);
    expect((await leader.post("/api/v1/governance/strategies", { la: tenant.laCode, title: "Children and Young People's Plan", periodLabel: "2019–22" })).statusCode).toBe(201);
    const inPartner = await leader.post("/api/v1/governance/strategies", { la: partner.laCode, title: "Early Help Strategy", periodLabel: "2022–25" });
    expect(inPartner.statusCode).toBe(201);
    expect((await leader.post("/api/v1/governance/strategies", { la: elsewhere.laCode, title: "Theirs", periodLabel: "2022–25" })).statusCode).toBe(404);
    const theirLeader = await signIn(svc.app, (await buildUser(db(), elsewhere, "leader")).username, TEST_PASSWORD);
    const theirs = (await theirLeader.post("/api/v1/governance/strategies", { la: elsewhere.laCode, title: "Theirs", periodLabel: "2022–25" })).json<GovStrategy>();
    expect((await leader.get(`/api/v1/governance/strategies/${theirs.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/governance/strategies/${theirs.id}/report.csv`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/governance/strategies?la=${elsewhere.laCode}`)).statusCode).toBe(404);
    const mine = (await leader.get("/api/v1/governance/strategies")).json<GovStrategySummary[]>();
    expect(mine.map((s) => s.laCode).sort()).toEqual([tenant.laCode, partner.laCode].sort());

    const manager = await signIn(svc.app, (await buildUser(db(), tenant, "team_manager")).username, TEST_PASSWORD);
    expect((await manager.get(`/api/v1/governance/strategies/${inPartner.json<GovStrategy>().id}`)).statusCode).toBe(200);
    expect((await manager.post("/api/v1/governance/strategies", { la: tenant.laCode, title: "No", periodLabel: "No" })).statusCode).toBe(403);
    const practitioner = await signIn(svc.app, (await buildUser(db(), tenant, "practitioner")).username, TEST_PASSWORD);
    expect((await practitioner.get("/api/v1/governance/strategies")).statusCode).toBe(403);
  });

  it("keeps a committee's meetings, work programme, action tracker and recommendation tracker", async () => {
    const { tenant, leader } = await setup();
    const created = await leader.post("/api/v1/governance/committees", { la: tenant.laCode, name: "Family Services Policy and Scrutiny Committee", yearLabel: "2019/20" });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<GovCommittee>().id;
    await leader.post(`/api/v1/governance/committees/${id}/meetings`, { roundLabel: "Round three", meetsOn: "2019-11-25" });
    const withMeetings = (await leader.post(`/api/v1/governance/committees/${id}/meetings`, { roundLabel: "Round seven" })).json<GovCommittee>();
    const [round3, round7] = withMeetings.meetings;
    if (!round3 || !round7) throw new Error("meetings missing");
    expect(round7.meetsOn).toBeNull();

    await leader.post(`/api/v1/governance/committees/${id}/work-items`, { kind: "agenda_item", meetingId: round3.id, title: "Youth crime", reasons: "What is the picture and what is being done?", representedBy: "Head of Youth Justice" });
    await leader.post(`/api/v1/governance/committees/${id}/work-items`, { kind: "agenda_item", title: "Suicide prevention", reasons: "Review the approach" });
    const withItems = (await leader.post(`/api/v1/governance/committees/${id}/work-items`, { kind: "task_group", title: "Young people's mental health and technology" })).json<GovCommittee>();
    expect(withItems.workItems.map((w) => [w.kind, w.title, w.meetingId])).toEqual([
      ["agenda_item", "Youth crime", round3.id],
      ["agenda_item", "Suicide prevention", null],
      ["task_group", "Young people's mental health and technology", null],
    ]);
    const badGroup = await leader.post(`/api/v1/governance/committees/${id}/work-items`, { kind: "task_group", meetingId: round3.id, title: "No" });
    expect(badGroup.statusCode).toBe(400);
    expect(badGroup.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("meetingId");

    // Allocating the unallocated item to a meeting, then a stale second edit.
    const unallocated = withItems.workItems[1];
    if (!unallocated) throw new Error("item missing");
    const moved = await leader.patch(`/api/v1/governance/work-items/${unallocated.id}`, { meetingId: round7.id }, v(unallocated.version));
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<GovCommittee>().workItems[1]?.meetingId).toBe(round7.id);
    expect((await leader.patch(`/api/v1/governance/work-items/${unallocated.id}`, { meetingId: null }, v(unallocated.version))).statusCode).toBe(412);
    const dated = await leader.patch(`/api/v1/governance/meetings/${round7.id}`, { meetsOn: "2020-06-15" }, v(round7.version));
    expect(dated.json<GovCommittee>().meetings[1]).toMatchObject({ meetsOn: "2020-06-15", version: 2 });

    // The action tracker.
    const tracked = (await leader.post(`/api/v1/governance/committees/${id}/actions`, { meetingId: round3.id, agendaItem: "Item 4: Cabinet Member update", action: "Circulate the inspection report" })).json<GovCommittee>();
    const action = tracked.actions[0];
    if (!action) throw new Error("action missing");
    expect(action).toMatchObject({ status: "in_progress", update: null });
    const done = await leader.patch(`/api/v1/governance/committee-actions/${action.id}`, { status: "completed", update: "Circulated on 2 December" }, v(1));
    expect(done.json<GovCommittee>().actions[0]).toMatchObject({ status: "completed", update: "Circulated on 2 December", version: 2 });

    // The recommendation tracker: each organisation's response.
    const rec = (await leader.post(`/api/v1/governance/committees/${id}/recommendations`, { meetingId: round3.id, text: "That electronic consent be piloted.", organisations: ["NHS England", "Central CCG"] })).json<GovCommittee>().recommendations[0];
    if (!rec) throw new Error("recommendation missing");
    expect(rec).toMatchObject({ number: 1, responses: [{ organisation: "NHS England", response: null }, { organisation: "Central CCG", response: null }] });
    const answered = await leader.put(`/api/v1/governance/recommendations/${rec.id}/response`, { organisation: "nhs england", response: "Being piloted by three providers.", respondedOn: "2019-12-10" }, v(1));
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json<GovCommittee>().recommendations[0]?.responses).toEqual([
      { organisation: "NHS England", response: "Being piloted by three providers.", respondedOn: "2019-12-10" },
      { organisation: "Central CCG", response: null, respondedOn: null },
    ]);
    const notAsked = await leader.put(`/api/v1/governance/recommendations/${rec.id}/response`, { organisation: "Someone else", response: "Hello", respondedOn: "2019-12-10" }, v(2));
    expect(notAsked.statusCode).toBe(400);
    expect(notAsked.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("organisation");
    expect((await leader.put(`/api/v1/governance/recommendations/${rec.id}/response`, { organisation: "Central CCG", response: "Late", respondedOn: "2019-12-11" }, v(1))).statusCode).toBe(412);

    const full = (await leader.get(`/api/v1/governance/committees/${id}`)).json<GovCommittee>();
    expect(full).toMatchObject({ name: "Family Services Policy and Scrutiny Committee", yearLabel: "2019/20", meetings: [{ roundLabel: "Round three" }, { roundLabel: "Round seven" }] });
    const changes = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("action", "like", "governance.%").orderBy("seq").execute();
    expect(changes.map((c) => c.action)).toEqual(expect.arrayContaining(["governance.committee.create", "governance.work-item.update", "governance.committee-action.update", "governance.recommendation.respond", "governance.committee.read"]));
  });
});

// The demo uses fixed authority codes and usernames, so it is seeded only into a fresh PGlite.
describe("the demo's strategies and committee (PGlite)", () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService("pglite");
    const ctx = await seedDemoOrganisation(svc.services.db);
    await seedDemoGovernance(svc.services.db, ctx);
    await svc.services.refs.refresh();
  });
  afterAll(async () => svc.close());

  it("gives the leader both authorities' strategies, every status, linked measures and a full committee", async () => {
    const leader = await signIn(svc.app, "leader.wcc", DEMO_PASSWORD);
    const strategies = (await leader.get("/api/v1/governance/strategies")).json<GovStrategySummary[]>();
    expect(strategies.map((s) => [s.laName, s.title])).toEqual(expect.arrayContaining([["Westminster", "Children and Young People's Plan"], ["Westminster", "Early Help Strategy"], ["Kensington and Chelsea", "Children and Young People's Plan"]]));
    const cypp = strategies.find((s) => s.laCode === "E09000033" && s.title === "Children and Young People's Plan");
    expect(cypp?.counts.not_started).toBeGreaterThan(0);
    expect(cypp?.counts.in_progress).toBeGreaterThan(0);
    expect(cypp?.counts.complete).toBeGreaterThan(0);
    const detail = (await leader.get(`/api/v1/governance/strategies/${cypp?.id ?? ""}`)).json<GovStrategy>();
    const linked = detail.priorities.flatMap((p) => p.actions.flatMap((a) => a.measures));
    expect(linked.length).toBeGreaterThan(3);
    // Every linked measure is in the catalogue once it is filled.
    if (MEASURES.length > 0) expect(linked.filter((m) => m.title === null)).toEqual([]);

    const committees = (await leader.get("/api/v1/governance/committees")).json<{ id: string }[]>();
    expect(committees).toHaveLength(1);
    const committee = (await leader.get(`/api/v1/governance/committees/${committees[0]?.id ?? ""}`)).json<GovCommittee>();
    expect(committee.meetings).toHaveLength(8);
    expect(committee.meetings.filter((m) => m.meetsOn === null)).toHaveLength(2);
    expect(committee.workItems.filter((w) => w.kind === "agenda_item" && w.meetingId === null).length).toBeGreaterThan(0);
    expect(committee.workItems.filter((w) => w.kind === "task_group")).toHaveLength(1);
    expect(new Set(committee.actions.map((a) => a.status))).toEqual(new Set(["completed", "in_progress"]));
    expect(committee.recommendations.flatMap((r) => r.responses).some((r) => r.response === null)).toBe(true);
  });
});
