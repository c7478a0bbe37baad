/** Views of the social worker episodes table the SW rules share. */
import { dayFromParts, type Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";

/**
 * Social worker episodes were first collected for 2023/24: an episode starting on or after
 * 1 April 2023 must give a reason for the change of social worker (SW01b, SW13), one starting
 * earlier need not (SW01a). The reference's examples place the line between 1 January 2000 and
 * 1 April 2023 without metadata, so it is this fixed date, not the collection year.
 */
export const SW_REASON_REQUIRED_FROM: Day = dayFromParts(2023, 4, 1);

/** The SW episode columns the rules read, as days (NaN blank or unreadable) and raw values. */
export interface SwEpisodeColumns {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly endValue: readonly (string | null)[];
}

/** SW_DECOM and SW_DEC of every SW episode. */
export function swEpisodeColumns(ctx: Ssda903Context): SwEpisodeColumns {
  return { start: ctx.days("SWEpisodes", "SW_DECOM"), end: ctx.days("SWEpisodes", "SW_DEC"), endValue: ctx.values("SWEpisodes", "SW_DEC") };
}

/** One child's SW episodes in start order: the dated ones by SW_DECOM (ties in file order), then the undated. */
export interface SwChildEpisodes {
  readonly rows: readonly number[];
  /** How many of `rows`, from the first, have a readable start date. */
  readonly dated: number;
}

// Several SW rules walk the same per-child order; it is built once per validation.
const orderCache = new WeakMap<Ssda903Context, ReadonlyMap<string, SwChildEpisodes>>();

/** Each child's SW episodes in start order (children with a blank CHILD are left out). */
export function swEpisodesByChild(ctx: Ssda903Context): ReadonlyMap<string, SwChildEpisodes> {
  let cached = orderCache.get(ctx);
  if (cached === undefined) {
    const start = ctx.days("SWEpisodes", "SW_DECOM");
    const out = new Map<string, SwChildEpisodes>();
    for (const [child, rows] of ctx.rowsByChild("SWEpisodes")) {
      const dated = rows.filter((r) => !Number.isNaN(start[r] ?? Number.NaN));
      if (dated.length > 1) dated.sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0) || a - b);
      const count = dated.length;
      if (count < rows.length) for (const r of rows) if (Number.isNaN(start[r] ?? Number.NaN)) dated.push(r);
      out.set(child, { rows: dated, dated: count });
    }
    cached = out;
    orderCache.set(ctx, cached);
  }
  return cached;
}
