/** Rules on an episode's placement details: provider, location, URN and reason for change (213–226, 233, 234). */
import { ageOn, dayFromParts } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt, episodesInStartOrder, firstDayLookup, upperAt } from "./shared.ts";

/** Temporary placements (T0–T4). */
const TEMPORARY = new Set(["T0", "T1", "T2", "T3", "T4"]);
/** Placements with no placement provider (temporary placements and Z11–Z14). */
const NO_PROVIDER = new Set([...TEMPORARY, "Z11", "Z12", "Z13", "Z14"]);
/** Placements with no Ofsted URN (with parents, in the community, independent living, temporary, Z11–Z14). */
const NO_URN = new Set(["P1", "P3", "R1", "R2", "R5", ...NO_PROVIDER]);
/** The value the DfE gives for "no URN". */
const NO_URN_VALUE = "XXXXXXX";
/** Reasons for new episode that are a change of placement. */
const PLACEMENT_CHANGE = new Set(["P", "T", "U", "B"]);

/** 213: no placement provider for temporary placements and Z11–Z14. */
export const rule213 = defineRule("213", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  return { Episodes: rowsWhere(place.length, (i) => NO_PROVIDER.has(place[i] ?? "") && provider[i] != null) };
});

/** 214: no placement postcode or URN for legal statuses V3 and V4 (short breaks). */
export const rule214 = defineRule("214", ["Episodes"], (ctx) => {
  const ls = ctx.values("Episodes", "LS");
  const postcode = ctx.values("Episodes", "PL_POST");
  const urn = ctx.values("Episodes", "URN");
  return { Episodes: rowsWhere(ls.length, (i) => (ls[i] === "V3" || ls[i] === "V4") && (postcode[i] != null || urn[i] != null)) };
});

/** Placed for adoption with current foster carers (A3, A5) from 1 April 2015 needs a new episode reason S, T or U. */
const ADOPTION_WITH_CARERS_FROM = dayFromParts(2015, 4, 1);

/** 217: see ADOPTION_WITH_CARERS_FROM. */
export const rule217 = defineRule("217", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const rne = ctx.values("Episodes", "RNE");
  const decom = ctx.days("Episodes", "DECOM");
  return {
    Episodes: rowsWhere(place.length, (i) => (place[i] === "A3" || place[i] === "A5") && dayAt(decom, i) >= ADOPTION_WITH_CARERS_FROM && !["S", "T", "U"].includes(rne[i] ?? "")),
  };
});

/** PL_LA values outside England, where Ofsted does not register providers. */
const outsideEngland = (la: string): boolean => la.startsWith("W") || la === "SCO" || la === "NIR" || la === "NUK";

/**
 * 218: a URN is required for placements that have one, in England, open at or after the start of
 * the collection year. PL_LA is derived from the placement postcode; where it is missing the
 * placement's country is unknown and nothing is reported (the reference reports nothing then).
 */
export const rule218 = defineRule("218", ["Episodes"], (ctx) => {
  if (!ctx.hasColumn("Episodes", "PL_LA")) return {};
  const place = ctx.values("Episodes", "PLACE");
  const la = ctx.values("Episodes", "PL_LA");
  const urn = ctx.values("Episodes", "URN");
  const dec = ctx.days("Episodes", "DEC");
  const decRaw = ctx.values("Episodes", "DEC");
  return {
    Episodes: rowsWhere(place.length, (i) => {
      const placeLa = upperAt(la, i);
      if (placeLa === null || outsideEngland(placeLa) || NO_URN.has(place[i] ?? "") || urn[i] != null) return false;
      return decRaw[i] == null || dayAt(dec, i) >= ctx.collectionStart;
    }),
  };
});

/** 222: no URN (other than XXXXXXX) for placements without one. */
export const rule222 = defineRule("222", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const urn = ctx.values("Episodes", "URN");
  return { Episodes: rowsWhere(place.length, (i) => NO_URN.has(place[i] ?? "") && urn[i] != null && upperAt(urn, i) !== NO_URN_VALUE) };
});

/**
 * 225: an episode ending for a placement change (REC X1, next episode's reason P, T, U or B) needs
 * a reason for the change, unless it moves out of or into a temporary placement.
 */
export const rule225 = defineRule("225", ["Episodes"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const rne = ctx.values("Episodes", "RNE");
  const place = ctx.values("Episodes", "PLACE");
  const reason = ctx.values("Episodes", "REASON_PLACE_CHANGE");
  const out: number[] = [];
  for (const rows of episodesInStartOrder(ctx).values()) {
    rows.forEach((row, k) => {
      const next = rows[k + 1];
      if (next === undefined || rec[row] !== "X1" || reason[row] != null || !PLACEMENT_CHANGE.has(rne[next] ?? "")) return;
      if (!TEMPORARY.has(place[row] ?? "") && !TEMPORARY.has(place[next] ?? "")) out.push(row);
    });
  }
  return { Episodes: out };
});

/**
 * 226: no reason for placement change around a temporary placement: reported on a temporary
 * placement that has a reason itself or whose previous episode (by start date) has one.
 */
export const rule226 = defineRule("226", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const reason = ctx.values("Episodes", "REASON_PLACE_CHANGE");
  const out: number[] = [];
  for (const rows of episodesInStartOrder(ctx).values()) {
    rows.forEach((row, k) => {
      if (!TEMPORARY.has(place[row] ?? "")) return;
      const previous = k > 0 ? rows[k - 1] : undefined;
      if (reason[row] != null || (previous !== undefined && reason[previous] != null)) out.push(row);
    });
  }
  return { Episodes: out };
});

/** 233: no reason for placement change on an episode that has not ceased (DEC blank). */
export const rule233 = defineRule("233", ["Episodes"], (ctx) => {
  const dec = ctx.values("Episodes", "DEC");
  const reason = ctx.values("Episodes", "REASON_PLACE_CHANGE");
  return { Episodes: rowsWhere(dec.length, (i) => dec[i] == null && reason[i] != null) };
});

/** 234: a child under 10 when the episode started cannot change placement for custody (CUSTOD). */
export const rule234 = defineRule("234", ["Episodes", "Header"], (ctx) => {
  const dob = firstDayLookup(ctx, "Header", "DOB");
  const children = ctx.values("Episodes", "CHILD");
  const reason = ctx.values("Episodes", "REASON_PLACE_CHANGE");
  const decom = ctx.days("Episodes", "DECOM");
  const failing = new Set<string>();
  const episodes = rowsWhere(children.length, (i) => {
    const child = children[i];
    if (child == null || reason[i] !== "CUSTOD" || !(ageOn(dob(child), dayAt(decom, i)) < 10)) return false;
    failing.add(child);
    return true;
  });
  const header = ctx.values("Header", "CHILD");
  return { Episodes: episodes, Header: rowsWhere(header.length, (i) => failing.has(header[i] ?? "")) };
});
