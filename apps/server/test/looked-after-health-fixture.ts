import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { buildPerson, type Tenant } from "./factories.ts";

/** One SSDA903 episode for a test child. */
export interface TestEpisode {
  decom: string;
  dec?: string | null;
  rec?: string | null;
  rne?: string;
  ls?: string;
  place?: string;
}

/**
 * A looked-after child straight into the database (a `looked_after` case, the lac_child row and
 * their episodes), so these tests do not depend on the looked-after core's API.
 */
export async function buildLookedAfterChild(
  db: Kysely<Database>,
  tenant: Tenant,
  options: { dob?: string | null; allocatedTo?: string | null; episodes?: TestEpisode[]; caseStatus?: "open" | "closed" } = {},
): Promise<{ personId: string; caseId: string }> {
  const dob = options.dob === undefined ? "2015-06-01" : options.dob;
  const personId = await buildPerson(db, tenant, { givenName: "Robin", familyName: `Carer${randomUUID().slice(0, 5)}`, dob });
  const episodes = options.episodes ?? [{ decom: "2024-01-08" }];
  const caseId = randomUUID();
  await db
    .insertInto("casework_case")
    .values({ la_code: tenant.laCode, id: caseId, kind: "looked_after", subject_person_id: personId, title: "Looked after", status: options.caseStatus ?? "open", opened_on: episodes[0]?.decom ?? "2024-01-08", allocated_to: options.allocatedTo ?? null, team_id: tenant.teamId })
    .execute();
  await db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: caseId, person_id: personId, role: "child" }).execute();
  await db.insertInto("lac_child").values({ la_code: tenant.laCode, person_id: personId, case_id: caseId, iro_id: null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  for (const [i, e] of episodes.entries()) {
    await db
      .insertInto("lac_episode")
      .values({
        la_code: tenant.laCode,
        id: randomUUID(),
        person_id: personId,
        case_id: caseId,
        decom: e.decom,
        rne: e.rne ?? (i === 0 ? "S" : "P"),
        ls: e.ls ?? "C2",
        cin: "N1",
        place: e.place ?? "U6",
        place_provider: "PR1",
        provider_id: null,
        dec: e.dec ?? null,
        rec: e.rec ?? null,
        reason_place_change: null,
        home_post: null,
        pl_post: null,
        urn: null,
        pl_la: null,
        pl_location: null,
        pl_distance: null,
      })
      .execute();
  }
  return { personId, caseId };
}

/** The child's open work items of the given kind (at most one per kind). */
export async function openItem(db: Kysely<Database>, tenant: Tenant, personId: string, kind: string) {
  return db.selectFrom("work_item").select(["kind", "due_date", "status", "assigned_to", "case_id", "team_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", personId).where("kind", "=", kind).where("status", "=", "open").executeTakeFirst();
}
