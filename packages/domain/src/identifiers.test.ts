import { describe, expect, it } from "vitest";
import { isValidNhsNumber, isValidUpn, nhsCheckDigit, normalisePostcode, postcodeDistrict, upnCheckLetter } from "./identifiers.ts";

describe("NHS number", () => {
  it("accepts a number whose modulus-11 check digit is right", () => {
    // 943 476 591 → weights 10..2 give 299, 299 mod 11 = 2, 11 - 2 = 9.
    expect(isValidNhsNumber("943 476 5919")).toBe(true);
    expect(nhsCheckDigit("943476591")).toBe(9);
  });
  it("refuses a wrong check digit, a short number and letters", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
    expect(isValidNhsNumber("94347659A9")).toBe(false);
  });
  it("treats remainder 0 as check digit 0 and refuses stems whose check would be 10", () => {
    // 100000001: 1*10 + 1*2 = 12, 12 mod 11 = 1, 11-1 = 10 → unusable stem.
    expect(nhsCheckDigit("100000001")).toBeNull();
    // 000000000 → sum 0 → 11 → 0.
    expect(nhsCheckDigit("000000000")).toBe(0);
    expect(isValidNhsNumber("0000000000")).toBe(true);
  });
});

describe("UPN", () => {
  it("computes the check letter over the twelve following characters", () => {
    // 2*2+1*3+3*4+0*5+... worked by hand for "213000011001".
    const rest = "213000011001";
    const weights = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
    const sum = weights.reduce((s, w, i) => s + Number(rest.charAt(i)) * w, 0);
    expect(upnCheckLetter(rest)).toBe("ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23]);
    expect(isValidUpn(`${upnCheckLetter(rest) ?? ""}${rest}`)).toBe(true);
  });
  it("refuses a wrong letter, I/O/S and lower-case it normalises", () => {
    const rest = "213000011001";
    const letter = upnCheckLetter(rest) ?? "";
    const wrong = letter === "A" ? "B" : "A";
    expect(isValidUpn(`${wrong}${rest}`)).toBe(false);
    expect(isValidUpn(`${letter.toLowerCase()}${rest}`)).toBe(true);
    expect(isValidUpn("I213000011001")).toBe(false);
  });
  it("accepts a temporary UPN whose last character is a letter", () => {
    const rest = "21300001100A";
    const letter = upnCheckLetter(rest);
    expect(letter).not.toBeNull();
    expect(isValidUpn(`${letter ?? ""}${rest}`)).toBe(true);
    expect(upnCheckLetter("21300001100I")).toBeNull();
  });
});

describe("postcodes", () => {
  it("normalises spacing and case and gives the district", () => {
    expect(normalisePostcode("w21ab")).toBe("W2 1AB");
    expect(postcodeDistrict("sw1v 3aa")).toBe("SW1V");
  });
});
