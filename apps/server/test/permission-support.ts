import type { Role } from "@family-story/domain";
import type { LightMyRequestResponse } from "fastify";
import type { Tenant } from "./factories.ts";
import type { AuthorityRelation, MatrixFixture, PersonRelation } from "./permission-fixture.ts";

/**
 * What the permission tables share: role groups as the policy describes them, the kinds of
 * case, and request builders. Each module's table (permission-requests-*.ts) imports these.
 */

export interface Req {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

// Roles by what they hold, as the policy describes them.
export const CASEWORK: readonly Role[] = ["practitioner", "team_manager", "iro", "youth_justice_worker"];
export const READERS: readonly Role[] = [...CASEWORK, "partner_practitioner", "performance_analyst"];
export const ADMIN_READERS: readonly Role[] = ["administrator", "auditor"];
export const ADMIN_WRITERS: readonly Role[] = ["administrator"];
export const AUDITORS: readonly Role[] = ["auditor"];
/** Senior leaders read people and cases across their authorities (for drill-down), nothing of casework's own records. */
export const RECORD_READERS: readonly Role[] = [...READERS, "leader"];
export const EVERYONE: readonly Role[] = [...RECORD_READERS, "administrator", "auditor"];
export const RESTRICTERS: readonly Role[] = ["team_manager"];
export const STAFF_SCOPE: readonly Role[] = [...CASEWORK, "performance_analyst"];
const WIDE_SCOPE: readonly Role[] = [...STAFF_SCOPE, "leader"];

/** Who may see a person, by relation: staff work their authority and shared services; partners only what is shared with them now. */
export const VISIBLE_TO: Record<PersonRelation, readonly Role[]> = {
  sameLa: WIDE_SCOPE,
  otherLa: [],
  sharedService: WIDE_SCOPE,
  restrictedNotNamed: [],
  restrictedNamed: WIDE_SCOPE,
  sharedWithPartnerOrg: [...WIDE_SCOPE, "partner_practitioner"],
  sharedWithdrawn: WIDE_SCOPE,
  sharedExpired: WIDE_SCOPE,
  sharedWithOtherOrg: WIDE_SCOPE,
};

/** Administrators manage their own authority only, even within a shared service. */
export const OWN_AUTHORITY_ONLY: Record<AuthorityRelation, readonly Role[]> = { sameLa: EVERYONE, otherLa: [], sharedService: [] };

interface CaseBase {
  /** Roles holding the route's permission (hand-written). */
  roles: readonly Role[];
  /** The status of an allowed request. */
  ok: number;
  /** Further assertions on the response to a role holding the permission. */
  check?: (res: LightMyRequestResponse, f: MatrixFixture, role: Role, relation: string) => void;
}
export interface PersonCase extends CaseBase {
  target: "person";
  /** The status when the person is out of reach: 404, or the success status for a search that filters them out. */
  outOfScope?: number;
  build: (f: MatrixFixture, role: Role, relation: PersonRelation) => Promise<Req>;
}
export interface AuthorityCase extends CaseBase {
  target: "authority";
  inScope: Record<AuthorityRelation, readonly Role[]>;
  outOfScope: number;
  build: (f: MatrixFixture, role: Role, relation: AuthorityRelation) => Promise<Req>;
}
export interface PlainCase extends CaseBase {
  target: "none";
  build: (f: MatrixFixture, role: Role) => Promise<Req>;
}
export type SessionCase = PersonCase | AuthorityCase | PlainCase;

export type Versioned = "person" | "organisation" | "team" | "app_user" | "address" | "relationship" | "casework_case" | "work_item";
export async function ifMatch(f: MatrixFixture, table: Versioned, id: string): Promise<Record<string, string>> {
  const row = await f.db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirst();
  return { "if-match": `W/"${row?.version ?? 1}"` };
}
export const req = (url: string, body?: unknown, headers?: Record<string, string>): Promise<Req> => Promise.resolve({ url, ...(body !== undefined && { body }), ...(headers && { headers }) });

export function tenantOf(f: MatrixFixture, relation: PersonRelation): Tenant {
  const laCode = f.people[relation].laCode;
  return laCode === f.other.laCode ? f.other : laCode === f.shared.laCode ? f.shared : f.home;
}
