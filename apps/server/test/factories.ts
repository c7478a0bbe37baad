import { randomInt, randomUUID } from "node:crypto";
import type { Role, TeamKind } from "@family-story/domain";
import argon2 from "argon2";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { allNames, personSearchText, writeNameKeys } from "../src/data/person-keys.ts";
import type { Services } from "../src/services.ts";

/**
 * Factories build fresh data for each test in a tenant of its own (a new local authority
 * code), so tests never truncate tables and can run side by side on one database.
 */
export interface Tenant {
  laCode: string;
  name: string;
  orgId: string;
  teamId: string;
}

export const TEST_PASSWORD = "correct horse battery staple";
// Cheap argon2id parameters for test accounts only; verification reads them from the hash.
let testHash: Promise<string> | null = null;
function passwordHash(): Promise<string> {
  testHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1 });
  return testHash;
}

/** A new authority with its children's services organisation and a casework team. */
export async function buildTenant(services: Services, name = "Test Borough"): Promise<Tenant> {
  const db = services.db;
  const laCode = `E09${String(randomInt(100000, 999999))}`;
  const orgId = randomUUID();
  const teamId = randomUUID();
  await db.insertInto("local_authority").values({ la_code: laCode, name: `${name} ${laCode}` }).execute();
  await db.insertInto("organisation").values({ la_code: laCode, id: orgId, kind: "local_authority", name: `${name} Children's Services`, urn: null, ods_code: null, postcode: null }).execute();
  await db.insertInto("team").values({ la_code: laCode, id: teamId, name: "Casework", kind: "locality_social_work", organisation_id: orgId, locality_id: null }).execute();
  await services.refs.refresh();
  return { laCode, name: `${name} ${laCode}`, orgId, teamId };
}

/** Another team in a tenant. */
export async function buildTeam(db: Kysely<Database>, tenant: Tenant, kind: TeamKind = "locality_social_work", orgId = tenant.orgId): Promise<string> {
  const id = randomUUID();
  await db.insertInto("team").values({ la_code: tenant.laCode, id, name: `Team ${id.slice(0, 6)}`, kind, organisation_id: orgId, locality_id: null }).execute();
  return id;
}

/** A partner organisation (a school by default) in the tenant. */
export async function buildPartnerOrg(db: Kysely<Database>, tenant: Tenant, kind: "school" | "gp_practice" | "police" = "school"): Promise<string> {
  const id = randomUUID();
  await db.insertInto("organisation").values({ la_code: tenant.laCode, id, kind, name: `Partner ${id.slice(0, 6)}`, urn: kind === "school" ? String(randomInt(100000, 999999)) : null, ods_code: null, postcode: null }).execute();
  return id;
}

/** A user with the test password; username is unique per call. */
export async function buildUser(db: Kysely<Database>, tenant: Tenant, role: Role, options: { teamId?: string | null; orgId?: string; active?: boolean } = {}): Promise<{ id: string; username: string }> {
  const id = randomUUID();
  const username = `${role.replace(/_/g, "")}.${id.slice(0, 8)}`;
  await db
    .insertInto("app_user")
    .values({
      la_code: tenant.laCode,
      id,
      username,
      display_name: `Test ${role} ${id.slice(0, 4)}`,
      email: null,
      role,
      organisation_id: options.orgId ?? tenant.orgId,
      team_id: options.teamId === undefined ? tenant.teamId : options.teamId,
      password_hash: await passwordHash(),
      active: options.active ?? true,
    })
    .execute();
  return { id, username };
}

export interface PersonOptions {
  givenName?: string;
  familyName?: string;
  dob?: string | null;
  restricted?: boolean;
  nhsNumber?: string | null;
  upn?: string | null;
  postcode?: string | null;
  otherNames?: { givenName: string; familyName: string; kind: string }[];
}

