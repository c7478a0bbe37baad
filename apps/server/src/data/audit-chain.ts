import { createHash } from "node:crypto";
import type { AuditEventTable } from "../db/database-types.ts";

/**
 * The hash chain of the audit log: each event's hash covers its content and the hash of the
 * event before it in the same authority's log, so altering or removing any event breaks
 * every link after it.
 */
export const GENESIS_HASH = "0".repeat(64);

/**
 * What an event's hash covers: every column of audit_event except the hash itself, with the
 * time as the ISO string that was hashed and details as the object before storage.
 */
export type ChainedFields = Omit<AuditEventTable, "occurred_at" | "details" | "hash"> & {
  occurred_at: string;
  details: unknown;
};

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
