import { addCalendarDays, addWorkingDays, collectionYearOf } from "@family-story/domain";
import type { SeededRandom } from "./seeded-random.ts";

/**
 * The rows the demo's synthetic casework history adds (demo-history.ts), column for column as
 * the tables hold them (migrations 0003–0008), and what each part of the generator shares.
 */
export interface HistoryRows {
  casework_case: object[];
  case_member: object[];
  contact: object[];
  contact_child: object[];
  cin_referral: object[];
  cin_assessment: object[];
  strategy_discussion: object[];
  s47_enquiry: object[];
  cp_conference: object[];
  cp_plan: object[];
  cin_plan: object[];
  lac_child: object[];
  lac_episode: object[];
  lac_review: object[];
  lac_missing: object[];
  lac_check: object[];
  lac_oc3: object[];
  eh_plan: object[];
  eh_goal: object[];
  eh_closure: object[];
}

/** Empty rows, tables in the order they are written. */
export function emptyHistoryRows(): HistoryRows {
  return {
    casework_case: [],
    case_member: [],
    contact: [],
    contact_child: [],
    cin_referral: [],
    cin_assessment: [],
    strategy_discussion: [],
    s47_enquiry: [],
    cp_conference: [],
    cp_plan: [],
    cin_plan: [],
    lac_child: [],
    lac_episode: [],
    lac_review: [],
    lac_missing: [],
    lac_check: [],
    lac_oc3: [],
    eh_plan: [],
    eh_goal: [],
    eh_closure: [],
  };
}

/** One history child as the generators need them. */
export interface HistoryChild {
  id: string;
  dob: string;
}

/** The staff and teams of one authority that history is recorded under. */
export interface HistoryAuthority {
  laCode: string;
  /** The front door's team (contacts). */
  frontDoorTeam: string | null;
  /** Social work teams cases went to. */
  socialWorkTeams: string[];
  /** Early help and family hub teams. */
  earlyHelpTeams: string[];
  /** The team of looked-after cases that have ended. */
  lookedAfterTeam: string | null;
  /**
   * The team of cases of children still looked after today: one no demo user works in, so
   * these unallocated cases sit on no one's work tray.
   */
  stillLookedAfterTeam: string | null;
  /** Who recorded and decided (a user id of the authority). */
  recorder: string;
  decider: string;
}

/** What every generator shares: the seeded random, today, and the first day of history. */
export interface HistoryContext {
  rng: SeededRandom;
  today: string;
  /** The first day of history: 1 April five collection years before today's. */
  start: string;
  /** The last day an event may fall on: history stays in the past. */
  lastDay: string;
  rows: HistoryRows;
  la: HistoryAuthority;
}

/** The start and last day of history for `today`. */
export function historySpan(today: string): { start: string; lastDay: string } {
  return { start: `${String(collectionYearOf(today) - 5)}-04-01`, lastDay: addCalendarDays(today, -7) };
}

const DAY_MS = 86_400_000;

/** Days from `a` to `b`. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** A day chosen evenly between `from` and `to` (both included). */
export function dayBetween(ctx: HistoryContext, from: string, to: string): string {
  return addCalendarDays(from, ctx.rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** How far through history a day is, 0 at the start and 1 today: the trend's clock. */
export function progress(ctx: HistoryContext, day: string): number {
  return Math.min(1, Math.max(0, daysBetween(ctx.start, day) / Math.max(1, daysBetween(ctx.start, ctx.today))));
}

/** True with a probability moving from `first` at the start of history to `last` today. */
export function trending(ctx: HistoryContext, day: string, first: number, last: number): boolean {
  return ctx.rng.chance(first + (last - first) * progress(ctx, day));
}

/** `n` working days after `day`. */
export const workingDaysAfter = (day: string, n: number): string => addWorkingDays(day, n);

/** The earlier of two days. */
export const earlier = (a: string, b: string): string => (a < b ? a : b);
