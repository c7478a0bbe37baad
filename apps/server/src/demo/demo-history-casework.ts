import { ASSESSMENT_FACTORS, addCalendarDays, addCalendarMonths } from "@family-story/domain";
import { dayBetween, earlier, trending, workingDaysAfter, type HistoryChild, type HistoryContext } from "./demo-history-rows.ts";

/**
 * The front door, social care and early help part of the demo's history: contacts decided
 * (mostly the next working day), referrals (some again within 12 months), assessments (most
 * within 45 working days), strategy discussions, s47 enquiries and initial conferences (most
 * within 15 working days), child protection and child in need plans, and early help families
 * with plan goals under the Supporting Families outcomes and an authorised closure. Every case
 * is closed by the last day of history.
 */

const SOURCES = ["1A", "2A", "2A", "3A", "3B", "3E", "4", "5C", "6", "6", "8"] as const;
const CATEGORIES = ["NEG", "NEG", "NEG", "EMO", "EMO", "PHY", "SAB"] as const;
const OTHER_NEEDS = [
  { weight: 60, value: "N1" },
  { weight: 6, value: "N2" },
  { weight: 7, value: "N3" },
  { weight: 5, value: "N6" },
  { weight: 2, value: "N7" },
  { weight: 5, value: "N8" },
] as const;
const FACTORS = ASSESSMENT_FACTORS.map((f) => f.code);

/** How often each Supporting Families outcome's goals were met (before the trend), and how often it is chosen. */
const SF_OUTCOMES = [
  { value: "education", weight: 22, met: 0.74 },
  { value: "early_years", weight: 6, met: 0.7 },
  { value: "health", weight: 14, met: 0.7 },
  { value: "substance_use", weight: 5, met: 0.55 },
  { value: "family_relationships", weight: 16, met: 0.68 },
  { value: "safe_from_abuse", weight: 6, met: 0.72 },
  { value: "crime", weight: 4, met: 0.62 },
  { value: "domestic_abuse", weight: 8, met: 0.64 },
  { value: "housing", weight: 9, met: 0.58 },
  { value: "financial_stability", weight: 10, met: 0.66 },
].map((o) => ({ weight: o.weight, value: o }));
const GOAL_TEXT: Record<string, string> = {
  education: "Attends at least 95% of school days",
  early_years: "Ready for nursery: speech and language checks met",
  health: "Registered with a GP and attending appointments",
  substance_use: "Parent engaging with the drug and alcohol service",
  family_relationships: "Calmer evenings: routines agreed and kept",
  safe_from_abuse: "Knows the safe adults to talk to; online safety plan in place",
  crime: "No further police call-outs to the home",
  domestic_abuse: "Safety plan in place and working",
  housing: "Rent arrears on a repayment plan; tenancy secure",
  financial_stability: "Claiming every benefit the family is entitled to",
};

/** A contact received on `received` for one child, decided on `decidedOn`. */
function contact(ctx: HistoryContext, child: HistoryChild, received: string, decidedOn: string, decision: string, level: number, concerns: string): string {
  const id = ctx.rng.uuid();
  const { la } = ctx;
  ctx.rows.contact.push({
    la_code: la.laCode,
    id,
    received_at: `${received}T09:30:00Z`,
    referral_source: ctx.rng.pick(SOURCES),
    contact_name: "Historic record",
    via: "staff",
    submitted_by: la.recorder,
    concerns,
    described_children: [],
    consent_sharing: "yes",
    consent_early_help: "yes",
    status: "decided",
    due_at: `${workingDaysAfter(received, 1)}T17:00:00Z`,
    decision,
    threshold_level: level,
    decided_by: la.decider,
    decided_at: `${decidedOn}T15:00:00Z`,
    reasons: "Historic decision (demo history).",
    team_id: la.frontDoorTeam,
  });
  ctx.rows.contact_child.push({ la_code: la.laCode, contact_id: id, person_id: child.id, repeat_referral: false, linked_by: la.recorder });
  return id;
}

