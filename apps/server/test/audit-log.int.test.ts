import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, hashEvent, type ChainedFields } from "../src/data/audit-chain.ts";
import type { AuditActor } from "../src/data/audit-log.ts";
import { TEST_PASSWORD, buildPerson, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type TestService } from "./harness.ts";

const actor: AuditActor = { userId: null, username: "test", displayName: "Test", role: "practitioner", organisationId: null, organisationName: null, laCode: null, requestId: "r" };

describe.each(DATABASE_KINDS)("audit log on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
  });
  afterAll(async () => svc.close());

  async function chain(laCode: string) {
    return svc.services.db.selectFrom("audit_event").selectAll().where("la_code", "=", laCode).orderBy("seq").execute();
  }

  it("keeps one unbroken chain when many requests audit at once", async () => {
    await Promise.all(Array.from({ length: 60 }, (_, i) => svc.services.audit.record(actor, [{ laCode: tenant.laCode, action: "person.read", details: { i } }])));
    const rows = await chain(tenant.laCode);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    let prev = GENESIS_HASH;
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev);
      const { hash, ...fields } = r;
      const recomputed = hashEvent({ ...(fields as unknown as ChainedFields), seq: r.seq, occurred_at: new Date(r.occurred_at).toISOString() });
      expect(recomputed).toBe(hash);
      prev = hash;
    }
  });

  it("writes a change and its audit event together, or neither", async () => {
    const t = await buildTenant(svc.services);
    await expect(
      svc.services.db.transaction().execute(async (trx) => {
        await svc.services.audit.appendInTransaction(trx, actor, [{ laCode: t.laCode, action: "person.update" }]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await chain(t.laCode)).toHaveLength(0);
  });

  it("records who opened which person, and refuses to let the log be altered", async () => {
    const user = await buildUser(svc.services.db, tenant, "practitioner");
    const client = await signIn(svc.app, user.username, TEST_PASSWORD);
    const personId = await buildPerson(svc.services.db, tenant);
    expect((await client.get(`/api/v1/people/${personId}?reason=${encodeURIComponent("Strategy discussion")}`)).statusCode).toBe(200);
    const events = (await chain(tenant.laCode)).filter((e) => e.person_id === personId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "person.read", outcome: "allowed", actor_username: user.username, actor_role: "practitioner", reason: "Strategy discussion", actor_la_code: tenant.laCode });
    expect(events[0]?.request_id).toBeTruthy();
    await expect(svc.services.db.updateTable("audit_event").set({ action: "nothing" }).where("la_code", "=", tenant.laCode).execute()).rejects.toThrow(/append-only/);
    await expect(svc.services.db.deleteFrom("audit_event").where("la_code", "=", tenant.laCode).execute()).rejects.toThrow(/append-only/);
  });
});
