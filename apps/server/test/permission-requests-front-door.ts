import { randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { MatrixFixture } from "./permission-fixture.ts";
import { CASEWORK, RESTRICTERS, req, tenantOf, type SessionCase } from "./permission-support.ts";

const SUBMITTERS: readonly Role[] = [...CASEWORK, "partner_practitioner"];
const STAFF_AUTHORITIES = { sameLa: CASEWORK, otherLa: [], sharedService: CASEWORK };

/** A contact awaiting decision straight into the database, optionally with a child linked. */
async function buildContact(f: MatrixFixture, laCode: string, childId?: string): Promise<string> {
  const id = randomUUID();
  await f.db
    .insertInto("contact")
    .values({
      la_code: laCode,
      id,
      received_at: new Date(),
      referral_source: "2A",
      contact_name: "Matrix school",
      contact_role: null,
      contact_organisation: null,
      contact_phone: null,
      via: "staff",
      submitted_by: f.users.practitioner.id,
      submitted_by_organisation_id: null,
      concerns: "Matrix concerns",
      family_details: null,
      described_children: "[]",
      consent_sharing: "no",
      consent_early_help: "no",
      due_at: new Date(Date.now() + 86_400_000),
      team_id: null,
      updated_at: new Date(),
    })
    .execute();
  if (childId !== undefined) await f.db.insertInto("contact_child").values({ la_code: laCode, contact_id: id, person_id: childId, previous_referral_date: null, linked_by: null }).execute();
  return id;
}

const request = { concerns: "Matrix request", children: [{ givenName: "Matrix", familyName: "Child" }], consentSharing: "yes", consentEarlyHelp: "yes" };

/** The front door: contacts, linking children, decisions and partners' requests for support. */
export const FRONT_DOOR_CASES: Record<string, SessionCase> = {
  "GET /api/v1/contacts": {
    target: "none",
    roles: CASEWORK,
    ok: 200,
    build: () => req("/api/v1/contacts"),
    check: (res, f) => {
      expect(res.json<{ laCode: string }[]>().filter((c) => c.laCode === f.other.laCode)).toEqual([]);
    },
  },
  "POST /api/v1/contacts": {
    target: "authority",
    roles: CASEWORK,
    ok: 201,
    inScope: STAFF_AUTHORITIES,
    outOfScope: 400,
    build: (f, role, rel) => req("/api/v1/contacts", { laCode: f.authorities[rel].tenant.laCode, referralSource: "1A", contactName: `Caller for ${role}`, concerns: "Matrix", consentSharing: "not_asked", consentEarlyHelp: "not_asked" }),
  },
  "GET /api/v1/contacts/:id": {
    target: "authority",
    roles: CASEWORK,
    ok: 200,
    inScope: STAFF_AUTHORITIES,
    outOfScope: 404,
    build: async (f, _r, rel) => req(`/api/v1/contacts/${await buildContact(f, f.authorities[rel].tenant.laCode)}`),
  },
  "POST /api/v1/contacts/:id/children": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`/api/v1/contacts/${await buildContact(f, tenantOf(f, rel).laCode)}/children`, { personId: f.people[rel].id }),
  },
  "DELETE /api/v1/contacts/:id/children/:personId": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, _r, rel) => req(`/api/v1/contacts/${await buildContact(f, tenantOf(f, rel).laCode, f.people[rel].id)}/children/${f.people[rel].id}`),
  },
  "POST /api/v1/contacts/:id/decision": {
    target: "person",
    roles: RESTRICTERS,
    ok: 200,
    build: async (f, _r, rel) => req(`/api/v1/contacts/${await buildContact(f, tenantOf(f, rel).laCode, f.people[rel].id)}/decision`, { decision: "nfa_signpost", thresholdLevel: 1, reasons: "Matrix decision" }, { "if-match": 'W/"1"' }),
  },
  "POST /api/v1/requests-for-support": { target: "none", roles: SUBMITTERS, ok: 201, build: () => req("/api/v1/requests-for-support", request) },
  "GET /api/v1/requests-for-support": { target: "none", roles: SUBMITTERS, ok: 200, build: () => req("/api/v1/requests-for-support") },
};
