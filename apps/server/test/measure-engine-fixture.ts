import { randomUUID } from "node:crypto";
import { CP_CATEGORY_CODES, SUPPORTING_FAMILIES_OUTCOME_CODES } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";
import { buildPerson, type Tenant } from "./factories.ts";
import { seededRandom } from "./reports-fixture.ts";

/**
 * A seeded mix of children with records in every table computed measures read (referrals,
 * assessments, s47s and conferences, CP and CIN plans, looked-after episodes, reviews, missing
 * episodes, checks, OC3, early help with goals and closures, contacts), written straight into
 * the tables so the statement triggers mark each child dirty as a real write would.
 */

export interface MixedChild {
  personId: string;
  caseId: string;
  teamId: string | null;
}

const plusDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `count` children, their records dated from April 2023 to before `today`. */
export async function buildMixedChildren(db: Kysely<Database>, tenant: Tenant, teams: readonly (string | null)[], count: number, seed: number, today: string): Promise<MixedChild[]> {
  const rand = seededRandom(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const upTo = (date: string): string | null => (date < today ? date : null);
  const la = tenant.laCode;
  const children: MixedChild[] = [];
  for (let i = 0; i < count; i++) {
    const personId = await buildPerson(db, tenant, { dob: `${String(between(2007, 2022))}-0${String(between(1, 9))}-1${String(between(0, 9))}` });
    const teamId = teams[i % teams.length] ?? null;
    const referred = plusDays("2023-04-01", between(0, 790));
    const caseId = randomUUID();
    const closedOn = rand() < 0.4 ? upTo(plusDays(referred, between(30, 300))) : null;
    await db
      .insertInto("casework_case")
      .values({ la_code: la, id: caseId, kind: "social_care", subject_person_id: personId, title: "Social care", status: closedOn ? "closed" : "open", opened_on: referred, closed_on: closedOn, closure_reason: closedOn ? "RC1" : null, team_id: teamId })
      .execute();
    await db.insertInto("case_member").values({ la_code: la, case_id: caseId, person_id: personId, role: "child" }).execute();
    await db.insertInto("cin_referral").values({ la_code: la, case_id: caseId, person_id: personId, referral_date: referred, referral_source: "2A", primary_need: pick(["N1", "N2", "N3", "N4", "N5"]), closure_date: closedOn, closure_reason: closedOn ? "RC1" : null, created_by: null }).execute();
    const started = plusDays(referred, between(0, 5));
    await db
      .insertInto("cin_assessment")
      .values({ la_code: la, id: randomUUID(), case_id: caseId, person_id: personId, start_date: started, completed_date: upTo(plusDays(started, between(10, 70))), factors: JSON.stringify(["3A"]), primary_need: "N1", created_by: null })
      .execute();
    if (rand() < 0.4) {
      const sdId = randomUUID();
      const s47Id = randomUUID();
      const sdDate = plusDays(referred, between(1, 10));
      await db.insertInto("strategy_discussion").values({ la_code: la, id: sdId, case_id: caseId, person_id: personId, discussion_date: sdDate, attendees: "Police", decision: "s47", created_by: null }).execute();
      const conferenceDate = plusDays(sdDate, between(8, 30));
      await db.insertInto("s47_enquiry").values({ la_code: la, id: s47Id, case_id: caseId, person_id: personId, strategy_discussion_id: sdId, start_date: sdDate, outcome: "icpc", outcome_date: plusDays(sdDate, 5), created_by: null }).execute();
      const category = pick(CP_CATEGORY_CODES);
      const planId = randomUUID();
      await db.insertInto("cp_plan").values({ la_code: la, id: planId, case_id: caseId, person_id: personId, start_date: conferenceDate, initial_category: category, latest_category: category, end_date: closedOn, created_by: null }).execute();
      await db.insertInto("cp_conference").values({ la_code: la, id: randomUUID(), case_id: caseId, person_id: personId, kind: "initial", s47_id: s47Id, cp_plan_id: planId, conference_date: conferenceDate, outcome: "plan", category, created_by: null }).execute();
    } else if (rand() < 0.5) {
      await db.insertInto("cin_plan").values({ la_code: la, id: randomUUID(), case_id: caseId, person_id: personId, start_date: plusDays(started, 30), end_date: closedOn, created_by: null }).execute();
    }
    if (rand() < 0.3) await lookedAfter(db, la, personId, teamId, plusDays(referred, between(20, 90)), today, rand);
    if (rand() < 0.3) await earlyHelp(db, la, personId, teamId, plusDays("2023-04-01", between(0, 700)), today, rand);
    if (rand() < 0.5) await contact(db, la, personId, plusDays(referred, -between(1, 5)), rand() < 0.2);
    children.push({ personId, caseId, teamId });
  }
  return children;
}

async function lookedAfter(db: Kysely<Database>, la: string, personId: string, teamId: string | null, start: string, today: string, rand: () => number): Promise<void> {
  if (start >= today) return;
  const caseId = randomUUID();
  await db.insertInto("casework_case").values({ la_code: la, id: caseId, kind: "looked_after", subject_person_id: personId, title: "Looked after", opened_on: start, team_id: teamId }).execute();
  await db.insertInto("case_member").values({ la_code: la, case_id: caseId, person_id: personId, role: "child" }).execute();
  await db.insertInto("lac_child").values({ la_code: la, person_id: personId, case_id: caseId, iro_id: null, mother: null, mc_dob: null, uasc_ceased: null, prev_perm: null, la_perm: null, date_perm: null }).execute();
  const move = plusDays(start, 40 + Math.floor(rand() * 200));
  const end = rand() < 0.5 ? plusDays(move, 30 + Math.floor(rand() * 200)) : null;
  const episodes = [
    { decom: start, rne: "S", dec: move < today ? move : null, rec: move < today ? "X1" : null },
    ...(move < today ? [{ decom: move, rne: "P", dec: end !== null && end < today ? end : null, rec: end !== null && end < today ? "E13" : null }] : []),
  ];
  for (const e of episodes) {
    await db
      .insertInto("lac_episode")
      .values({ la_code: la, id: randomUUID(), person_id: personId, case_id: caseId, decom: e.decom, rne: e.rne, ls: "C2", cin: "N1", place: "U4", place_provider: "PR1", provider_id: null, dec: e.dec, rec: e.rec, reason_place_change: e.rne === "P" ? "CARPL" : null, home_post: null, pl_post: null, urn: null, pl_la: null, pl_location: null, pl_distance: null })
      .execute();
  }
  for (let r = plusDays(start, 20); r < today && (end === null || r < end); r = plusDays(r, 120)) {
    await db.insertInto("lac_review").values({ la_code: la, id: randomUUID(), person_id: personId, case_id: caseId, status: "held", planned_date: r, review_date: plusDays(r, Math.floor(rand() * 10)), participation_code: "PN1", views_methods: "[]", chair_id: null, summary: null, child_views: null, letter: null, letter_updated_at: null, created_by: null }).execute();
  }
  const check = plusDays(start, 25);
  if (check < today) {
    await db.insertInto("lac_check").values({ la_code: la, id: randomUUID(), person_id: personId, kind: "health_assessment", check_date: check, sdq_score: null, outcome: null, notes: null, created_by: null }).execute();
    await db.insertInto("lac_check").values({ la_code: la, id: randomUUID(), person_id: personId, kind: "sdq", check_date: check, sdq_score: Math.floor(rand() * 30), outcome: null, notes: null, created_by: null }).execute();
    await db.insertInto("lac_missing").values({ la_code: la, id: randomUUID(), person_id: personId, missing_type: "M", start_date: check, end_date: plusDays(check, 1), rhi_offered_on: plusDays(check, 2), rhi_accepted: rand() < 0.5, notes: null, created_by: null }).execute();
  }
  await db.insertInto("lac_oc3").values({ la_code: la, person_id: personId, year: Number(start.slice(0, 4)), in_touch: "YES", activ: "F2", accom: "S", recorded_on: null }).execute();
}

async function earlyHelp(db: Kysely<Database>, la: string, personId: string, teamId: string | null, opened: string, today: string, rand: () => number): Promise<void> {
  const caseId = randomUUID();
  const closed = plusDays(opened, 60 + Math.floor(rand() * 200));
  const isClosed = closed < today;
  await db
    .insertInto("casework_case")
    .values({ la_code: la, id: caseId, kind: "early_help", subject_person_id: personId, title: "Early help", status: isClosed ? "closed" : "open", opened_on: opened, closed_on: isClosed ? closed : null, closure_reason: isClosed ? "outcomes_achieved" : null, team_id: teamId })
    .execute();
  await db.insertInto("case_member").values({ la_code: la, case_id: caseId, person_id: personId, role: "child" }).execute();
  const goals = [0, 1, 2].map(() => ({ id: randomUUID(), outcome: SUPPORTING_FAMILIES_OUTCOME_CODES[Math.floor(rand() * SUPPORTING_FAMILIES_OUTCOME_CODES.length)] ?? "education", met: rand() < 0.6 }));
  for (const g of goals) {
    await db.insertInto("eh_goal").values({ la_code: la, id: g.id, case_id: caseId, outcome: g.outcome, person_id: personId, description: "A goal", target_date: null, status: isClosed ? (g.met ? "met" : "not_met") : "open", created_by: null, updated_at: new Date() }).execute();
  }
  if (isClosed) {
    await db
      .insertInto("eh_closure")
      .values({ la_code: la, id: randomUUID(), case_id: caseId, reason: "outcomes_achieved", closed_on: closed, summary: null, goal_outcomes: JSON.stringify(goals.map((g) => ({ goalId: g.id, status: g.met ? "met" : "not_met" }))), status: "authorised", requested_by: randomUUID(), decided_by: null, decided_at: new Date() })
      .execute();
  }
}

async function contact(db: Kysely<Database>, la: string, personId: string, receivedOn: string, repeat: boolean): Promise<void> {
  const id = randomUUID();
  const received = new Date(`${receivedOn}T10:00:00Z`);
  await db
    .insertInto("contact")
    .values({ la_code: la, id, received_at: received, referral_source: "2A", contact_name: "School", via: "staff", submitted_by: randomUUID(), concerns: "Concerns", described_children: "[]", consent_sharing: "yes", consent_early_help: "yes", due_at: new Date(received.getTime() + 86_400_000), status: "decided", decision: "social_care", decided_at: new Date(received.getTime() + 3_600_000), updated_at: new Date() })
    .execute();
  await db.insertInto("contact_child").values({ la_code: la, contact_id: id, person_id: personId, repeat_referral: repeat }).execute();
}

/** An authority's monthly sums and facts, in key order, for comparing two builds. */
export async function measureSnapshot(db: Kysely<Database>, laCode: string): Promise<{ months: unknown[]; facts: unknown[] }> {
  const months = await db
    .selectFrom("measure_month")
    .select(["measure_id", "team_id", "month", "numerator", "denominator", "subjects"])
    .where("la_code", "=", laCode)
    .orderBy("measure_id")
    .orderBy("team_id")
    .orderBy("month")
    .execute();
  const facts = await db
    .selectFrom("measure_fact")
    .select(["measure_id", "month", "team_id", "person_id", "numerator", "denominator"])
    .where("la_code", "=", laCode)
    .orderBy("measure_id")
    .orderBy("month")
    .orderBy("team_id")
    .orderBy("person_id")
    .execute();
  return { months, facts };
}
