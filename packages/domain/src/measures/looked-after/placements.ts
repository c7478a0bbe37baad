/**
 * The placements the stability measures count, worked out once per child so each month end is
 * a scan of a short list. The rules are the domain's `placementCountInYear` (episode-history.ts):
 * within a period of care a placement starts at the period's start and at every RNE other than
 * L; temporary placements (T0–T4) are left out, and a return to the same placement after one
 * stretches the earlier placement. placements.test.ts checks the two agree on random histories.
 */
import { samePlacement, type Placement } from "../../episode-derivation.ts";
import { placementsOf, type PeriodOfCare } from "../../episode-history.ts";
import { isTemporaryPlacement } from "../../looked-after-codes.ts";
import type { IsoDate } from "../measure-types.ts";

/** One counted placement: from its start to its end (null while current), in a period of care. */
export interface CountedPlacement {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly periodStart: IsoDate;
}

/** The counted placements of every period of care, earliest first. */
export function countedPlacements(periods: readonly PeriodOfCare[]): CountedPlacement[] {
  const counted: { start: IsoDate; end: IsoDate | null; periodStart: IsoDate }[] = [];
  for (const period of periods) {
    let previous: Placement | undefined;
    for (const spell of placementsOf(period.episodes)) {
      if (isTemporaryPlacement(spell.placement.place)) continue;
      const last = counted.at(-1);
      if (previous !== undefined && last !== undefined && samePlacement(previous, spell.placement)) last.end = spell.end;
      else counted.push({ start: spell.start, end: spell.end, periodStart: period.start });
      previous = spell.placement;
    }
  }
  return counted;
}

/**
 * How many counted placements the child was in on at least one day from `from` to `to`
 * (a placement that ended on `from` does not count: the child moved that day).
 */
export function placementsBetween(placements: readonly CountedPlacement[], from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (const p of placements) if (p.start <= to && (p.end === null || p.end > from)) n += 1;
  return n;
}

/** The latest counted placement that started on or before `day`, and the one before it in the same period. */
export function currentAndPrevious(placements: readonly CountedPlacement[], day: IsoDate): { current: CountedPlacement | undefined; previous: CountedPlacement | undefined } {
  let i = placements.length - 1;
  while (i >= 0 && (placements[i] as CountedPlacement).start > day) i -= 1;
  const current = placements[i];
  const before = placements[i - 1];
  return { current, previous: current !== undefined && before !== undefined && before.periodStart === current.periodStart ? before : undefined };
}
