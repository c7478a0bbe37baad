import { describe, expect, it } from "vitest";
import { formatReturnDate, isReturnDate, parseReturnDate } from "./dates.ts";

describe("return dates", () => {
  it("parses dd/mm/yyyy to ISO", () => {
    expect(parseReturnDate("27/03/2008")).toBe("2008-03-27");
    expect(parseReturnDate(" 01/04/2017 ")).toBe("2017-04-01");
    expect(parseReturnDate("29/02/2016")).toBe("2016-02-29");
    expect(parseReturnDate("29/02/2000")).toBe("2000-02-29");
  });

  it("rejects impossible days and every other layout", () => {
    for (const bad of ["31/02/2017", "29/02/2017", "29/02/1900", "31/04/2018", "00/01/2017", "01/13/2017", "01/00/2017", "1/2/17", "1/02/2017", "01/2/2017", "01/02/17", "2017-02-01", "01-02-2017", "01/02/2017 10:00", "38/04/2019", "", null, undefined]) {
      expect(parseReturnDate(bad), String(bad)).toBeNull();
      expect(isReturnDate(bad)).toBe(false);
    }
  });

  it("formats ISO dates back, and refuses non-dates", () => {
    expect(formatReturnDate("2008-03-27")).toBe("27/03/2008");
    expect(formatReturnDate(parseReturnDate("31/12/1999") ?? "")).toBe("31/12/1999");
    expect(() => formatReturnDate("2017-02-31")).toThrow(RangeError);
    expect(() => formatReturnDate("27/03/2008")).toThrow(RangeError);
  });
});
