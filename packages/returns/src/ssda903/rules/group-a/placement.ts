/** Rules on an episode's placement provider and the placement fields derived from postcodes. */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { filled, SHORT_BREAK_LS } from "./helpers.ts";

const PROVIDER_CODES = new Set(["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]);
// Placements that take no provider. The reference leaves T4 out here (it is in rule 213's list).
const NO_PROVIDER_PLACES = new Set(["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"]);

/** 178: a provider must be PR0–PR5, and temporary (T0–T3) or Z1x placements take none; a blank passes. */
export const rule178 = defineRule("178", ["Episodes"], (ctx) => {
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  const place = ctx.values("Episodes", "PLACE");
  return {
    Episodes: rowsWhere(provider.length, (i) => {
      const p = provider[i];
      return filled(p) && (NO_PROVIDER_PLACES.has(place[i] ?? "") || !PROVIDER_CODES.has(p));
    }),
  };
});

/** 169: the placement's local authority (derived from PL_POST) is needed except for short breaks. */
export const rule169 = defineRule("169", ["Episodes"], (ctx) => {
  const la = ctx.values("Episodes", "PL_LA");
  const ls = ctx.values("Episodes", "LS");
  return { Episodes: rowsWhere(la.length, (i) => !filled(la[i]) && !SHORT_BREAK_LS.has(ls[i] ?? "")) };
});

const LOCATIONS = new Set(["IN", "OUT"]);

/** 179: the placement location must be IN or OUT; it may be blank only for short breaks. */
export const rule179 = defineRule("179", ["Episodes"], (ctx) => {
  const location = ctx.values("Episodes", "PL_LOCATION");
  const ls = ctx.values("Episodes", "LS");
  return {
    Episodes: rowsWhere(location.length, (i) => {
      const v = location[i];
      return filled(v) ? !LOCATIONS.has(v) : !SHORT_BREAK_LS.has(ls[i] ?? "");
    }),
  };
});

const DISTANCE = /^\d+(\.\d+)?$/;

/** Children who are or were unaccompanied asylum seekers, by this year's or last year's Header or UASC table. */
function uascChildren(ctx: Ssda903Context): Set<string> {
  const out = new Set<string>();
  for (const table of ["Header", "Header_last"] as const) {
    const ids = ctx.values(table, "CHILD");
    const uasc = ctx.values(table, "UASC");
    ids.forEach((child, i) => {
      if (child !== null && uasc[i] === "1") out.add(child);
    });
  }
  for (const table of ["UASC", "UASC_last"] as const) {
    const ids = ctx.values(table, "CHILD");
    const duc = ctx.values(table, "DUC");
    ids.forEach((child, i) => {
      if (child !== null && filled(duc[i])) out.add(child);
    });
  }
  return out;
}

/**
 * 164: a placement distance, when given, must be a number of miles from 0 to 999.9. Children
 * who are or were UASC are left out (their home postcode is often abroad), as the reference does.
 */
export const rule164 = defineRule("164", ["Episodes"], (ctx) => {
  const distance = ctx.values("Episodes", "PL_DISTANCE");
  const ids = ctx.values("Episodes", "CHILD");
  const uasc = uascChildren(ctx);
  return {
    Episodes: rowsWhere(distance.length, (i) => {
      const v = distance[i];
      if (!filled(v) || uasc.has(ids[i] ?? "")) return false;
      return !DISTANCE.test(v) || Number(v) > 999.9;
    }),
  };
});
