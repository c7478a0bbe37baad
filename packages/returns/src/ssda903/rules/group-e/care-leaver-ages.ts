/** Rules on care leaver information around the 17th and 18th birthdays: 1007, 1016, 3001. */
import { addYears, type Day } from "../../../validation/day.ts";
import { defineRule, rowsWhere } from "../../rule.ts";
import { careLeaverInfo, firstRowByChild } from "./shared.ts";

/**
 * 1007: care leaver information is not for a young person who was looked after on their 17th or
 * 18th birthday: an episode with DECOM on or before the birthday and DEC after it. Episodes
 * without a DEC do not count (the reference's fixture findings leave them out; 1016 covers them).
 */
export const rule1007 = defineRule("1007", ["Episodes", "OC3"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const episodes = ctx.rowsByChild("Episodes");
  const dob = ctx.days("OC3", "DOB");
  const child = ctx.values("OC3", "CHILD");
  const info = careLeaverInfo(ctx);
  return {
    OC3: rowsWhere(child.length, (i) => {
      const birth = dob[i] ?? Number.NaN;
      if (info[i] !== true || Number.isNaN(birth)) return false;
      const birthdays = [addYears(birth, 17), addYears(birth, 18)];
      return (episodes.get(child[i] ?? "") ?? []).some((e) => {
        const s = decom[e] ?? Number.NaN;
        const f = dec[e] ?? Number.NaN;
        return birthdays.some((b) => s <= b && b < f);
      });
    }),
  };
});

/**
 * Whole years between a birth and a day, as the reference counts them for 1016: days / 365.25,
 * rounded down. It makes someone born on 31 March 2001 16 on 31 March 2018 (the fixture's row 29
 * is not flagged for that reason).
 */
const yearsOf365Quarter = (birth: Day, on: Day): number => Math.floor((on - birth) / 365.25);

/**
 * 1016: care leaver information is not for 17- and 18-year-olds (at the end of the year) who
 * were still looked after on or after their latest birthday: an episode ending on or after it, or
 * one that started and has not ended.
 */
export const rule1016 = defineRule("1016", ["Episodes", "OC3"], (ctx) => {
  const decom = ctx.days("Episodes", "DECOM");
  const dec = ctx.days("Episodes", "DEC");
  const episodes = ctx.rowsByChild("Episodes");
  const dob = ctx.days("OC3", "DOB");
  const child = ctx.values("OC3", "CHILD");
  const info = careLeaverInfo(ctx);
  return {
    OC3: rowsWhere(child.length, (i) => {
      const birth = dob[i] ?? Number.NaN;
      const age = yearsOf365Quarter(birth, ctx.collectionEnd);
      if (info[i] !== true || (age !== 17 && age !== 18)) return false;
      const birthday = addYears(birth, age);
      return (episodes.get(child[i] ?? "") ?? []).some((e) => {
        const f = dec[e] ?? Number.NaN;
        // An open episode counts only with a DECOM: the example's open episodes (no DECOM column) are not flagged, the fixture's are.
        return Number.isNaN(f) ? !Number.isNaN(decom[e] ?? Number.NaN) : f >= birthday;
      });
    }),
  };
});

/** Accommodation with former foster carer(s), suitable (Z1) or not (Z2). */
const WITH_FORMER_FOSTER_CARERS: ReadonlySet<string> = new Set(["Z1", "Z2"]);

/**
 * 3001: a young person whose 17th birthday falls in the collection year cannot be recorded as
 * living with former foster carers. The date of birth is the Header's.
 */
export const rule3001 = defineRule("3001", ["Header", "OC3"], (ctx) => {
  const dob = ctx.days("Header", "DOB");
  const header = firstRowByChild(ctx, "Header");
  const accom = ctx.values("OC3", "ACCOM");
  const child = ctx.values("OC3", "CHILD");
  return {
    OC3: rowsWhere(child.length, (i) => {
      const h = header.get(child[i] ?? "");
      if (h === undefined || !WITH_FORMER_FOSTER_CARERS.has(accom[i] ?? "")) return false;
      const seventeenth = addYears(dob[h] ?? Number.NaN, 17);
      return seventeenth >= ctx.collectionStart && seventeenth <= ctx.collectionEnd;
    }),
  };
});
