import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveActor } from "../src/auth/actor-resolver.ts";
import { createDataAccess } from "../src/data/data-access.ts";
import { TEST_PASSWORD, buildPartnerOrg, buildSharedService, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Problem {
  status: number;
  errors?: { field: string; message: string }[];
}

describe.each(DATABASE_KINDS)("administration API on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let admin: Client;
  let adminId: string;
  let otherAdmin: Client;
  let auditor: Client;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services, "Admin Borough");
    otherTenant = await buildTenant(svc.services, "Neighbour Borough");
    const a = await buildUser(svc.services.db, tenant, "administrator", { teamId: null });
    adminId = a.id;
    admin = await signIn(svc.app, a.username, TEST_PASSWORD);
    otherAdmin = await signIn(svc.app, (await buildUser(svc.services.db, otherTenant, "administrator", { teamId: null })).username, TEST_PASSWORD);
    auditor = await signIn(svc.app, (await buildUser(svc.services.db, tenant, "auditor", { teamId: null })).username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  async function auditActions(entityId: string): Promise<string[]> {
    const rows = await svc.services.db.selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("entity_id", "=", entityId).orderBy("seq").execute();
    return rows.map((r) => r.action);
  }

  it("creates and edits organisations of the admin's own authority only, versioned and audited", async () => {
    const created = await admin.post("/api/v1/admin/organisations", { kind: "school", name: "Church Street Primary", urn: "100123", postcode: "NW8 8EP" });
    expect(created.statusCode).toBe(201);
    const org = created.json<{ id: string; version: number; laCode: string }>();
    expect(org).toMatchObject({ version: 1, laCode: tenant.laCode });

    const list = (await admin.get("/api/v1/admin/organisations")).json<{ id: string; laCode: string }[]>();
    expect(list.map((o) => o.id)).toContain(org.id);
    expect(new Set(list.map((o) => o.laCode))).toEqual(new Set([tenant.laCode]));
    const theirs = (await otherAdmin.get("/api/v1/admin/organisations")).json<{ id: string }[]>();
    expect(theirs.map((o) => o.id)).not.toContain(org.id);

    const patched = await admin.patch(`/api/v1/admin/organisations/${org.id}`, { name: "Church Street Primary School" }, { "if-match": 'W/"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('W/"2"');
    const stale = await admin.patch(`/api/v1/admin/organisations/${org.id}`, { postcode: "W2 1AA" }, { "if-match": 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ changes: { field: string }[] }>().changes.map((c) => c.field)).toEqual(["name"]);
    expect((await admin.patch(`/api/v1/admin/organisations/${org.id}`, { name: "X" })).statusCode).toBe(428);
    // Another authority's administrator cannot reach it at all.
    expect((await otherAdmin.patch(`/api/v1/admin/organisations/${org.id}`, { name: "Mine now" }, { "if-match": 'W/"2"' })).statusCode).toBe(404);

    const bad = await admin.post("/api/v1/admin/organisations", { kind: "castle", name: "", urn: "12", colour: "red" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(["colour", "kind", "name", "urn"]);

    expect(await auditActions(org.id)).toEqual(["admin.organisation.create", "admin.organisation.update"]);
    const history = await svc.services.db.selectFrom("record_history").select("version").where("la_code", "=", tenant.laCode).where("entity_id", "=", org.id).orderBy("version").execute();
    expect(history.map((h) => h.version)).toEqual([1, 2]);
  });

  it("creates teams in the authority's own organisations and edits them with If-Match", async () => {
    const created = await admin.post("/api/v1/admin/teams", { name: "Family Hub North", kind: "family_hub", organisationId: tenant.orgId });
    expect(created.statusCode).toBe(201);
    const team = created.json<{ id: string; memberCount: number; sharedService: boolean }>();
    expect(team).toMatchObject({ memberCount: 0, sharedService: false });
    const foreign = await admin.post("/api/v1/admin/teams", { name: "Sneaky", kind: "family_hub", organisationId: otherTenant.orgId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json<Problem>().errors?.[0]?.field).toBe("organisationId");
    const patched = await admin.patch(`/api/v1/admin/teams/${team.id}`, { active: false }, { "if-match": 'W/"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<{ active: boolean; version: number }>()).toMatchObject({ active: false, version: 2 });
    expect(await auditActions(team.id)).toEqual(["admin.team.create", "admin.team.update"]);
    expect((await otherAdmin.patch(`/api/v1/admin/teams/${team.id}`, { name: "x" }, { "if-match": 'W/"2"' })).statusCode).toBe(404);
  });

  it("creates users with a hashed password, refuses a duplicate username naming the field, and they can sign in", async () => {
    const username = `new.worker.${Date.now()}`;
    const created = await admin.post("/api/v1/admin/users", { username, displayName: "New Worker", role: "practitioner", organisationId: tenant.orgId, teamId: tenant.teamId, password: "a-long-enough-password" });
    expect(created.statusCode).toBe(201);
    const user = created.json<{ id: string; signInMethods: string[]; role: string }>();
    expect(user.signInMethods).toEqual(["password"]);
    const stored = await svc.services.db.selectFrom("app_user").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(await svc.services.db.selectFrom("audit_event").select("details").where("entity_id", "=", user.id).execute())).not.toContain("a-long-enough-password");

    const dup = await admin.post("/api/v1/admin/users", { username: username.toUpperCase().toLowerCase(), displayName: "Again", role: "practitioner", organisationId: tenant.orgId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Problem>().errors).toEqual([{ field: "username", message: "This username is already taken" }]);
    const weak = await admin.post("/api/v1/admin/users", { username: "x", displayName: "", role: "wizard", organisationId: "nope", password: "short" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<Problem>().errors?.map((e) => e.field).sort()).toEqual(["displayName", "organisationId", "password", "role", "username"]);
    const foreignTeam = await admin.post("/api/v1/admin/users", { username: `${username}.b`, displayName: "B", role: "practitioner", organisationId: tenant.orgId, teamId: otherTenant.teamId });
    expect(foreignTeam.json<Problem>().errors?.[0]?.field).toBe("teamId");

    // A school's user cannot be given a staff role (that would open the whole authority), nor staff a partner role.
    const school = await buildPartnerOrg(svc.services.db, tenant, "school");
    const schoolStaff = await admin.post("/api/v1/admin/users", { username: `${username}.dsl`, displayName: "DSL", role: "practitioner", organisationId: school });
    expect(schoolStaff.statusCode).toBe(400);
    expect(schoolStaff.json<Problem>().errors?.[0]?.field).toBe("organisationId");
    const partnerHere = await admin.post("/api/v1/admin/users", { username: `${username}.p`, displayName: "P", role: "partner_practitioner", organisationId: tenant.orgId });
    expect(partnerHere.json<Problem>().errors?.[0]?.field).toBe("organisationId");
    expect((await admin.post("/api/v1/admin/users", { username: `${username}.dsl2`, displayName: "DSL", role: "partner_practitioner", organisationId: school })).statusCode).toBe(201);
    const wrongTeam = await admin.post("/api/v1/admin/users", { username: `${username}.dsl3`, displayName: "DSL", role: "partner_practitioner", organisationId: school, teamId: tenant.teamId });
    expect(wrongTeam.json<Problem>().errors?.[0]?.field).toBe("teamId");
    const demote = await admin.patch(`/api/v1/admin/users/${user.id}`, { role: "partner_practitioner" }, { "if-match": 'W/"1"' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json<Problem>().errors?.[0]?.field).toBe("role");

    const worker = await signIn(svc.app, username, "a-long-enough-password");
    expect((await worker.get("/api/v1/auth/session")).statusCode).toBe(200);
    // Without council sign-in set up, a sign-on identity could never be used: refused, naming the field.
    const sso = await admin.post("/api/v1/admin/users", { username: `${username}.sso`, displayName: "SSO", role: "iro", organisationId: tenant.orgId, oidcSubject: `sub-${username}` });
    expect(sso.statusCode).toBe(400);
    expect(sso.json<Problem>().errors?.[0]?.field).toBe("oidcSubject");
    expect(await auditActions(user.id)).toEqual(["admin.user.create"]);
  });

  it("records the configured issuer with a sign-on identity, and refuses one already in use", async () => {
    const issuer = "https://id.example.test/realms/council";
    const sso = await createTestService(kind, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: "family-story", OIDC_CLIENT_SECRET: "not-a-secret" });
    try {
      const t = await buildTenant(sso.services, "SSO Borough");
      const ssoAdmin = await signIn(sso.app, (await buildUser(sso.services.db, t, "administrator", { teamId: null })).username, TEST_PASSWORD);
      const subject = `sub-${Date.now()}-${kind}`;
      const created = await ssoAdmin.post("/api/v1/admin/users", { username: `sso.${subject}`, displayName: "SSO Worker", role: "iro", organisationId: t.orgId, oidcSubject: subject });
      expect(created.statusCode).toBe(201);
      const user = created.json<{ id: string; signInMethods: string[] }>();
      expect(user.signInMethods).toEqual(["oidc"]);
      const row = await sso.services.db.selectFrom("app_user").select(["oidc_issuer", "oidc_subject"]).where("id", "=", user.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ oidc_issuer: issuer, oidc_subject: subject });
      const again = await ssoAdmin.post("/api/v1/admin/users", { username: `sso2.${subject}`, displayName: "Twin", role: "iro", organisationId: t.orgId, oidcSubject: subject });
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>().errors?.[0]?.field).toBe("oidcSubject");
    } finally {
      await sso.close();
    }
  });

  it("ends a user's sessions when their role changes or they are deactivated", async () => {
    const u = await buildUser(svc.services.db, tenant, "practitioner");
    const worker = await signIn(svc.app, u.username, TEST_PASSWORD);
    const again = await signIn(svc.app, u.username, TEST_PASSWORD);
    expect((await worker.get("/api/v1/auth/session")).statusCode).toBe(200);
    const renamed = await admin.patch(`/api/v1/admin/users/${u.id}`, { displayName: "Renamed" }, { "if-match": 'W/"1"' });
    expect(renamed.statusCode).toBe(200);
    expect((await worker.get("/api/v1/auth/session")).statusCode).toBe(200);

    const promoted = await admin.patch(`/api/v1/admin/users/${u.id}`, { role: "team_manager" }, { "if-match": 'W/"2"' });
    expect(promoted.statusCode).toBe(200);
    expect((await worker.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await again.get("/api/v1/auth/session")).statusCode).toBe(401);

    const back = await signIn(svc.app, u.username, TEST_PASSWORD);
    expect((await back.get("/api/v1/auth/session")).json<{ role: string }>().role).toBe("team_manager");
    const off = await admin.patch(`/api/v1/admin/users/${u.id}`, { active: false }, { "if-match": 'W/"3"' });
    expect(off.json<{ active: boolean }>().active).toBe(false);
    expect((await back.get("/api/v1/auth/session")).statusCode).toBe(401);
    expect((await svc.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username: u.username, password: TEST_PASSWORD } })).statusCode).toBe(401);

    const updates = await svc.services.db.selectFrom("audit_event").select("details").where("entity_id", "=", u.id).where("action", "=", "admin.user.update").orderBy("seq").execute();
    expect(updates.map((r) => (r.details as { sessionsEnded: boolean }).sessionsEnded)).toEqual([false, true, true]);
    const self = await admin.patch(`/api/v1/admin/users/${adminId}`, { active: false }, { "if-match": 'W/"1"' });
    expect(self.statusCode).toBe(400);
    expect(self.json<Problem>().errors?.[0]?.field).toBe("active");
    expect((await otherAdmin.patch(`/api/v1/admin/users/${u.id}`, { active: true }, { "if-match": 'W/"4"' })).statusCode).toBe(404);
  });

  it("lets each authority's administrator name or un-name only their own teams on a shared service", async () => {
    const mine = await buildTeam(svc.services.db, tenant);
    const theirs = await buildTeam(svc.services.db, otherTenant);
    const ssId = await buildSharedService(svc.services.db, [tenant.laCode, otherTenant.laCode], [theirs]);
    const list = (await admin.get("/api/v1/admin/shared-services")).json<{ id: string; teamIds: string[]; version: number }[]>();
    expect(list.find((s) => s.id === ssId)).toMatchObject({ teamIds: [theirs], version: 1 });

    const added = await admin.put(`/api/v1/admin/shared-services/${ssId}/teams`, { teamIds: [theirs, mine] }, { "if-match": 'W/"1"' });
    expect(added.statusCode).toBe(200);
    expect(added.json<{ teamIds: string[]; version: number }>().teamIds.sort()).toEqual([mine, theirs].sort());
    const removeTheirs = await admin.put(`/api/v1/admin/shared-services/${ssId}/teams`, { teamIds: [mine] }, { "if-match": 'W/"2"' });
    expect(removeTheirs.statusCode).toBe(403);
    expect(removeTheirs.json<Problem>().errors?.[0]?.field).toBe("teamIds");
    const addForeign = await otherAdmin.put(`/api/v1/admin/shared-services/${ssId}/teams`, { teamIds: [theirs, mine, tenant.teamId] }, { "if-match": 'W/"2"' });
    expect(addForeign.statusCode).toBe(403);
    expect(addForeign.json<Problem>().errors?.[0]?.field).toBe("teamIds.2");
    expect((await admin.put(`/api/v1/admin/shared-services/${ssId}/teams`, { teamIds: [theirs] }, { "if-match": 'W/"1"' })).statusCode).toBe(412);

    // Both authorities' logs record the change to who may work their records.
    const logged = await svc.services.db.selectFrom("audit_event").select("la_code").where("entity_id", "=", ssId).where("action", "=", "admin.shared_service.teams").execute();
    expect(logged.map((r) => r.la_code).sort()).toEqual([tenant.laCode, otherTenant.laCode].sort());
    const teams = (await admin.get("/api/v1/admin/teams")).json<{ id: string; sharedService: boolean }[]>();
    expect(teams.find((t) => t.id === mine)?.sharedService).toBe(true);
  });

  it("refuses administration and audit in the data layer to a role without them, whatever a route declares", async () => {
    const u = await buildUser(svc.services.db, tenant, "team_manager");
    const actor = await resolveActor(svc.services.db, u.id, "test-request");
    if (!actor) throw new Error("no actor");
    const data = createDataAccess(svc.services.db, actor, svc.services.audit, svc.services.refs);
    await expect(data.adminUsers.list()).rejects.toMatchObject({ status: 403 });
    await expect(data.admin.createOrganisation({ kind: "school", name: "Nope" })).rejects.toMatchObject({ status: 403 });
    await expect(data.sharedServices.setTeams(tenant.teamId, 1, [])).rejects.toMatchObject({ status: 403 });
    await expect(data.auditLog.search({ limit: 10 })).rejects.toMatchObject({ status: 403 });
    await expect(data.auditLog.verify()).rejects.toMatchObject({ status: 403 });
  });

  it("gives auditors read-only administration and refuses everything to casework roles", async () => {
    expect((await auditor.get("/api/v1/admin/users")).statusCode).toBe(200);
    expect((await auditor.get("/api/v1/admin/localities")).statusCode).toBe(200);
    expect((await auditor.get("/api/v1/admin/authorities")).json<{ laCode: string }[]>().map((a) => a.laCode)).toContain(otherTenant.laCode);
    expect((await auditor.post("/api/v1/admin/organisations", { kind: "school", name: "No" })).statusCode).toBe(403);
    const worker = await signIn(svc.app, (await buildUser(svc.services.db, tenant, "team_manager")).username, TEST_PASSWORD);
    expect((await worker.get("/api/v1/admin/users")).statusCode).toBe(403);
  });
});
