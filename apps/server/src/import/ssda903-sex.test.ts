import { describe, expect, it } from "vitest";
import { sexOf } from "./ssda903-children.ts";

describe("sexOf (SSDA903 import)", () => {
  it("reads the codes of every year: 1/2 up to 2024/25, M/F/U from 2025/26", () => {
    expect(["1", "2", "M", "F", "m", " f ", "U", "9", "", null, undefined, 1, 2].map(sexOf)).toEqual([
      "male", "female", "male", "female", "male", "female", "unknown", "unknown", "unknown", "unknown", "unknown", "male", "female",
    ]);
  });
});
