/** The findings CSV: the encoded forms give exactly the bytes of the text form. */
import { describe, expect, it } from "vitest";
import { FindingsCsvEncoder, findingsCsvBytes, findingsToCsv, type Finding } from "./findings.ts";

const columns = ["DOB", "REVIEW"];
const findings: Finding[] = [
  { rule: "101", table: "Header", row: 0, childId: "A1", columns: ["SEX"], message: "Sex is not valid." },
  { rule: "101", table: "Header", row: 12, childId: null, columns: ["SEX"], message: "Sex is not valid." },
  { rule: "117", table: "Episodes", row: 3, childId: 'quo"te,comma', columns, message: "The child’s date, \"quoted\"" },
  { rule: "117", table: "PlacedAdoption", row: 1_000_000, childId: "Zoë", columns, message: "The child’s date, \"quoted\"" },
  { rule: "9", table: "Reviews", row: 7, childId: "line\nbreak", columns: [], message: "" },
];

const decode = (chunks: Iterable<Uint8Array>): string => {
  const parts = [...chunks];
  const all = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
};

describe("findings as CSV bytes", () => {
  it("encodes exactly the CSV text, whatever the chunk size", () => {
    const text = findingsToCsv(findings);
    expect(text.split("\n")[3]).toBe('117,Episodes,3,"quo""te,comma",DOB;REVIEW,"The child’s date, ""quoted"""');
    for (const size of [1, 16, 64, 1 << 20]) expect(decode(findingsCsvBytes(findings, size)), String(size)).toBe(text);
    expect(decode(findingsCsvBytes([]))).toBe(findingsToCsv([]));
  });

  it("can reuse one buffer when each chunk is written before the next is made", () => {
    const written: string[] = [];
    const encoder = new FindingsCsvEncoder((chunk) => written.push(new TextDecoder().decode(chunk)), 32, true);
    for (const f of findings) encoder.add(f);
    encoder.finish();
    expect(written.join("")).toBe(findingsToCsv(findings));
  });
});
