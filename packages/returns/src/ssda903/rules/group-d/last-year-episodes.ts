/**
 * Cross-year episode rules: this year's first episode must carry on the episode left open at the
 * end of last year's return (502, 503A–503J), and an episode that began before this year must
 * be in last year's return (562).
 */
import type { Ssda903Value } from "../../../ssda903-tables.ts";
import type { Ssda903Context } from "../../context.ts";
import { defineRule, type Ssda903Rule } from "../../rule.ts";

type CarriedOver = readonly { readonly first: number; readonly open: number }[];
const carriedCache = new WeakMap<Ssda903Context, CarriedOver>();

/**
 * Per child: this year's first episode (earliest DECOM, the earlier row on a tie) and last year's
 * final episode (latest DECOM, the later row on a tie) when that was left open. Ten rules read it,
 * so it is worked out once per validation.
 */
function carriedOver(ctx: Ssda903Context): CarriedOver {
  const cached = carriedCache.get(ctx);
  if (cached !== undefined) return cached;
  const decom = ctx.days("Episodes", "DECOM");
  const lastDecom = ctx.days("Episodes_last", "DECOM");
  const lastDec = ctx.values("Episodes_last", "DEC");
  const lastByChild = ctx.rowsByChild("Episodes_last");
  const out: { first: number; open: number }[] = [];
  for (const [child, rows] of ctx.rowsByChild("Episodes")) {
    const lastRows = lastByChild.get(child);
    if (lastRows === undefined) continue;
    let final = -1;
    let finalDay = Number.NEGATIVE_INFINITY;
    for (const r of lastRows) {
      const day = lastDecom[r] ?? Number.NaN;
      if (day >= finalDay) [final, finalDay] = [r, day];
    }
    if (final < 0 || lastDec[final] !== null) continue;
    let first = rows[0] ?? -1;
    let firstDay = Number.POSITIVE_INFINITY;
    for (const r of rows) {
      const day = decom[r] ?? Number.NaN;
      if (day < firstDay) [first, firstDay] = [r, day];
    }
    out.push({ first, open: final });
  }
  carriedCache.set(ctx, out);
  return out;
}

/** 502: the first episode this year must start on the day last year's open episode started. */
export const rule502 = defineRule("502", ["Episodes", "Episodes_last"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const lastDecom = ctx.days("Episodes_last", "DECOM");
  return { Episodes: carriedOver(ctx).filter(({ first, open }) => decom[first] !== lastDecom[open]).map((p) => p.first) };
});

/** The start year of a collection year given as "2023", "2023/24" or "2023-24"; NaN when unknown. */
function startYear(collectionYear: string | null): number {
  const m = collectionYear === null ? null : /^(\d{4})/.exec(collectionYear);
  return m === null ? Number.NaN : Number(m[1]);
}

type Same = (now: Ssda903Value, last: Ssda903Value, ctx: Ssda903Context) => boolean;

const sameText: Same = (now, last) => now === last;

/** Distances compare as numbers ("165" = "165.0"); text otherwise. */
const sameNumber: Same = (now, last) => {
  if (now === null || last === null) return now === last;
  const a = Number(now);
  const b = Number(last);
  return Number.isNaN(a) || Number.isNaN(b) ? now === last : a === b;
};

/** Z1 (other placements) was split into Z11–Z14 from 2023/24, so last year's Z1 is carried on by any of them. */
const Z1_SPLIT: ReadonlySet<string> = new Set(["Z11", "Z12", "Z13", "Z14"]);
const samePlacement: Same = (now, last, ctx) =>
  now === last || (last === "Z1" && now !== null && Z1_SPLIT.has(now) && startYear(ctx.metadata.collectionYear) >= 2023);

function carriedField(code: string, column: string, same: Same): Ssda903Rule {
  return defineRule(code, ["Episodes", "Episodes_last"], (ctx) => {
    const now = ctx.values("Episodes", column);
    const last = ctx.values("Episodes_last", column);
    const failing = carriedOver(ctx).filter(({ first, open }) => !same(now[first] ?? null, last[open] ?? null, ctx));
    return { Episodes: failing.map((p) => p.first) };
  });
}

/** 503A: reason for new episode carried on from last year's open episode. */
export const rule503A = carriedField("503A", "RNE", sameText);
/** 503B: legal status carried on. */
export const rule503B = carriedField("503B", "LS", sameText);
/** 503C: category of need carried on. */
export const rule503C = carriedField("503C", "CIN", sameText);
/** 503D: placement type carried on (Z1 → Z11–Z14 accepted from 2023/24). */
export const rule503D = carriedField("503D", "PLACE", samePlacement);
/** 503E: placement provider carried on. */
export const rule503E = carriedField("503E", "PLACE_PROVIDER", sameText);
/** 503F: Ofsted URN carried on. */
export const rule503F = carriedField("503F", "URN", sameText);
/** 503G: placement distance carried on. */
export const rule503G = carriedField("503G", "PL_DISTANCE", sameNumber);
/** 503H: placement authority carried on. */
export const rule503H = carriedField("503H", "PL_LA", sameText);
/** 503J: placement location (IN/OUT) carried on. */
export const rule503J = carriedField("503J", "PL_LOCATION", sameText);

/** 562: an episode that began before this collection year must be in last year's return (same child and DECOM). */
export const rule562 = defineRule("562", ["Episodes", "Episodes_last"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const children = ctx.childIndex("Episodes");
  const lastDecom = ctx.days("Episodes_last", "DECOM");
  // Last year's rows by child number (ctx.childIndex), not by Map lookups of each id.
  const { start, rows: lastRows } = ctx.rowsByChildIndex("Episodes_last");
  const failing: number[] = [];
  decom.forEach((day, i) => {
    if (!(day < ctx.collectionStart)) return;
    const child = children[i] ?? -1;
    let found = false;
    if (child >= 0) for (let k = start[child] ?? 0; k < (start[child + 1] ?? 0) && !found; k++) found = lastDecom[lastRows[k] ?? 0] === day;
    if (!found) failing.push(i);
  });
  return { Episodes: failing };
});
