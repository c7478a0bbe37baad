import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { buildPerson, type PersonOptions, type Tenant } from "./factories.ts";

/**
 * Looked-after children for the IRO tests, straight into the database: a looked_after case,
 * lac_child (with the IRO), one SSDA903 episode from the period's start and held reviews.
 */
export interface LookedAfterChild {
  personId: string;
  caseId: string;
  laCode: string;
  /** Held reviews in the order given. */
  reviewIds: string[];
}

export interface LookedAfterOptions extends PersonOptions {
  iroId?: string | null;
  periodStart?: string;
  /** When care ended (REC E11); absent while looked after. */
  ceased?: string;
  place?: string;
  reviews?: string[];
}

/** A child looked after since `periodStart` (default 2023-01-02) in a U6 foster placement. */
export async function buildLookedAfterChild(db: Kysely<Database>, tenant: Tenant, options: LookedAfterOptions = {}): Promise<LookedAfterChild> {
  const personId = await buildPerson(db, tenant, { givenName: options.givenName ?? "Robin", ...options });
  const caseId = randomUUID();
  const start = options.periodStart ?? "2023-01-02";
  const laCode = tenant.laCode;
  await db.insertInto("casework_case").values({ la_code: laCode, id: caseId, kind: "looked_after", subject_person_id: personId, title: "Looked after", status: "open", opened_on: start, allocated_to: null, team_id: tenant.teamId }).execute();
  await db.insertInto("case_member").values({ la_code: laCode, case_id: caseId, person_id: personId, role: "child" }).execute();
  await db.insertInto("lac_child").values({ la_code: laCode, person_id: personId, case_id: caseId, iro_id: options.iroId ?? null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  await db
    .insertInto("lac_episode")
    .values({
      la_code: laCode,
      id: randomUUID(),
      person_id: personId,
      case_id: caseId,
      decom: start,
      rne: "S",
      ls: "C2",
      cin: "N1",
      place: options.place ?? "U6",
      place_provider: "PR1",
      provider_id: null,
      dec: options.ceased ?? null,
      rec: options.ceased === undefined ? null : "E11",
      reason_place_change: null,
      home_post: null,
      pl_post: null,
      urn: null,
      pl_la: null,
      pl_location: null,
      pl_distance: null,
      created_by: null,
    })
    .execute();
  const reviewIds: string[] = [];
  for (const date of options.reviews ?? []) reviewIds.push(await buildReview(db, { personId, caseId, laCode }, date));
  return { personId, caseId, laCode, reviewIds };
}

/** A review of the child: held on `date`, or (status scheduled) planned for it. */
export async function buildReview(db: Kysely<Database>, child: Pick<LookedAfterChild, "personId" | "caseId" | "laCode">, date: string, status: "held" | "scheduled" = "held"): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("lac_review")
    .values({
      la_code: child.laCode,
      id,
      person_id: child.personId,
      case_id: child.caseId,
      status,
      planned_date: date,
      review_date: status === "held" ? date : null,
      participation_code: status === "held" ? "PN1" : null,
      views_methods: "[]",
      chair_id: null,
      summary: null,
      child_views: null,
      letter: null,
      letter_updated_at: null,
      created_by: null,
    })
    .execute();
  return id;
}
