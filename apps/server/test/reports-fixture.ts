import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { buildPerson, type Tenant } from "./factories.ts";

/**
 * Looked-after children written straight into the tables (person, looked-after case, lac_child,
 * episodes, reviews, checks, visit notes), so report tests can lay down exactly the history a
 * hand-computed case needs without going through the recording rules.
 */

export interface LacTestChild {
  laCode: string;
  personId: string;
  caseId: string;
}

export interface EpisodeInput {
  decom: string;
  rne?: string | null;
  ls?: string;
  cin?: string;
  place?: string | null;
  provider?: string | null;
  dec?: string | null;
  rec?: string | null;
  plPost?: string | null;
  urn?: string | null;
}

/** A child with a looked-after case and record; UASC if `uasc`, ceasing to be on `uascCeased`. */
export async function lacChild(db: Kysely<Database>, tenant: Tenant, options: { dob: string | null; uasc?: boolean; uascCeased?: string | null }): Promise<LacTestChild> {
  const personId = await buildPerson(db, tenant, { dob: options.dob });
  if (options.uasc === true) await db.updateTable("person").set({ uasc: true }).where("la_code", "=", tenant.laCode).where("id", "=", personId).execute();
  const caseId = randomUUID();
  await db.insertInto("casework_case").values({ la_code: tenant.laCode, id: caseId, kind: "looked_after", subject_person_id: personId, title: "Looked after", opened_on: "2010-01-01", team_id: tenant.teamId }).execute();
  await db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: caseId, person_id: personId, role: "child" }).execute();
  await db.insertInto("lac_child").values({ la_code: tenant.laCode, person_id: personId, case_id: caseId, iro_id: null, mother: null, mc_dob: null, uasc_ceased: options.uascCeased ?? null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  return { laCode: tenant.laCode, personId, caseId };
}

/** One SSDA903 episode of the child (defaults: RNE S, full care order, abuse or neglect, LA foster care). */
export async function addEpisode(db: Kysely<Database>, child: LacTestChild, e: EpisodeInput): Promise<void> {
  await db
    .insertInto("lac_episode")
    .values({
      la_code: child.laCode,
      id: randomUUID(),
      person_id: child.personId,
      case_id: child.caseId,
      decom: e.decom,
      rne: e.rne === undefined ? "S" : e.rne,
      ls: e.ls ?? "C2",
      cin: e.cin ?? "N1",
      place: e.place === undefined ? "U6" : e.place,
      place_provider: e.provider === undefined ? "PR1" : e.provider,
      provider_id: null,
      dec: e.dec ?? null,
      rec: e.rec ?? null,
      reason_place_change: null,
      home_post: null,
      pl_post: e.plPost ?? null,
      urn: e.urn ?? null,
      pl_la: null,
      pl_location: null,
      pl_distance: null,
    })
    .execute();
}

/**
 * A period of care as a chain of episodes: each step starts the day the one before ends (X1),
 * the last ends on `end` with `rec`, or stays open.
 */
export async function addPeriod(db: Kysely<Database>, child: LacTestChild, steps: (Omit<EpisodeInput, "dec" | "rec">)[], end?: { date: string; rec: string }): Promise<void> {
  for (const [i, step] of steps.entries()) {
    const next = steps[i + 1];
    const dec = next ? next.decom : (end?.date ?? null);
    const rec = next ? "X1" : (end?.rec ?? null);
    await addEpisode(db, child, { rne: i === 0 ? "S" : "P", ...step, dec, rec });
  }
}

/** A review held on `date` with a participation code. */
export async function addReview(db: Kysely<Database>, child: LacTestChild, date: string, code: string | null = "PN1"): Promise<void> {
  await db.insertInto("lac_review").values({ la_code: child.laCode, id: randomUUID(), person_id: child.personId, case_id: child.caseId, status: "held", planned_date: null, review_date: date, participation_code: code, views_methods: "[]", chair_id: null, summary: null, child_views: null, letter: null, letter_updated_at: null, created_by: null }).execute();
}

/** A dated health or education check (health_assessment, dental_check, pep…). */
export async function addCheck(db: Kysely<Database>, child: LacTestChild, kind: string, date: string): Promise<void> {
  await db.insertInto("lac_check").values({ la_code: child.laCode, id: randomUUID(), person_id: child.personId, kind, check_date: date, sdq_score: null, outcome: null, notes: null, created_by: null }).execute();
}

/** A home visit at which the child was seen, as a case note on their looked-after case. */
export async function addVisit(db: Kysely<Database>, child: LacTestChild, date: string): Promise<void> {
  await db
    .insertInto("case_note")
    .values({ la_code: child.laCode, id: randomUUID(), person_id: child.personId, case_id: child.caseId, note_date: date, note_type: "home_visit", present: null, child_seen: true, seen_alone: true, body: "Visit.", locks_at: new Date(), created_by: null, updated_by: null })
    .execute();
}

/** A small seeded random number generator (mulberry32), so a random history is the same each run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const plusDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A plausible random history: one to three periods of care from 2014, each a chain of episodes
 * (changes of legal status, placement and carer, temporary moves with a return to the usual
 * placement), the last period often still open; reviews roughly on schedule, some late, and now
 * and then one with no period of care before it.
 */
export function randomHistory(rand: () => number): { episodes: EpisodeInput[]; reviews: string[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const episodes: EpisodeInput[] = [];
  const reviews = new Set<string>();
  if (rand() < 0.1) reviews.add("2013-06-01");
  let day = plusDays("2014-01-01", between(0, 1700));
  const periods = between(1, 3);
  for (let p = 0; p < periods && day < "2019-03-01"; p++) {
    const start = day;
    const steps = between(1, 6);
    let usual: { place: string; provider: string; plPost: string | null } = { place: "U6", provider: "PR1", plPost: "W2 1AA" };
    let temporary = false;
    const periodEpisodes: EpisodeInput[] = [];
    for (let s = 0; s < steps; s++) {
      let placement = usual;
      let rne = s === 0 ? "S" : pick(["L", "P", "T", "U", "B"]);
      if (temporary) {
        rne = "P";
        temporary = false;
      } else if (s > 0 && s < steps - 1 && rand() < 0.2) {
        placement = { place: "T1", provider: "PR3", plPost: null };
        temporary = true;
      } else if (rne !== "L") {
        placement = usual = { place: pick(["U4", "U6", "K2", "A4", "U3"]), provider: pick(["PR1", "PR4"]), plPost: pick(["W2 1AA", "SW1A 1AA", "N1 9GU"]) };
      }
      periodEpisodes.push({ decom: day, rne, ls: "C2", cin: pick(["N1", "N4", "N8"]), place: placement.place, provider: placement.provider, plPost: placement.plPost });
      day = plusDays(day, between(3, 250));
    }
    const ends = p < periods - 1 || rand() < 0.4;
    for (const [i, e] of periodEpisodes.entries()) {
      const next = periodEpisodes[i + 1];
      episodes.push({ ...e, dec: next ? next.decom : ends ? day : null, rec: next ? "X1" : ends ? pick(["E4A", "E8", "E13"]) : null });
    }
    const until = ends ? day : "2019-06-30";
    for (let r = plusDays(start, between(10, 40)); r <= until; r = plusDays(r, between(60, 200))) reviews.add(r);
    day = plusDays(day, between(20, 300));
  }
  return { episodes, reviews: [...reviews].sort() };
}
