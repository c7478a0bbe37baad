import { ORGANISATION_KINDS, ROLES, TEAM_KINDS, type OrganisationKind, type Role, type TeamKind } from "@family-story/domain";
import type { Organisation, Team, User } from "@family-story/schemas";
import type { AppUserRow, OrganisationRow, TeamRow } from "../db/database-types.ts";

/** Shapes organisation, team and user rows for the administration API; secrets never leave. */

function asOrganisationKind(value: string): OrganisationKind {
  return (ORGANISATION_KINDS as readonly string[]).includes(value) ? (value as OrganisationKind) : "voluntary";
}

function asTeamKind(value: string): TeamKind {
  return (TEAM_KINDS as readonly string[]).includes(value) ? (value as TeamKind) : "partner";
}

/** A stored role outside the code list is shown as the least-privileged one, never trusted. */
export function asRole(value: string): Role {
  return (ROLES as readonly string[]).includes(value) ? (value as Role) : "partner_practitioner";
}

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    laCode: row.la_code,
    kind: asOrganisationKind(row.kind),
    name: row.name,
    urn: row.urn,
    odsCode: row.ods_code,
    postcode: row.postcode,
    active: row.active,
    version: row.version,
  };
}

/** The editable fields of an organisation: history snapshots and conflict diffs use this. */
export function organisationSnapshot(row: OrganisationRow): Record<string, unknown> {
  return { name: row.name, urn: row.urn, odsCode: row.ods_code, postcode: row.postcode, active: row.active };
}

export interface TeamExtras {
  localityName: string | null;
  memberCount: number;
  sharedService: boolean;
}

export function presentTeam(row: TeamRow, extras: TeamExtras): Team {
  return {
    id: row.id,
    laCode: row.la_code,
    name: row.name,
    kind: asTeamKind(row.kind),
    organisationId: row.organisation_id,
    localityId: row.locality_id,
    localityName: extras.localityName,
    active: row.active,
    memberCount: extras.memberCount,
    sharedService: extras.sharedService,
    version: row.version,
  };
}

export function teamSnapshot(row: TeamRow): Record<string, unknown> {
  return { name: row.name, kind: row.kind, localityId: row.locality_id, active: row.active };
}

export interface UserExtras {
  organisationName: string;
  teamName: string | null;
}

export function presentUser(row: AppUserRow, extras: UserExtras): User {
  const methods: ("password" | "oidc")[] = [];
  if (row.password_hash) methods.push("password");
  if (row.oidc_subject) methods.push("oidc");
  return {
    id: row.id,
    laCode: row.la_code,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    role: asRole(row.role),
    organisationId: row.organisation_id,
    organisationName: extras.organisationName,
    teamId: row.team_id,
    teamName: extras.teamName,
    active: row.active,
    signInMethods: methods,
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
    version: row.version,
  };
}

/** A user's editable fields; the password appears only as whether one is set (and when it changed, by version). */
export function userSnapshot(row: AppUserRow): Record<string, unknown> {
  return {
    displayName: row.display_name,
    email: row.email,
    role: row.role,
    teamId: row.team_id,
    active: row.active,
    hasPassword: row.password_hash !== null,
    oidcSubject: row.oidc_subject,
  };
}
