import { addCalendarDays, addCalendarMonths, ageOn, birthdayOf, collectionYearOf } from "@family-story/domain";
import { daysBetween, earlier, trending, workingDaysAfter, type HistoryChild, type HistoryContext } from "./demo-history-rows.ts";

/**
 * The looked-after part of the demo's history: periods of care with placement moves (a few
 * children moving often) and legal status changes, reviews (mostly on time), health
 * assessments, SDQs and PEPs, missing episodes with return home interviews, the odd
 * conviction, and for care leavers what was recorded around each birthday from 17 to 21 (OC3).
 * A child still looked after today keeps an open case that no one is allocated, in a team no
 * demo user works in, so it sits on no one's work tray.
 */

interface Segment {
  from: string;
  rne: "S" | "P" | "L";
  ls: string;
  place: string;
  reason: string | null;
}

const PLACES_UNDER_16 = [
  { weight: 40, value: "U4" },
  { weight: 15, value: "U1" },
  { weight: 12, value: "U6" },
  { weight: 10, value: "U3" },
  { weight: 8, value: "U5" },
  { weight: 10, value: "K2" },
] as const;
const PLACES_16_PLUS = [
  { weight: 35, value: "U4" },
  { weight: 15, value: "K2" },
  { weight: 50, value: "K3" },
] as const;
const MOVE_REASONS = ["CARPL", "CREQB", "CREQO", "LAREQ", "STAND", "CHILD"] as const;
const NEEDS = [
  { weight: 62, value: "N1" },
  { weight: 4, value: "N2" },
  { weight: 4, value: "N3" },
  { weight: 12, value: "N4" },
  { weight: 10, value: "N5" },
  { weight: 8, value: "N8" },
] as const;

/** The placement a child of this age is placed in. */
function placeFor(ctx: HistoryContext, dob: string, day: string): string {
  return ctx.rng.weighted(ageOn(dob, day) >= 16 ? PLACES_16_PLUS : PLACES_UNDER_16);
}

/** The episode boundaries of one period of care: the start, placement moves, a legal status change, an adoptive placement. */
function segments(ctx: HistoryContext, child: HistoryChild, start: string, until: string, endReason: string | null): Segment[] {
  const { rng } = ctx;
  const ls = rng.pick(["C2", "C2", "C1", "V2", "V2"] as const);
  const list: Segment[] = [{ from: start, rne: "S", ls, place: placeFor(ctx, child.dob, start), reason: null }];
  // Most children move rarely; about one in seven moves often (the short-term stability measure).
  const movesPerYear = rng.chance(0.15) ? 2.4 : 0.1;
  for (let day = start; ; ) {
    day = addCalendarDays(day, Math.max(14, Math.round((-Math.log(1 - rng.next()) / movesPerYear) * 365)));
    if (day >= until) break;
    list.push({ from: day, rne: "P", ls, place: placeFor(ctx, child.dob, day), reason: rng.pick(MOVE_REASONS) });
  }
  if (ls !== "C2" && rng.chance(0.4)) {
    const changed = addCalendarDays(start, rng.int(50, 300));
    if (changed < until) list.push({ from: changed, rne: "L", ls: "C2", place: "", reason: null });
  }
  if (endReason === "E11") {
    const placed = addCalendarDays(until, -rng.int(120, 300));
    if (placed > start) list.push({ from: placed, rne: "P", ls: "E1", place: "A6", reason: "CARPL" });
  }
  list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Segment[] = [];
  for (const s of list) {
    const prev = out.at(-1);
    if (prev !== undefined && s.from <= prev.from) continue;
    // A legal status change keeps the placement; later moves keep the newer legal status.
    out.push({ ...s, place: s.place === "" ? (prev?.place ?? "U4") : s.place, ls: s.rne === "P" && prev !== undefined && s.ls !== "E1" && prev.ls === "C2" ? "C2" : s.ls });
  }
  return out;
}

