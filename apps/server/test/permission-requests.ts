import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { TEST_PASSWORD, buildPerson, buildSharing, buildUser, grantNamedAccess } from "./factories.ts";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK_CASES } from "./permission-requests-casework.ts";
import { EARLY_HELP_CASES } from "./permission-requests-early-help.ts";
import { FRONT_DOOR_CASES } from "./permission-requests-front-door.ts";
import { NOTES_CASES } from "./permission-requests-notes.ts";
import { SOCIAL_CARE_CASES } from "./permission-requests-social-care.ts";
import { LOOKED_AFTER_CASES } from "./permission-requests-looked-after.ts";
import { LOOKED_AFTER_HEALTH_CASES } from "./permission-requests-looked-after-health.ts";
import { IRO_CASES } from "./permission-requests-iro.ts";
import { LAC_REVIEW_CASES } from "./permission-requests-lac-reviews.ts";
import { REPORT_CASES } from "./permission-requests-reports.ts";
import { IMPORT_CASES } from "./permission-requests-imports.ts";
import { RETURN_CASES } from "./permission-requests-returns.ts";
import { GOVERNANCE_CASES } from "./permission-requests-governance.ts";
import { MEASURE_EXPORT_CASES } from "./permission-requests-measure-export.ts";
import { MEASURE_FIGURE_CASES } from "./permission-requests-measure-figures.ts";
import { MEASURE_CASES } from "./permission-requests-measures.ts";
import { ADMIN_READERS, ADMIN_WRITERS, AUDITORS, CASEWORK, EVERYONE, OWN_AUTHORITY_ONLY, RECORD_READERS, RESTRICTERS, VISIBLE_TO, ifMatch, req, tenantOf, type Req, type SessionCase } from "./permission-support.ts";

export { VISIBLE_TO, type Req, type SessionCase } from "./permission-support.ts";

/**
 * The expected permission table, written by hand from the policy (not computed from
 * policy.ts, so a change there that widens access fails here), and a concrete request for
 * every route. A route of allRoutes missing from these tables fails the matrix test.
 */

