/**
 * Return-level query (Q) rules on the Disabilities module: how many disability codes the return
 * uses, and whether any child has more than one. When such a query holds, the rows carrying a
 * disability code (blank and NONE, no disability, are not codes) are flagged.
 */
import type { CinContext } from "../context.ts";
import { defineCinRule, type CinRule } from "../rule.ts";

/** The rows with a disability code, and the code of each. */
function codedRows(ctx: CinContext): { rows: number[]; codes: readonly (string | null)[] } {
  const codes = ctx.values("Disabilities", "Disability").map((d) => (d === null || d.toUpperCase() === "NONE" ? null : d.toUpperCase()));
  const rows: number[] = [];
  codes.forEach((code, i) => {
    if (code !== null) rows.push(i);
  });
  return { rows, codes };
}

/** 2887Q: fewer than 8 different disability codes used in the whole return. */
const rule2887Q = defineCinRule("2887Q", ["Disabilities"], { Disabilities: ["Disability"] }, (ctx) => {
  const { rows, codes } = codedRows(ctx);
  const used = new Set(rows.map((r) => codes[r]));
  return { Disabilities: used.size < 8 ? rows : [] };
});

/** 2888Q: no child in the return has more than one disability code. */
const rule2888Q = defineCinRule("2888Q", ["Disabilities"], { Disabilities: ["Disability"] }, (ctx) => {
  const { rows, codes } = codedRows(ctx);
  const child = ctx.values("Disabilities", "LAchildID");
  const codesByChild = new Map<string, Set<string | null>>();
  for (const r of rows) {
    const key = child[r] ?? "";
    const set = codesByChild.get(key) ?? new Set<string | null>();
    set.add(codes[r] ?? null);
    codesByChild.set(key, set);
  }
  const anyMultiple = [...codesByChild.values()].some((s) => s.size > 1);
  return { Disabilities: anyMultiple ? [] : rows };
});

/** The query rules on Disabilities (CIN-2). */
export const DISABILITY_QUERY_RULES: readonly CinRule[] = [rule2887Q, rule2888Q];
