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
] as const;
export type Action = (typeof ACTIONS)[number];
