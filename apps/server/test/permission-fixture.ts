import { randomUUID } from "node:crypto";
import { ROLES, type Role } from "@family-story/domain";
import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import type { Services } from "../src/services.ts";
import { TEST_PASSWORD, buildCase, buildPartnerOrg, buildPerson, buildSharedService, buildSharing, buildTeam, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { signIn, type Client } from "./harness.ts";

/** How a target person stands to the acting user (who works in authority A, team T_A). */
export const PERSON_RELATIONS = [
  "sameLa",
  "otherLa",
  "sharedService",
  "restrictedNotNamed",
  "restrictedNamed",
  "sharedWithPartnerOrg",
  "sharedWithdrawn",
  "sharedExpired",
  "sharedWithOtherOrg",
] as const;
export type PersonRelation = (typeof PERSON_RELATIONS)[number];

/** How an authority-owned target (organisation, team, user, shared service, new person's authority) stands to the user. */
export const AUTHORITY_RELATIONS = ["sameLa", "otherLa", "sharedService"] as const;
export type AuthorityRelation = (typeof AUTHORITY_RELATIONS)[number];

export interface PersonTarget {
  id: string;
  laCode: string;
  familyName: string;
  addressId: string;
  relationshipId: string;
  relatedPersonId: string;
  sharingId: string | null;
  /** An open social care case about the person, allocated to the acting practitioner. */
  caseId: string;
}

export interface AuthorityTargets {
  tenant: Tenant;
  orgId: string;
  teamId: string;
  userId: string;
  sharedServiceId: string;
}

export interface MatrixFixture {
  db: Kysely<Database>;
  home: Tenant;
  other: Tenant;
  shared: Tenant;
  partnerOrgId: string;
  /** An organisation no acting user belongs to: sharing with it changes nobody's access. */
  otherPartnerOrgId: string;
  users: Record<Role, { id: string; username: string }>;
  clients: Record<Role, Client>;
  people: Record<PersonRelation, PersonTarget>;
  authorities: Record<AuthorityRelation, AuthorityTargets>;
  /** Every fixture person, to check that search returns none the user may not see. */
  allPeople: PersonTarget[];
}

async function buildAddressAndRelative(db: Kysely<Database>, tenant: Tenant, personId: string): Promise<{ addressId: string; relationshipId: string; relatedPersonId: string }> {
  const addressId = randomUUID();
  await db.insertInto("address").values({ la_code: tenant.laCode, id: addressId, person_id: personId, line1: "1 Matrix Road", line2: null, town: "London", postcode: "W2 1AA", from_date: "2020-01-01", to_date: null }).execute();
  const relatedPersonId = await buildPerson(db, tenant, { givenName: "Relative", familyName: `Kin${personId.slice(0, 4)}` });
  const relationshipId = randomUUID();
  await db.insertInto("relationship").values({ la_code: tenant.laCode, id: relationshipId, person_id: personId, related_person_id: relatedPersonId, type: "parent", from_date: null, to_date: null, notes: null }).execute();
  return { addressId, relationshipId, relatedPersonId };
}

/**
 * Three authorities: A (home of every acting user), B (unconnected) and C (in a shared
 * service with A that names team T_A). One user per role in A; the partner works for a
 * school in A. One person per relation, each with an address and a relationship.
 */
export async function buildMatrixFixture(services: Services, app: FastifyInstance): Promise<MatrixFixture> {
  const db = services.db;
  const home = await buildTenant(services, "Matrix Home");
  const other = await buildTenant(services, "Matrix Other");
  const shared = await buildTenant(services, "Matrix Shared");
  const partnerOrgId = await buildPartnerOrg(db, home, "school");
  const partnerTeam = await buildTeam(db, home, "partner", partnerOrgId);
  const otherPartnerOrg = await buildPartnerOrg(db, home, "gp_practice");
  const serviceAC = await buildSharedService(db, [home.laCode, shared.laCode], [home.teamId, shared.teamId]);
  const serviceBC = await buildSharedService(db, [other.laCode, shared.laCode], [other.teamId]);
  await services.refs.refresh();

  const users = {} as Record<Role, { id: string; username: string }>;
  for (const role of ROLES) {
    const options = role === "partner_practitioner" ? { orgId: partnerOrgId, teamId: partnerTeam } : role === "administrator" || role === "auditor" ? { teamId: null } : {};
    users[role] = await buildUser(db, home, role, options);
  }
  const clients = {} as Record<Role, Client>;
  for (const role of ROLES) clients[role] = await signIn(app, users[role].username, TEST_PASSWORD);
  const grantor = users.team_manager.id;

  const people = {} as Record<PersonRelation, PersonTarget>;
  const families: Record<PersonRelation, string> = {
    sameLa: "Quillfeather",
    otherLa: "Brackenbury",
    sharedService: "Thistlewood",
    restrictedNotNamed: "Marchbanks",
    restrictedNamed: "Oakenshaw",
    sharedWithPartnerOrg: "Pennyworth",
    sharedWithdrawn: "Winterbourne",
    sharedExpired: "Ashcombe",
    sharedWithOtherOrg: "Fairweather",
  };
  for (const relation of Object.keys(families) as PersonRelation[]) {
    const tenant = relation === "otherLa" ? other : relation === "sharedService" ? shared : home;
    const familyName = families[relation];
    const id = await buildPerson(db, tenant, { givenName: "Morgan", familyName, restricted: relation === "restrictedNotNamed" || relation === "restrictedNamed" });
    if (relation === "restrictedNamed") for (const role of ROLES) await grantNamedAccess(db, tenant, id, users[role].id);
    let sharingId: string | null = null;
    if (relation === "sharedWithPartnerOrg") sharingId = await buildSharing(db, tenant, id, partnerOrgId, grantor);
    if (relation === "sharedWithdrawn") sharingId = await buildSharing(db, tenant, id, partnerOrgId, grantor, { withdrawn: true });
    if (relation === "sharedExpired") sharingId = await buildSharing(db, tenant, id, partnerOrgId, grantor, { fromDate: "2020-01-01", toDate: "2021-01-01" });
    if (relation === "sharedWithOtherOrg") sharingId = await buildSharing(db, tenant, id, otherPartnerOrg, grantor);
    const extra = await buildAddressAndRelative(db, tenant, id);
    const caseId = await buildCase(db, tenant, id, { allocatedTo: users.practitioner.id });
    people[relation] = { id, laCode: tenant.laCode, familyName, sharingId, caseId, ...extra };
  }

  const authorityTargets = async (tenant: Tenant, sharedServiceId: string): Promise<AuthorityTargets> => ({
    tenant,
    orgId: await buildPartnerOrg(db, tenant, "police"),
    teamId: await buildTeam(db, tenant, "early_help"),
    userId: (await buildUser(db, tenant, "practitioner")).id,
    sharedServiceId,
  });
  const authorities: Record<AuthorityRelation, AuthorityTargets> = {
    sameLa: await authorityTargets(home, serviceAC),
    otherLa: await authorityTargets(other, serviceBC),
    sharedService: await authorityTargets(shared, serviceAC),
  };
  return { db, home, other, shared, partnerOrgId, otherPartnerOrgId: otherPartnerOrg, users, clients, people, authorities, allPeople: Object.values(people) };
}

/**
 * A fingerprint of everything a write could change in the fixture's authorities: a refused
 * request must leave it exactly as it was.
 */
export async function stateFingerprint(f: MatrixFixture): Promise<string> {
  const las = [f.home.laCode, f.other.laCode, f.shared.laCode];
  const parts: unknown[] = [];
  for (const table of ["person", "address", "relationship", "sharing", "organisation", "team", "app_user", "casework_case", "work_item"] as const) {
    parts.push(await f.db.selectFrom(table).select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.sum<string>("version").as("v")]).where("la_code", "in", las).executeTakeFirst());
  }
  parts.push(await f.db.selectFrom("person_named_access").select((eb) => eb.fn.countAll<string>().as("n")).where("la_code", "in", las).executeTakeFirst());
  parts.push(await f.db.selectFrom("record_history").select((eb) => eb.fn.countAll<string>().as("n")).where("la_code", "in", las).executeTakeFirst());
  const services = [f.authorities.sameLa.sharedServiceId, f.authorities.otherLa.sharedServiceId];
  parts.push(await f.db.selectFrom("shared_service").select(["id", "version"]).where("id", "in", services).orderBy("id").execute());
  parts.push(await f.db.selectFrom("shared_service_team").select(["shared_service_id", "team_id"]).where("shared_service_id", "in", services).orderBy("team_id").execute());
  return JSON.stringify(parts);
}
