/** Rules on which children have episodes: EPI, NoE, 1012. */
import type { Ssda903ValidationTableName } from "../../../read-ssda903.ts";
import { defineRule, rowsWhere, type RowFindings } from "../../rule.ts";

/**
 * EPI: a child in the Header needs episodes before the DfE portal validates further. Care leavers
 * with an OC3 row are not looked after this year and need none (the reference's fixture findings
 * leave them out).
 */
export const ruleEPI = defineRule("EPI", ["Header", "Episodes"], (ctx) => {
  const episodes = ctx.childPresent("Episodes");
  const leavers = ctx.childPresent("OC3");
  const header = ctx.childIndex("Header");
  return {
    Header: rowsWhere(header.length, (i) => {
      const c = header[i] ?? -1;
      return c < 0 || (episodes[c] !== 1 && leavers[c] !== 1);
    }),
  };
});

/** NoE: an episode that started before this year needs the child's episodes in last year's return. */
export const ruleNoE = defineRule("NoE", ["Episodes", "Episodes_last"], (ctx) => {
  const before = ctx.childPresent("Episodes_last");
  const child = ctx.childIndex("Episodes");
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: rowsWhere(child.length, (i) => (decom[i] ?? Number.NaN) < ctx.collectionStart && before[child[i] ?? -1] !== 1) };
});

/** The tables 1012 checks (those given are; Header, UASC and OC3 are not). */
const OTHER_DATA: readonly Ssda903ValidationTableName[] = ["PlacedAdoption", "Missing", "Reviews", "AD1", "PrevPerm", "OC2"];

/** 1012: children without episodes this year must have no other data (adoption, missing, reviews, permanence, OC2). */
export const rule1012 = defineRule("1012", ["Episodes"], (ctx) => {
  // By child number, not Map lookups: Reviews alone has hundreds of thousands of rows nationally.
  const looked = ctx.childPresent("Episodes");
  const out: RowFindings = {};
  for (const table of OTHER_DATA) {
    if (!ctx.has(table)) continue;
    const ids = ctx.childIndex(table);
    out[table] = rowsWhere(ids.length, (i) => {
      const id = ids[i] ?? -1;
      return id < 0 || looked[id] === 0;
    });
  }
  return out;
});
