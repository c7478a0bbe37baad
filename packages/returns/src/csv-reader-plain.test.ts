/**
 * A CSV without quotes is read without papaparse; with one quoted cell the same text goes through
 * papaparse. Both must give the same table (rows, lines, values) or the same error.
 */
import { describe, expect, it } from "vitest";
import { readSsda903Csv } from "./csv-reader.ts";

const HEADER = "CHILD,DOB,REVIEW,REVIEW_CODE";
const LINES = [HEADER, "1,01/01/2017,02/02/2017,PN1", " 2 , , ,PN0 ", "", " ", ",,,", "3,a,b,c,", "3,a,b,c, ,", "4,01/01/2017,02/02/2017,PN1", "5,\u00a001/01/2017\u00a0,x,PN1"];

/** The outcome of a read: the table, or the error's line and message. */
function outcome(text: string): unknown {
  try {
    const table = readSsda903Csv({ name: "r.csv", text });
    return { table: table.table, columns: table.columns, rows: table.rows.map((r) => ({ line: r.line, values: r.values })) };
  } catch (error) {
    return error instanceof Error ? { error: error.message, line: (error as { line?: unknown }).line } : error;
  }
}

/** The same text with the first header cell quoted, which changes no value. */
const quoted = (text: string): string => text.replace("CHILD", '"CHILD"');

describe("reading a CSV without quotes", () => {
  it("gives what papaparse gives, over line ends, blank lines, trailing commas and spaces", () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 16_807) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (let k = 0; k < 400; k++) {
      const eol = ["\n", "\r\n", "\r"][Math.floor(random() * 3)] ?? "\n";
      const lines = [HEADER, ...Array.from({ length: Math.floor(random() * 6) }, () => LINES[Math.floor(random() * LINES.length)] ?? "")];
      const text = (random() < 0.2 ? "\uFEFF" : "") + lines.join(eol) + (random() < 0.5 ? eol : "");
      expect(text.includes('"')).toBe(false);
      expect(outcome(text), JSON.stringify(text)).toEqual(outcome(quoted(text)));
    }
  });

  it("reports too few or too many cells on the right line", () => {
    expect(outcome(`${HEADER}\n1,2,3,4\n\n1,2,3`)).toEqual({ error: "r.csv line 4: The row has 3 cells but the header has 4 columns.", line: 4 });
    expect(outcome(`${HEADER}\r\n1,2,3,4,5`)).toEqual(outcome(quoted(`${HEADER}\r\n1,2,3,4,5`)));
  });
});
