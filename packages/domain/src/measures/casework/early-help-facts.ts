/**
 * Early help facts: repeat referrals to early help within 12 months, family plan goals met at
 * closure (overall and under each Supporting Families outcome), and episodes closed with
 * outcomes achieved (docs/measures.md, "Early help").
 */
import { isRepeatReferral } from "../../timescales.ts";
import type { FactWindow, IsoDate, MeasureFact, SubjectEarlyHelp, SubjectRecords } from "../measure-types.ts";
import { EARLY_HELP_CLOSED_OUTCOMES_ACHIEVED, FAMILY_PLAN_OUTCOMES_MET, REPEAT_REFERRALS_EARLY_HELP, SF_MEASURE_BY_OUTCOME } from "./casework-ids.ts";
import { eventFact, inWindow, monthOf, ratioFact } from "./fact-helpers.ts";

/** The closure reason that counts as outcomes achieved (EARLY_HELP_CLOSURE_REASONS). */
const OUTCOMES_ACHIEVED = "outcomes_achieved";
/** The goal status, written from the closure's rating when it is authorised, that means met. */
const GOAL_MET = "met";

/** The team of an early help episode: its own, else the case's among the child's cases. */
function teamOf(records: SubjectRecords, episode: SubjectEarlyHelp): string | null {
  if (episode.teamId !== null) return episode.teamId;
  for (const c of records.cases) if (c.id === episode.caseId) return c.teamId;
  return null;
}

/**
 * The dates the child's other early help episodes opened, strictly before `openedOn`: episodes
 * the child led and early help cases they were a member of (a sibling's, for example).
 */
function earlierEarlyHelpStarts(records: SubjectRecords, episode: SubjectEarlyHelp): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const other of records.earlyHelp) if (other.caseId !== episode.caseId && other.openedOn < episode.openedOn) dates.push(other.openedOn);
  for (const c of records.cases) if (c.kind === "early_help" && c.id !== episode.caseId && c.openedOn < episode.openedOn) dates.push(c.openedOn);
  return dates;
}

/**
 * repeat-referrals-early-help: per early help episode the child leads, in the month it opened;
 * a repeat when another early help episode of the child's opened on or after the same date
 * 12 months before (the domain's `isRepeatReferral`, as for social care referrals).
 */
function repeatFacts(records: SubjectRecords, episode: SubjectEarlyHelp, window: FactWindow, team: string | null): MeasureFact | null {
  const month = monthOf(episode.openedOn);
  if (!inWindow(month, window)) return null;
  const earlier = earlierEarlyHelpStarts(records, episode);
  return eventFact(REPEAT_REFERRALS_EARLY_HELP, month, earlier.length > 0 && isRepeatReferral(episode.openedOn, earlier), team);
}

/**
 * The closure measures, in the month of an authorised closure's date. Not counted: an episode
 * closed without an authorised closure (requested, returned), or one still open.
 * - early-help-closed-outcomes-achieved: 1 of 1 when the reason is outcomes achieved, else 0 of 1.
 * - family-plan-outcomes-met: goals met of the plan's goals (none: no fact).
 * - sf-<outcome>: the same, for the goals under each Supporting Families outcome.
 */
function closureFacts(episode: SubjectEarlyHelp, window: FactWindow, team: string | null, facts: MeasureFact[]): void {
  const closure = episode.closure;
  if (closure === null) return;
  const month = monthOf(closure.closedOn);
  if (!inWindow(month, window)) return;
  facts.push(eventFact(EARLY_HELP_CLOSED_OUTCOMES_ACHIEVED, month, closure.reason === OUTCOMES_ACHIEVED, team));
  if (episode.goals.length === 0) return;
  let met = 0;
  const byMeasure = new Map<string, { met: number; all: number }>();
  for (const goal of episode.goals) {
    const isMet = goal.status === GOAL_MET;
    if (isMet) met += 1;
    const measureId = SF_MEASURE_BY_OUTCOME.get(goal.outcome);
    if (measureId === undefined) continue;
    const tally = byMeasure.get(measureId) ?? { met: 0, all: 0 };
    tally.all += 1;
    if (isMet) tally.met += 1;
    byMeasure.set(measureId, tally);
  }
  facts.push(ratioFact(FAMILY_PLAN_OUTCOMES_MET, month, met, episode.goals.length, team));
  for (const [measureId, tally] of byMeasure) facts.push(ratioFact(measureId, month, tally.met, tally.all, team));
}

/** Every early help fact for the episodes the child leads. */
export function earlyHelpFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const facts: MeasureFact[] = [];
  for (const episode of records.earlyHelp) {
    const team = teamOf(records, episode);
    const repeat = repeatFacts(records, episode, window, team);
    if (repeat !== null) facts.push(repeat);
    closureFacts(episode, window, team, facts);
  }
  return facts;
}
