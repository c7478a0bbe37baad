import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BANK_HOLIDAYS, BANK_HOLIDAY_YEARS } from "./bank-holidays.ts";

// The committed copy of the shared reference file /work/shared/reference/england-and-wales-bank-holidays.csv,
// from which scripts/generate-bank-holidays.mjs writes bank-holidays.ts.
const CSV = path.join(import.meta.dirname, "..", "data", "england-and-wales-bank-holidays.csv");

function readCsv(): { date: string; title: string }[] {
  const [header, ...rows] = readFileSync(CSV, "utf8").split(/\r?\n/).filter((line) => line !== "");
  expect(header).toBe("date,title");
  return rows.map((line) => {
    const comma = line.indexOf(",");
    return { date: line.slice(0, comma), title: line.slice(comma + 1) };
  });
}

describe("bank holidays", () => {
  it("are exactly the rows of the reference CSV, in order", () => {
    expect(BANK_HOLIDAYS.map((h) => ({ date: h.date, title: h.title }))).toEqual(readCsv());
  });

  it("cover 2010 to 2030, every year present", () => {
    expect(BANK_HOLIDAY_YEARS).toEqual({ first: 2010, last: 2030 });
    const years = new Set(BANK_HOLIDAYS.map((h) => Number(h.date.slice(0, 4))));
    for (let y = 2010; y <= 2030; y++) expect(years.has(y), String(y)).toBe(true);
  });

  it("fall on weekdays (GOV.UK lists substitute days instead of weekend dates)", () => {
    for (const h of BANK_HOLIDAYS) expect(new Date(`${h.date}T00:00:00Z`).getUTCDay() % 6, h.date).not.toBe(0);
  });

  it("include the one-off and substitute days", () => {
    const titles = new Map(BANK_HOLIDAYS.map((h) => [h.date, h.title]));
    expect(titles.get("2022-09-19")).toBe("State Funeral of Queen Elizabeth II");
    expect(titles.get("2023-05-08")).toBe("Coronation of King Charles III");
    expect(titles.get("2022-12-27")).toBe("Christmas Day (substitute day)");
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(BANK_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(BANK_HOLIDAYS[0])).toBe(true);
  });
});
