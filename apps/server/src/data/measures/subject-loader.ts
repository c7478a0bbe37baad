import type { SubjectCase, SubjectEarlyHelp, SubjectRecords } from "@family-story/domain";
import { toLondonDateTime } from "@family-story/domain";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";

/**
 * Loads everything computed measures read about a batch of children (docs/architecture.md,
 * "Measures"), set-based: one query per table for the whole batch, never one per child, so a
 * batch of thousands costs a few dozen index scans. Rows on a case (assessments, plans,
 * conferences) are found through the children's cases, whose indexes lead with the case.
 */
export async function loadSubjects(db: Kysely<Database>, laCode: string, personIds: readonly string[]): Promise<SubjectRecords[]> {
  if (personIds.length === 0) return [];
  const ids = anyUuid(personIds);
  const people = await db.selectFrom("person").select(["id", "dob", "sex", "uasc"]).where("la_code", "=", laCode).where("id", "=", ids).orderBy("id").execute();
  const cases = await loadCases(db, laCode, personIds);
  const caseIds = anyUuid([...new Set(cases.map((c) => c.id))]);
  const onCase = <T extends { person_id: string }>(rows: T[]): Map<string, T[]> => groupBy(rows, (r) => r.person_id);

  const [contacts, referrals, assessments, discussions, s47s, conferences, cpPlans, cinPlans, episodes, reviews, missing, checks, oc3] = await Promise.all([
    db
      .selectFrom("contact_child as cc")
      .innerJoin("contact as c", (j) => j.onRef("c.la_code", "=", "cc.la_code").onRef("c.id", "=", "cc.contact_id"))
      .select(["cc.person_id", "c.received_at", "c.decision", "c.decided_at", "cc.repeat_referral", "c.team_id"])
      .where("cc.la_code", "=", laCode)
      .where("cc.person_id", "=", ids)
      .orderBy("c.received_at")
      .execute(),
    db.selectFrom("cin_referral").select(["person_id", "case_id", "referral_date", "primary_need", "nfa", "closure_date"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy("referral_date").execute(),
    db.selectFrom("cin_assessment").select(["person_id", "case_id", "start_date", "completed_date", "primary_need"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("start_date").execute(),
    db.selectFrom("strategy_discussion").select(["person_id", "id", "case_id", "discussion_date"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("discussion_date").execute(),
    db.selectFrom("s47_enquiry").select(["person_id", "id", "case_id", "strategy_discussion_id", "start_date", "outcome", "outcome_date"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("start_date").execute(),
    db.selectFrom("cp_conference").select(["person_id", "case_id", "kind", "s47_id", "conference_date", "outcome"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("conference_date").execute(),
    db.selectFrom("cp_plan").select(["person_id", "case_id", "start_date", "end_date", "latest_category"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("start_date").execute(),
    db.selectFrom("cin_plan").select(["person_id", "case_id", "start_date", "end_date"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).where("person_id", "=", ids).orderBy("start_date").execute(),
    db.selectFrom("lac_episode").select(["person_id", "case_id", "decom", "rne", "ls", "cin", "place", "dec", "rec", "reason_place_change", "place_provider", "pl_post", "urn", "provider_id"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy("decom").execute(),
    db.selectFrom("lac_review").select(["person_id", "case_id", "status", "planned_date", "review_date"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy(sql`coalesce(review_date, planned_date)`).execute(),
    db.selectFrom("lac_missing").select(["person_id", "missing_type", "start_date", "end_date", "rhi_offered_on", "rhi_accepted"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy("start_date").execute(),
    db.selectFrom("lac_check").select(["person_id", "kind", "check_date", "sdq_score", "outcome"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy("check_date").execute(),
    db.selectFrom("lac_oc3").select(["person_id", "year", "in_touch", "activ", "accom", "recorded_on"]).where("la_code", "=", laCode).where("person_id", "=", ids).orderBy("year").execute(),
  ]);
  const earlyHelp = await loadEarlyHelp(db, laCode, cases);

  const byPerson = {
    cases: groupBy(cases, (c) => c.person_id),
    contacts: onCase(contacts),
    referrals: onCase(referrals),
    assessments: onCase(assessments),
    discussions: onCase(discussions),
    s47s: onCase(s47s),
    conferences: onCase(conferences),
    cpPlans: onCase(cpPlans),
    cinPlans: onCase(cinPlans),
    episodes: onCase(episodes),
    reviews: onCase(reviews),
    missing: onCase(missing),
    checks: onCase(checks),
    oc3: onCase(oc3),
  };
  const of = <T>(map: Map<string, T[]>, id: string): T[] => map.get(id) ?? [];
  return people.map((p) => ({
    personId: p.id,
    laCode,
    dob: p.dob,
    sex: p.sex,
    uasc: p.uasc,
    cases: of(byPerson.cases, p.id).map(({ person_id: _, ...c }) => c),
    referrals: of(byPerson.referrals, p.id).map((r) => ({ caseId: r.case_id, referralDate: r.referral_date, primaryNeed: r.primary_need, nfa: r.nfa, closureDate: r.closure_date })),
    assessments: of(byPerson.assessments, p.id).map((a) => ({ caseId: a.case_id, startDate: a.start_date, completedDate: a.completed_date, primaryNeed: a.primary_need })),
    strategyDiscussions: of(byPerson.discussions, p.id).map((d) => ({ id: d.id, caseId: d.case_id, discussionDate: d.discussion_date })),
    s47s: of(byPerson.s47s, p.id).map((s) => ({ id: s.id, caseId: s.case_id, strategyDiscussionId: s.strategy_discussion_id, startDate: s.start_date, outcome: s.outcome, outcomeDate: s.outcome_date })),
    conferences: of(byPerson.conferences, p.id).map((c) => ({ caseId: c.case_id, kind: c.kind, s47Id: c.s47_id, conferenceDate: c.conference_date, outcome: c.outcome })),
    cpPlans: of(byPerson.cpPlans, p.id).map((c) => ({ caseId: c.case_id, startDate: c.start_date, endDate: c.end_date, category: c.latest_category })),
    cinPlans: of(byPerson.cinPlans, p.id).map((c) => ({ caseId: c.case_id, startDate: c.start_date, endDate: c.end_date })),
    episodes: of(byPerson.episodes, p.id).map((e) => ({ caseId: e.case_id, decom: e.decom, rne: e.rne, ls: e.ls, cin: e.cin, place: e.place, dec: e.dec, rec: e.rec, reasonPlaceChange: e.reason_place_change, placeProvider: e.place_provider, plPost: e.pl_post, urn: e.urn, providerId: e.provider_id })),
    lacReviews: of(byPerson.reviews, p.id).map((r) => ({ caseId: r.case_id, status: r.status, plannedDate: r.planned_date, reviewDate: r.review_date })),
    missing: of(byPerson.missing, p.id).map((m) => ({ missingType: m.missing_type ?? "", startDate: m.start_date, endDate: m.end_date, rhiOfferedOn: m.rhi_offered_on, rhiAccepted: m.rhi_accepted })),
    checks: of(byPerson.checks, p.id).map((c) => ({ kind: c.kind, checkDate: c.check_date, sdqScore: c.sdq_score, outcome: c.outcome })),
    oc3: of(byPerson.oc3, p.id).map((o) => ({ year: o.year, inTouch: o.in_touch, activ: o.activ, accom: o.accom, recordedOn: o.recorded_on })),
    earlyHelp: earlyHelp.get(p.id) ?? [],
    contacts: of(byPerson.contacts, p.id).map((c) => ({ receivedOn: londonDate(c.received_at), decision: c.decision, decidedOn: c.decided_at ? londonDate(c.decided_at) : null, repeatReferral: c.repeat_referral, teamId: c.team_id })),
  }));
}

type LoadedCase = SubjectCase & { person_id: string; subjectPersonId: string };

/** Every case each child is the subject or a member of, in the order they opened. */
async function loadCases(db: Kysely<Database>, laCode: string, personIds: readonly string[]): Promise<LoadedCase[]> {
  const ids = anyUuid(personIds);
  const links = db
    .selectFrom("casework_case")
    .select(["subject_person_id as person_id", "id as case_id"])
    .where("la_code", "=", laCode)
    .where("subject_person_id", "=", ids)
    .union(db.selectFrom("case_member").select(["person_id", "case_id"]).where("la_code", "=", laCode).where("person_id", "=", ids));
  const rows = await db
    .selectFrom(links.as("k"))
    .innerJoin("casework_case as c", (j) => j.on("c.la_code", "=", laCode).onRef("c.id", "=", "k.case_id"))
    .select(["k.person_id", "c.id", "c.kind", "c.team_id", "c.opened_on", "c.closed_on", "c.closure_reason", "c.subject_person_id"])
    .orderBy("k.person_id")
    .orderBy("c.opened_on")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => ({ person_id: r.person_id, id: r.id, kind: r.kind, teamId: r.team_id, openedOn: r.opened_on, closedOn: r.closed_on, closureReason: r.closure_reason, subjectPersonId: r.subject_person_id }));
}

/**
 * Each child's early help episodes: the early_help cases they are the subject of, with the family
 * plan's goals and the approved (authorised) closure, the latest when a case was reopened.
 */
async function loadEarlyHelp(db: Kysely<Database>, laCode: string, cases: readonly LoadedCase[]): Promise<Map<string, SubjectEarlyHelp[]>> {
  const led = cases.filter((c) => c.kind === "early_help" && c.subjectPersonId === c.person_id);
  const out = new Map<string, SubjectEarlyHelp[]>();
  if (led.length === 0) return out;
  const caseIds = anyUuid(led.map((c) => c.id));
  const [goals, closures] = await Promise.all([
    db.selectFrom("eh_goal").select(["case_id", "outcome", "status"]).where("la_code", "=", laCode).where("case_id", "=", caseIds).orderBy("case_id").orderBy("created_at").orderBy("id").execute(),
    db
      .selectFrom("eh_closure")
      .select(["case_id", "closed_on", "reason", "goal_outcomes"])
      .where("la_code", "=", laCode)
      .where("case_id", "=", caseIds)
      .where("status", "=", "authorised")
      .orderBy("case_id")
      .orderBy("decided_at")
      .orderBy("requested_at")
      .execute(),
  ]);
  const goalsByCase = groupBy(goals, (g) => g.case_id);
  // Ordered by decision: the last one seen for a case is its latest approved closure.
  const closureByCase = new Map(closures.map((c) => [c.case_id, c]));
  for (const c of led) {
    const closure = closureByCase.get(c.id);
    const episode: SubjectEarlyHelp = {
      caseId: c.id,
      teamId: c.teamId,
      openedOn: c.openedOn,
      closedOn: c.closedOn,
      goals: (goalsByCase.get(c.id) ?? []).map((g) => ({ outcome: g.outcome, status: g.status })),
      closure: closure ? { closedOn: closure.closed_on, reason: closure.reason, goalOutcomes: Object.fromEntries(closure.goal_outcomes.map((o) => [o.goalId, o.status])) } : null,
    };
    const list = out.get(c.person_id);
    if (list) list.push(episode);
    else out.set(c.person_id, [episode]);
  }
  return out;
}

/** The calendar date in England of a stored instant (contacts are received at a time of day). */
function londonDate(instant: Date): string {
  return toLondonDateTime(instant.toISOString()).date;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}
