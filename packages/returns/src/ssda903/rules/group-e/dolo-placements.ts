/** Rules on the placements of children with a Deprivation of Liberty Order, 2026/27 onwards: 709, 710. */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, type RowFindings, type Ssda903Rule } from "../../rule.ts";

/** Placements 710 forbids for a child with a DoLO: secure children's home, with parents, supported accommodation, young offender institution. */
const FORBIDDEN: ReadonlySet<string> = new Set(["K1", "P1", "K3", "R5"]);

/**
 * Placements where a DoLO is to be expected: children's homes, residential care and schools,
 * health settings, foster care, other (unregistered) placements and temporary moves. The DfE
 * publishes no list; 709 queries anything else that 710 does not already reject.
 */
const EXPECTED: ReadonlySet<string> = new Set([
  "K2", "R1", "R2", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
]);

/**
 * The DoLo and Episodes rows of every DoLO that overlaps an episode whose placement fails the
 * test. Both need their dates: a DoLO or episode without an end is not compared, as in the
 * reference's examples. The examples name the placement column PLACEMENT; the return calls it
 * PLACE, which is read when present.
 */
function doloPlacements(ctx: Ssda903Context, failing: (place: string | null) => boolean): RowFindings {
  const place = ctx.values("Episodes", ctx.hasColumn("Episodes", "PLACE") ? "PLACE" : "PLACEMENT");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const start = ctx.days("DoLo", "DOLO_START");
  const end = ctx.days("DoLo", "DOLO_END");
  const episodes = ctx.rowsByChild("Episodes");
  const dolo: number[] = [];
  const flagged: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("DoLo")) {
    const own = (episodes.get(child) ?? []).filter((e) => failing(place[e] ?? null));
    if (own.length === 0) continue;
    for (const r of rows) {
      const s = start[r] ?? Number.NaN;
      const f = end[r] ?? Number.NaN;
      const overlapping = own.filter((e) => s <= (dec[e] ?? Number.NaN) && f >= (decom[e] ?? Number.NaN));
      if (overlapping.length > 0) {
        dolo.push(r);
        flagged.push(...overlapping);
      }
    }
  }
  return { DoLo: dolo, Episodes: flagged };
}

/** 709: a child with a DoLO is in a placement type where one is not expected. */
export const rule709: Ssda903Rule = defineRule("709", ["DoLo", "Episodes"], (ctx) =>
  doloPlacements(ctx, (place) => place !== null && !EXPECTED.has(place) && !FORBIDDEN.has(place)),
);

/** 710: a child with a DoLO cannot be in a secure children's home, with parents, in a young offender institution or in supported accommodation. */
export const rule710: Ssda903Rule = defineRule("710", ["DoLo", "Episodes"], (ctx) => doloPlacements(ctx, (place) => place !== null && FORBIDDEN.has(place)));