/** Dated events every `months` months from `first`, each on time with the trend's probability, while before `until`. */
function schedule(ctx: HistoryContext, first: { onTime: string; late: () => string }, until: string, everyMonths: (last: string) => number, onTime: [number, number], lateBy: [number, number] = [3, 45]): string[] {
  const { rng } = ctx;
  const dates: string[] = [];
  let next = trending(ctx, first.onTime, ...onTime) ? first.onTime : first.late();
  while (next < until && next <= ctx.lastDay) {
    dates.push(next);
    const due = addCalendarMonths(next, everyMonths(next));
    next = trending(ctx, due, ...onTime) ? addCalendarDays(due, -rng.int(0, 25)) : addCalendarDays(due, rng.int(...lateBy));
  }
  return dates;
}

/**
 * One child's period of care from `start`, ending on `plannedEnd` for `endReason` unless that is
 * after the last day of history (then the child is still looked after today).
 */
export function lookedAfterChild(ctx: HistoryContext, child: HistoryChild, start: string, plannedEnd: string, endReason: string): void {
  const { rng, la, lastDay } = ctx;
  const still = plannedEnd > lastDay;
  const end = still ? null : plannedEnd;
  const until = end ?? addCalendarDays(lastDay, 1);
  const caseId = rng.uuid();
  ctx.rows.casework_case.push({ la_code: la.laCode, id: caseId, kind: "looked_after", subject_person_id: child.id, title: "Looked after", status: still ? "open" : "closed", opened_on: start, closed_on: end, closure_reason: still ? null : endReason, allocated_to: null, team_id: still ? la.stillLookedAfterTeam : la.lookedAfterTeam, created_by: la.recorder });
  ctx.rows.case_member.push({ la_code: la.laCode, case_id: caseId, person_id: child.id, role: "child" });
  ctx.rows.lac_child.push({ la_code: la.laCode, person_id: child.id, case_id: caseId, source: "import" });
  const cin = rng.weighted(NEEDS);
  const parts = segments(ctx, child, start, until, still ? null : endReason);
  parts.forEach((s, i) => {
    const next = parts[i + 1];
    ctx.rows.lac_episode.push({ la_code: la.laCode, id: rng.uuid(), person_id: child.id, case_id: caseId, decom: s.from, rne: s.rne, ls: s.ls, cin, place: s.place, place_provider: s.place === "K2" || s.place === "K3" ? "PR4" : "PR1", dec: next?.from ?? end, rec: next ? "X1" : still ? null : endReason, reason_place_change: s.reason, source: "import", created_by: la.recorder });
  });
  const ins = (table: "lac_review" | "lac_check", row: object) => ctx.rows[table].push({ la_code: la.laCode, id: rng.uuid(), person_id: child.id, ...row });
  // Reviews: in 20 working days, 3 months later, then every 6 months.
  let held = 0;
  const reviews = schedule(ctx, { onTime: workingDaysAfter(start, rng.int(12, 20)), late: () => workingDaysAfter(start, rng.int(21, 32)) }, until, () => (held++ === 0 ? 3 : 6), [0.9, 0.97]);
  for (const date of reviews) ins("lac_review", { case_id: caseId, status: "held", planned_date: date, review_date: date, participation_code: "PN1", summary: "Review held (demo history).", source: "import", created_by: la.recorder });
  // Health assessments: the initial one in 20 working days, then yearly (6-monthly under 5).
  const health = schedule(ctx, { onTime: workingDaysAfter(start, rng.int(8, 20)), late: () => workingDaysAfter(start, rng.int(21, 40)) }, until, (last) => (ageOn(child.dob, last) < 5 ? 6 : 12), [0.88, 0.96]);
  for (const date of health) ins("lac_check", { kind: "health_assessment", check_date: date, outcome: "Up to date", created_by: la.recorder });
  // SDQs once a year after the first year, from 4 to 16.
  for (let date = addCalendarMonths(start, 12); date < until && date <= lastDay; date = addCalendarMonths(date, 12)) {
    const age = ageOn(child.dob, date);
    if (age < 4 || age > 16) continue;
    const mean = 14.9 - 2.0 * Math.min(1, Math.max(0, daysBetween(ctx.start, date) / Math.max(1, daysBetween(ctx.start, ctx.today))));
    const score = Math.round(mean + (rng.next() + rng.next() + rng.next() - 1.5) * 9);
    ins("lac_check", { kind: "sdq", check_date: addCalendarDays(date, rng.int(0, 20)), sdq_score: Math.min(40, Math.max(0, score)), created_by: la.recorder });
  }
  // PEPs each term for a child of school age.
  if (ageOn(child.dob, start) <= 16 && ageOn(child.dob, until) >= 5) {
    const peps = schedule(ctx, { onTime: workingDaysAfter(start, rng.int(5, 20)), late: () => workingDaysAfter(start, rng.int(21, 40)) }, until, () => 3, [0.9, 0.95], [35, 100]);
    for (const date of peps) if (ageOn(child.dob, date) >= 4) ins("lac_check", { kind: "pep", check_date: date, outcome: "PEP reviewed", created_by: la.recorder });
  }
  missingEpisodes(ctx, child, start, until);
  if (ageOn(child.dob, start) >= 12 && rng.chance(0.12)) {
    const date = addCalendarDays(start, rng.int(30, Math.max(31, daysBetween(start, earlier(until, lastDay)) - 1)));
    if (date < until && date <= lastDay) ins("lac_check", { kind: "conviction", check_date: date, outcome: "Convicted (demo history)", created_by: la.recorder });
  }
  if (end !== null) careLeaverContacts(ctx, child, end);
}

