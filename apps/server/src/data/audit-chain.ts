import { createHash } from "node:crypto";

/**
 * The hash chain of the audit log: each event's hash covers its content and the hash of the
 * event before it in the same authority's log, so altering or removing any event breaks
 * every link after it.
 */
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  la_code: string;
  seq: number;
  id: string;
  occurred_at: string;
  request_id: string | null;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  actor_organisation_name: string | null;
  actor_la_code: string | null;
  action: string;
  outcome: string;
  person_id: string | null;
  entity: string | null;
  entity_id: string | null;
  reason: string | null;
  details: unknown;
  prev_hash: string;
}

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  // JSON.stringify(undefined) gives undefined, not a string: write it as null.
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The SHA-256 of an event's canonical content, including the previous hash. */
export function hashEvent(fields: ChainedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}
