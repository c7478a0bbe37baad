import { randomUUID } from "node:crypto";
import type { CaseDetail } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPerson, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

const fields = (body: string) => (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

describe.each(DATABASE_KINDS)("a case's detail, allocation and tasks on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let other: Tenant;
  let sw: Client;
  let manager: Client;
  let swId: string;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
    tenant = await buildTenant(svc.services);
    other = await buildTenant(svc.services, "Elsewhere");
    const s = await buildUser(svc.services.db, tenant, "practitioner");
    const m = await buildUser(svc.services.db, tenant, "team_manager");
    swId = s.id;
    sw = await signIn(svc.app, s.username, TEST_PASSWORD);
    manager = await signIn(svc.app, m.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  async function caseWithRestrictedParent(): Promise<{ caseId: string; childId: string; parentId: string }> {
    const db = svc.services.db;
    const childId = await buildPerson(db, tenant, { givenName: "Rowan", familyName: "Hale" });
    const parentId = await buildPerson(db, tenant, { givenName: "Hidden", familyName: "Hale", restricted: true });
    const caseId = await buildCase(db, tenant, childId, { allocatedTo: swId });
    await db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: caseId, person_id: parentId, role: "parent" }).execute();
    return { caseId, childId, parentId };
  }

  it("counts, never names, a family member the reader may not open", async () => {
    const { caseId, parentId } = await caseWithRestrictedParent();
    const seen = (await sw.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    expect(seen.members.map((m) => m.person.name)).toEqual(["Rowan Hale"]);
    expect(seen.hiddenMembers).toBe(1);
    expect(JSON.stringify(seen)).not.toContain("Hidden");
    await grantNamedAccess(svc.services.db, tenant, parentId, swId);
    const named = (await sw.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    expect(named.members.map((m) => m.person.name).sort()).toEqual(["Hidden Hale", "Rowan Hale"]);
    expect(named.hiddenMembers).toBe(0);
  });

  it("audits listing a person's cases against that person", async () => {
    const { childId } = await caseWithRestrictedParent();
    expect((await sw.get(`/api/v1/people/${childId}/cases`)).statusCode).toBe(200);
    const events = await svc.services.db.selectFrom("audit_event").select(["action", "outcome"]).where("la_code", "=", tenant.laCode).where("person_id", "=", childId).where("action", "=", "case.list").execute();
    expect(events).toEqual([{ action: "case.list", outcome: "allowed" }]);
  });

  it("refuses a team of another authority, or a stranger, as a case's or task's holder", async () => {
    const { caseId } = await caseWithRestrictedParent();
    const detail = (await manager.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    const wrongTeam = await manager.put(`/api/v1/cases/${caseId}/allocation`, { userId: swId, teamId: other.teamId }, { "if-match": `W/"${String(detail.version)}"` });
    expect(wrongTeam.statusCode).toBe(422);
    expect(fields(wrongTeam.body)).toEqual(["teamId"]);
    const task = await sw.post("/api/v1/tasks", { title: "Ring the school", caseId, dueDate: "2030-01-07" });
    expect(task.statusCode).toBe(201);
    const { id, version } = task.json<{ id: string; version: number }>();
    const stranger = await sw.patch(`/api/v1/tasks/${id}`, { assignedTo: randomUUID() }, { "if-match": `W/"${String(version)}"` });
    expect(stranger.statusCode).toBe(422);
    expect(fields(stranger.body)).toEqual(["assignedTo"]);
    const unchanged = await svc.services.db.selectFrom("work_item").select(["assigned_to", "version"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ assigned_to: swId, version });
  });
});
