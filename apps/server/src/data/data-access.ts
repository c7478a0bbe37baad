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
import { ImportRepository } from "./import-repository.ts";
import type { AuditLog } from "./audit-log.ts";
import { PersonLinksRepository } from "./person-links-repository.ts";
import { PersonRepository } from "./person-repository.ts";
import { searchPeople } from "./person-search.ts";
import type { ReferenceCache } from "./reference-cache.ts";
import { SharedServiceRepository } from "./shared-service-repository.ts";
import { SharingRepository } from "./sharing-repository.ts";
import { SocialCareRepository } from "./social-care/social-care-repository.ts";
import { LookedAfterRepository } from "./looked-after/looked-after-repository.ts";
import { LacMissingRepository } from "./looked-after/lac-missing-repository.ts";
import { LacReviewRepository } from "./looked-after/lac-review-repository.ts";
import { PlacementProviderRepository } from "./looked-after/placement-provider-repository.ts";
import { SupervisionRepository } from "./supervision/supervision-repository.ts";
import { ReportRepository } from "./reports/report-repository.ts";
import { GovernanceRepository } from "./governance/governance-repository.ts";
import { ReturnRepository } from "./returns/return-repository.ts";
import { MeasureRepository } from "./measures/measure-repository.ts";
import { FigureRepository } from "./measures/figure-repository.ts";
import { IroRepository } from "./looked-after/iro-repository.ts";
import { LacHealthRepository } from "./looked-after/lac-health-repository.ts";
import { LacLeavingCareRepository } from "./looked-after/lac-leaving-care-repository.ts";
import { LacPermanenceRepository } from "./looked-after/lac-permanence-repository.ts";

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
    lookedAfter: new LookedAfterRepository(db, actor, audit),
    iro: new IroRepository(db, actor, audit),
    lacMissing: new LacMissingRepository(db, actor, audit),
    lacHealth: new LacHealthRepository(db, actor, audit),
    lacPermanence: new LacPermanenceRepository(db, actor, audit),
    lacLeavingCare: new LacLeavingCareRepository(db, actor, audit),
    lacReviews: new LacReviewRepository(db, actor, audit),
    placementProviders: new PlacementProviderRepository(db, actor, audit),
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
    imports: new ImportRepository(db, actor, audit),
    reports: new ReportRepository(db, actor, audit),
    governance: new GovernanceRepository(db, actor, audit),
    returns: new ReturnRepository(db, actor, audit),
    measures: new MeasureRepository(db, actor, audit),
    measureFigures: new FigureRepository(db, actor, audit),
  };
}

export type DataAccess = ReturnType<typeof createDataAccess>;
