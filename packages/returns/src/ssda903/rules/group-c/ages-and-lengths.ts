/**
 * Rules on the child's age at a placement or at leaving care, and on how long temporary
 * placements may last.
 */
import type { Ssda903Context } from "../../context.ts";
import { defineRule, type RowFindings, type Ssda903Rule } from "../../rule.ts";
import { ageOn } from "../../../validation/day.ts";
import { headerBirthDays } from "./episode-views.ts";

/**
 * Episodes in a placement that started before the child reached `minAge`. The reference only
 * checks episodes that have ended (an open episode is never flagged).
 */
function tooYoungForPlacement(ctx: Ssda903Context, places: ReadonlySet<string>, minAge: number): RowFindings {
  const birth = headerBirthDays(ctx);
  const child = ctx.childIndex("Episodes");
  const place = ctx.values("Episodes", "PLACE");
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.values("Episodes", "DEC");
  const out: number[] = [];
  for (let i = 0; i < place.length; i++) {
    const p = place[i] ?? null;
    if (p === null || !places.has(p) || dec[i] === null) continue;
    const dob = birth[child[i] ?? -1] ?? Number.NaN;
    if (!Number.isNaN(dob) && ageOn(dob, decom[i] ?? Number.NaN) < minAge) out.push(i);
  }
  return { Episodes: out };
}

function placementAgeRule(code: string, places: readonly string[], minAge: number): Ssda903Rule {
  const set = new Set(places);
  return defineRule(code, ["Episodes", "Header"], (ctx) => tooYoungForPlacement(ctx, set, minAge));
}

/** 371: supported accommodation not subject to children's homes regulations (K3) before 16. */
export const rule371 = placementAgeRule("371", ["K3"], 16);
/** 372: youth custody or prison (R5) before 10. */
export const rule372 = placementAgeRule("372", ["R5"], 10);
/** 373: placed in a school (S1) before 4. */
export const rule373 = placementAgeRule("373", ["S1"], 4);
/** 374: residential employment (P3) before 14. */
export const rule374 = placementAgeRule("374", ["P3"], 14);

/**
 * Episodes in a placement lasting more than `maxDays`. `openToCollectionEnd` says whether an
 * open episode runs to the collection end (376) or is not checked (375, 379): the reference
 * differs between them.
 */
function placementTooLong(code: string, placeCode: string, maxDays: number, openToCollectionEnd: boolean): Ssda903Rule {
  return defineRule(code, ["Episodes"], (ctx) => {
    const place = ctx.values("Episodes", "PLACE");
    const decom = ctx.days("Episodes", "DECOM");
    const dec = ctx.days("Episodes", "DEC");
    const out: number[] = [];
    for (let i = 0; i < place.length; i++) {
      if (place[i] !== placeCode) continue;
      const end = dec[i] ?? Number.NaN;
      const to = Number.isNaN(end) && openToCollectionEnd ? ctx.collectionEnd : end;
      if (to - (decom[i] ?? Number.NaN) > maxDays) out.push(i);
    }
    return { Episodes: out };
  });
}

/** 375: hospitalisation as a temporary placement (T1) longer than six weeks. */
export const rule375 = placementTooLong("375", "T1", 42, false);
/** 376: temporary placement for the foster carers' holiday (T3) longer than three weeks. */
export const rule376 = placementTooLong("376", "T3", 21, true);
/** 379: temporary placement for an unspecified reason (T4) longer than seven days. */
export const rule379 = placementTooLong("379", "T4", 7, false);

/** How a rule on the age at leaving care treats an episode with a blank DEC. */
type BlankEnd = "skip" | "collection-end" | "flag";

/**
 * Episodes ending for one of `reasons` where the child's age at DEC fails `ageOk`. The reference
 * treats a blank DEC differently from rule to rule (see each rule); an invalid DEC is not checked.
 */
function ageAtLeaving(ctx: Ssda903Context, reasons: ReadonlySet<string>, ageOk: (age: number) => boolean, blank: BlankEnd): number[] {
  const birth = headerBirthDays(ctx);
  const child = ctx.childIndex("Episodes");
  const rec = ctx.values("Episodes", "REC");
  const decText = ctx.values("Episodes", "DEC");
  const dec = ctx.days("Episodes", "DEC");
  const out: number[] = [];
  for (let i = 0; i < rec.length; i++) {
    const r = rec[i] ?? null;
    if (r === null || !reasons.has(r)) continue;
    const dob = birth[child[i] ?? -1] ?? Number.NaN;
    if (Number.isNaN(dob)) continue;
    if (decText[i] === null) {
      if (blank === "flag" || (blank === "collection-end" && !ageOk(ageOn(dob, ctx.collectionEnd)))) out.push(i);
      continue;
    }
    const age = ageOn(dob, dec[i] ?? Number.NaN);
    if (!Number.isNaN(age) && !ageOk(age)) out.push(i);
  }
  return out;
}

/** 386: adopted (E11, E12) at 18 or over. */
export const rule386 = defineRule("386", ["Episodes", "Header"], (ctx) => ({
  Episodes: ageAtLeaving(ctx, new Set(["E11", "E12"]), (age) => age < 18, "skip"),
}));

/** 387: moved to independent living (E5, E6) under 14; an open episode is aged at the collection end. */
export const rule387 = defineRule("387", ["Episodes", "Header"], (ctx) => ({
  Episodes: ageAtLeaving(ctx, new Set(["E5", "E6"]), (age) => age >= 14, "collection-end"),
}));

/** 389: transferred to adult social care (E7) under 16; the reference flags every open E7 episode. */
export const rule389 = defineRule("389", ["Episodes", "Header"], (ctx) => ({
  Episodes: ageAtLeaving(ctx, new Set(["E7"]), (age) => age >= 16, "flag"),
}));

/** 407: special guardianship order (E45–E48) at 18 or over; the child's Header rows are flagged too. */
export const rule407 = defineRule("407", ["Episodes", "Header"], (ctx) => {
  const episodes = ageAtLeaving(ctx, new Set(["E45", "E46", "E47", "E48"]), (age) => age < 18, "skip");
  const episodeChild = ctx.childIndex("Episodes");
  const flagged = new Uint8Array(ctx.childCount);
  for (const i of episodes) flagged[episodeChild[i] ?? -1] = 1;
  const headerChild = ctx.childIndex("Header");
  const header: number[] = [];
  for (let i = 0; i < headerChild.length; i++) if (flagged[headerChild[i] ?? -1] === 1) header.push(i);
  return { Episodes: episodes, Header: header };
});

/** 460: stayed with current carers at 18 (E17) but under 18 at DEC. */
export const rule460 = defineRule("460", ["Episodes", "Header"], (ctx) => ({
  Episodes: ageAtLeaving(ctx, new Set(["E17"]), (age) => age >= 18, "skip"),
}));

/** All the rules of this file. */
export const AGE_AND_LENGTH_RULES: readonly Ssda903Rule[] = [
  rule371,
  rule372,
  rule373,
  rule374,
  rule375,
  rule376,
  rule379,
  rule386,
  rule387,
  rule389,
  rule407,
  rule460,
];
