import { describe, expect, it } from "vitest";
import { ageOn } from "./dates.ts";
import {
  DFE_AGE_BAND_CODES,
  IRO_AGE_BAND_CODES,
  ageBandsOn,
  birthdayOf,
  careLeaverAgeInYear,
  careLeaverBirthdayWindow,
  careLeaverBirthdayWindows,
  dfeAgeBand,
  iroAgeBand,
} from "./looked-after-ages.ts";

describe("ages on birthdays", () => {
  it("turn over on the birthday itself", () => {
    expect(ageOn("2008-06-15", "2025-06-14")).toBe(16);
    expect(ageOn("2008-06-15", "2025-06-15")).toBe(17);
    expect(birthdayOf("2008-06-15", 17)).toBe("2025-06-15");
  });

  it("a 29 February child turns a year older on 1 March in other years", () => {
    expect(ageOn("2008-02-29", "2025-02-28")).toBe(16);
    expect(ageOn("2008-02-29", "2025-03-01")).toBe(17);
    expect(birthdayOf("2008-02-29", 17)).toBe("2025-03-01");
    expect(birthdayOf("2008-02-29", 16)).toBe("2024-02-29");
  });
});

describe("care leaver birthday windows", () => {
  it("run from 3 months before to 1 month after the birthday, clamped at month ends", () => {
    expect(careLeaverBirthdayWindow("2008-05-31", 17)).toEqual({ age: 17, birthday: "2025-05-31", from: "2025-02-28", to: "2025-06-30" });
    expect(careLeaverBirthdayWindow("2008-02-29", 17)).toEqual({ age: 17, birthday: "2025-03-01", from: "2024-12-01", to: "2025-04-01" });
  });

  it("cover the 17th to 21st birthdays", () => {
    expect(careLeaverBirthdayWindows("2008-05-31").map((w) => [w.age, w.birthday])).toEqual([
      [17, "2025-05-31"],
      [18, "2026-05-31"],
      [19, "2027-05-31"],
      [20, "2028-05-31"],
      [21, "2029-05-31"],
    ]);
  });

  it("find the care leaver birthday in a collection year (rule 391)", () => {
    expect(careLeaverAgeInYear("2008-05-31", "2025-04-01", "2026-03-31")).toBe(17);
    expect(careLeaverAgeInYear("2004-04-01", "2025-04-01", "2026-03-31")).toBe(21);
    expect(careLeaverAgeInYear("2004-03-31", "2025-04-01", "2026-03-31")).toBeNull();
    expect(careLeaverAgeInYear("2010-01-01", "2025-04-01", "2026-03-31")).toBeNull();
  });
});

describe("age bands", () => {
  it("IRO report: 0–5, 6–13, 14 and over", () => {
    expect(IRO_AGE_BAND_CODES).toEqual(["0-5", "6-13", "14+"]);
    expect([0, 5, 6, 13, 14, 17].map(iroAgeBand)).toEqual(["0-5", "0-5", "6-13", "6-13", "14+", "14+"]);
  });

  it("DfE: under 1, 1–4, 5–9, 10–15, 16 and over", () => {
    expect(DFE_AGE_BAND_CODES).toEqual(["under-1", "1-4", "5-9", "10-15", "16+"]);
    expect([0, 1, 4, 5, 9, 10, 15, 16, 18].map(dfeAgeBand)).toEqual(["under-1", "1-4", "1-4", "5-9", "5-9", "10-15", "10-15", "16+", "16+"]);
  });

  it("band a child on a date, turning over on the birthday", () => {
    expect(ageBandsOn("2012-03-31", "2026-03-30")).toEqual({ age: 13, iro: "6-13", dfe: "10-15" });
    expect(ageBandsOn("2012-03-31", "2026-03-31")).toEqual({ age: 14, iro: "14+", dfe: "10-15" });
  });
});
