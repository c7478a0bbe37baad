import { describe, expect, it } from "vitest";
import { fromLondonDateTime, parseInstant, toLondonDateTime } from "./london-time.ts";

describe("London time", () => {
  it("reads GMT in winter and BST in summer", () => {
    expect(toLondonDateTime("2025-01-15T12:00:00Z")).toEqual({ date: "2025-01-15", hour: 12, minute: 0, second: 0, millisecond: 0 });
    expect(toLondonDateTime("2025-07-15T12:00:00.250Z")).toEqual({ date: "2025-07-15", hour: 13, minute: 0, second: 0, millisecond: 250 });
    // 23:30Z on 30 June is already 1 July in London.
    expect(toLondonDateTime("2025-06-30T23:30:00Z").date).toBe("2025-07-01");
  });

  it("turns a London wall-clock time back into the instant, either side of each clock change", () => {
    // Clocks went forward at 01:00Z on Sun 30 Mar 2025 and back at 01:00Z on Sun 26 Oct 2025.
    const at = (date: string, hour: number, minute = 0) => fromLondonDateTime({ date, hour, minute, second: 0, millisecond: 0 });
    expect(at("2025-03-29", 16, 30)).toBe("2025-03-29T16:30:00.000Z");
    expect(at("2025-03-30", 0, 30)).toBe("2025-03-30T00:30:00.000Z");
    expect(at("2025-03-30", 3, 0)).toBe("2025-03-30T02:00:00.000Z");
    expect(at("2025-03-31", 16, 30)).toBe("2025-03-31T15:30:00.000Z");
    expect(at("2025-10-25", 10)).toBe("2025-10-25T09:00:00.000Z");
    expect(at("2025-10-26", 3)).toBe("2025-10-26T03:00:00.000Z");
    expect(at("2025-10-27", 10)).toBe("2025-10-27T10:00:00.000Z");
  });

  it("round-trips every hour through a year", () => {
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 60 * 60_000) {
      const iso = new Date(ms).toISOString();
      const local = toLondonDateTime(iso);
      // The repeated hour when clocks go back (01:00–01:59 on 27 Oct 2024) reads two ways; skip it.
      if (local.date === "2024-10-27" && local.hour === 1) continue;
      expect(fromLondonDateTime(local), iso).toBe(iso);
    }
  });

  it("accepts instants with a zone and refuses those without", () => {
    expect(parseInstant("2025-03-28T16:30:00+01:00")).toBe(Date.UTC(2025, 2, 28, 15, 30));
    expect(() => parseInstant("2025-03-28T16:30:00")).toThrow(RangeError);
    expect(() => parseInstant("2025-03-28")).toThrow(RangeError);
    expect(() => parseInstant("not a date")).toThrow(RangeError);
  });
});
