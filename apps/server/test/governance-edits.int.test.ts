import type { GovAuthority, GovStrategy } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

/**
 * What the governance forms need beyond the trackers' own routes: the authorities a user may
 * record a strategy for, and changing a priority (If-Match on its strategy's version).
 */

const v = (n: number): Record<string, string> => ({ "if-match": `W/"${String(n)}"` });

describe.each(DATABASE_KINDS)("governance edits on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  async function leaderOf(name: string): Promise<{ tenant: Tenant; leader: Client }> {
    const tenant = await buildTenant(svc.services, name);
    const user = await buildUser(db(), tenant, "leader");
    return { tenant, leader: await signIn(svc.app, user.username, TEST_PASSWORD) };
  }

  async function strategyWithPriority(tenant: Tenant, leader: Client): Promise<GovStrategy> {
    const created = await leader.post("/api/v1/governance/strategies", { la: tenant.laCode, title: "Early Help Strategy", periodLabel: "2022–25" });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<GovStrategy>().id;
    const added = await leader.post(`/api/v1/governance/strategies/${id}/priorities`, { title: "Recovery from the pandemic", description: "First draft" });
    expect(added.statusCode, added.body).toBe(201);
    return added.json<GovStrategy>();
  }

  it("lists the authorities the user works, by name", async () => {
    const { tenant, leader } = await leaderOf("Governance authorities");
    const res = await leader.get("/api/v1/governance/authorities");
    expect(res.statusCode, res.body).toBe(200);
    const name = (await db().selectFrom("local_authority").select("name").where("la_code", "=", tenant.laCode).executeTakeFirstOrThrow()).name;
    expect(res.json<GovAuthority[]>()).toEqual([{ code: tenant.laCode, name }]);
  });

  it("changes a priority with the strategy's If-Match, refuses a stale or missing version, names bad fields and audits", async () => {
    const { tenant, leader } = await leaderOf("Governance priority");
    const strategy = await strategyWithPriority(tenant, leader);
    const priority = strategy.priorities[0];
    if (!priority) throw new Error("no priority");
    expect(strategy.version).toBe(1);
    const url = `/api/v1/governance/priorities/${priority.id}`;

    const changed = await leader.patch(url, { title: "Recovery and renewal", description: null }, v(1));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.headers.etag).toBe('W/"2"');
    const after = changed.json<GovStrategy>();
    expect(after.version).toBe(2);
    expect(after.priorities.map((p) => [p.id, p.title, p.description])).toEqual([[priority.id, "Recovery and renewal", null]]);

    const stale = await leader.patch(url, { title: "Another title" }, v(1));
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ currentVersion: number }>().currentVersion).toBe(2);
    expect((await leader.patch(url, { title: "Another title" })).statusCode).toBe(428);
    const bad = await leader.patch(url, { title: "" }, v(2));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["title"]);
    expect((await leader.get(`/api/v1/governance/strategies/${strategy.id}`)).json<GovStrategy>().priorities[0]?.title).toBe("Recovery and renewal");

    const audited = await db().selectFrom("audit_event").select(["entity_id", "details"]).where("la_code", "=", tenant.laCode).where("action", "=", "governance.priority.update").execute();
    expect(audited).toEqual([{ entity_id: priority.id, details: { strategyId: strategy.id, fields: ["title", "description"] } }]);

    // Another authority's leader cannot reach it: the same answer as no such priority.
    const other = await leaderOf("Governance elsewhere");
    expect((await other.leader.patch(url, { title: "Taken over" }, v(2))).statusCode).toBe(404);
  });
});
