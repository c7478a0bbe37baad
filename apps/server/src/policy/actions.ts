/**
 * Every action an endpoint can require. A route names exactly one; the policy decides which
 * roles hold it. Adding an action here grants it to nobody until policy.ts says so.
 */
export const ACTIONS = [
  "session:self",
  "person:search",
  "person:read",
  "person:create",
  "person:update",
  "person:restrict",
  "relationship:write",
  "address:write",
  "sharing:read",
  "sharing:write",
  "audit:read",
  "audit:verify",
  "admin:read",
  "admin:write",
  // Casework: cases and everything recorded in them (scoped through the case's child).
  "case:read",
  "case:write",
  "case:allocate",
  "case:authorise",
  // The social care record itself (strategy discussions, s47, conferences): staff only.
  "social-care:read",
  // The front door: the queue of contacts, recording them, and deciding them.
  "contact:read",
  "contact:create",
  "contact:decide",
  // A partner's request for support from their own sign-in.
  "request:submit",
  // Tasks and actions: a partner updates only those they own (checked in the data layer).
  "task:update",
  // Case notes and the chronology: practitioners' own records of visits, not for partners.
  "note:read",
  "supervision:read",
  "supervision:write",
  "settings:read",
  "settings:write",
  // Children looked after and care leavers: the episodes, placements, health, education and
  // leaving-care record (staff only).
  "lac:read",
  "lac:write",
  // The independent reviewing service: scheduling and recording reviews, the letter to the
  // child, mid-point monitoring, disputes and quality assurance are the IRO's own records.
  "iro:read",
  "iro:write",
  // Aggregate reports (the IRO annual report, placement stability, timeliness).
  "report:read",
  // Bringing a council's history in (SSDA903 files).
  "import:run",
  // Preparing the statutory returns (SSDA903, CIN census) from an authority's whole casework.
  "return:prepare",
  // The outcomes framework: reading measures and dashboards (drill-down to children still goes
  // through person scope), and entering external figures, baselines and targets.
  "measure:read",
  "measure:write",
  // Strategy priorities and actions, committees' work programmes, actions and recommendations.
  "governance:read",
  "governance:write",
] as const;
export type Action = (typeof ACTIONS)[number];
