/**
 * Reading a child's SSDA903 episodes back: periods of care, placements, placement counts for the
 * stability measure, and whether the child was looked after on a day or for long enough.
 * Episodes are sorted by start (as episode-derivation.ts keeps them); inputs are not changed.
 */
import { samePlacement, type Episode, type Placement } from "./episode-derivation.ts";
import { isTemporaryPlacement, type ReasonEpisodeCeased } from "./looked-after-codes.ts";
import { addCalendarDays, addCalendarMonths } from "./working-days.ts";

/** A continuous spell of being looked after: one or more episodes joined by X1. */
export interface PeriodOfCare {
  readonly start: string;
  /** The day care ended; null while the child is looked after. */
  readonly end: string | null;
  /** Why care ended (never X1); null while the child is looked after. */
  readonly rec: ReasonEpisodeCeased | null;
  readonly episodes: readonly Episode[];
}

/** One placement: consecutive episodes in a period with no placement change between them. */
export interface PlacementSpell {
  readonly start: string;
  readonly end: string | null;
  readonly placement: Placement;
  readonly episodes: readonly Episode[];
}

function byStart(episodes: readonly Episode[]): Episode[] {
  return [...episodes].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** True when `next` continues the period `previous` belongs to (X1, same day, not a new start). */
function continues(previous: Episode, next: Episode): boolean {
  return next.rne !== "S" && previous.rec === "X1" && previous.end === next.start;
}

/**
 * The periods of care, earliest first. A new period starts at an episode with RNE S, after an
 * episode that ended for a reason other than X1, or after a gap between episodes.
 */
export function periodsOfCare(episodes: readonly Episode[]): PeriodOfCare[] {
  const groups: Episode[][] = [];
  let previous: Episode | undefined;
  for (const episode of byStart(episodes)) {
    const current = groups.at(-1);
    if (current && previous && continues(previous, episode)) current.push(episode);
    else groups.push([episode]);
    previous = episode;
  }
  return groups.map((group) => {
    const first = group[0] as Episode;
    const last = group.at(-1) as Episode;
    const ended = last.end !== null && last.rec !== "X1";
    return { start: first.start, end: ended ? last.end : null, rec: ended ? last.rec : null, episodes: group };
  });
}

/** The placements, earliest first: a new one at each period's start and at RNE P, T, U or B. */
export function placementsOf(episodes: readonly Episode[]): PlacementSpell[] {
  const spells: PlacementSpell[] = [];
  for (const period of periodsOfCare(episodes)) {
    let group: Episode[] = [];
    const flush = (): void => {
      const first = group[0];
      const last = group.at(-1);
      if (first && last) spells.push({ start: first.start, end: last.end, placement: first.placement, episodes: group });
    };
    for (const episode of period.episodes) {
      if (group.length > 0 && episode.rne !== "L") {
        flush();
        group = [];
      }
      group.push(episode);
    }
    flush();
  }
  return spells;
}

/**
 * How many placements the child had on at least one day from `from` to `to` (inclusive; a
 * placement that ended on `from` does not count, as the child had moved that day). For the
 * stability measure (3 or more in a year) temporary placements (T0–T4) are left out by default,
 * and a return to the same placement after one is the same placement, not a new one.
 */
export function placementCountInYear(episodes: readonly Episode[], from: string, to: string, options: { includeTemporary?: boolean } = {}): number {
  const includeTemporary = options.includeTemporary ?? false;
  const counted: { start: string; end: string | null }[] = [];
  for (const period of periodsOfCare(episodes)) {
    let previous: PlacementSpell | undefined;
    for (const spell of placementsOf(period.episodes)) {
      if (!includeTemporary && isTemporaryPlacement(spell.placement.place)) continue;
      const last = counted.at(-1);
      if (previous && last && samePlacement(previous.placement, spell.placement)) {
        // Back from a temporary placement to the usual one: stretch the earlier spell.
        counted[counted.length - 1] = { start: last.start, end: spell.end };
      } else {
        counted.push({ start: spell.start, end: spell.end });
      }
      previous = spell;
    }
  }
  return counted.filter((spell) => spell.start <= to && (spell.end === null || spell.end > from)).length;
}

/**
 * True when the child was looked after on `date`: an episode started on or before it and had
 * not ended by it. The day care ended does not count, as the DfE counts children looked after
 * "at 31 March" only when their episode is still open.
 */
export function isLookedAfterOn(episodes: readonly Episode[], date: string): boolean {
  return episodes.some((episode) => episode.start <= date && (episode.end === null || date < episode.end));
}

/**
 * True when, on `date`, the child had been looked after continuously for at least `months`
 * whole months: looked after that day, in a period of care that began on or before the day
 * after the same date `months` earlier. 12 months at 31 March 2025 needs a start by 1 April 2024.
 */
export function lookedAfterContinuouslyFor(episodes: readonly Episode[], date: string, months: number): boolean {
  const latestStart = addCalendarDays(addCalendarMonths(date, -months), 1);
  return periodsOfCare(episodes).some((period) => period.start <= latestStart && isLookedAfterOn(period.episodes, date));
}
