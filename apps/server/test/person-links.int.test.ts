import { todayIso } from "@family-story/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Rel {
  id: string;
  type: string;
  label: string;
  version: number;
  notes: string | null;
  person: { id: string; sameHousehold: boolean; canOpen: boolean };
}

function yesterday(): string {
  return new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
}

describe.each(DATABASE_KINDS)("person links API on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let elsewhere: Tenant;
  let sw: Client;
  let manager: Client;
  let partner: Client;
  let partnerOrg: string;
  let swId: string;
  let managerId: string;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
    elsewhere = await buildTenant(svc.services, "Other Borough");
    const a = await buildUser(svc.services.db, tenant, "practitioner");
    const m = await buildUser(svc.services.db, tenant, "team_manager");
    partnerOrg = await buildPartnerOrg(svc.services.db, tenant);
    const p = await buildUser(svc.services.db, tenant, "partner_practitioner", { orgId: partnerOrg, teamId: null });
    swId = a.id;
    managerId = m.id;
    sw = await signIn(svc.app, a.username, TEST_PASSWORD);
    manager = await signIn(svc.app, m.username, TEST_PASSWORD);
    partner = await signIn(svc.app, p.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  const actions = async (entityId: string) =>
    (await svc.services.db.selectFrom("audit_event").select("action").where("entity_id", "=", entityId).orderBy("seq").execute()).map((r) => r.action);
  const postcodeOf = async (id: string) => (await svc.services.db.selectFrom("person").select("current_postcode").where("id", "=", id).executeTakeFirstOrThrow()).current_postcode;

  it("adds and ends addresses with If-Match, keeping the current postcode in step", async () => {
    const id = await buildPerson(svc.services.db, tenant);
    const bad = await sw.post(`/api/v1/people/${id}/addresses`, { line1: "2 Elm Road", postcode: "W2 1AB", fromDate: "2021-01-01", toDate: "2020-01-01" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("toDate");

    const res = await sw.post(`/api/v1/people/${id}/addresses`, { line1: "2 Elm Road", postcode: "w21ab", fromDate: "2021-01-01" });
    expect(res.statusCode).toBe(201);
    const address = res.json<{ id: string; postcode: string; current: boolean; version: number }>();
    expect(address).toMatchObject({ postcode: "W2 1AB", current: true, version: 1 });
    expect(res.headers.etag).toBe('W/"1"');
    expect(await postcodeOf(id)).toBe("W2 1AB");
    expect(await actions(address.id)).toEqual(["address.create"]);

    const url = `/api/v1/people/${id}/addresses/${address.id}`;
    expect((await sw.patch(url, { toDate: yesterday() })).statusCode).toBe(428);
    const ended = await sw.patch(url, { toDate: yesterday() }, { "if-match": 'W/"1"' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ current: false, version: 2 });
    expect(await postcodeOf(id)).toBeNull();
    const stale = await sw.patch(url, { line1: "3 Elm Road" }, { "if-match": 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ changes: { field: string }[] }>().changes.map((c) => c.field)).toEqual(["toDate"]);
    const backwards = await sw.patch(url, { toDate: "2000-01-01" }, { "if-match": 'W/"2"' });
    expect(backwards.statusCode).toBe(400);
    expect(await actions(address.id)).toEqual(["address.create", "address.update"]);

    const outside = await buildPerson(svc.services.db, elsewhere);
    expect((await sw.post(`/api/v1/people/${outside}/addresses`, { line1: "1 Road", postcode: "W2 1AB", fromDate: "2021-01-01" })).statusCode).toBe(404);
    expect((await partner.post(`/api/v1/people/${id}/addresses`, { line1: "1 Road", postcode: "W2 1AB", fromDate: "2021-01-01" })).statusCode).toBe(403);
  });

  it("shows a relationship from both sides with inverse labels, and the shared household", async () => {
    const child = await buildPerson(svc.services.db, tenant, { givenName: "Amira", dob: "2016-01-01" });
    const mother = await buildPerson(svc.services.db, tenant, { givenName: "Leila", dob: "1988-01-01" });
    const uncle = await buildPerson(svc.services.db, tenant, { givenName: "Omar", dob: "1985-01-01" });
    for (const [who, line1, postcode] of [[child, "14 Harrow Road", "W2 1AB"], [mother, "14 harrow road", "w21ab"], [uncle, "9 Other Street", "W2 1AB"]] as const) {
      expect((await sw.post(`/api/v1/people/${who}/addresses`, { line1, postcode, fromDate: "2020-05-01" })).statusCode).toBe(201);
    }
    const res = await sw.post(`/api/v1/people/${child}/relationships`, { relatedPersonId: mother, type: "parent", fromDate: "2016-01-01" });
    expect(res.statusCode).toBe(201);
    const rel = res.json<Rel>();
    expect(rel).toMatchObject({ type: "parent", label: "Parent", person: { id: mother, canOpen: true, sameHousehold: true } });
    expect((await sw.post(`/api/v1/people/${child}/relationships`, { relatedPersonId: uncle, type: "other_relative" })).statusCode).toBe(201);

    const fromMother = (await sw.get(`/api/v1/people/${mother}`)).json<{ relationships: Rel[] }>().relationships;
    expect(fromMother).toEqual([expect.objectContaining({ id: rel.id, type: "child", label: "Child", person: expect.objectContaining({ id: child, sameHousehold: true }) as unknown })]);
    const fromChild = (await sw.get(`/api/v1/people/${child}`)).json<{ relationships: Rel[] }>().relationships;
    expect(fromChild.find((r) => r.person.id === uncle)?.person.sameHousehold).toBe(false);
    expect(await actions(rel.id)).toEqual(["relationship.create", "relationship.create"]);
  });

  it("refuses self, duplicate and out-of-reach relationships naming the field, and edits with If-Match", async () => {
    const a = await buildPerson(svc.services.db, tenant);
    const b = await buildPerson(svc.services.db, tenant);
    const field = (r: LightMyRequestResponse) => r.json<{ errors: { field: string }[] }>().errors[0]?.field;
    const self = await sw.post(`/api/v1/people/${a}/relationships`, { relatedPersonId: a, type: "sibling" });
    expect(self.statusCode).toBe(400);
    expect(field(self)).toBe("relatedPersonId");
    const created = (await sw.post(`/api/v1/people/${a}/relationships`, { relatedPersonId: b, type: "parent" })).json<Rel>();
    const dup = await sw.post(`/api/v1/people/${a}/relationships`, { relatedPersonId: b, type: "parent" });
    expect(dup.statusCode).toBe(409);
    expect(field(dup)).toBe("relatedPersonId");
    // The same link entered from the other person's record is a duplicate too.
    expect((await sw.post(`/api/v1/people/${b}/relationships`, { relatedPersonId: a, type: "child" })).statusCode).toBe(409);
    const outside = await buildPerson(svc.services.db, elsewhere);
    const far = await sw.post(`/api/v1/people/${a}/relationships`, { relatedPersonId: outside, type: "sibling" });
    expect(far.statusCode).toBe(404);
    expect(field(far)).toBe("relatedPersonId");
    const badType = await sw.post(`/api/v1/people/${a}/relationships`, { relatedPersonId: b, type: "cousin" });
    expect(field(badType)).toBe("type");

    const url = `/api/v1/relationships/${created.id}`;
    const edited = await sw.patch(url, { notes: "Lives nearby" }, { "if-match": 'W/"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ notes: "Lives nearby", version: 2, type: "parent" });
    expect((await sw.patch(url, { notes: "Stale" }, { "if-match": 'W/"1"' })).statusCode).toBe(412);
    expect((await sw.delete(url, { "if-match": 'W/"1"' })).statusCode).toBe(412);
    expect((await sw.delete(url)).statusCode).toBe(428);
    expect((await sw.delete(url, { "if-match": 'W/"2"' })).statusCode).toBe(204);
    expect((await sw.get(`/api/v1/people/${b}`)).json<{ relationships: Rel[] }>().relationships).toEqual([]);
    expect((await sw.patch(url, { notes: "Gone" }, { "if-match": 'W/"2"' })).statusCode).toBe(404);
    expect(await actions(created.id)).toEqual(["relationship.create", "relationship.create", "relationship.update", "relationship.update", "relationship.delete", "relationship.delete"]);
  });

  it("lets a partner see a shared person, and takes access away the moment sharing is withdrawn", async () => {
    const id = await buildPerson(svc.services.db, tenant, { givenName: "Noah" });
    expect((await partner.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    const noOrg = await sw.post(`/api/v1/people/${id}/sharing`, { organisationId: crypto.randomUUID(), purpose: "Team around the family", basis: "consent", fromDate: "2024-01-01" });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("organisationId");

    const granted = await sw.post(`/api/v1/people/${id}/sharing`, { organisationId: partnerOrg, purpose: "Team around the family", basis: "consent", fromDate: todayIso() });
    expect(granted.statusCode).toBe(201);
    const sharing = granted.json<{ id: string; active: boolean; grantedBy: string; organisationName: string }>();
    expect(sharing).toMatchObject({ active: true, organisationName: expect.stringContaining("Partner") as unknown });
    expect((await partner.get(`/api/v1/people/${id}`)).statusCode).toBe(200);
    expect((await partner.post(`/api/v1/sharing/${sharing.id}/withdraw`)).statusCode).toBe(403);
    const list = await sw.get(`/api/v1/people/${id}/sharing`);
    expect(list.json<{ id: string }[]>().map((s) => s.id)).toEqual([sharing.id]);

    const withdrawn = await sw.post(`/api/v1/sharing/${sharing.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ active: false, withdrawnAt: expect.any(String) as unknown });
    // Same partner session, next request: gone, from search too.
    expect((await partner.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    expect((await partner.get(`/api/v1/people?q=Noah`)).json<{ results: { id: string }[] }>().results.map((r) => r.id)).not.toContain(id);
    expect((await sw.post(`/api/v1/sharing/${sharing.id}/withdraw`)).statusCode).toBe(409);
    expect(await actions(sharing.id)).toEqual(["sharing.grant", "sharing.withdraw"]);
  });

  it("lets a team manager name users on a restricted record", async () => {
    const id = await buildPerson(svc.services.db, tenant);
    const other = await buildUser(svc.services.db, tenant, "practitioner");
    const otherClient = await signIn(svc.app, other.username, TEST_PASSWORD);
    expect((await sw.get(`/api/v1/people/${id}/named-access`)).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/people/${id}/named-access`, { userId: crypto.randomUUID() })).statusCode).toBe(400);
    const partnerOrg = await buildPartnerOrg(svc.services.db, tenant);
    const partner = await buildUser(svc.services.db, tenant, "partner_practitioner", { orgId: partnerOrg, teamId: null });
    const candidates = (await manager.get(`/api/v1/people/${id}/named-access/candidates`)).json<{ userId: string }[]>().map((c) => c.userId);
    expect(candidates).toEqual(expect.arrayContaining([managerId, swId, other.id]));
    expect(candidates).not.toContain(partner.id);
    expect((await manager.post(`/api/v1/people/${id}/named-access`, { userId: managerId })).statusCode).toBe(201);
    expect((await manager.get(`/api/v1/people/${id}/named-access/candidates`)).json<{ userId: string }[]>().map((c) => c.userId)).not.toContain(managerId);
    const named = await manager.post(`/api/v1/people/${id}/named-access`, { userId: swId });
    expect(named.json<{ userId: string }[]>().map((n) => n.userId).sort()).toEqual([managerId, swId].sort());
    expect((await manager.post(`/api/v1/people/${id}/named-access`, { userId: swId })).statusCode).toBe(409);
    expect((await manager.patch(`/api/v1/people/${id}`, { restricted: true }, { "if-match": 'W/"1"' })).statusCode).toBe(200);

    expect((await sw.get(`/api/v1/people/${id}`)).statusCode).toBe(200);
    expect((await otherClient.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    expect((await otherClient.post(`/api/v1/people/${id}/addresses`, { line1: "1 Road", postcode: "W2 1AB", fromDate: "2021-01-01" })).statusCode).toBe(404);
    const revoked = await manager.delete(`/api/v1/people/${id}/named-access/${swId}`);
    expect(revoked.json<{ userId: string }[]>().map((n) => n.userId)).toEqual([managerId]);
    expect((await sw.get(`/api/v1/people/${id}`)).statusCode).toBe(404);
    expect((await manager.delete(`/api/v1/people/${id}/named-access/${swId}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/people/${id}/named-access`)).statusCode).toBe(200);
  });
});
