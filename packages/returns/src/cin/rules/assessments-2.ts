/** Query (Q) rules on the Assessments module: open and overlapping assessments, and the factors recorded at assessment. */
import type { CinContext } from "../context.ts";
import { defineCinRule, rowsWhere, type CinRule } from "../rule.ts";
import { assessmentKeys, factorCodes, groupKeys } from "./helpers.ts";
import { workingDaysBetween } from "./working-days-2.ts";

/** 8670Q: an assessment still open at the census day should not have started more than 45 working days before it. */
const rule8670Q = defineCinRule("8670Q", ["Assessments", "Header"], { Assessments: ["AssessmentActualStartDate"] }, (ctx) => {
  const start = ctx.days("Assessments", "AssessmentActualStartDate");
  const end = ctx.values("Assessments", "AssessmentAuthorisationDate");
  const census = ctx.collectionEnd;
  return { Assessments: rowsWhere(start.length, (i) => end[i] === null && workingDaysBetween(start[i] ?? NaN, census) > 45) };
});

/** One assessment: its rows (one per factor from the reader), start and end (Infinity while open). */
interface Assessment {
  readonly rows: readonly number[];
  readonly start: number;
  readonly end: number;
  /** Its CIN episode's key (LAchildID and CINdetailsID), null when either is blank. */
  readonly episode: string | null;
}

/** The assessments of a return, all and by CIN episode. */
interface AssessmentIndex {
  readonly all: readonly Assessment[];
  readonly byEpisode: ReadonlyMap<string, readonly Assessment[]>;
}

// Several rules read the same grouping; the context is CIN-1's, so it is cached here per context.
const INDEXES = new WeakMap<CinContext, AssessmentIndex>();

/** The assessments of the return (rows grouped by assessment), cached per validation. */
function assessmentIndex(ctx: CinContext): AssessmentIndex {
  const cached = INDEXES.get(ctx);
  if (cached !== undefined) return cached;
  const start = ctx.days("Assessments", "AssessmentActualStartDate");
  const end = ctx.days("Assessments", "AssessmentAuthorisationDate");
  const episode = ctx.keys("Assessments", "LAchildID", "CINdetailsID");
  const all: Assessment[] = [];
  const byEpisode = new Map<string, Assessment[]>();
  for (const rows of groupKeys(assessmentKeys(ctx)).values()) {
    const first = rows[0] ?? 0;
    const e = end[first] ?? NaN;
    const key = episode[first] ?? null;
    const assessment = { rows, start: start[first] ?? NaN, end: Number.isNaN(e) ? Infinity : e, episode: key };
    all.push(assessment);
    if (key === null) continue;
    const list = byEpisode.get(key);
    if (list === undefined) byEpisode.set(key, [assessment]);
    else list.push(assessment);
  }
  const index = { all, byEpisode };
  INDEXES.set(ctx, index);
  return index;
}

/**
 * 8863Q: an assessment should not start while another of the same episode is ongoing (started
 * on or before its start and not authorised by then). The assessment that starts is flagged.
 */
const rule8863Q = defineCinRule("8863Q", ["Assessments"], { Assessments: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"] }, (ctx) => {
  const out: number[] = [];
  for (const list of assessmentIndex(ctx).byEpisode.values()) {
    if (list.length < 2) continue;
    const sorted = list.filter((a) => !Number.isNaN(a.start)).sort((a, b) => a.start - b.start);
    let maxEndBefore = -Infinity;
    for (let k = 0; k < sorted.length; ) {
      // Assessments starting the same day are ongoing for each other unless one ends that day.
      const s = sorted[k]?.start ?? NaN;
      let m = k;
      while (m < sorted.length && sorted[m]?.start === s) m++;
      const tied = sorted.slice(k, m);
      const openAtStart = tied.filter((a) => a.end > s).length;
      for (const a of tied) if (maxEndBefore > s || openAtStart - (a.end > s ? 1 : 0) > 0) out.push(...a.rows);
      for (const a of tied) maxEndBefore = Math.max(maxEndBefore, a.end);
      k = m;
    }
  }
  return { Assessments: out };
});

/**
 * 8873Q: an episode whose only assessment records factor 21 (no factors identified) should be
 * closed as RC8 or RC9. The assessment and the episode are flagged; an open episode (no closure
 * reason yet) is not.
 */
const rule8873Q = defineCinRule("8873Q", ["Assessments", "CINdetails"], { Assessments: ["AssessmentFactors"], CINdetails: ["ReasonForClosure"] }, (ctx) => {
  const factors = ctx.values("Assessments", "AssessmentFactors");
  const reason = ctx.values("CINdetails", "ReasonForClosure");
  const episodes = ctx.rowsByEpisode("CINdetails");
  const rows: number[] = [];
  const cinRows = new Set<number>();
  for (const list of assessmentIndex(ctx).byEpisode.values()) {
    const only = list.length === 1 ? list[0] : undefined;
    if (only === undefined || !only.rows.some((r) => factorCodes(factors[r]).includes("21"))) continue;
    const closing = (episodes.get(only.episode ?? "") ?? []).filter((c) => {
      const r = reason[c] ?? null;
      return r !== null && r !== "RC8" && r !== "RC9";
    });
    if (closing.length === 0) continue;
    rows.push(...only.rows);
    for (const c of closing) cinRows.add(c);
  }
  return { Assessments: rows, CINdetails: cinRows };
});

/** 8897Q: an assessment authorised in the census year must record at least one factor (all its rows are flagged). */
const rule8897Q = defineCinRule("8897Q", ["Assessments", "Header"], { Assessments: ["AssessmentAuthorisationDate", "AssessmentFactors"] }, (ctx) => {
  const factors = ctx.values("Assessments", "AssessmentFactors");
  const end = ctx.days("Assessments", "AssessmentAuthorisationDate");
  const [first, last] = [ctx.collectionStart, ctx.collectionEnd];
  const out: number[] = [];
  for (const { rows } of assessmentIndex(ctx).all) {
    const completed = rows.some((r) => { const d = end[r] ?? NaN; return d >= first && d <= last; });
    if (completed && rows.every((r) => factorCodes(factors[r]).length === 0)) out.push(...rows);
  }
  return { Assessments: out };
});

/** A rule flagging rows that record a retired assessment factor code (any case). */
const retiredFactor = (code: string, factor: string): CinRule =>
  defineCinRule(code, ["Assessments"], { Assessments: ["AssessmentFactors"] }, (ctx) => {
    const factors = ctx.values("Assessments", "AssessmentFactors");
    return { Assessments: rowsWhere(factors.length, (i) => factorCodes(factors[i]).some((f) => f.toUpperCase() === factor)) };
  });

/** 8945Q: factor 18A is retired (18B or 18C instead). */
const rule8945Q = retiredFactor("8945Q", "18A");
/** 8950Q: factor 19A is retired (19B or 19C instead). */
const rule8950Q = retiredFactor("8950Q", "19A");

/** The query rules on Assessments (CIN-2). */
export const ASSESSMENT_QUERY_RULES: readonly CinRule[] = [rule8670Q, rule8863Q, rule8873Q, rule8897Q, rule8945Q, rule8950Q];
