import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addCalendarMonths,
  addWorkingDays,
  bankHolidayCoverage,
  bankHolidayTitle,
  calendarDaysBetween,
  isBankHoliday,
  isWithinBankHolidayCoverage,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from "./working-days.ts";

describe("isWorkingDay", () => {
  it("is Monday to Friday except bank holidays", () => {
    expect(isWorkingDay("2024-03-28")).toBe(true); // Thursday before Easter
    expect(isWorkingDay("2024-03-29")).toBe(false); // Good Friday
    expect(isWorkingDay("2024-03-30")).toBe(false); // Saturday
    expect(isWorkingDay("2024-03-31")).toBe(false); // Sunday (Easter Day)
    expect(isWorkingDay("2024-04-01")).toBe(false); // Easter Monday
    expect(isWorkingDay("2024-04-02")).toBe(true);
  });

  it("skips substitute days: Christmas Day 2022 was a Sunday, so Tuesday 27 December was the holiday", () => {
    expect(isWorkingDay("2022-12-25")).toBe(false); // Sunday
    expect(isWorkingDay("2022-12-26")).toBe(false); // Boxing Day (Monday)
    expect(isWorkingDay("2022-12-27")).toBe(false); // Christmas Day (substitute day)
    expect(isWorkingDay("2022-12-28")).toBe(true);
    expect(bankHolidayTitle("2022-12-27")).toBe("Christmas Day (substitute day)");
  });

  it("knows the table's years and treats later years as having no bank holidays", () => {
    expect(bankHolidayCoverage).toEqual({ from: "2010-01-01", to: "2030-12-31" });
    expect(isBankHoliday("2030-12-25")).toBe(true);
    expect(isWithinBankHolidayCoverage("2030-12-31")).toBe(true);
    expect(isWithinBankHolidayCoverage("2031-01-01")).toBe(false);
    // Thursday 25 December 2031 is past the table: a weekday with no known holiday.
    expect(isBankHoliday("2031-12-25")).toBe(false);
    expect(isWorkingDay("2031-12-25")).toBe(true);
  });

  it("refuses strings that are not calendar dates", () => {
    expect(() => isWorkingDay("2023-02-29")).toThrow(RangeError);
    expect(() => isWorkingDay("28/03/2024")).toThrow(RangeError);
    expect(() => isWorkingDay("2024-03-28T10:00:00Z")).toThrow(RangeError);
    expect(() => addWorkingDays("2024-03-28", 1.5)).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("does not count the start day and skips Easter 2024", () => {
    // Thu 28 Mar → (Good Friday 29, weekend, Easter Monday 1 Apr) → Tue 2 Apr.
    expect(addWorkingDays("2024-03-28", 1)).toBe("2024-04-02");
    expect(nextWorkingDay("2024-03-28")).toBe("2024-04-02");
    expect(previousWorkingDay("2024-04-02")).toBe("2024-03-28");
    expect(addWorkingDays("2024-04-02", -1)).toBe("2024-03-28");
  });

  it("gives the date itself for 0 working days when it is a working day, else the next one", () => {
    expect(addWorkingDays("2024-03-28", 0)).toBe("2024-03-28");
    expect(addWorkingDays("2024-03-29", 0)).toBe("2024-04-02"); // Good Friday → Tue after Easter Monday
    expect(addWorkingDays("2022-12-24", 0)).toBe("2022-12-28"); // Sat; Mon 26 and Tue 27 are holidays
  });

  it("crosses Christmas and New Year: 45 working days from Monday 20 November 2023 is Thursday 25 January 2024", () => {
    // By hand, counting working days after Mon 20 Nov 2023:
    // Nov 21–24 = 4; Nov 27–Dec 1 = 9; Dec 4–8 = 14; Dec 11–15 = 19; Dec 18–22 = 24;
    // Dec 27–29 = 27 (Mon 25 Christmas, Tue 26 Boxing Day); Jan 2–5 = 31 (Mon 1 Jan New Year);
    // Jan 8–12 = 36; Jan 15–19 = 41; Jan 22, 23, 24, 25 = 42, 43, 44, 45.
    expect(addWorkingDays("2023-11-20", 45)).toBe("2024-01-25");
  });

  it("crosses Christmas and New Year: 15 working days from Friday 20 December 2024 is Wednesday 15 January 2025", () => {
    // Dec 23, 24 = 2; (Wed 25, Thu 26 holidays) Fri 27 = 3; Dec 30, 31 = 5; (Wed 1 Jan holiday)
    // Jan 2, 3 = 7; Jan 6–10 = 12; Jan 13, 14, 15 = 13, 14, 15.
    expect(addWorkingDays("2024-12-20", 15)).toBe("2025-01-15");
  });

  it("skips the 2022 substitute days", () => {
    expect(addWorkingDays("2022-12-23", 1)).toBe("2022-12-28"); // Fri → (weekend, Mon 26, Tue 27) → Wed
  });
});

describe("workingDaysBetween", () => {
  it("counts the working days after `from` up to and including `to`", () => {
    // After Wed 27 Mar 2024 up to Wed 3 Apr: Thu 28, Tue 2, Wed 3 (Good Friday and Easter Monday out).
    expect(workingDaysBetween("2024-03-27", "2024-04-03")).toBe(3);
    expect(workingDaysBetween("2024-03-28", "2024-03-28")).toBe(0);
    expect(workingDaysBetween("2024-03-28", "2024-04-01")).toBe(0); // only holidays and a weekend
    expect(workingDaysBetween("2023-11-20", "2024-01-25")).toBe(45);
  });

  it("is negative when `to` is before `from`", () => {
    expect(workingDaysBetween("2024-04-03", "2024-03-27")).toBe(-3);
    expect(workingDaysBetween("2024-04-02", "2024-03-28")).toBe(-1);
  });

  it("agrees with counting day by day, and inverts addWorkingDays, from every day of Nov 2022 – Jan 2024", () => {
    // Check the arithmetic shortcut (weekday formula minus holidays by binary search) against
    // a plain loop over isWorkingDay, from every start day across fifteen months (two Christmases, two Easters).
    const naive = (from: string, to: string): number => {
      let count = 0;
      for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    };
    for (let start = "2022-11-01"; start <= "2024-01-31"; start = addCalendarDays(start, 1)) {
      for (const span of [1, 2, 3, 6, 7, 9, 30, 64, 200]) {
        const end = addCalendarDays(start, span);
        expect(workingDaysBetween(start, end), `${start}→${end}`).toBe(naive(start, end));
      }
      for (const n of [1, 5, 15, 45]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
  });
});

describe("calendar arithmetic", () => {
  it("adds calendar days across months, years and leap days", () => {
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addCalendarDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addCalendarDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(calendarDaysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("adds calendar months, clamped to the end of a shorter month", () => {
    expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29"); // leap year
    expect(addCalendarMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addCalendarMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addCalendarMonths("2024-08-31", 6)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addCalendarMonths("2024-02-29", -12)).toBe("2023-02-28");
    expect(addCalendarMonths("2000-02-29", 48)).toBe("2004-02-29"); // 2000 was a leap year (÷400)
    expect(addCalendarMonths("2100-01-31", 1)).toBe("2100-02-28"); // 2100 is not (÷100)
    expect(addCalendarMonths("2024-10-15", 3)).toBe("2025-01-15");
    expect(addCalendarMonths("2025-01-15", -1)).toBe("2024-12-15");
  });

  it("does not depend on the machine's time zone", () => {
    // Every function works on UTC day numbers; the zone is fixed only to show nothing reads it.
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati"; // UTC+14
    try {
      expect(addWorkingDays("2024-03-28", 1)).toBe("2024-04-02");
      expect(addCalendarMonths("2024-01-31", 1)).toBe("2024-02-29");
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
