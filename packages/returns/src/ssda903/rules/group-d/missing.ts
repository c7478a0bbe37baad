/** Rules on missing / away-without-authorisation periods (Missing) and their fit with the episodes (564–586). */
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";
import { blank, childPairs, episodeSpans, periodsOfCare, within } from "./shared.ts";

/** 564: a missing/away period needs its start date. */
export const rule564 = defineRule("564", ["Missing"], (ctx) => {
  const missing = ctx.values("Missing", "MISSING");
  const start = ctx.values("Missing", "MIS_START");
  return { Missing: rowsWhere(missing.length, (i) => !blank(missing[i]) && blank(start[i])) };
});

/** 565: a start date needs MISSING (M or A) completed. */
export const rule565 = defineRule("565", ["Missing"], (ctx) => {
  const missing = ctx.values("Missing", "MISSING");
  const start = ctx.values("Missing", "MIS_START");
  return { Missing: rowsWhere(missing.length, (i) => blank(missing[i]) && !blank(start[i])) };
});

/** 566: an end date needs MISSING completed. */
export const rule566 = defineRule("566", ["Missing"], (ctx) => {
  const missing = ctx.values("Missing", "MISSING");
  const end = ctx.values("Missing", "MIS_END");
  return { Missing: rowsWhere(missing.length, (i) => blank(missing[i]) && !blank(end[i])) };
});

/** 567: a period cannot end before it started. */
export const rule567 = defineRule("567", ["Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  const end = ctx.days("Missing", "MIS_END");
  return { Missing: rowsWhere(start.length, (i) => (end[i] ?? Number.NaN) < (start[i] ?? Number.NaN)) };
});

/** 570: a period cannot start after the collection year. */
export const rule570 = defineRule("570", ["Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  return { Missing: rowsWhere(start.length, (i) => (start[i] ?? Number.NaN) > ctx.collectionEnd) };
});

/** 571: a period's end must fall within the collection year. */
export const rule571 = defineRule("571", ["Missing"], (ctx) => {
  const end = ctx.days("Missing", "MIS_END");
  return { Missing: rowsWhere(end.length, (i) => (end[i] ?? Number.NaN) < ctx.collectionStart || (end[i] ?? Number.NaN) > ctx.collectionEnd) };
});

/**
 * 574: a child's periods must not overlap (an open period runs on). Of two overlapping periods
 * the reference flags the one ending later, counting an open period as ending earliest: (1–5 June,
 * 4 June–open) flags the first, (2–4 June, 3–9 June) the second.
 */
export const rule574 = defineRule("574", ["Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  const end = ctx.days("Missing", "MIS_END");
  const reach = (r: number): number => (Number.isNaN(end[r] ?? Number.NaN) ? Number.POSITIVE_INFINITY : (end[r] ?? 0));
  const rank = (r: number): number => (Number.isNaN(end[r] ?? Number.NaN) ? Number.NEGATIVE_INFINITY : (end[r] ?? 0));
  const failing: number[] = [];
  for (const rows of ctx.rowsByChild("Missing").values()) {
    const dated = rows.filter((r) => !Number.isNaN(start[r] ?? Number.NaN));
    for (const x of dated) {
      const sx = start[x] ?? 0;
      const overlapsEarlierEnding = dated.some((y) => y !== x && (start[y] ?? 0) < reach(x) && sx < reach(y) && rank(y) < rank(x));
      if (overlapsEarlierEnding) failing.push(x);
    }
  }
  return { Missing: failing };
});

/** 575: a period that started during an episode that has ended must have ended too. */
export const rule575 = defineRule("575", ["Episodes", "Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  const end = ctx.values("Missing", "MIS_END");
  const failing: number[] = [];
  for (const [, missingRows, rows] of childPairs(ctx, "Missing", "Episodes")) {
    const closed = episodeSpans(ctx, rows).filter((s) => s.end !== Number.POSITIVE_INFINITY);
    for (const m of missingRows) if (blank(end[m]) && within(start[m] ?? Number.NaN, closed)) failing.push(m);
  }
  return { Missing: failing };
});

/** 576: a period open at the end of last year must reappear (same start) in this year's return. */
export const rule576 = defineRule("576", ["Missing", "Missing_last"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  const lastStart = ctx.days("Missing_last", "MIS_START");
  const lastEnd = ctx.values("Missing_last", "MIS_END");
  const failing: number[] = [];
  for (const [, rows, lastRows] of childPairs(ctx, "Missing", "Missing_last")) {
    for (const l of lastRows) {
      if (!blank(lastEnd[l]) || Number.isNaN(lastStart[l] ?? Number.NaN)) continue;
      if (!rows.some((r) => start[r] === lastStart[l])) failing.push(...rows);
    }
  }
  return { Missing: failing };
});

/**
 * 577: a child who ceased to be looked after has no period running past it. A dated end must fall
 * within an episode; an open period must have started in a period of care that is still open.
 * Periods without a start, and children without episodes, are left to other rules (as the reference).
 */
export const rule577 = defineRule("577", ["Episodes", "Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  const endText = ctx.values("Missing", "MIS_END");
  const end = ctx.days("Missing", "MIS_END");
  const failing: number[] = [];
  for (const [, missingRows, rows] of childPairs(ctx, "Missing", "Episodes")) {
    const spans = episodeSpans(ctx, rows);
    const openSince = periodsOfCare(ctx, rows).filter((p) => p.end === Number.POSITIVE_INFINITY).map((p) => p.start);
    for (const m of missingRows) {
      const s = start[m] ?? Number.NaN;
      if (Number.isNaN(s)) continue;
      const stillOpen = blank(endText[m]);
      if (stillOpen ? !openSince.some((since) => since <= s) : !within(end[m] ?? Number.NaN, spans)) failing.push(m);
    }
  }
  return { Missing: failing };
});

/** A rule that a period's start falls within one of the child's episodes (children without episodes pass). */
function startsInCare(code: string): Ssda903Rule {
  return defineRule(code, ["Episodes", "Missing"], (ctx) => {
    const start = ctx.days("Missing", "MIS_START");
    const failing: number[] = [];
    for (const [, missingRows, rows] of childPairs(ctx, "Missing", "Episodes")) {
      const spans = episodeSpans(ctx, rows);
      for (const m of missingRows) {
        const s = start[m] ?? Number.NaN;
        if (!Number.isNaN(s) && !within(s, spans)) failing.push(m);
      }
    }
    return { Missing: failing };
  });
}

/** 578: a period cannot start after the child ceased to be looked after (the reference flags any start outside the episodes). */
export const rule578 = startsInCare("578");
/** 581: a period cannot start before the child is looked after (the reference's test is the same as 578's). */
export const rule581 = startsInCare("581");

/** 580: an episode ending the day a period of the child ended must have ceased E8 (missing). */
export const rule580 = defineRule("580", ["Episodes", "Missing"], (ctx) => {
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const end = ctx.days("Missing", "MIS_END");
  const failing: number[] = [];
  for (const [, rows, missingRows] of childPairs(ctx, "Episodes", "Missing")) {
    for (const r of rows) if (rec[r] !== "E8" && missingRows.some((m) => end[m] === dec[r])) failing.push(r);
  }
  return { Episodes: failing };
});

/** 586: a period cannot start before the child's date of birth. */
export const rule586 = defineRule("586", ["Missing"], (ctx) => {
  const dob = ctx.days("Missing", "DOB");
  const start = ctx.days("Missing", "MIS_START");
  return { Missing: rowsWhere(start.length, (i) => (start[i] ?? Number.NaN) < (dob[i] ?? Number.NaN)) };
});
