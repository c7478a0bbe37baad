import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { caseSnapshot, insertCase } from "../casework/case-repository.ts";
import { recordVersion } from "../versioning.ts";
import type { LacChildRow } from "./lac-scope.ts";

/** What opening (or reopening) a child's looked-after case needs. */
export interface EnsureLookedAfterInput {
  laCode: string;
  personId: string;
  /** The day care starts: the case's opening date when a new case is opened. */
  openedOn: string;
  /** The child's social worker; defaults to the recording worker when they hold casework. */
  allocatedTo?: string | null;
  teamId?: string | null;
  /** Set only when given: an existing IRO is kept otherwise. */
  iroId?: string | null;
}

/** The child's looked-after case and record, and whether either was created or reopened now. */
export interface LookedAfterCase {
  caseRow: CaseRow;
  lac: LacChildRow;
  created: boolean;
  reopened: boolean;
}

const CASEWORKERS = ["practitioner", "team_manager", "iro", "youth_justice_worker"];

/**
 * 422 unless the user is an active caseworker of an authority the actor works, or, for an IRO,
 * an active IRO of the child's own authority (as assigning one later requires).
 */
export async function requireWorker(trx: Transaction<Database>, actor: Actor, userId: string, field: "allocatedTo" | "iroId", laCode: string): Promise<{ id: string; team_id: string | null }> {
  const user = await trx.selectFrom("app_user").select(["id", "team_id", "active", "role", "la_code"]).where("id", "=", userId).executeTakeFirst();
  const roles = field === "iroId" ? ["iro"] : CASEWORKERS;
  const ownAuthority = field === "iroId" ? user?.la_code === laCode : user !== undefined && actor.scopeLaCodes.includes(user.la_code);
  if (!user || !user.active || !ownAuthority || !roles.includes(user.role)) {
    const message = field === "iroId" ? "Not an independent reviewing officer of this authority" : "Not someone this case can be allocated to";
    throw new HttpProblem(422, field === "iroId" ? "Choose an IRO" : "Cannot allocate to that person", `${message}.`, { errors: [{ field, message }] });
  }
  return { id: user.id, team_id: user.team_id };
}

/**
 * Finds or opens the child's `looked_after` case and their lac_child record, inside the
 * caller's transaction. An existing case is reused (and reopened if it was closed); the child
 * is the case's member with role 'child'; the case is allocated to the given worker or else to
 * the recording worker. Locks the lac_child row so episode changes for one child serialise.
 * The caller audits and records the chronology event.
 */
export async function ensureLookedAfterCase(trx: Transaction<Database>, actor: Actor, input: EnsureLookedAfterInput): Promise<LookedAfterCase> {
  const allocated = input.allocatedTo === undefined || input.allocatedTo === null ? null : await requireWorker(trx, actor, input.allocatedTo, "allocatedTo", input.laCode);
  if (input.iroId !== undefined && input.iroId !== null) await requireWorker(trx, actor, input.iroId, "iroId", input.laCode);
  const existing = await trx.selectFrom("lac_child").selectAll().where("la_code", "=", input.laCode).where("person_id", "=", input.personId).forUpdate().executeTakeFirst();
  const found = existing
    ? await trx.selectFrom("casework_case").selectAll().where("la_code", "=", input.laCode).where("id", "=", existing.case_id).executeTakeFirst()
    : await trx
        .selectFrom("casework_case")
        .selectAll()
        .where("la_code", "=", input.laCode)
        .where("kind", "=", "looked_after")
        .where("subject_person_id", "=", input.personId)
        .orderBy("opened_on", "desc")
        .executeTakeFirst();
  let caseRow: CaseRow;
  let reopened = false;
  if (found) {
    caseRow = found;
    if (found.status !== "open") {
      caseRow = await trx
        .updateTable("casework_case")
        .set((eb) => ({ status: "open", closed_on: null, closure_reason: null, updated_at: new Date(), version: eb("version", "+", 1), ...(allocated ? { allocated_to: allocated.id, team_id: allocated.team_id ?? found.team_id } : {}) }))
        .where("la_code", "=", input.laCode)
        .where("id", "=", found.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, actor, input.laCode, "case", caseRow.id, caseRow.version, caseSnapshot(caseRow));
      reopened = true;
    }
  } else {
    const worker = allocated ?? (CASEWORKERS.includes(actor.role) ? { id: actor.userId, team_id: actor.teamId } : null);
    caseRow = await insertCase(trx, actor, {
      laCode: input.laCode,
      kind: "looked_after",
      subjectPersonId: input.personId,
      title: "Looked after",
      openedOn: input.openedOn,
      allocatedTo: worker?.id ?? null,
      teamId: input.teamId ?? worker?.team_id ?? actor.teamId,
      members: [],
    });
  }
  if (existing) {
    const iroChanged = input.iroId !== undefined && input.iroId !== existing.iro_id;
    if (!iroChanged && existing.case_id === caseRow.id) return { caseRow, lac: existing, created: false, reopened };
    const lac = await trx
      .updateTable("lac_child")
      .set((eb) => ({ case_id: caseRow.id, iro_id: iroChanged ? (input.iroId ?? null) : existing.iro_id, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("la_code", "=", input.laCode)
      .where("person_id", "=", input.personId)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { caseRow, lac, created: !found, reopened };
  }
  const lac = await trx
    .insertInto("lac_child")
    .values({ la_code: input.laCode, person_id: input.personId, case_id: caseRow.id, iro_id: input.iroId ?? null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { caseRow, lac, created: !found, reopened };
}
