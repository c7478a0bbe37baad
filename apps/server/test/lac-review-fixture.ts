import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { buildPerson, type PersonOptions, type Tenant } from "./factories.ts";

/** A looked-after child as the review tests need one: the case, the record and their episodes. */
export interface LookedAfterChild {
  personId: string;
  caseId: string;
  laCode: string;
}

export interface LookedAfterOptions {
  /** The day the period of care started (the first episode's DECOM, RNE S). */
  start: string;
  /** When given, the period ended that day (REC E13, returned home). */
  end?: string;
  /** A later placement change (RNE P) on this day, continuing the same period. */
  placementChangeOn?: string;
  iroId?: string | null;
  allocatedTo?: string | null;
  person?: PersonOptions & { preferredName?: string };
  /** An existing person to make looked after. */
  personId?: string;
}

/**
 * Inserts a looked-after child straight into the database: an open `looked_after` case (the
 * child its member), lac_child with the IRO, and SSDA903 episodes from the period's start.
 */
export async function buildLookedAfterChild(db: Kysely<Database>, tenant: Tenant, options: LookedAfterOptions): Promise<LookedAfterChild> {
  const laCode = tenant.laCode;
  const personId = options.personId ?? (await buildPerson(db, tenant, { dob: "2012-05-01", ...options.person }));
  if (options.person?.preferredName !== undefined) await db.updateTable("person").set({ preferred_name: options.person.preferredName }).where("la_code", "=", laCode).where("id", "=", personId).execute();
  const caseId = randomUUID();
  await db.insertInto("casework_case").values({ la_code: laCode, id: caseId, kind: "looked_after", subject_person_id: personId, title: "Looked after", status: "open", opened_on: options.start, allocated_to: options.allocatedTo ?? null, team_id: tenant.teamId }).execute();
  await db.insertInto("case_member").values({ la_code: laCode, case_id: caseId, person_id: personId, role: "child" }).execute();
  await db.insertInto("lac_child").values({ la_code: laCode, person_id: personId, case_id: caseId, iro_id: options.iroId ?? null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  const episode = (decom: string, rne: string, dec: string | null, rec: string | null) => ({
    la_code: laCode,
    id: randomUUID(),
    person_id: personId,
    case_id: caseId,
    decom,
    rne,
    ls: "C2",
    cin: "N1",
    place: "U1",
    place_provider: "PR1",
    dec,
    rec,
  });
  const change = options.placementChangeOn;
  if (change === undefined) {
    await db.insertInto("lac_episode").values(episode(options.start, "S", options.end ?? null, options.end === undefined ? null : "E13")).execute();
  } else {
    await db.insertInto("lac_episode").values([episode(options.start, "S", change, "X1"), episode(change, "P", options.end ?? null, options.end === undefined ? null : "E13")]).execute();
  }
  return { personId, caseId, laCode };
}
