import type { PersonSearchQuery } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import type { Actor } from "./actor.ts";
import { AdminRepository } from "./admin-repository.ts";
import { AdminUserRepository } from "./admin-user-repository.ts";
import { AuditRepository } from "./audit-repository.ts";
import { CaseNoteRepository } from "./case-notes/case-note-repository.ts";
import { ChronologyRepository } from "./case-notes/chronology-repository.ts";
import { CaseRepository } from "./casework/case-repository.ts";
import { EarlyHelpRepository } from "./early-help/early-help-repository.ts";
import { SettingsRepository } from "./casework/settings-repository.ts";
import { WorkTrayRepository } from "./casework/work-tray-repository.ts";
import { FrontDoorRepository } from "./front-door/front-door-repository.ts";
import type { AuditLog } from "./audit-log.ts";
import { PersonLinksRepository } from "./person-links-repository.ts";
import { PersonRepository } from "./person-repository.ts";
import { searchPeople } from "./person-search.ts";
import type { ReferenceCache } from "./reference-cache.ts";
import { SharedServiceRepository } from "./shared-service-repository.ts";
import { SharingRepository } from "./sharing-repository.ts";
import { SocialCareRepository } from "./social-care/social-care-repository.ts";
import { SupervisionRepository } from "./supervision/supervision-repository.ts";

/** Service settings some repositories need. */
export interface DataAccessOptions {
  /** The configured OpenID Connect issuer, recorded with a single sign-on identity an administrator sets. */
  oidcIssuer?: string | null;
}

/**
 * The request-scoped data layer: built for one actor, it is the only way a route reaches
 * data. Each repository applies the record-level scope and appends the audit events itself.
 */
export function createDataAccess(db: Kysely<Database>, actor: Actor, audit: AuditLog, refs: ReferenceCache, options: DataAccessOptions = {}) {
  const people = new PersonRepository(db, actor, audit, refs);
  const cases = new CaseRepository(db, actor, audit);
  return {
    cases,
    socialCare: new SocialCareRepository(db, actor, audit, cases),
    earlyHelp: new EarlyHelpRepository(db, actor, audit, cases),
    workTray: new WorkTrayRepository(db, actor, audit, cases),
    settings: new SettingsRepository(db, actor, audit),
    caseNotes: new CaseNoteRepository(db, actor, audit, cases, people),
    chronology: new ChronologyRepository(db, actor, audit, people),
    supervision: new SupervisionRepository(db, actor, audit, cases),
    frontDoor: new FrontDoorRepository(db, actor, audit, people),
    people,
    personLinks: new PersonLinksRepository(db, actor, audit, refs, people),
    sharing: new SharingRepository(db, actor, audit, refs, people),
    searchPeople: (query: PersonSearchQuery) => searchPeople(db, actor, audit, query),
    admin: new AdminRepository(db, actor, audit),
    adminUsers: new AdminUserRepository(db, actor, audit, options.oidcIssuer ?? null),
    sharedServices: new SharedServiceRepository(db, actor, audit),
    auditLog: new AuditRepository(db, actor, audit),
  };
}

export type DataAccess = ReturnType<typeof createDataAccess>;
