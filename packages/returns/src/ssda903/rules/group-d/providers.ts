/** Rules on placement codes against placement providers and reasons ceased (516, 526–531, 550). */
import { defineRule, rowsWhere, type Ssda903Rule } from "../../rule.ts";

const FORMER_FOSTER_CARER = new Set(["U1", "U2", "U3", "U4", "U5", "U6"]);

/** 516: an episode ceasing E45/E46 (staying put with former foster carers) must be a U1–U6 placement. */
export const rule516 = defineRule("516", ["Episodes"], (ctx) => {
  const rec = ctx.values("Episodes", "REC");
  const place = ctx.values("Episodes", "PLACE");
  return { Episodes: rowsWhere(rec.length, (i) => (rec[i] === "E45" || rec[i] === "E46") && !FORMER_FOSTER_CARER.has(place[i] ?? "")) };
});

/** Placements that need no provider: temporary (T0–T4) and other (Z11–Z14). */
const NO_PROVIDER = new Set(["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]);

/** 526: every other placement must have a placement provider. */
export const rule526 = defineRule("526", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  return { Episodes: rowsWhere(place.length, (i) => provider[i] === null && !NO_PROVIDER.has(place[i] ?? "")) };
});

/** A rule that a provider cannot run the given placement types. */
function providerCannot(code: string, providerCode: string, places: readonly string[]): Ssda903Rule {
  const forbidden = new Set(places);
  return defineRule(code, ["Episodes"], (ctx) => {
    const place = ctx.values("Episodes", "PLACE");
    const provider = ctx.values("Episodes", "PLACE_PROVIDER");
    return { Episodes: rowsWhere(place.length, (i) => provider[i] === providerCode && forbidden.has(place[i] ?? "")) };
  });
}

/** 527: PR1 (own authority) cannot provide P1, R2 or R5. */
export const rule527 = providerCannot("527", "PR1", ["P1", "R2", "R5"]);
/** 528: PR2 (other authority) cannot provide P1, R2 or R5. */
export const rule528 = providerCannot("528", "PR2", ["P1", "R2", "R5"]);
/** 529: PR3 (other public body) cannot provide P1, A3–A6, K1, K2 or U1–U6. */
export const rule529 = providerCannot("529", "PR3", ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"]);
/** 530: PR4 (private) cannot provide P1. */
export const rule530 = providerCannot("530", "PR4", ["P1"]);
/** 531: PR5 (voluntary) cannot provide P1. */
export const rule531 = providerCannot("531", "PR5", ["P1"]);

/** 550: PR0 (parents) goes only with P1 (placed with parents). */
export const rule550 = defineRule("550", ["Episodes"], (ctx) => {
  const place = ctx.values("Episodes", "PLACE");
  const provider = ctx.values("Episodes", "PLACE_PROVIDER");
  return { Episodes: rowsWhere(place.length, (i) => provider[i] === "PR0" && place[i] !== "P1") };
});
