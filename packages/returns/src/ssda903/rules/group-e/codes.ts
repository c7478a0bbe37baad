/** Rules on single fields: missing episodes (1004–1006), URN (1008), reason for placement change (1009), own provision (1015). */
import { defineRule, rowsWhere } from "../../rule.ts";

/** 1004: MIS_START must be a valid date (blank fails). */
export const rule1004 = defineRule("1004", ["Missing"], (ctx) => {
  const start = ctx.days("Missing", "MIS_START");
  return { Missing: rowsWhere(start.length, (i) => Number.isNaN(start[i] ?? Number.NaN)) };
});

/** 1005: MIS_END, when given, must be a valid date. */
export const rule1005 = defineRule("1005", ["Missing"], (ctx) => {
  const text = ctx.values("Missing", "MIS_END");
  const end = ctx.days("Missing", "MIS_END");
  return { Missing: rowsWhere(end.length, (i) => (text[i] ?? null) !== null && Number.isNaN(end[i] ?? Number.NaN)) };
});

const MISSING_TYPES: ReadonlySet<string> = new Set(["M", "A"]);

/** 1006: MISSING, when given, must be M (missing) or A (away without authorisation). */
export const rule1006 = defineRule("1006", ["Missing"], (ctx) => {
  const type = ctx.values("Missing", "MISSING");
  return { Missing: rowsWhere(type.length, (i) => { const v = type[i] ?? null; return v !== null && !MISSING_TYPES.has(v); }) };
});

/** The URN placeholder for placements without an Ofsted registration. */
const NO_URN = "XXXXXXX";

/**
 * 1008: a URN must be one of the Ofsted providers given (provider_info), or XXXXXXX. Without a
 * provider list there is nothing to check against and nothing is reported, as the reference does
 * on its fixture.
 */
export const rule1008 = defineRule("1008", ["Episodes"], (ctx) => {
  const providers = ctx.metadata.providerInfo;
  if (providers === null) return {};
  const known = new Set<string>();
  for (const row of providers.rows) {
    const urn = row.URN ?? null;
    if (urn !== null) known.add(urn);
  }
  const urn = ctx.values("Episodes", "URN");
  return { Episodes: rowsWhere(urn.length, (i) => { const v = urn[i] ?? null; return v !== null && v !== NO_URN && !known.has(v); }) };
});

const PLACE_CHANGE_REASONS: ReadonlySet<string> = new Set([
  "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
]);

/** 1009: REASON_PLACE_CHANGE, when given, must be one of the codes. */
export const rule1009 = defineRule("1009", ["Episodes"], (ctx) => {
  const reason = ctx.values("Episodes", "REASON_PLACE_CHANGE");
  return { Episodes: rowsWhere(reason.length, (i) => { const v = reason[i] ?? null; return v !== null && !PLACE_CHANGE_REASONS.has(v); }) };
});

/** Placements 1015 leaves out: placed for adoption and foster placements. */
const NOT_CHECKED: ReadonlySet<string> = new Set(["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"]);
const RESPITE: ReadonlySet<string> = new Set(["V3", "V4"]);

/**
 * 1015: a placement with the authority's own provision (PR1) must be in the authority (PL_LA),
 * except adoption and foster placements and respite (LS V3/V4). A blank or absent PL_LA fails,
 * as in the reference's fixture findings (its files carry no PL_LA). Unknown authority: no check.
 */
export const rule1015 = defineRule("1015", ["Episodes"], (ctx) => {
  const la = ctx.metadata.localAuthority;
  if (la === null) return {};
  const place = ctx.values("Episodes", "PLACE");
  const ls = ctx.values("Episodes", "LS");
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  const plLa = ctx.values("Episodes", "PL_LA");
  return {
    Episodes: rowsWhere(place.length, (i) => {
      const p = place[i] ?? null;
      const l = ls[i] ?? null;
      return provider[i] === "PR1" && p !== null && !NOT_CHECKED.has(p) && l !== null && !RESPITE.has(l) && plLa[i] !== la;
    }),
  };
});
