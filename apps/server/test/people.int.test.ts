import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPerson, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

describe.each(DATABASE_KINDS)("people API on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let sw: Client;
  let other: Client;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
    const a = await buildUser(svc.services.db, tenant, "practitioner");
    const b = await buildUser(svc.services.db, tenant, "team_manager");
    sw = await signIn(svc.app, a.username, TEST_PASSWORD);
    other = await signIn(svc.app, b.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  it("creates a person with validated identifiers and reads them back with a version", async () => {
    const res = await sw.post("/api/v1/people", {
      givenName: "Fatima",
      familyName: "Hussain",
      dob: "2016-02-29",
      sex: "female",
      ethnicity: "APKN",
      firstLanguage: "urd",
      nhsNumber: "943 476 5919",
      address: { line1: "1 Church Street", postcode: "nw88ab", fromDate: "2020-01-01" },
    });
    expect(res.statusCode).toBe(201);
    const person = res.json<{ id: string; nhsNumber: string; version: number; addresses: { postcode: string; current: boolean }[]; ethnicityLabel: string }>();
    expect(person.nhsNumber).toBe("9434765919");
    expect(person.version).toBe(1);
    expect(person.ethnicityLabel).toBe("Pakistani");
    expect(person.addresses[0]).toMatchObject({ postcode: "NW8 8AB", current: true });
    const read = await sw.get(`/api/v1/people/${person.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('W/"1"');
  });

  it("refuses bad input with problem+json naming each field, never a 500", async () => {
    const res = await sw.post("/api/v1/people", { givenName: "", familyName: "X", nhsNumber: "9434765918", upn: "bad", colour: "blue" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual(["colour", "givenName", "nhsNumber", "upn"]);

    const malformed = await svc.app.inject({ method: "POST", url: "/api/v1/people", headers: { cookie: sw.cookie, "x-csrf-token": sw.csrfToken, "content-type": "application/json" }, payload: "{not json" });
    expect(malformed.statusCode).toBe(400);
    const huge = await sw.post("/api/v1/people", { givenName: "a".repeat(2_000_000), familyName: "b" });
    expect(huge.statusCode).toBe(413);
    const wrongType = await sw.post("/api/v1/people", { givenName: 5, familyName: ["b"] });
    expect(wrongType.statusCode).toBe(400);
    const badId = await sw.get("/api/v1/people/not-a-uuid");
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("id");
  });

  it("refuses a stale edit with 412 saying who changed what, and keeps both people's work visible", async () => {
    const id = await buildPerson(svc.services.db, tenant, { givenName: "Yusuf", familyName: "Ali" });
    const opened = await sw.get(`/api/v1/people/${id}`);
    const etag = opened.headers.etag as string;
    // Both open version 1; the manager saves first.
    const first = await other.patch(`/api/v1/people/${id}`, { familyName: "Aly" }, { "if-match": etag });
    expect(first.statusCode).toBe(200);
    expect(first.json<{ version: number }>().version).toBe(2);
    const stale = await sw.patch(`/api/v1/people/${id}`, { givenName: "Youssef" }, { "if-match": etag });
    expect(stale.statusCode).toBe(412);
    const problem = stale.json<{ changes: { field: string; from: unknown; to: unknown }[]; detail: string; currentVersion: number }>();
    expect(problem.changes).toEqual([{ field: "familyName", from: "Ali", to: "Aly" }]);
    expect(problem.currentVersion).toBe(2);
    expect(problem.detail).toContain("familyName");
    const now = (await sw.get(`/api/v1/people/${id}`)).json<{ givenName: string; familyName: string }>();
    expect(now).toMatchObject({ givenName: "Yusuf", familyName: "Aly" });
    const missing = await sw.patch(`/api/v1/people/${id}`, { givenName: "Youssef" });
    expect(missing.statusCode).toBe(428);
  });

  it("lets only a team manager restrict a record", async () => {
    const id = await buildPerson(svc.services.db, tenant);
    const denied = await sw.patch(`/api/v1/people/${id}`, { restricted: true }, { "if-match": 'W/"1"' });
    expect(denied.statusCode).toBe(403);
    const ok = await other.patch(`/api/v1/people/${id}`, { restricted: true }, { "if-match": 'W/"1"' });
    expect(ok.statusCode).toBe(200);
    // Now restricted: the practitioner who could see it cannot; the manager who restricted it is named on it.
    expect((await sw.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/people/${id}`)).statusCode).toBe(200);
  });

  it("finds people by misspelt, transliterated and swapped names", async () => {
    const id = await buildPerson(svc.services.db, tenant, { givenName: "Mohammed", familyName: "Chowdhury", dob: "2014-03-09" });
    await buildPerson(svc.services.db, tenant, { givenName: "Maud", familyName: "Chambers", dob: "2014-03-09" });
    for (const q of ["Muhammad Chowdhury", "Chaudhry Mohamed", "Mohamed Chowdhry", "mohammad"]) {
      const res = await sw.get(`/api/v1/people?q=${encodeURIComponent(q)}&dob=2014`);
      expect(res.statusCode).toBe(200);
      const results = res.json<{ results: { id: string; age: number | null }[] }>().results;
      expect(results[0]?.id, q).toBe(id);
    }
  });
});
