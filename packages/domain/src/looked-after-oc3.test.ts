import { describe, expect, it } from "vitest";
import type { Episode } from "./episode-derivation.ts";
import type { ReasonEpisodeCeased } from "./looked-after-codes.ts";
import { careLeaverBirthdays, isCareLeaver, nextCareLeaverContact, ordinal } from "./looked-after-oc3.ts";

function episode(start: string, end: string | null = null, rec: ReasonEpisodeCeased | null = null): Episode {
  return { start, rne: "S", legalStatus: "V2", cin: "N4", placement: { place: "U6", provider: "PR1", postcode: null, urn: null }, homePostcode: null, end, rec, reasonPlaceChange: null };
}

const dob = "2006-06-15";

describe("care leavers", () => {
  it("are young people who left care at 16 or over after 13 weeks looked after since 14", () => {
    expect(isCareLeaver(dob, [episode("2020-01-01", "2024-06-15", "E17")])).toBe(true);
    // Left care the day before the 16th birthday.
    expect(isCareLeaver(dob, [episode("2020-01-01", "2022-06-14", "E4A")])).toBe(false);
    // 90 days since the 14th birthday is not 13 weeks; 91 is.
    expect(isCareLeaver(dob, [episode("2022-06-15", "2022-09-13", "E5")])).toBe(false);
    expect(isCareLeaver(dob, [episode("2022-03-01", "2022-09-14", "E5")])).toBe(true);
    expect(isCareLeaver(dob, [episode("2020-01-01")])).toBe(false);
    expect(isCareLeaver(dob, [episode("2020-01-01", "2023-01-01", "E3")])).toBe(false);
  });

  it("need OC3 around each birthday from 17 to 21 unless still looked after on it", () => {
    const bdays = careLeaverBirthdays(dob, [episode("2020-01-01", "2024-07-01", "E17")]);
    expect(bdays.map((b) => [b.window.age, b.window.birthday, b.year, b.required])).toEqual([
      [17, "2023-06-15", 2023, false],
      [18, "2024-06-15", 2024, false],
      [19, "2025-06-15", 2025, true],
      [20, "2026-06-15", 2026, true],
      [21, "2027-06-15", 2027, true],
    ]);
    expect(bdays[2]?.window).toMatchObject({ from: "2025-03-15", to: "2025-07-15" });
  });

  it("name the birthdays as ordinals", () => {
    expect([17, 21, 22, 23, 11, 12, 13, 111].map(ordinal)).toEqual(["17th", "21st", "22nd", "23rd", "11th", "12th", "13th", "111th"]);
  });

  it("know the next contact: the first required birthday after the last recorded", () => {
    const bdays = careLeaverBirthdays(dob, [episode("2020-01-01", "2023-01-01", "E5")]);
    expect(nextCareLeaverContact(bdays, [])?.window.age).toBe(17);
    expect(nextCareLeaverContact(bdays, [{ year: 2023, inTouch: "YES" }])?.window.age).toBe(18);
    expect(nextCareLeaverContact(bdays, [{ year: 2025, inTouch: "NO" }])?.window.age).toBe(20);
    expect(nextCareLeaverContact(bdays, [{ year: 2023, inTouch: "DIED" }])).toBeNull();
    expect(nextCareLeaverContact(bdays, [{ year: 2027, inTouch: "YES" }])).toBeNull();
  });
});