/** A contact decided the same or next working day, mostly; a few days late otherwise. */
function decidedOnFor(ctx: HistoryContext, received: string): string {
  return trending(ctx, received, 0.87, 0.97) ? workingDaysAfter(received, ctx.rng.int(0, 1)) : workingDaysAfter(received, ctx.rng.int(2, 4));
}

/** A closed case row. */
function caseRow(ctx: HistoryContext, child: HistoryChild, kind: string, openedOn: string, closedOn: string, reason: string, teamId: string | null, extra: { level: number; contactId: string; previous: string | null }): string {
  const id = ctx.rng.uuid();
  const title = kind === "early_help" ? "Early help" : "Children’s social care";
  ctx.rows.casework_case.push({ la_code: ctx.la.laCode, id, kind, subject_person_id: child.id, title, status: "closed", opened_on: openedOn, closed_on: closedOn, closure_reason: reason, threshold_level: extra.level, allocated_to: null, team_id: teamId, contact_id: extra.contactId, previous_case_id: extra.previous, created_by: ctx.la.recorder });
  ctx.rows.case_member.push({ la_code: ctx.la.laCode, case_id: id, person_id: child.id, role: "child" });
  return id;
}

/** A child in need or child protection plan from `start` to `end`. */
function plan(ctx: HistoryContext, table: "cin_plan" | "cp_plan", caseId: string, child: HistoryChild, start: string, end: string, category?: string): string {
  const id = ctx.rng.uuid();
  const row = { la_code: ctx.la.laCode, id, case_id: caseId, person_id: child.id, start_date: start, end_date: end, created_by: ctx.la.recorder };
  ctx.rows[table].push(table === "cp_plan" ? { ...row, initial_category: category ?? "NEG", latest_category: category ?? "NEG" } : row);
  return id;
}

/**
 * One social care episode of a child whose contact came in on `receivedOn` (the referral is the
 * day it was decided), to its closure; returns the day the case closed.
 */