/** A person in the tenant, with search keys as the service would write them. */
export async function buildPerson(db: Kysely<Database>, tenant: Tenant, options: PersonOptions = {}): Promise<string> {
  const id = randomUUID();
  const givenName = options.givenName ?? "Alex";
  const familyName = options.familyName ?? `Test${id.slice(0, 5)}`;
  const otherNames = options.otherNames ?? [];
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("person")
      .values({
        la_code: tenant.laCode,
        id,
        la_child_id: null,
        given_name: givenName,
        family_name: familyName,
        other_names: JSON.stringify(otherNames),
        preferred_name: null,
        dob: options.dob === undefined ? "2015-06-01" : options.dob,
        expected_dob: null,
        sex: "unknown",
        gender: null,
        ethnicity: null,
        first_language: null,
        disability: null,
        nhs_number: options.nhsNumber ?? null,
        upn: options.upn ?? null,
        former_upn: null,
        restricted: options.restricted ?? false,
        deceased_date: null,
        search_text: personSearchText(givenName, familyName, otherNames),
        current_postcode: options.postcode ?? null,
        created_by: null,
        updated_by: null,
      })
      .execute();
    await writeNameKeys(trx, tenant.laCode, id, allNames(givenName, familyName, otherNames), options.dob === undefined ? "2015-06-01" : options.dob);
  });
  return id;
}

/** Names a user on a restricted record. */
export async function grantNamedAccess(db: Kysely<Database>, tenant: Tenant, personId: string, userId: string): Promise<void> {
  await db.insertInto("person_named_access").values({ la_code: tenant.laCode, person_id: personId, user_id: userId, granted_by: null }).execute();
}

/** A sharing record letting an organisation see a person. */
export async function buildSharing(db: Kysely<Database>, tenant: Tenant, personId: string, organisationId: string, grantedBy: string, options: { fromDate?: string; toDate?: string | null; withdrawn?: boolean } = {}): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("sharing")
    .values({
      la_code: tenant.laCode,
      id,
      person_id: personId,
      organisation_id: organisationId,
      purpose: "Early help: team around the family",
      basis: "consent",
      granted_by: grantedBy,
      from_date: options.fromDate ?? "2020-01-01",
      to_date: options.toDate ?? null,
      withdrawn_at: options.withdrawn ? new Date() : null,
      withdrawn_by: options.withdrawn ? grantedBy : null,
    })
    .execute();
  return id;
}

/** A shared service between authorities naming the given teams. */
export async function buildSharedService(db: Kysely<Database>, laCodes: string[], teamIds: string[]): Promise<string> {
  const id = randomUUID();
  await db.insertInto("shared_service").values({ id, name: `Shared ${id.slice(0, 6)}`, from_date: "2020-01-01", to_date: null }).execute();
  await db.insertInto("shared_service_authority").values(laCodes.map((la) => ({ shared_service_id: id, la_code: la }))).execute();
  if (teamIds.length > 0) await db.insertInto("shared_service_team").values(teamIds.map((t) => ({ shared_service_id: id, team_id: t }))).execute();
  return id;
}

/** An open case about a child, straight into the database, optionally allocated, with a work item due. */
export async function buildCase(
  db: Kysely<Database>,
  tenant: Tenant,
  personId: string,
  options: { kind?: "early_help" | "social_care"; allocatedTo?: string | null; teamId?: string | null; openedOn?: string; dueDate?: string | null; status?: "open" | "closed" } = {},
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("casework_case")
    .values({
      la_code: tenant.laCode,
      id,
      kind: options.kind ?? "social_care",
      subject_person_id: personId,
      title: "Test case",
      status: options.status ?? "open",
      opened_on: options.openedOn ?? "2024-01-02",
      allocated_to: options.allocatedTo ?? null,
      team_id: options.teamId === undefined ? tenant.teamId : options.teamId,
    })
    .execute();
  await db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: id, person_id: personId, role: "child" }).execute();
  if (options.dueDate !== null) {
    await db
      .insertInto("work_item")
      .values({ la_code: tenant.laCode, id: randomUUID(), kind: "assessment_due", source_entity: "case", source_id: id, case_id: id, person_id: personId, title: "Assessment due", due_date: options.dueDate ?? "2024-03-05", assigned_to: options.allocatedTo ?? null, team_id: options.teamId === undefined ? tenant.teamId : options.teamId })
      .execute();
  }
  return id;
}
