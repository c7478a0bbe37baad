import { describe, expect, it } from "vitest";
import { dobCloseness, dobRange } from "./dob-range.ts";

describe("dobRange", () => {
  it("reads a year, a month and a day", () => {
    expect(dobRange("2015")).toEqual({ from: "2015-01-01", to: "2015-12-31", exact: null, approximate: false });
    expect(dobRange("2016-02")).toEqual({ from: "2016-02-01", to: "2016-02-29", exact: null, approximate: false });
    expect(dobRange("2015-02")?.to).toBe("2015-02-28");
    expect(dobRange("2015-04-23")).toEqual({ from: "2015-04-23", to: "2015-04-23", exact: "2015-04-23", approximate: false });
  });

  it("widens an approximate date by a year either side", () => {
    expect(dobRange("~2015-04-23")).toEqual({ from: "2014-04-23", to: "2016-04-23", exact: "2015-04-23", approximate: true });
    expect(dobRange("~2015")).toMatchObject({ from: "2014-01-01", to: "2016-12-31" });
    expect(dobRange("~2016-02-29")).toMatchObject({ from: "2015-02-28", to: "2017-03-01" });
  });

  it("refuses days that do not exist", () => {
    expect(dobRange("2015-02-30")).toBeNull();
    expect(dobRange("2015-13")).toBeNull();
    expect(dobRange("2015-00-10")).toBeNull();
    expect(dobRange("15-04-23")).toBeNull();
  });
});

describe("dobCloseness", () => {
  it("is 1 for the day asked and anywhere in a partial date", () => {
    const exact = dobRange("2015-04-23");
    const year = dobRange("2015");
    if (!exact || !year) throw new Error("range expected");
    expect(dobCloseness(exact, "2015-04-23")).toBe(1);
    expect(dobCloseness(year, "2015-11-02")).toBe(1);
    expect(dobCloseness(year, "2016-01-01")).toBe(0);
  });

  it("ranks nearer dates and a day-month swap above far ones within an approximate range", () => {
    const about = dobRange("~2015-04-11");
    if (!about) throw new Error("range expected");
    const swapped = dobCloseness(about, "2015-11-04");
    const near = dobCloseness(about, "2015-04-20");
    const far = dobCloseness(about, "2016-03-30");
    expect(swapped).toBe(0.8);
    expect(near).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0);
  });
});
