import type { Role } from "@family-story/domain";
import type { Action } from "./actions.ts";

/**
 * The one place that says who may do what. Deny by default: a role holds only the actions
 * listed for it. Record-level scoping (which people) lives in data/person-scope.ts and is
 * applied by the data-access layer on every query.
 */
const CASEWORK: readonly Action[] = [
  "session:self",
  "person:search",
  "person:read",
  "person:create",
  "person:update",
  "relationship:write",
  "address:write",
  "sharing:read",
  "sharing:write",
  "case:read",
  "case:write",
  "contact:read",
  "contact:create",
  "request:submit",
  "task:update",
  "note:read",
  "social-care:read",
  "supervision:read",
  "settings:read",
  "lac:read",
  "lac:write",
];

const GRANTS: Record<Role, readonly Action[]> = {
  practitioner: CASEWORK,
  // Managers allocate, authorise, decide at the front door and record supervision.
  team_manager: [...CASEWORK, "person:restrict", "case:allocate", "case:authorise", "contact:decide", "supervision:write", "iro:read", "report:read", "measure:read", "governance:read"],
  // IROs chair reviews and keep their own records; they read the service's reports.
  iro: [...CASEWORK, "iro:read", "iro:write", "report:read"],
  youth_justice_worker: CASEWORK,
  // Partners read only people shared with their organisation; they ask for support and
  // update the Team Around the Family actions they own, and change nothing else.
  partner_practitioner: ["session:self", "person:search", "person:read", "case:read", "request:submit", "task:update"],
  // Analysts follow a finding to a child's record to check it, but do not edit.
  performance_analyst: ["session:self", "person:search", "person:read", "case:read", "note:read", "social-care:read", "settings:read", "lac:read", "iro:read", "report:read", "return:prepare", "measure:read", "measure:write", "governance:read", "governance:write"],
  // Administrators set the authority's local standards (visit frequency, review interval).
  administrator: ["session:self", "admin:read", "admin:write", "settings:read", "settings:write", "import:run"],
  auditor: ["session:self", "audit:read", "audit:verify", "admin:read"],
  // Directors, heads of service and board members: the outcomes, the strategy and committee
  // trackers, and the records behind a number as person scope allows.
  leader: ["session:self", "person:search", "person:read", "case:read", "report:read", "measure:read", "governance:read", "governance:write"],
};

/** True when the role holds the action. */
export function roleCan(role: Role, action: Action): boolean {
  return GRANTS[role].includes(action);
}

/** The actions a role holds, for the session response and the security documentation. */
export function actionsFor(role: Role): Action[] {
  return [...GRANTS[role]];
}

/** Roles that work records across the whole authority (as opposed to partner sharing). */
export function hasAuthorityWideScope(role: Role): boolean {
  switch (role) {
    case "practitioner":
    case "team_manager":
    case "iro":
    case "youth_justice_worker":
    case "performance_analyst":
    case "leader":
      return true;
    case "partner_practitioner":
    case "administrator":
    case "auditor":
      return false;
  }
}
