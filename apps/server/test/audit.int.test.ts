import type { AuditVerifyResult } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/data/audit-verify.ts";
import type { Database } from "../src/db/database-types.ts";
import { TEST_PASSWORD, buildPerson, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Listed {
  events: { seq: number; action: string; personId: string | null; laCode: string; actor: { userId: string | null } }[];
  nextBeforeSeq: number | null;
}

class RollBack extends Error {}

/**
 * Runs a tampering step and a verification in one transaction that is always rolled back,
 * with the append-only trigger disabled only inside it: the shared test database is left
 * exactly as it was, trigger included.
 */
async function tampered(db: Kysely<Database>, laCode: string, mutate: (trx: Kysely<Database>) => Promise<void>): Promise<AuditVerifyResult> {
  let result: AuditVerifyResult | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`.execute(trx);
      await mutate(trx);
      result = await verifyAuditChain(trx, laCode, { batchSize: 2 });
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (!result) throw new Error("verification did not run");
  return result;
}

describe.each(DATABASE_KINDS)("audit log API on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let auditor: Client;
  let auditorId: string;
  let worker: Client;
  let workerId: string;
  let personId: string;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services, "Audit Borough");
    const a = await buildUser(svc.services.db, tenant, "auditor", { teamId: null });
    auditorId = a.id;
    auditor = await signIn(svc.app, a.username, TEST_PASSWORD);
    const w = await buildUser(svc.services.db, tenant, "practitioner");
    workerId = w.id;
    worker = await signIn(svc.app, w.username, TEST_PASSWORD);
    personId = await buildPerson(svc.services.db, tenant);
    for (const reason of ["visit", "review", "court"]) expect((await worker.get(`/api/v1/people/${personId}?reason=${reason}`)).statusCode).toBe(200);
  });
  afterAll(async () => svc.close());

  it("shows a person's access history newest first, paged by beforeSeq, and audits the search itself", async () => {
    const first = await auditor.get(`/api/v1/audit?personId=${personId}&limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json<Listed>();
    expect(page1.events.map((e) => e.action)).toEqual(["person.read", "person.read"]);
    expect(page1.events.every((e) => e.actor.userId === workerId && e.personId === personId)).toBe(true);
    expect(page1.events[0]?.seq).toBeGreaterThan(page1.events[1]?.seq ?? Infinity);
    expect(page1.nextBeforeSeq).not.toBeNull();
    const page2 = (await auditor.get(`/api/v1/audit?personId=${personId}&limit=2&beforeSeq=${page1.nextBeforeSeq ?? 0}`)).json<Listed>();
    expect(page2.events).toHaveLength(1);
    expect(page2.nextBeforeSeq).toBeNull();
    const seqs = [...page1.events, ...page2.events].map((e) => e.seq);
    expect(new Set(seqs).size).toBe(3);

    const searches = (await auditor.get(`/api/v1/audit?action=audit.search&actorUserId=${auditorId}`)).json<Listed>();
    expect(searches.events.length).toBeGreaterThanOrEqual(2);
    expect(searches.events.every((e) => e.action === "audit.search")).toBe(true);
    const prefixed = (await auditor.get(`/api/v1/audit?action=person.*&from=2020-01-01&to=2999-12-31`)).json<Listed>();
    expect(prefixed.events.length).toBeGreaterThanOrEqual(3);
    expect((await auditor.get(`/api/v1/audit?from=2999-01-01`)).json<Listed>().events).toEqual([]);
  });

  it("refuses other authorities, bad filters and non-auditors", async () => {
    const other = await auditor.get("/api/v1/audit?laCode=E09000033");
    expect(other.statusCode).toBe(403);
    expect(other.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("laCode");
    const bad = await auditor.get("/api/v1/audit?personId=nope&limit=9999&from=2020-13-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(["from", "limit", "personId"]);
    expect((await auditor.get("/api/v1/audit?from=2021-01-02&to=2021-01-01")).statusCode).toBe(400);
    expect((await worker.get("/api/v1/audit")).statusCode).toBe(403);
    expect((await worker.post("/api/v1/audit/verify")).statusCode).toBe(403);
  });

  it("verifies the authority's chain through the API and audits the check", async () => {
    const res = await auditor.post("/api/v1/audit/verify");
    expect(res.statusCode).toBe(200);
    const results = res.json<AuditVerifyResult[]>();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ laCode: tenant.laCode, ok: true, firstBrokenSeq: null, problem: null });
    expect(results[0]?.checked).toBeGreaterThanOrEqual(5);
    const logged = (await auditor.get("/api/v1/audit?action=audit.verify")).json<Listed>();
    expect(logged.events).toHaveLength(1);
  });

  it("verifies in batches and is indifferent to the key order jsonb stores", async () => {
    await svc.services.audit.record({ userId: null, username: "t", displayName: null, role: null, organisationId: null, organisationName: null, laCode: tenant.laCode, requestId: null }, [
      { laCode: tenant.laCode, action: "test.keys", details: { zebra: 1, apple: { b: [2, { y: 1, x: 2 }], a: "é" }, longer_key: null } },
    ]);
    const result = await verifyAuditChain(svc.services.db, tenant.laCode, { batchSize: 2 });
    expect(result.ok).toBe(true);
  });

  it("reports exactly the link that was altered, removed or re-linked", async () => {
    const db = svc.services.db;
    const count = Number((await db.selectFrom("audit_event").select((eb) => eb.fn.countAll<string>().as("n")).where("la_code", "=", tenant.laCode).executeTakeFirstOrThrow()).n);
    expect(count).toBeGreaterThanOrEqual(6);

    const altered = await tampered(db, tenant.laCode, async (trx) => {
      await trx.updateTable("audit_event").set({ reason: "nothing to see" }).where("la_code", "=", tenant.laCode).where("seq", "=", 3).execute();
    });
    expect(altered).toMatchObject({ ok: false, firstBrokenSeq: 3, checked: 2 });
    expect(altered.problem).toContain("content does not match");

    const detailsChanged = await tampered(db, tenant.laCode, async (trx) => {
      await trx.updateTable("audit_event").set({ details: JSON.stringify({ forged: true }) }).where("la_code", "=", tenant.laCode).where("seq", "=", 4).execute();
    });
    expect(detailsChanged).toMatchObject({ ok: false, firstBrokenSeq: 4 });

    const removed = await tampered(db, tenant.laCode, async (trx) => {
      await trx.deleteFrom("audit_event").where("la_code", "=", tenant.laCode).where("seq", "=", 2).execute();
    });
    expect(removed).toMatchObject({ ok: false, firstBrokenSeq: 2, checked: 1 });
    expect(removed.problem).toContain("missing");

    // Rewriting an event and its hash still breaks the next link.
    const rehashed = await tampered(db, tenant.laCode, async (trx) => {
      await trx.updateTable("audit_event").set({ hash: "f".repeat(64) }).where("la_code", "=", tenant.laCode).where("seq", "=", 2).execute();
    });
    expect(rehashed).toMatchObject({ ok: false, firstBrokenSeq: 2 });

    const truncated = await tampered(db, tenant.laCode, async (trx) => {
      await trx.deleteFrom("audit_event").where("la_code", "=", tenant.laCode).where("seq", "=", count).execute();
    });
    expect(truncated).toMatchObject({ ok: false, firstBrokenSeq: count, checked: count - 1 });
    expect(truncated.problem).toContain("chain head");

    // Everything above was rolled back: the chain and the trigger are as they were.
    expect((await verifyAuditChain(db, tenant.laCode)).ok).toBe(true);
  });

  it("is refused UPDATE and DELETE by the database itself", async () => {
    const db = svc.services.db;
    await expect(db.updateTable("audit_event").set({ reason: "edited" }).where("la_code", "=", tenant.laCode).where("seq", "=", 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_event").where("la_code", "=", tenant.laCode).where("seq", "=", 1).execute()).rejects.toThrow(/append-only/);
    const row = await db.selectFrom("audit_event").select("reason").where("la_code", "=", tenant.laCode).where("seq", "=", 1).executeTakeFirstOrThrow();
    expect(row.reason).not.toBe("edited");
  });
});
