/**
 * One child's looked-after history as the looked-after measures read it: the SSDA903 episodes
 * turned into the domain's Episode (as the server's toEpisode does), their periods of care, the
 * team of each episode's case, and the month arithmetic the facts need. Worked out once per
 * child so that every measure reads the same history without repeating the work.
 */
import type { CategoryOfNeed, LegalStatus, PlacementProvider, PlacementType, ReasonEpisodeCeased, ReasonForNewEpisode, ReasonForPlacementChange } from "../../looked-after-codes.ts";
import type { Episode } from "../../episode-derivation.ts";
import { periodsOfCare, type PeriodOfCare } from "../../episode-history.ts";
import { addCalendarDays, addCalendarMonths } from "../../working-days.ts";
import { monthEnd, monthOf, nextMonth } from "../casework/fact-helpers.ts";
import type { FactWindow, IsoDate, IsoMonth, MeasureFact, SubjectEpisode, SubjectRecords } from "../measure-types.ts";

/** Legal statuses of an agreed series of short breaks: left out of the looked-after counts, as the DfE does. */
const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(["V3", "V4"]);

/** True when the episode is one of an agreed series of short breaks (V3, V4). */
export function isShortBreak(episode: Episode): boolean {
  return SHORT_BREAK_STATUSES.has(episode.legalStatus);
}

/**
 * An episode row as the domain's episode functions read it. Codes are taken as recorded
 * (imported history may carry retired codes); a blank RNE is read as S, as everywhere else.
 */
export function toDomainEpisode(e: SubjectEpisode): Episode {
  return {
    start: e.decom,
    rne: (e.rne ?? "S") as ReasonForNewEpisode,
    legalStatus: (e.ls ?? "") as LegalStatus,
    cin: (e.cin ?? "") as CategoryOfNeed,
    placement: {
      place: (e.place ?? "") as PlacementType,
      provider: (e.placeProvider ?? null) as PlacementProvider | null,
      postcode: e.plPost ?? null,
      urn: e.urn ?? null,
      carerId: e.providerId ?? null,
    },
    homePostcode: null,
    end: e.dec,
    rec: e.rec as ReasonEpisodeCeased | null,
    reasonPlaceChange: e.reasonPlaceChange as ReasonForPlacementChange | null,
  };
}

/** A child's episodes (earliest first), periods of care and the teams of their cases. */
export interface ChildHistory {
  readonly records: SubjectRecords;
  readonly episodes: readonly Episode[];
  readonly periods: readonly PeriodOfCare[];
  /** The team of the episode's case (null when the case has none or is not the child's). */
  teamOf(episode: Episode | undefined): string | null;
  /** The team of a case by its id (null when unknown). */
  teamOfCase(caseId: string | null | undefined): string | null;
}

/** Builds the history once; episodes are sorted by start (DECOM). */
export function childHistory(records: SubjectRecords): ChildHistory {
  const teams = new Map<string, string | null>();
  for (const c of records.cases) teams.set(c.id, c.teamId);
  const caseOf = new Map<Episode, string | null>();
  const episodes = records.episodes
    .map((row) => {
      const episode = toDomainEpisode(row);
      caseOf.set(episode, row.caseId);
      return episode;
    })
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const teamOfCase = (caseId: string | null | undefined): string | null => (caseId === null || caseId === undefined ? null : (teams.get(caseId) ?? null));
  return {
    records,
    episodes,
    periods: periodsOfCare(episodes),
    teamOf: (episode) => (episode === undefined ? null : teamOfCase(caseOf.get(episode))),
    teamOfCase,
  };
}

/**
 * The episode open on `date` (started on or before it, not ended by it), the latest-starting if
 * more than one; with `withShortBreaks` false, only an episode with a legal status other than V3
 * or V4 counts. The day care ends is not a day looked after.
 */
export function episodeOn(history: ChildHistory, date: IsoDate, withShortBreaks = false): Episode | undefined {
  const { episodes } = history;
  for (let i = episodes.length - 1; i >= 0; i -= 1) {
    const e = episodes[i] as Episode;
    if (e.start > date) continue;
    if ((e.end === null || date < e.end) && (withShortBreaks || !isShortBreak(e))) return e;
  }
  return undefined;
}

/** The latest episode that started on or before `date` (for the team of an event after care ended). */
export function episodeAtOrBefore(history: ChildHistory, date: IsoDate): Episode | undefined {
  const { episodes } = history;
  for (let i = episodes.length - 1; i >= 0; i -= 1) {
    const e = episodes[i] as Episode;
    if (e.start <= date) return e;
  }
  return undefined;
}

/** The period of care an event on `date` belongs to: the latest that started on or before it. */
export function periodAt(periods: readonly PeriodOfCare[], date: IsoDate): PeriodOfCare | undefined {
  for (let i = periods.length - 1; i >= 0; i -= 1) {
    const p = periods[i] as PeriodOfCare;
    if (p.start <= date) return p;
  }
  return undefined;
}

// Month arithmetic runs for every month end of every child looked after: the casework facts’
// remembered string arithmetic serves both families of measures.
export { monthEnd, monthOf, nextMonth };

const startedByCache = new Map<string, IsoDate>();

/**
 * The day after the same date `months` earlier: the latest start for "at least `months` months"
 * on `day`, the domain's reading (lookedAfterContinuouslyFor). Remembered, as the same month
 * ends come up for every child (a few hundred distinct days).
 */
export function startedBy(day: IsoDate, months: number): IsoDate {
  const key = `${day}|${String(months)}`;
  let found = startedByCache.get(key);
  if (found === undefined) {
    found = addCalendarDays(addCalendarMonths(day, -months), 1);
    if (startedByCache.size > 100_000) startedByCache.clear();
    startedByCache.set(key, found);
  }
  return found;
}

/** True when the month is in the window (first to last month, both included). */
export function inWindow(window: FactWindow, month: IsoMonth): boolean {
  return month >= window.firstMonth && month <= window.lastMonth;
}

/**
 * The months in the window at whose last day the child was looked after (not on a short
 * break), each with the episode open that day; ascending. Episodes are walked once, and only
 * the months each one spans are visited.
 */
export function monthEndsLookedAfter(history: ChildHistory, window: FactWindow): { month: IsoMonth; day: IsoDate; episode: Episode }[] {
  const byMonth = new Map<IsoMonth, { day: IsoDate; episode: Episode }>();
  for (const e of history.episodes) {
    if (isShortBreak(e)) continue;
    const endMonth = e.end === null ? window.lastMonth : monthOf(e.end);
    let month = monthOf(e.start) > window.firstMonth ? monthOf(e.start) : window.firstMonth;
    for (; month <= endMonth && month <= window.lastMonth; month = nextMonth(month)) {
      const day = monthEnd(month);
      // Later-starting episodes overwrite earlier ones: the latest open that day is the child's.
      if (e.start <= day && (e.end === null || day < e.end)) byMonth.set(month, { day, episode: e });
    }
  }
  return [...byMonth.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, v]) => ({ month, ...v }));
}

/** A fact of one counted event or child: numerator 1 (or 0), denominator 1. */
export function fact(measureId: string, month: IsoMonth, teamId: string | null, numerator: number, denominator = 1): MeasureFact {
  return { measureId, month, numerator, denominator, teamId };
}