/** Missing and away episodes of an older child, most followed by a return home interview. */
function missingEpisodes(ctx: HistoryContext, child: HistoryChild, start: string, until: string): void {
  const { rng, la, lastDay } = ctx;
  if (ageOn(child.dob, start) < 11 || !rng.chance(0.4)) return;
  const span = daysBetween(start, earlier(until, lastDay));
  if (span < 20) return;
  const days = new Set<string>();
  for (let i = rng.int(1, 4); i > 0; i--) days.add(addCalendarDays(start, rng.int(5, span - 5)));
  for (const day of [...days].sort()) {
    const back = earlier(addCalendarDays(day, rng.int(0, 3)), lastDay);
    const held = trending(ctx, back, 0.62, 0.82);
    const offered = held || rng.chance(0.5);
    ctx.rows.lac_missing.push({ la_code: la.laCode, id: rng.uuid(), person_id: child.id, missing_type: rng.chance(0.8) ? "M" : "A", start_date: day, end_date: back, rhi_offered_on: offered ? earlier(addCalendarDays(back, rng.int(1, 3)), lastDay) : null, rhi_accepted: offered ? held : null, notes: "Demo history.", source: "import", created_by: la.recorder });
  }
}

const SUITABLE = ["D1", "E1", "U1", "T1", "B1"] as const;
const UNSUITABLE = ["D2", "S2", "K2", "T2"] as const;
const EET = ["F1", "F2", "F2", "F4", "F5", "P2", "P5"] as const;
const NEET = ["G4", "G5", "G5", "G6"] as const;

/** What was recorded around each of the 17th–21st birthdays after care ended, for a care leaver. */
function careLeaverContacts(ctx: HistoryContext, child: HistoryChild, end: string): void {
  const { rng, la, lastDay } = ctx;
  if (end < birthdayOf(child.dob, 16)) return;
  for (let age = 17; age <= 21; age++) {
    const birthday = birthdayOf(child.dob, age);
    if (birthday < end || birthday > lastDay) continue;
    const recordedOn = addCalendarDays(birthday, rng.int(0, 25));
    if (recordedOn > lastDay) continue;
    const inTouch = rng.chance(0.93) ? "YES" : rng.pick(["NO", "REFU"] as const);
    const known = inTouch === "YES";
    ctx.rows.lac_oc3.push({
      la_code: la.laCode,
      person_id: child.id,
      year: collectionYearOf(birthday),
      in_touch: inTouch,
      activ: known ? (trending(ctx, birthday, 0.5, 0.6) ? rng.pick(EET) : rng.pick(NEET)) : null,
      accom: known ? (trending(ctx, birthday, 0.9, 0.99) ? rng.pick(SUITABLE) : rng.pick(UNSUITABLE)) : null,
      recorded_on: recordedOn,
      source: "import",
    });
  }
}