export function socialCareEpisode(ctx: HistoryContext, child: HistoryChild, receivedOn: string, previousCase: string | null): { closedOn: string; caseId: string; referralDate: string } {
  const { rng, la, lastDay } = ctx;
  const protection = rng.chance(0.22);
  const decidedOn = decidedOnFor(ctx, receivedOn);
  const contactId = contact(ctx, child, receivedOn, decidedOn, protection ? "strategy_discussion" : "social_care_assessment", protection ? 4 : 3, "Concerns about the care of the child (demo history).");
  const referral = decidedOn;
  const acute = trending(ctx, referral, 0.22, 0.17);
  const need = acute ? rng.pick(["N4", "N5"] as const) : rng.weighted(OTHER_NEEDS);
  const caseId = rng.uuid();
  let closedOn = referral;
  let reason = "RC7";
  // The assessment: most within 45 working days of the referral.
  const onTime = trending(ctx, referral, 0.82, 0.93);
  const completed = earlier(workingDaysAfter(referral, onTime ? rng.int(18, 44) : rng.int(46, 68)), lastDay);
  const authorised = earlier(workingDaysAfter(completed, rng.int(1, 4)), lastDay);
  ctx.rows.cin_assessment.push({ la_code: la.laCode, id: rng.uuid(), case_id: caseId, person_id: child.id, start_date: workingDaysAfter(referral, rng.int(0, 2)), completed_date: completed, factors: [rng.pick(FACTORS), rng.pick(FACTORS)].filter((f, i, all) => all.indexOf(f) === i), primary_need: need, summary: "Needs identified with the family (demo history).", authorisation_requested_on: completed, authorised_date: authorised, authorised_by: la.decider, created_by: la.recorder });
  closedOn = authorised;
  if (protection) {
    const sd = workingDaysAfter(referral, rng.int(0, 2));
    const sdId = rng.uuid();
    const s47Id = rng.uuid();
    ctx.rows.strategy_discussion.push({ la_code: la.laCode, id: sdId, case_id: caseId, person_id: child.id, discussion_date: sd, attendees: "Social worker, police, health, school", decision: "s47", created_by: la.recorder });
    const icpc = earlier(workingDaysAfter(sd, trending(ctx, sd, 0.72, 0.84) ? rng.int(8, 15) : rng.int(16, 25)), lastDay);
    ctx.rows.s47_enquiry.push({ la_code: la.laCode, id: s47Id, case_id: caseId, person_id: child.id, strategy_discussion_id: sdId, start_date: sd, outcome: "icpc", outcome_date: earlier(workingDaysAfter(sd, rng.int(5, 7)), icpc), created_by: la.recorder });
    const category = rng.pick(CATEGORIES);
    const planned = rng.chance(0.85);
    const planEnd = earlier(addCalendarDays(icpc, rng.int(110, 560)), lastDay);
    const planId = planned ? plan(ctx, "cp_plan", caseId, child, icpc, planEnd, category) : null;
    ctx.rows.cp_conference.push({ la_code: la.laCode, id: rng.uuid(), case_id: caseId, person_id: child.id, kind: "initial", s47_id: s47Id, cp_plan_id: planId, conference_date: icpc, outcome: planned ? "plan" : "no_plan", category: planned ? category : null, created_by: la.recorder });
    closedOn = icpc;
    if (planId !== null) {
      for (let review = addCalendarMonths(icpc, 3); review < planEnd; review = addCalendarMonths(review, 6)) {
        ctx.rows.cp_conference.push({ la_code: la.laCode, id: rng.uuid(), case_id: caseId, person_id: child.id, kind: "review", cp_plan_id: planId, conference_date: review, outcome: "continue", created_by: la.recorder });
      }
      if (planEnd < lastDay) ctx.rows.cp_conference.push({ la_code: la.laCode, id: rng.uuid(), case_id: caseId, person_id: child.id, kind: "review", cp_plan_id: planId, conference_date: planEnd, outcome: "end", created_by: la.recorder });
      closedOn = planEnd;
    }
    // Stepped down to a child in need plan after the conference or the plan.
    if (rng.chance(0.5) && closedOn < addCalendarDays(lastDay, -30)) {
      const end = earlier(addCalendarDays(closedOn, rng.int(60, 200)), lastDay);
      plan(ctx, "cin_plan", caseId, child, closedOn, end);
      closedOn = end;
    }
  } else if (rng.chance(0.55)) {
    const start = earlier(addCalendarDays(authorised, rng.int(1, 10)), lastDay);
    const end = earlier(addCalendarDays(start, rng.int(90, 400)), lastDay);
    plan(ctx, "cin_plan", caseId, child, start, end);
    closedOn = end;
  } else {
    reason = rng.chance(0.25) ? "RC9" : "RC8";
  }
  closedOn = earlier(closedOn > referral ? closedOn : addCalendarDays(referral, 1), lastDay);
  ctx.rows.cin_referral.push({ la_code: la.laCode, case_id: caseId, person_id: child.id, referral_date: referral, referral_source: rng.pick(SOURCES), contact_id: contactId, route: protection ? "strategy_discussion" : "assessment", primary_need: need, nfa: false, closure_date: closedOn, closure_reason: reason, created_by: la.recorder });
  ctx.rows.casework_case.push({ la_code: la.laCode, id: caseId, kind: "social_care", subject_person_id: child.id, title: "Children’s social care", status: "closed", opened_on: referral, closed_on: closedOn, closure_reason: reason, threshold_level: protection ? 4 : 3, allocated_to: null, team_id: rng.pick(la.socialWorkTeams), contact_id: contactId, previous_case_id: previousCase, created_by: la.recorder });
  ctx.rows.case_member.push({ la_code: la.laCode, case_id: caseId, person_id: child.id, role: "child" });
  return { closedOn, caseId, referralDate: referral };
}

/** A child's social care history: a first referral and, for some, another (a repeat within 12 months for most of those). */
export function socialCareChild(ctx: HistoryContext, child: HistoryChild, receivedOn: string): void {
  const latestReferral = addCalendarDays(ctx.lastDay, -75);
  let episode = socialCareEpisode(ctx, child, receivedOn, null);
  for (let again = 0; again < 2; again++) {
    const repeat = trending(ctx, episode.closedOn, 0.32, 0.22);
    const later = repeat ? addCalendarDays(episode.referralDate, ctx.rng.int(60, 350)) : ctx.rng.chance(0.1) ? addCalendarDays(episode.referralDate, ctx.rng.int(400, 720)) : null;
    if (later === null) return;
    const next = later > episode.closedOn ? later : addCalendarDays(episode.closedOn, ctx.rng.int(10, 40));
    if (next > latestReferral) return;
    episode = socialCareEpisode(ctx, child, next, episode.caseId);
  }
}

