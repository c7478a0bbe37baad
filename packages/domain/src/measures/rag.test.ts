import { describe, expect, it } from "vitest";
import { ragRating, roundTo, unitValue } from "./rag.ts";

describe("unitValue", () => {
  it("reads numerator over denominator in the unit, to one decimal place", () => {
    expect(unitValue("percent", 2, 3)).toBe(66.7);
    expect(unitValue("percent", 1, 8)).toBe(12.5);
    expect(unitValue("percent", 3, 3)).toBe(100);
    expect(unitValue("rate", 3, 7000)).toBe(4.3);
    expect(unitValue("score", 29, 2)).toBe(14.5);
    expect(unitValue("days", 10, 3)).toBe(3.3);
  });

  it("gives a count as its numerator and nothing for a share of nothing", () => {
    expect(unitValue("count", 7, 7)).toBe(7);
    expect(unitValue("count", 0, 0)).toBe(0);
    expect(unitValue("percent", 0, 0)).toBeNull();
    expect(unitValue("score", 0, 0)).toBeNull();
  });

  it("rounds halves away from zero", () => {
    expect(roundTo(0.05, 1)).toBe(0.1);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-2.25, 1)).toBe(-2.3);
    expect(unitValue("percent", 1, 16)).toBe(6.3);
  });
});

describe("ragRating", () => {
  it("is green when the value meets or beats the target in the direction of good", () => {
    expect(ragRating(80, 80, "up")).toBe("green");
    expect(ragRating(81, 80, "up")).toBe("green");
    expect(ragRating(10, 10, "down")).toBe("green");
    expect(ragRating(9, 10, "down")).toBe("green");
  });

  it("is amber within the tolerance (5% of the target by default), red beyond it", () => {
    expect(ragRating(76, 80, "up")).toBe("amber");
    expect(ragRating(75.9, 80, "up")).toBe("red");
    expect(ragRating(10.5, 10, "down")).toBe("amber");
    expect(ragRating(10.6, 10, "down")).toBe("red");
    expect(ragRating(70, 80, "up", 12.5)).toBe("amber");
    expect(ragRating(79.9, 80, "up", 0)).toBe("red");
  });

  it("is null without a value, a target or a direction of good", () => {
    expect(ragRating(null, 80, "up")).toBeNull();
    expect(ragRating(80, null, "up")).toBeNull();
    expect(ragRating(80, 80, "none")).toBeNull();
  });
});
