import type { Refusal } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import type { AuditLog } from "../audit-log.ts";

/** What the IRO's records need from the request: the database, who is asking and the audit log. */
export interface IroContext {
  db: Kysely<Database>;
  actor: Actor;
  audit: AuditLog;
}

/** Throws a rule's refusal as a problem (409 state, 422 value), naming the field at fault. */
export function refuse(refusal: Refusal): never {
  throw new HttpProblem(refusal.status, refusal.title, refusal.detail, refusal.field === undefined ? {} : { errors: [{ field: refusal.field, message: refusal.detail }] });
}

/** A 422 for a date after today: the IRO records what has happened. */
export function futureDate(field: string, date: string): HttpProblem {
  return new HttpProblem(422, "Date is in the future", `The date (${date}) cannot be in the future: record what has happened.`, { errors: [{ field, message: "Must be today or in the past" }] });
}
