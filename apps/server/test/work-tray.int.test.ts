import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPartnerOrg, buildPerson, buildSharing, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Item {
  id: string;
  kind: string;
  title: string;
  caseId: string | null;
  dueDate: string | null;
  dueStatus: string;
  assignedTo: { id: string } | null;
  version: number;
}
interface Tray {
  scope: string;
  cases: { id: string; allocatedTo: { id: string } | null; nextDue: Item | null; overdueCount: number }[];
  items: Item[];
  counts: { cases: number; items: number; overdue: number; unallocated: number };
}

function inDays(n: number): string {
  return new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
}

describe.each(DATABASE_KINDS)("work trays, allocation and tasks on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let manager: Client;
  let sw: Client;
  let sw2: Client;
  let partner: Client;
  let swId: string;
  let sw2Id: string;
  let partnerId: string;
  let partnerOrg: string;
  let otherTeam: string;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
    const m = await buildUser(svc.services.db, tenant, "team_manager");
    const a = await buildUser(svc.services.db, tenant, "practitioner");
    const b = await buildUser(svc.services.db, tenant, "practitioner");
    partnerOrg = await buildPartnerOrg(svc.services.db, tenant);
    const p = await buildUser(svc.services.db, tenant, "partner_practitioner", { orgId: partnerOrg, teamId: null });
    otherTeam = await buildTeam(svc.services.db, tenant);
    swId = a.id;
    sw2Id = b.id;
    partnerId = p.id;
    manager = await signIn(svc.app, m.username, TEST_PASSWORD);
    sw = await signIn(svc.app, a.username, TEST_PASSWORD);
    sw2 = await signIn(svc.app, b.username, TEST_PASSWORD);
    partner = await signIn(svc.app, p.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  it("orders a worker's tray overdue first, then by due date", async () => {
    const later = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: sw2Id, dueDate: inDays(30) });
    const overdue = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: sw2Id, dueDate: inDays(-3) });
    const soon = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: sw2Id, dueDate: inDays(2) });
    const veryOverdue = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: sw2Id, dueDate: inDays(-20) });
    const task = await sw2.post("/api/v1/tasks", { title: "Write up", dueDate: inDays(10) });
    expect(task.statusCode).toBe(201);

    const tray = (await sw2.get("/api/v1/work-tray")).json<Tray>();
    expect(tray.cases.map((c) => c.id)).toEqual([veryOverdue, overdue, soon, later]);
    expect(tray.items.map((i) => i.dueDate)).toEqual([inDays(-20), inDays(-3), inDays(2), inDays(10), inDays(30)]);
    expect(tray.items.slice(0, 2).map((i) => i.dueStatus)).toEqual(["overdue", "overdue"]);
    expect(tray.counts).toMatchObject({ cases: 4, items: 5, overdue: 2, unallocated: 0 });
    expect(tray.cases[0]?.overdueCount).toBe(1);
  });

  it("shows a team tray only to managers, with the team's unallocated cases", async () => {
    const unallocated = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: null, dueDate: inDays(1) });
    const elsewhere = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: null, teamId: otherTeam });
    expect((await sw.get("/api/v1/work-tray?scope=team")).statusCode).toBe(403);
    expect((await partner.get("/api/v1/work-tray?scope=team")).statusCode).toBe(403);
    const team = (await manager.get("/api/v1/work-tray?scope=team")).json<Tray>();
    expect(team.scope).toBe("team");
    const ids = team.cases.map((c) => c.id);
    expect(ids).toContain(unallocated);
    expect(ids).not.toContain(elsewhere);
    expect(team.counts.unallocated).toBeGreaterThanOrEqual(1);
    // A manager's own tray holds only what is theirs.
    expect((await manager.get("/api/v1/work-tray")).json<Tray>().cases.map((c) => c.id)).not.toContain(unallocated);
    const workers = (await manager.get("/api/v1/workers")).json<{ id: string; openCases: number }[]>();
    expect(workers.find((w) => w.id === sw2Id)?.openCases).toBeGreaterThanOrEqual(4);
    expect(workers.map((w) => w.id)).not.toContain(partnerId);
    expect((await sw.get("/api/v1/workers")).statusCode).toBe(403);
  });

  it("allocates and reallocates with If-Match; the worker's open items move, others' tasks stay", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: null, dueDate: inDays(5) });
    const url = `/api/v1/cases/${caseId}/allocation`;
    expect((await manager.put(url, { userId: swId })).statusCode).toBe(428);
    const first = await manager.put(url, { userId: swId, reason: "Capacity" }, { "if-match": 'W/"1"' });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ allocatedTo: { id: string }; version: number }>()).toMatchObject({ allocatedTo: { id: swId }, version: 2 });
    let tray = (await sw.get("/api/v1/work-tray")).json<Tray>();
    expect(tray.cases.map((c) => c.id)).toContain(caseId);
    expect(tray.items.filter((i) => i.caseId === caseId).map((i) => i.kind)).toEqual(["assessment_due"]);

    // A task on the case owned by someone else stays with them when the case moves.
    const theirs = (await sw2.post("/api/v1/tasks", { title: "Chase health visitor", caseId, dueDate: inDays(3) })).json<Item>();
    expect((await manager.put(url, { userId: sw2Id }, { "if-match": 'W/"1"' })).statusCode).toBe(412);
    expect((await manager.put(url, { userId: sw2Id }, { "if-match": 'W/"2"' })).statusCode).toBe(200);
    tray = (await sw.get("/api/v1/work-tray")).json<Tray>();
    expect(tray.cases.map((c) => c.id)).not.toContain(caseId);
    expect(tray.items.filter((i) => i.caseId === caseId)).toEqual([]);
    const theirTray = (await sw2.get("/api/v1/work-tray")).json<Tray>();
    expect(theirTray.items.filter((i) => i.caseId === caseId).map((i) => i.kind).sort()).toEqual(["assessment_due", "task"]);
    expect(theirTray.items.find((i) => i.id === theirs.id)?.assignedTo?.id).toBe(sw2Id);
    expect((await manager.put(url, { userId: partnerId }, { "if-match": 'W/"3"' })).statusCode).toBe(422);
    expect((await sw.put(url, { userId: swId }, { "if-match": 'W/"3"' })).statusCode).toBe(403);
    const closed = await buildCase(svc.services.db, tenant, child, { status: "closed" });
    expect((await manager.put(`/api/v1/cases/${closed}/allocation`, { userId: swId }, { "if-match": 'W/"1"' })).statusCode).toBe(409);
  });

  it("lets a partner tick off only their own tasks on a child shared with them", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    await buildSharing(svc.services.db, tenant, child, partnerOrg, swId);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    const forPartner = (await sw.post("/api/v1/tasks", { title: "Attendance report", caseId, dueDate: inDays(4), assignedTo: partnerId })).json<Item>();
    const forWorker = (await sw.post("/api/v1/tasks", { title: "Visit", caseId, dueDate: inDays(4) })).json<Item>();
    expect((await partner.post("/api/v1/tasks", { title: "Mine", dueDate: inDays(1) })).statusCode).toBe(403);
    const tray = (await partner.get("/api/v1/work-tray")).json<Tray>();
    expect(tray.items.map((i) => i.id)).toEqual([forPartner.id]);
    expect((await partner.patch(`/api/v1/tasks/${forPartner.id}`, { title: "Renamed" }, { "if-match": 'W/"1"' })).statusCode).toBe(403);
    const done = await partner.patch(`/api/v1/tasks/${forPartner.id}`, { status: "done" }, { "if-match": 'W/"1"' });
    expect(done.statusCode).toBe(200);
    expect(done.json<Item & { status: string }>().status).toBe("done");
    expect((await partner.patch(`/api/v1/tasks/${forWorker.id}`, { status: "done" }, { "if-match": 'W/"1"' })).statusCode).toBe(404);
    expect((await partner.get("/api/v1/work-tray")).json<Tray>().items).toEqual([]);
    // A statutory item is not ticked off by hand.
    const statutory = (await sw.get("/api/v1/work-tray")).json<Tray>().items.find((i) => i.kind !== "task");
    if (statutory) expect((await sw.patch(`/api/v1/tasks/${statutory.id}`, { status: "done" }, { "if-match": `W/"${String(statutory.version)}"` })).statusCode).toBe(409);
    expect((await sw.patch(`/api/v1/tasks/${randomUUID()}`, { status: "done" }, { "if-match": 'W/"1"' })).statusCode).toBe(404);
  });

  it("never shows a restricted child in a tray, even to the worker the case is allocated to", async () => {
    const hidden = await buildPerson(svc.services.db, tenant, { restricted: true });
    const caseId = await buildCase(svc.services.db, tenant, hidden, { allocatedTo: swId, dueDate: inDays(-1) });
    const mine = (await sw.get("/api/v1/work-tray")).json<Tray>();
    expect(mine.cases.map((c) => c.id)).not.toContain(caseId);
    expect(mine.items.map((i) => i.caseId)).not.toContain(caseId);
    const team = (await manager.get("/api/v1/work-tray?scope=team")).json<Tray>();
    expect(team.cases.map((c) => c.id)).not.toContain(caseId);
    expect(team.items.map((i) => i.caseId)).not.toContain(caseId);
    expect((await sw.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });
});