/** Every signed-in route, by "METHOD path". */
export const SESSION_CASES: Record<string, SessionCase> = {
  "GET /api/v1/auth/session": { target: "none", roles: EVERYONE, ok: 200, build: () => req("/api/v1/auth/session") },
  "GET /api/v1/people": {
    target: "person",
    roles: RECORD_READERS,
    ok: 200,
    outOfScope: 200,
    build: (f, _role, relation) => req(`/api/v1/people?q=${encodeURIComponent(`Morgan ${f.people[relation].familyName}`)}`),
    // Search must neither find the target when it is out of sight nor return anyone the user may not see.
    check: (res, f, role, relation) => {
      const ids = res.json<{ results: { id: string }[] }>().results.map((r) => r.id);
      const target = f.people[relation as PersonRelation];
      expect(ids.includes(target.id), `search by ${role} for ${relation}`).toBe(VISIBLE_TO[relation as PersonRelation].includes(role));
      for (const [rel, p] of Object.entries(f.people)) {
        if (!VISIBLE_TO[rel as PersonRelation].includes(role)) expect(ids, `${role} must not find ${rel}`).not.toContain(p.id);
      }
    },
  },
  "GET /api/v1/people/:id": { target: "person", roles: RECORD_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}`) },
  "PATCH /api/v1/people/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, role, rel) => req(`/api/v1/people/${f.people[rel].id}`, { preferredName: `Seen by ${role}` }, await ifMatch(f, "person", f.people[rel].id)),
  },
  "POST /api/v1/people": {
    target: "authority",
    roles: CASEWORK,
    ok: 201,
    // Staff create records in their own authority or one whose shared service names their team.
    inScope: { sameLa: CASEWORK, otherLa: [], sharedService: CASEWORK },
    outOfScope: 400,
    build: (f, role, rel) => req("/api/v1/people", { givenName: "Matrix", familyName: `Created ${role}`, laCode: f.authorities[rel].tenant.laCode }),
  },
  "POST /api/v1/people/:id/addresses": {
    target: "person",
    roles: CASEWORK,
    ok: 201,
    build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/addresses`, { line1: "2 Matrix Way", postcode: "W2 1AA", fromDate: "2024-01-01" }),
  },
  "PATCH /api/v1/people/:id/addresses/:addressId": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, role, rel) => req(`/api/v1/people/${f.people[rel].id}/addresses/${f.people[rel].addressId}`, { town: `Town of ${role}` }, await ifMatch(f, "address", f.people[rel].addressId)),
  },
  "POST /api/v1/people/:id/relationships": {
    target: "person",
    roles: CASEWORK,
    ok: 201,
    build: async (f, _r, rel) => {
      const related = await buildPerson(f.db, tenantOf(f, rel), { givenName: "Sibling", familyName: `Sib${randomUUID().slice(0, 5)}` });
      return req(`/api/v1/people/${f.people[rel].id}/relationships`, { relatedPersonId: related, type: "sibling" });
    },
  },
  "PATCH /api/v1/relationships/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, role, rel) => req(`/api/v1/relationships/${f.people[rel].relationshipId}`, { notes: `Checked by ${role}` }, await ifMatch(f, "relationship", f.people[rel].relationshipId)),
  },
  "DELETE /api/v1/relationships/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 204,
    // A fresh link each time, so each allowed delete has something to remove.
    build: async (f, _r, rel) => {
      const p = f.people[rel];
      const id = randomUUID();
      await f.db.insertInto("relationship").values({ la_code: p.laCode, id, person_id: p.id, related_person_id: p.relatedPersonId, type: "other_relative", from_date: null, to_date: null, notes: null }).execute();
      return req(`/api/v1/relationships/${id}`, undefined, { "if-match": 'W/"1"' });
    },
  },
  "GET /api/v1/people/:id/sharing": { target: "person", roles: CASEWORK, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/sharing`) },
  "POST /api/v1/people/:id/sharing": {
    target: "person",
    roles: CASEWORK,
    ok: 201,
    build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/sharing`, { organisationId: f.otherPartnerOrgId, purpose: "Matrix check", basis: "consent", fromDate: "2024-01-01" }),
  },
  "GET /api/v1/partner-organisations": {
    target: "none",
    roles: CASEWORK,
    ok: 200,
    build: () => req("/api/v1/partner-organisations"),
    // Only partners of the authorities the user works (own and shared service), never an unconnected one's.
    check: (res, f) => {
      const orgs = res.json<{ id: string; laCode: string; kind: string }[]>();
      expect(orgs.map((o) => o.id)).toContain(f.partnerOrgId);
      expect(orgs.filter((o) => o.laCode === f.other.laCode || o.kind === "local_authority")).toEqual([]);
    },
  },
  "POST /api/v1/sharing/:id/withdraw": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => {
      const id = await buildSharing(f.db, tenantOf(f, rel), f.people[rel].id, f.otherPartnerOrgId, f.users.team_manager.id);
      return req(`/api/v1/sharing/${id}/withdraw`);
    },
  },
  "GET /api/v1/people/:id/named-access": { target: "person", roles: RESTRICTERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/named-access`) },
  "GET /api/v1/people/:id/named-access/candidates": {
    target: "person",
    roles: RESTRICTERS,
    ok: 200,
    build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/named-access/candidates`),
    // Staff of the person's own authority only; never partners, administrators or auditors.
    check: (res) => {
      if (res.statusCode !== 200) return; // a person out of reach answers 404, checked above
      const staff = res.json<{ role: string }[]>();
      expect(staff.filter((s) => ["partner_practitioner", "administrator", "auditor"].includes(s.role))).toEqual([]);
    },
  },
  "POST /api/v1/people/:id/named-access": {
    target: "person",
    roles: RESTRICTERS,
    ok: 201,
    build: async (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/named-access`, { userId: (await buildUser(f.db, tenantOf(f, rel), "practitioner")).id }),
  },
  "DELETE /api/v1/people/:id/named-access/:userId": {
    target: "person",
    roles: RESTRICTERS,
    ok: 200,
    build: async (f, _r, rel) => {
      const tenant = tenantOf(f, rel);
      const user = await buildUser(f.db, tenant, "practitioner");
      await grantNamedAccess(f.db, tenant, f.people[rel].id, user.id);
      return req(`/api/v1/people/${f.people[rel].id}/named-access/${user.id}`);
    },
  },
  "GET /api/v1/admin/organisations": { target: "none", roles: ADMIN_READERS, ok: 200, build: () => req("/api/v1/admin/organisations") },
  "POST /api/v1/admin/organisations": { target: "none", roles: ADMIN_WRITERS, ok: 201, build: (_f, role) => req("/api/v1/admin/organisations", { kind: "voluntary", name: `Made by ${role}` }) },
  "PATCH /api/v1/admin/organisations/:id": {
    target: "authority",
    roles: ADMIN_WRITERS,
    ok: 200,
    inScope: OWN_AUTHORITY_ONLY,
    outOfScope: 404,
    build: async (f, role, rel) => req(`/api/v1/admin/organisations/${f.authorities[rel].orgId}`, { name: `Renamed by ${role}` }, await ifMatch(f, "organisation", f.authorities[rel].orgId)),
  },
  "GET /api/v1/admin/teams": { target: "none", roles: ADMIN_READERS, ok: 200, build: () => req("/api/v1/admin/teams") },
  "POST /api/v1/admin/teams": { target: "none", roles: ADMIN_WRITERS, ok: 201, build: (f, role) => req("/api/v1/admin/teams", { name: `Team by ${role}`, kind: "early_help", organisationId: f.home.orgId }) },
  "PATCH /api/v1/admin/teams/:id": {
    target: "authority",
    roles: ADMIN_WRITERS,
    ok: 200,
    inScope: OWN_AUTHORITY_ONLY,
    outOfScope: 404,
    build: async (f, role, rel) => req(`/api/v1/admin/teams/${f.authorities[rel].teamId}`, { name: `Renamed by ${role}` }, await ifMatch(f, "team", f.authorities[rel].teamId)),
  },
  "GET /api/v1/admin/users": {
    target: "none",
    roles: ADMIN_READERS,
    ok: 200,
    check: (res, f) => {
      const las = new Set(res.json<{ laCode: string }[]>().map((u) => u.laCode));
      expect([...las]).toEqual([f.home.laCode]);
    },
    build: () => req("/api/v1/admin/users"),
  },
  "POST /api/v1/admin/users": {
    target: "none",
    roles: ADMIN_WRITERS,
    ok: 201,
    build: (f, role) => req("/api/v1/admin/users", { username: `m.${role.slice(0, 6)}.${randomUUID().slice(0, 8)}`, displayName: "Matrix User", role: "practitioner", organisationId: f.home.orgId, teamId: f.home.teamId }),
  },
  "PATCH /api/v1/admin/users/:id": {
    target: "authority",
    roles: ADMIN_WRITERS,
    ok: 200,
    inScope: OWN_AUTHORITY_ONLY,
    outOfScope: 404,
    build: async (f, role, rel) => req(`/api/v1/admin/users/${f.authorities[rel].userId}`, { displayName: `Renamed by ${role}` }, await ifMatch(f, "app_user", f.authorities[rel].userId)),
  },
  "GET /api/v1/admin/localities": { target: "none", roles: ADMIN_READERS, ok: 200, build: () => req("/api/v1/admin/localities") },
  "GET /api/v1/admin/authorities": { target: "none", roles: ADMIN_READERS, ok: 200, build: () => req("/api/v1/admin/authorities") },
  "GET /api/v1/admin/shared-services": { target: "none", roles: ADMIN_READERS, ok: 200, build: () => req("/api/v1/admin/shared-services") },
  "PUT /api/v1/admin/shared-services/:id/teams": {
    target: "authority",
    roles: ADMIN_WRITERS,
    ok: 200,
    // sameLa and sharedService name the same A+C arrangement, which A's administrator may edit; B+C is not theirs.
    inScope: { sameLa: EVERYONE, otherLa: [], sharedService: EVERYONE },
    outOfScope: 404,
    build: async (f, _role, rel) => {
      const id = f.authorities[rel].sharedServiceId;
      const service = await f.db.selectFrom("shared_service").select("version").where("id", "=", id).executeTakeFirstOrThrow();
      const teams = await f.db.selectFrom("shared_service_team").select("team_id").where("shared_service_id", "=", id).execute();
      return req(`/api/v1/admin/shared-services/${id}/teams`, { teamIds: teams.map((t) => t.team_id) }, { "if-match": `W/"${service.version}"` });
    },
  },
  "GET /api/v1/audit": {
    target: "none",
    roles: AUDITORS,
    ok: 200,
    build: (f) => req(`/api/v1/audit?personId=${f.people.sameLa.id}`),
    check: (res, f) => {
      expect(res.json<{ events: { laCode: string }[] }>().events.every((e) => e.laCode === f.home.laCode)).toBe(true);
    },
  },
  "POST /api/v1/audit/verify": { target: "none", roles: AUDITORS, ok: 200, build: () => req("/api/v1/audit/verify") },
  ...CASEWORK_CASES,
  ...FRONT_DOOR_CASES,
  ...NOTES_CASES,
  ...SOCIAL_CARE_CASES,
  ...LOOKED_AFTER_CASES,
  ...LOOKED_AFTER_HEALTH_CASES,
  ...IRO_CASES,
  ...LAC_REVIEW_CASES,
  ...REPORT_CASES,
  ...IMPORT_CASES,
  ...RETURN_CASES,
  ...GOVERNANCE_CASES,
  ...MEASURE_EXPORT_CASES,
  ...MEASURE_FIGURE_CASES,
  ...MEASURE_CASES,
  ...EARLY_HELP_CASES,
};

/** Every route open without a session: sent without a cookie; the status expected of the test service (no OIDC configured). */
export const PUBLIC_CASES: Record<string, { status: number; build: (f: MatrixFixture) => Promise<Req> }> = {
  "GET /api/health": { status: 200, build: () => req("/api/health") },
  "GET /api/openapi.json": { status: 200, build: () => req("/api/openapi.json") },
  "POST /api/v1/auth/login": { status: 200, build: (f) => req("/api/v1/auth/login", { username: f.users.practitioner.username, password: TEST_PASSWORD }) },
  "POST /api/v1/auth/logout": { status: 200, build: () => req("/api/v1/auth/logout") },
  "GET /api/v1/auth/config": { status: 200, build: () => req("/api/v1/auth/config") },
  "GET /api/v1/auth/oidc/start": { status: 404, build: () => req("/api/v1/auth/oidc/start") },
  "GET /api/v1/auth/oidc/callback": { status: 404, build: () => req("/api/v1/auth/oidc/callback?code=x&state=y") },
};
