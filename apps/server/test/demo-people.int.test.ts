import { isValidNhsNumber } from "@family-story/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HISTORY_PERSON_FLOOR } from "../src/demo/demo-history.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-organisation.ts";
import { seedDemo, type DemoContext } from "../src/demo/seed-demo.ts";
import { createTestService, signIn, type TestService } from "./harness.ts";

interface Result { id: string; name: string; otherNames: string[] }

// The demo borough uses fixed authority codes and usernames, so it is seeded only into a
// fresh in-memory PGlite (the shared PostgreSQL test database isolates tests by tenant).
describe("the demo borough's people (PGlite, 3,000 people)", () => {
  let svc: TestService;
  let ctx: DemoContext;

  beforeAll(async () => {
    svc = await createTestService("pglite");
    const progress: number[] = [];
    ctx = await seedDemo(svc.services.db, { people: 3000, onProgress: (done) => progress.push(done) });
    await svc.services.refs.refresh();
    expect(progress[progress.length - 1]).toBe(3000);
  });
  afterAll(async () => svc.close());

  it("writes 3,000 people in families across both authorities, with keys, addresses and relationships", async () => {
    // The casework history's children (demo-history.ts) come on top of the people asked for.
    const counts = await sql<{ la_code: string; n: number }>`SELECT la_code, count(*)::int AS n FROM person WHERE id < ${HISTORY_PERSON_FLOOR}::uuid GROUP BY la_code ORDER BY la_code`.execute(svc.services.db);
    const byLa = Object.fromEntries(counts.rows.map((r) => [r.la_code, r.n]));
    expect((byLa.E09000033 ?? 0) + (byLa.E09000020 ?? 0)).toBe(3000);
    expect(byLa.E09000033).toBeGreaterThan(1500);
    expect(byLa.E09000020).toBeGreaterThan(900);
    const other = await sql<{ keys: number; addresses: number; relationships: number; orphans: number }>`SELECT
      (SELECT count(*)::int FROM person_name_key) AS keys,
      (SELECT count(*)::int FROM address) AS addresses,
      (SELECT count(*)::int FROM relationship) AS relationships,
      (SELECT count(*)::int FROM relationship r WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = r.related_person_id)) AS orphans`.execute(svc.services.db);
    expect(other.rows[0]).toMatchObject({ orphans: 0 });
    expect(other.rows[0]?.keys).toBeGreaterThan(9000);
    expect(other.rows[0]?.addresses).toBeGreaterThan(3000);
    expect(other.rows[0]?.relationships).toBeGreaterThan(3000);
    const nhs = await svc.services.db.selectFrom("person").select("nhs_number").where("nhs_number", "is not", null).execute();
    expect(nhs.every((r) => isValidNhsNumber(r.nhs_number ?? ""))).toBe(true);
  });

  it("shares about 40 children with the school by consent, some people with the GP, and restricts 10 to the team manager", async () => {
    const db = svc.services.db;
    const school = ctx.orgIds.get("school-edgware") ?? "";
    const gp = ctx.orgIds.get("gp-church") ?? "";
    const live = await db.selectFrom("sharing").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", school).where("withdrawn_at", "is", null).executeTakeFirstOrThrow();
    expect(live.n).toBe(40);
    const gpShared = await db.selectFrom("sharing").select((eb) => eb.fn.countAll<number>().as("n")).where("organisation_id", "=", gp).executeTakeFirstOrThrow();
    expect(gpShared.n).toBeGreaterThanOrEqual(10);
    const restricted = await db.selectFrom("person").innerJoin("person_named_access as na", "na.person_id", "person.id").select(["person.id", "na.user_id"]).where("person.restricted", "=", true).execute();
    expect(restricted).toHaveLength(10);
    expect(new Set(restricted.map((r) => r.user_id))).toEqual(new Set([ctx.userIds.get("tm.wcc")]));
  });

  it("lets the school find only its shared children, and only the team manager find a restricted child", async () => {
    const db = svc.services.db;
    const shared = await db.selectFrom("sharing").innerJoin("person", "person.id", "sharing.person_id").select(["person.id", "person.family_name", "sharing.withdrawn_at"]).where("sharing.organisation_id", "=", ctx.orgIds.get("school-edgware") ?? "").execute();
    const liveIds = new Set(shared.filter((s) => s.withdrawn_at === null).map((s) => s.id));
    const school = await signIn(svc.app, "partner.school", DEMO_PASSWORD);
    for (const s of shared.slice(0, 6)) {
      const res = await school.get(`/api/v1/people?q=${encodeURIComponent(s.family_name)}`);
      const ids = res.json<{ results: Result[] }>().results.map((r) => r.id);
      expect(ids.every((id) => liveIds.has(id))).toBe(true);
      expect(ids.includes(s.id)).toBe(liveIds.has(s.id));
    }
    const hidden = await db.selectFrom("person").select(["id", "given_name", "family_name", "dob"]).where("restricted", "=", true).executeTakeFirstOrThrow();
    const query = `/api/v1/people?q=${encodeURIComponent(`${hidden.given_name} ${hidden.family_name}`)}&dob=${hidden.dob ?? ""}`;
    const sw = await signIn(svc.app, "sw.wcc", DEMO_PASSWORD);
    expect((await sw.get(query)).json<{ results: Result[] }>().results.map((r) => r.id)).not.toContain(hidden.id);
    const tm = await signIn(svc.app, "tm.wcc", DEMO_PASSWORD);
    expect((await tm.get(query)).json<{ results: Result[] }>().results[0]?.id).toBe(hidden.id);
  });

  it("has Mohammed spelt several ways, all found by one search, with other spellings shown", async () => {
    const sw = await signIn(svc.app, "sw.wcc", DEMO_PASSWORD);
    const results = (await sw.get("/api/v1/people?q=Muhammad&limit=50")).json<{ results: Result[] }>().results;
    const spellings = new Set(results.flatMap((r) => r.name.split(" ")).filter((t) => /^M[ou]hamm?[ae]d$/.test(t)));
    expect(spellings.size).toBeGreaterThanOrEqual(3);
    const withOthers = await svc.services.db.selectFrom("person").select("id").where(sql<boolean>`jsonb_array_length(other_names) > 0`).execute();
    expect(withOthers.length).toBeGreaterThan(200);
  });
});
