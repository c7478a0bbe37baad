/** Rules on motherhood (MOTHER, MC_DOB): 607–628. */
import { ageOn } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { careLeaverInfo, childrenOf, firstRowIndex, numeric } from "./shared.ts";

/**
 * The reference treats only SEX "F" as female in 607 and 612: on the 2017/18 fixture (SEX coded
 * 1/2) 607 never fires although hundreds of SEX 2 girls left care without MOTHER, while the
 * examples flag "F". Matched for parity.
 */
const FEMALE = "F";

/** 607: a girl who ceased to be looked after in the year (REC not X1) must have MOTHER completed. */
export const rule607 = defineRule("607", ["Header", "Episodes"], (ctx) => {
  const sex = ctx.values("Header", "SEX");
  const mother = ctx.values("Header", "MOTHER");
  const dec = ctx.days("Episodes", "DEC");
  const rec = ctx.values("Episodes", "REC");
  const episodesByChild = ctx.rowsByChild("Episodes");
  const header: number[] = [];
  const episodes: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("Header")) {
    // Girls without MOTHER first: most children are not, and then their episodes need no look.
    const girls = rows.filter((h) => sex[h] === FEMALE && (mother[h] ?? null) === null);
    if (girls.length === 0) continue;
    const failing = (episodesByChild.get(child) ?? []).filter((e) => {
      const d = dec[e] ?? Number.NaN;
      const r = rec[e] ?? null;
      return d >= ctx.collectionStart && d <= ctx.collectionEnd && r !== null && r !== "X1";
    });
    if (failing.length > 0) {
      header.push(...girls);
      episodes.push(...failing);
    }
  }
  return { Header: header, Episodes: episodes };
});

/** 611: a mother (MOTHER 1) must have her child's date of birth. */
export const rule611 = defineRule("611", ["Header"], (ctx) => {
  const mother = ctx.values("Header", "MOTHER");
  const mcDob = ctx.values("Header", "MC_DOB");
  return { Header: rowsWhere(mother.length, (i) => numeric(mother[i]) === 1 && (mcDob[i] ?? null) === null) };
});

/** 612: a girl who is not recorded as a mother must not have a child's date of birth. */
export const rule612 = defineRule("612", ["Header"], (ctx) => {
  const sex = ctx.values("Header", "SEX");
  const mother = ctx.values("Header", "MOTHER");
  const mcDob = ctx.values("Header", "MC_DOB");
  return { Header: rowsWhere(sex.length, (i) => sex[i] === FEMALE && numeric(mother[i]) !== 1 && (mcDob[i] ?? null) !== null) };
});

/** 620: a mother must be at least 11 at the start of the collection year. */
export const rule620 = defineRule("620", ["Header"], (ctx) => {
  const mother = ctx.values("Header", "MOTHER");
  const dob = ctx.days("Header", "DOB");
  return { Header: rowsWhere(mother.length, (i) => numeric(mother[i]) === 1 && ageOn(dob[i] ?? Number.NaN, ctx.collectionStart) < 11) };
});

/** 621: the mother's child must be born after her (the same day fails too). */
export const rule621 = defineRule("621", ["Header"], (ctx) => {
  const dob = ctx.days("Header", "DOB");
  const mcDob = ctx.days("Header", "MC_DOB");
  return { Header: rowsWhere(dob.length, (i) => (mcDob[i] ?? Number.NaN) <= (dob[i] ?? Number.NaN)) };
});

/** 624: the first child's date of birth must not change from last year's return (nor be dropped). */
export const rule624 = defineRule("624", ["Header", "Header_last"], (ctx) => {
  const now = ctx.values("Header", "MC_DOB");
  const nowDays = ctx.days("Header", "MC_DOB");
  const before = ctx.values("Header_last", "MC_DOB");
  const beforeDays = ctx.days("Header_last", "MC_DOB");
  const last = firstRowIndex(ctx, "Header_last");
  const child = ctx.childIndex("Header");
  return {
    Header: rowsWhere(now.length, (i) => {
      const l = last[child[i] ?? -1] ?? -1;
      if (l < 0 || (before[l] ?? null) === null) return false;
      const a = nowDays[i] ?? Number.NaN;
      const b = beforeDays[l] ?? Number.NaN;
      // Dates compare as dates (01/06/2019 = 1/6/2019); anything unreadable compares as text.
      return Number.isNaN(a) || Number.isNaN(b) ? now[i] !== before[l] : a !== b;
    }),
  };
});

/**
 * 625: the first child's date of birth must not be after the end of the year, nor after the date
 * the mother's latest episode (greatest DEC) ceased. Flags her Header row and that episode.
 */
export const rule625 = defineRule("625", ["Header", "Episodes"], (ctx) => {
  const mcDob = ctx.days("Header", "MC_DOB");
  const dec = ctx.days("Episodes", "DEC");
  const episodesByChild = ctx.rowsByChild("Episodes");
  const header: number[] = [];
  const episodes: number[] = [];
  for (const [child, rows] of ctx.rowsByChild("Header")) {
    // Only a child's date of birth can fail: children without one need no look at their episodes.
    if (!rows.some((h) => !Number.isNaN(mcDob[h] ?? Number.NaN))) continue;
    let latest = -1;
    for (const e of episodesByChild.get(child) ?? []) {
      const d = dec[e] ?? Number.NaN;
      if (!Number.isNaN(d) && (latest < 0 || d > (dec[latest] ?? Number.NaN))) latest = e;
    }
    if (latest < 0) continue;
    const latestDec = dec[latest] ?? Number.NaN;
    const failing = rows.filter((h) => {
      const m = mcDob[h] ?? Number.NaN;
      return m > ctx.collectionEnd || m > latestDec;
    });
    if (failing.length > 0) {
      header.push(...failing);
      episodes.push(latest);
    }
  }
  return { Header: header, Episodes: episodes };
});

/** 626: a child who was not a mother last year and is one now cannot have a first child born before this year. */
export const rule626 = defineRule("626", ["Header", "Header_last"], (ctx) => {
  const mother = ctx.values("Header", "MOTHER");
  const mcDob = ctx.days("Header", "MC_DOB");
  const child = ctx.childIndex("Header");
  const motherBefore = ctx.values("Header_last", "MOTHER");
  const last = firstRowIndex(ctx, "Header_last");
  return {
    Header: rowsWhere(mother.length, (i) => {
      const l = last[child[i] ?? -1] ?? -1;
      return l >= 0 && numeric(mother[i]) === 1 && numeric(motherBefore[l]) === 0 && (mcDob[i] ?? Number.NaN) < ctx.collectionStart;
    }),
  };
});

/** 628: a care leaver (OC3 with care leaver details) who was not looked after this year must not have MOTHER. */
export const rule628 = defineRule("628", ["Header", "Episodes", "OC3"], (ctx) => {
  const looked = childrenOf(ctx, "Episodes");
  const info = careLeaverInfo(ctx);
  const leavers = new Set<string>();
  ctx.values("OC3", "CHILD").forEach((c, i) => {
    if (c !== null && info[i] === true && !looked.has(c)) leavers.add(c);
  });
  const mother = ctx.values("Header", "MOTHER");
  const child = ctx.values("Header", "CHILD");
  return { Header: rowsWhere(mother.length, (i) => (mother[i] ?? null) !== null && leavers.has(child[i] ?? "")) };
});
