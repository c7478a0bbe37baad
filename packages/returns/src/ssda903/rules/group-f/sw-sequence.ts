/**
 * Stage 2 checks on a child's sequence of social worker episodes: one open at a time (SW08),
 * no overlaps (SW10), one open at 31 March (SW17) and no gap left at the year's end (SW11b).
 */
import { defineRule } from "../../rule.ts";
import { swEpisodeColumns, swEpisodesByChild } from "./sw-shared.ts";

/**
 * SW08STG2: an episode with no end date followed (by start date) by another episode of the
 * child. The open episode is flagged, not the one that follows it. Episodes without a readable
 * start date have no place in the sequence and are left out.
 */
export const ruleSw08 = defineRule("SW08STG2", ["SWEpisodes"], (ctx) => {
  const { endValue } = swEpisodeColumns(ctx);
  const out: number[] = [];
  for (const { rows, dated } of swEpisodesByChild(ctx).values()) {
    for (let k = 0; k < dated - 1; k++) {
      const row = rows[k];
      if (row !== undefined && endValue[row] == null) out.push(row);
    }
  }
  return { SWEpisodes: out };
});

/**
 * SW10STG2: an episode starting before the previous episode of the child (by start date) ended.
 * The later episode is flagged.
 */
export const ruleSw10 = defineRule("SW10STG2", ["SWEpisodes"], (ctx) => {
  const { start, end } = swEpisodeColumns(ctx);
  const out: number[] = [];
  for (const { rows, dated } of swEpisodesByChild(ctx).values()) {
    for (let k = 1; k < dated; k++) {
      const row = rows[k];
      const previous = rows[k - 1];
      if (row !== undefined && previous !== undefined && (start[row] ?? Number.NaN) < (end[previous] ?? Number.NaN)) out.push(row);
    }
  }
  return { SWEpisodes: out };
});

/**
 * SW17STG2: a child with no open episode (no end date). The child's latest episode by start
 * date is flagged. The reference judges "open" by the blank end date alone: an end date after
 * 31 March does not count as open (its 2017/18 finding is on an episode ending in 2020).
 */
export const ruleSw17 = defineRule("SW17STG2", ["SWEpisodes"], (ctx) => {
  const { endValue } = swEpisodeColumns(ctx);
  const out: number[] = [];
  for (const { rows, dated } of swEpisodesByChild(ctx).values()) {
    if (rows.some((r) => endValue[r] == null)) continue;
    // With no readable start date at all, the child's last row in the file stands for the latest.
    const latest = dated > 0 ? rows[dated - 1] : rows.at(-1);
    if (latest !== undefined) out.push(latest);
  }
  return { SWEpisodes: out };
});

/** Days before 31 March in which an ended episode with nothing after it is queried by SW11b. */
const SW11B_WINDOW_DAYS = 5;

/**
 * SW11bSTG2: the child's episodes all ended (none has a start date but no end date) and the
 * latest end falls in the last days of the year: 26 to 30 March. The reference's example
 * flags an end on 26 March but not on 25 March, so the "b" query covers only the days just
 * before 31 March; an earlier end is not queried by this rule.
 * The child's last row (by start date, undated rows last) is flagged, even a row with no dates,
 * as in the reference's example.
 */
export const ruleSw11b = defineRule("SW11bSTG2", ["SWEpisodes"], (ctx) => {
  const { start, end, endValue } = swEpisodeColumns(ctx);
  const yearEnd = ctx.collectionEnd;
  const out: number[] = [];
  for (const { rows } of swEpisodesByChild(ctx).values()) {
    let latestEnd = Number.NEGATIVE_INFINITY;
    let open = false;
    for (const r of rows) {
      if (!Number.isNaN(start[r] ?? Number.NaN) && endValue[r] == null) open = true;
      const e = end[r] ?? Number.NaN;
      if (e > latestEnd) latestEnd = e;
    }
    if (open || !(latestEnd < yearEnd && latestEnd >= yearEnd - SW11B_WINDOW_DAYS)) continue;
    const last = rows.at(-1);
    if (last !== undefined) out.push(last);
  }
  return { SWEpisodes: out };
});
