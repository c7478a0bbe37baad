import { randomUUID } from "node:crypto";
import { addCalendarDays, supervisionDue, todayIso } from "@family-story/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPerson, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Status {
  supervisionWeeks: number;
  workers: { id: string; lastSupervisedOn: string | null; dueOn: string | null; overdue: boolean; dueText: string; openCases: number }[];
}

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

describe.each(DATABASE_KINDS)("supervision on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let manager: Client;
  let managerId: string;
  let sw: Client;
  let swId: string;
  let sw2Id: string;
  let otherTeamWorker: string;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
    const m = await buildUser(svc.services.db, tenant, "team_manager");
    const a = await buildUser(svc.services.db, tenant, "practitioner");
    const b = await buildUser(svc.services.db, tenant, "practitioner");
    const elsewhere = await buildTeam(svc.services.db, tenant);
    otherTeamWorker = (await buildUser(svc.services.db, tenant, "practitioner", { teamId: elsewhere })).id;
    managerId = m.id;
    swId = a.id;
    sw2Id = b.id;
    manager = await signIn(svc.app, m.username, TEST_PASSWORD);
    sw = await signIn(svc.app, a.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  it("records supervision: cases discussed show when, actions become tasks, the next supervision is due", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    const on = daysAgo(3);
    const res = await manager.post("/api/v1/supervisions", {
      workerId: swId,
      supervisedOn: on,
      reflections: "Sam's plan is drifting; hypothesis about school refusal.",
      cases: [{ caseId, note: "Visit frequency to increase." }],
      actions: [{ title: "Book a core group", ownerId: swId, dueDate: "2030-01-10", caseId }],
    });
    expect(res.statusCode).toBe(201);
    const s = res.json<{ id: string; cases: { caseId: string; note: string }[]; actions: { title: string; owner: { id: string }; status: string }[] }>();
    expect(s.cases).toEqual([expect.objectContaining({ caseId, note: "Visit frequency to increase." })]);
    expect(s.actions.map((a) => [a.title, a.owner.id, a.status])).toEqual([["Book a core group", swId, "open"]]);

    const c = (await sw.get(`/api/v1/cases/${caseId}`)).json<{ lastSupervisedOn: string | null; version: number }>();
    expect(c).toMatchObject({ lastSupervisedOn: on, version: 1 });
    // An older supervision does not move "last discussed" backwards.
    await manager.post("/api/v1/supervisions", { workerId: swId, supervisedOn: daysAgo(40), reflections: "Late record.", cases: [{ caseId, note: "Earlier" }] });
    expect((await sw.get(`/api/v1/cases/${caseId}`)).json<{ lastSupervisedOn: string }>().lastSupervisedOn).toBe(on);

    const tray = (await sw.get("/api/v1/work-tray")).json<{ items: { kind: string; title: string; caseId: string | null }[] }>();
    expect(tray.items).toContainEqual(expect.objectContaining({ kind: "task", title: "Book a core group", caseId }));
    const mine = (await manager.get("/api/v1/work-tray")).json<{ items: { kind: string; dueDate: string }[] }>();
    expect(mine.items.filter((i) => i.kind === "supervision_due")).toEqual([expect.objectContaining({ dueDate: supervisionDue(on) })]);

    // The worker reads their own records; not another's.
    expect((await sw.get(`/api/v1/supervisions/${s.id}`)).statusCode).toBe(200);
    expect((await sw.get("/api/v1/supervisions")).json<unknown[]>()).toHaveLength(2);
    expect((await sw.get(`/api/v1/supervisions?workerId=${sw2Id}`)).statusCode).toBe(403);
    expect((await sw.post("/api/v1/supervisions", { workerId: sw2Id, supervisedOn: on, reflections: "x" })).statusCode).toBe(403);
  });

  it("flags workers whose supervision is overdue or never recorded, by the local standard", async () => {
    await manager.post("/api/v1/supervisions", { workerId: sw2Id, supervisedOn: daysAgo(60), reflections: "Long ago." });
    const res = await manager.get("/api/v1/supervision/team");
    expect(res.statusCode).toBe(200);
    const status = res.json<Status>();
    expect(status.supervisionWeeks).toBe(4);
    const byId = new Map(status.workers.map((w) => [w.id, w]));
    expect(byId.get(swId)).toMatchObject({ lastSupervisedOn: daysAgo(3), overdue: false, openCases: 1 });
    expect(byId.get(sw2Id)).toMatchObject({ lastSupervisedOn: daysAgo(60), overdue: true });
    expect(byId.get(sw2Id)?.dueText).toMatch(/^Overdue by/);
    expect(byId.has(managerId)).toBe(false);
    expect(byId.has(otherTeamWorker)).toBe(false);

    // A longer local standard: nobody supervised 60 days ago is overdue at 12 weeks.
    await svc.services.db.insertInto("la_setting").values({ la_code: tenant.laCode, local_standards: JSON.stringify({ supervisionWeeks: 12 }), updated_at: new Date() }).execute();
    const relaxed = (await manager.get("/api/v1/supervision/team")).json<Status>();
    expect(relaxed.workers.find((w) => w.id === sw2Id)).toMatchObject({ overdue: false });
    expect(todayIso() < (relaxed.workers.find((w) => w.id === sw2Id)?.dueOn ?? "")).toBe(true);
    expect((await sw.get("/api/v1/supervision/team")).statusCode).toBe(403);
  });

  it("refuses bad input and people or cases out of reach", async () => {
    const bad = await manager.post("/api/v1/supervisions", { workerId: swId, supervisedOn: "2025-02-30", reflections: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(["reflections", "supervisedOn"]);
    expect((await manager.post("/api/v1/supervisions", { workerId: managerId, supervisedOn: daysAgo(1), reflections: "Me" })).statusCode).toBe(422);
    const wrongOwner = await manager.post("/api/v1/supervisions", { workerId: swId, supervisedOn: daysAgo(1), reflections: "x", actions: [{ title: "t", ownerId: randomUUID(), dueDate: "2030-01-01" }] });
    expect(wrongOwner.statusCode).toBe(422);
    expect(wrongOwner.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("actions.0.ownerId");
    const restricted = await buildPerson(svc.services.db, tenant, { restricted: true });
    const hidden = await buildCase(svc.services.db, tenant, restricted, { allocatedTo: swId });
    expect((await manager.post("/api/v1/supervisions", { workerId: swId, supervisedOn: daysAgo(1), reflections: "x", cases: [{ caseId: hidden, note: "n" }] })).statusCode).toBe(404);
    // A session dated tomorrow (London) is refused and sets no case's last supervision.
    const openCase = await buildCase(svc.services.db, tenant, await buildPerson(svc.services.db, tenant), { allocatedTo: swId });
    const future = await manager.post("/api/v1/supervisions", { workerId: swId, supervisedOn: addCalendarDays(todayIso(), 1), reflections: "x", cases: [{ caseId: openCase, note: "n" }] });
    expect(future.statusCode).toBe(422);
    expect(future.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["supervisedOn"]);
    expect((await sw.get(`/api/v1/cases/${openCase}`)).json<{ lastSupervisedOn: string | null }>().lastSupervisedOn).toBeNull();
    const before = await svc.services.db.selectFrom("supervision").select((eb) => eb.fn.countAll<string>().as("n")).where("la_code", "=", tenant.laCode).executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(3);
  });
});