/** One early help episode from `openedOn`: plan goals rated and an authorised closure. Returns the day it closed. */
export function earlyHelpEpisode(ctx: HistoryContext, child: HistoryChild, receivedOn: string, previous: string | null): { openedOn: string; closedOn: string; caseId: string } {
  const { rng, la, lastDay } = ctx;
  const openedOn = decidedOnFor(ctx, receivedOn);
  const contactId = contact(ctx, child, receivedOn, openedOn, "early_help", 2, "Family asked for help with school attendance and home (demo history).");
  const closedOn = earlier(addCalendarDays(openedOn, rng.int(80, 300)), lastDay);
  const achieved = trending(ctx, closedOn, 0.66, 0.82);
  const reason = achieved ? "outcomes_achieved" : rng.pick(["stepped_down_universal", "stepped_down_universal", "disengaged", "moved_away", "stepped_up"] as const);
  const caseId = caseRow(ctx, child, "early_help", openedOn, closedOn, reason, rng.pick(la.earlyHelpTeams), { level: 2, contactId, previous });
  const authorisedAt = `${earlier(addCalendarDays(openedOn, rng.int(15, 35)), closedOn)}T12:00:00Z`;
  ctx.rows.eh_plan.push({ la_code: la.laCode, case_id: caseId, status: "authorised", submitted_at: authorisedAt, submitted_by: la.recorder, authorised_at: authorisedAt, authorised_by: la.decider, updated_at: authorisedAt });
  const count = rng.weighted([
    { weight: 3, value: 1 },
    { weight: 5, value: 2 },
    { weight: 2, value: 3 },
  ]);
  const chosen = new Set<string>();
  const outcomes: { goalId: string; status: "met" | "not_met" }[] = [];
  for (let i = 0; i < count; i++) {
    const sf = rng.weighted(SF_OUTCOMES);
    if (chosen.has(sf.value)) continue;
    chosen.add(sf.value);
    const lift = achieved ? 0.14 : -0.2;
    const status = trending(ctx, closedOn, sf.met - 0.06 + lift, sf.met + 0.06 + lift) ? "met" : "not_met";
    const goalId = rng.uuid();
    ctx.rows.eh_goal.push({ la_code: la.laCode, id: goalId, case_id: caseId, outcome: sf.value, person_id: child.id, description: GOAL_TEXT[sf.value] ?? "A goal of the family plan", target_date: addCalendarDays(openedOn, 120), status, created_at: authorisedAt, created_by: la.recorder, updated_at: `${closedOn}T12:00:00Z` });
    outcomes.push({ goalId, status });
  }
  ctx.rows.eh_closure.push({ la_code: la.laCode, id: rng.uuid(), case_id: caseId, reason, closed_on: closedOn, summary: "Closed with the family (demo history).", goal_outcomes: outcomes, status: "authorised", requested_by: la.recorder, requested_at: `${closedOn}T10:00:00Z`, decided_by: la.decider, decided_at: `${closedOn}T16:00:00Z` });
  return { openedOn, closedOn, caseId };
}

/** A family's early help: one episode and, for some, another soon after (a repeat within 12 months). */
export function earlyHelpChild(ctx: HistoryContext, child: HistoryChild, receivedOn: string): void {
  const first = earlyHelpEpisode(ctx, child, receivedOn, null);
  if (!trending(ctx, first.closedOn, 0.16, 0.09)) return;
  const next = dayBetween(ctx, addCalendarDays(first.closedOn, 14), addCalendarDays(first.openedOn, 355));
  if (next <= first.closedOn || next > addCalendarDays(ctx.lastDay, -30)) return;
  earlyHelpEpisode(ctx, child, next, first.caseId);
}
