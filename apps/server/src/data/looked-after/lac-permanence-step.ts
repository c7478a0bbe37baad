import type { Kysely, Transaction } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { loadLacFacts, lockLacChild } from "./lac-health-facts.ts";
import { requireLookedAfterChild } from "./lac-scope.ts";

/** One change to a looked-after child's permanence or leaving care record, inside its transaction. */
export interface PermanenceStep {
  trx: Transaction<Database>;
  actor: Actor;
  laCode: string;
  personId: string;
  person: PersonRow;
  /** The child's looked-after case, for chronology events. */
  caseId: string | null;
  /** The start of the latest period of care, if any. */
  latestPeriodStart: string | null;
}

export interface StepContext {
  db: Kysely<Database>;
  actor: Actor;
  audit: AuditLog;
}

/** 422 naming the field. */
export function unprocessable(field: string, message: string, title = "Check the dates and values"): HttpProblem {
  return new HttpProblem(422, title, message, { errors: [{ field, message }] });
}

/** A day in the child's life: not before they were born. */
export function requireAfterBirth(person: PersonRow, field: string, date: string | null | undefined): void {
  if (date !== null && date !== undefined && person.dob !== null && date < person.dob) throw unprocessable(field, `Must be on or after the child’s date of birth (${person.dob})`);
}

/**
 * Runs one change: scopes the child (404), locks their lac_child row so changes for one child
 * serialise, does the work and appends its audit entries, all in one transaction.
 */
export async function runLacStep(ctx: StepContext, personId: string, work: (step: PermanenceStep) => Promise<AuditEntry[]>): Promise<PersonRow> {
  const { person, lac } = await requireLookedAfterChild(ctx.db, ctx.actor, personId);
  await ctx.db.transaction().execute(async (trx) => {
    await lockLacChild(trx, person.la_code, personId);
    const facts = await loadLacFacts(trx, person.la_code, personId);
    const entries = await work({ trx, actor: ctx.actor, laCode: person.la_code, personId, person, caseId: lac.case_id, latestPeriodStart: facts.latest?.start ?? null });
    await ctx.audit.appendInTransaction(trx, actorForAudit(ctx.actor), entries);
  });
  return person;
}
