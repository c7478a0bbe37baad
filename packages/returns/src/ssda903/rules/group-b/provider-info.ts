/**
 * Rules checking an episode's Ofsted URN against the Ofsted provider details the authority gives
 * (provider_info: URN, PLACE_CODES, PROVIDER_CODES, POSTCODE, REG_END, LA_CODE_INFERRED) (219–229).
 * Without provider details, or for a URN they do not list, nothing can be checked.
 */
import { dayFromReturnDate, type Day } from "../../../validation/day.ts";
import type { Ssda903Context } from "../../context.ts";
import type { EngineTable, Ssda903Values } from "../../engine-table.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { dayAt } from "./shared.ts";

const urnKey = (urn: string): string => urn.trim().toUpperCase();

/** Provider rows by URN. */
function providersByUrn(info: EngineTable): Map<string, Ssda903Values[]> {
  const out = new Map<string, Ssda903Values[]>();
  for (const row of info.rows) {
    const urn = row.URN;
    if (urn == null) continue;
    const key = urnKey(urn);
    const list = out.get(key);
    if (list === undefined) out.set(key, [row]);
    else list.push(row);
  }
  return out;
}

/** Episode rows whose URN is listed and fail the test against any of the URN's provider rows. */
function episodesFailing(ctx: Ssda903Context, failing: (row: number, provider: Ssda903Values) => boolean): number[] {
  const info = ctx.metadata.providerInfo;
  if (info === null) return [];
  const providers = providersByUrn(info);
  const urn = ctx.values("Episodes", "URN");
  return rowsWhere(urn.length, (i) => {
    const value = urn[i];
    const listed = value == null ? undefined : providers.get(urnKey(value));
    return listed !== undefined && listed.some((p) => failing(i, p));
  });
}

/** The codes of a comma-separated list (none when blank). */
const codes = (list: string | null | undefined): string[] => (list ?? "").split(",").map((c) => c.trim().toUpperCase());

/** 219: the placement type must be one the provider is registered for. */
export const rule219 = defineRule("219", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  return { Episodes: episodesFailing(ctx, (i, p) => !codes(p.PLACE_CODES).includes(place[i]?.toUpperCase() ?? "")) };
});

const postcodeKey = (postcode: string | null | undefined): string => (postcode ?? "").replace(/\s+/g, "").toUpperCase();

/** 221: the placement postcode must be the provider's. */
export const rule221 = defineRule("221", ["Episodes"], (ctx) => {
  const postcode = ctx.values("Episodes", "PL_POST");
  return { Episodes: episodesFailing(ctx, (i, p) => postcode[i] != null && postcodeKey(postcode[i]) !== postcodeKey(p.POSTCODE)) };
});

/** 224: the placement provider code must be one of the provider's. */
export const rule224 = defineRule("224", ["Episodes"], (ctx) => {
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  return {
    Episodes: episodesFailing(ctx, (i, p) => {
      const code = provider[i];
      return code != null && !codes(p.PROVIDER_CODES).includes(code.toUpperCase());
    }),
  };
});

const regEnd = (p: Ssda903Values): Day => dayFromReturnDate(p.REG_END ?? null);

/** 227: the provider's registration must not have ended on or before the episode started. */
export const rule227 = defineRule("227", ["Episodes"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  return { Episodes: episodesFailing(ctx, (i, p) => dayAt(decom, i) >= regEnd(p)) };
});

/** 228: the provider's registration must not have ended before the episode ended (the collection year's end for an open episode). */
export const rule228 = defineRule("228", ["Episodes"], (ctx) => {
  const dec = ctx.days("Episodes", "DEC");
  const decRaw = ctx.values("Episodes", "DEC");
  return { Episodes: episodesFailing(ctx, (i, p) => (decRaw[i] == null ? ctx.collectionEnd : dayAt(dec, i)) > regEnd(p)) };
});

/**
 * 229: an own-authority provider (PR1) must be in the returning authority and another
 * authority's (PR2) outside it, by the authority inferred from the provider's postcode. A PR1
 * provider whose authority is unknown is reported, a PR2 one is not, as in the reference.
 */
export const rule229 = defineRule("229", ["Episodes"], (ctx) => {
  const own = ctx.metadata.localAuthority;
  if (own === null) return {};
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  return {
    Episodes: episodesFailing(ctx, (i, p) => {
      const la = p.LA_CODE_INFERRED ?? null;
      if (provider[i] === "PR1") return la !== own;
      return provider[i] === "PR2" && la === own;
    }),
  };
});
