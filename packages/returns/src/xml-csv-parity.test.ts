/**
 * An XML file and the CSVs of the same year must give the same tables. The shared fixture's
 * XML and CSVs are generated separately (no child is in both), so parity is shown both ways on
 * the fixture's own data: the XML's tables written as CSVs read back identically, and the CSVs'
 * first children written as XML read back identically.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readSsda903Csv } from "./csv-reader.ts";
import type { Ssda903Table, Ssda903Value } from "./ssda903-tables.ts";
import { readSsda903Xml } from "./xml-reader.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903/fixtures/fake-2017-18");
const xml = readSsda903Xml({ name: "fake_903.xml", text: readFileSync(path.join(FIXTURES, "fake_903.xml"), "utf8") }).tables;
const csv = Object.fromEntries(
  readdirSync(FIXTURES)
    .filter((n) => n.endsWith(".csv"))
    .map((name) => readSsda903Csv({ name, text: readFileSync(path.join(FIXTURES, name), "utf8") }))
    .map((t) => [t.table, t]),
) as Record<string, Ssda903Table>;

const values = (table: Ssda903Table | undefined): Record<string, Ssda903Value>[] => (table?.rows ?? []).map((r) => ({ ...r.values }));

function toCsv(table: Ssda903Table): string {
  return Papa.unparse({ fields: [...table.columns], data: table.rows.map((r) => table.columns.map((c) => r.values[c] ?? "")) }, { newline: "\r\n" });
}

const escape = (v: string): string => v.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const element = (tag: string, value: Ssda903Value | undefined): string => (value == null ? `<${tag} />` : `<${tag}>${escape(value)}</${tag}>`);

/** Writes children of the CSV fixture as the XML form, in the layout fake_903.xml uses. */
function toXml(children: readonly Record<string, Ssda903Value>[]): string {
  const body = children.map((h) => {
    const id = h.CHILD;
    const reviews = csv.Reviews?.rows.filter((r) => r.values.CHILD === id) ?? [];
    const episodes = csv.Episodes?.rows.filter((r) => r.values.CHILD === id) ?? [];
    const oc2 = csv.OC2?.rows.find((r) => r.values.CHILD === id)?.values ?? {};
    const perm = csv.PrevPerm?.rows.find((r) => r.values.CHILD === id)?.values ?? {};
    const header = [
      element("CHILDID", id),
      ...["UPN", "SEX", "DOB", "ETHNIC"].map((f) => element(f, h[f])),
      ...reviews.map((r) => `<AREVIEW>${element("REVIEW", r.values.REVIEW)}${element("REVIEW_CODE", r.values.REVIEW_CODE)}</AREVIEW>`),
      element("MOTHER", h.MOTHER),
      element("MC_DOB", h.MC_DOB),
      `<PERMANENCE>${["PREV_PERM", "LA_PERM", "DATE_PERM"].map((f) => element(f, perm[f])).join("")}</PERMANENCE>`,
      `<OC2>${Object.keys(oc2).filter((f) => f !== "CHILD" && f !== "DOB").map((f) => element(f, oc2[f])).join("")}</OC2>`,
    ].join("");
    const eps = episodes.map((e) => {
      const fields = Object.keys(e.values).filter((f) => f !== "CHILD");
      return `<EPISODE>${fields.map((f) => element(f === "PLACE" ? "PL" : f, e.values[f])).join("")}</EPISODE>`;
    });
    return `<CHILD><HEADER>${header}</HEADER>${eps.join("")}</CHILD>`;
  });
  return `<?xml version='1.0' encoding='us-ascii'?>\n<EXPSSDA903>${body.join("")}</EXPSSDA903>`;
}

describe("XML and CSV forms give the same tables", () => {
  it("have the same columns for every table both hold (the XML Header adds the UASC flag)", () => {
    for (const [name, table] of Object.entries(xml)) {
      const extras = name === "Header" ? ["UASC"] : [];
      expect(table.columns, name).toEqual([...(csv[name]?.columns ?? []), ...extras]);
    }
  });

  it("read the XML fixture's tables back identically when written as CSV", () => {
    for (const table of Object.values(xml)) {
      const back = readSsda903Csv({ name: `${table.table}.csv`, text: toCsv(table) });
      expect(back.table).toBe(table.table);
      expect(values(back), table.table).toEqual(values(table));
    }
  });

  it("read the CSV fixture's Header, Episodes, Reviews, OC2 and PrevPerm back identically when written as XML", () => {
    const children = values(csv.Header).slice(0, 60);
    const ids = new Set(children.map((c) => c.CHILD));
    const fromXml = readSsda903Xml({ name: "from-csv.xml", text: toXml(children) });
    expect(fromXml.warnings).toEqual([]);
    const order = (rows: Record<string, Ssda903Value>[]) => children.flatMap((c) => rows.filter((r) => r.CHILD === c.CHILD));
    expect(fromXml.tables.Header?.columns).toEqual(csv.Header?.columns);
    expect(values(fromXml.tables.Header)).toEqual(children);
    for (const name of ["Episodes", "Reviews", "OC2", "PrevPerm"]) {
      const expected = order(values(csv[name]).filter((r) => ids.has(r.CHILD ?? null)));
      expect(expected.length, name).toBeGreaterThan(name === "Episodes" ? 40 : 59);
      expect(values(fromXml.tables[name as keyof typeof fromXml.tables]), name).toEqual(expected);
    }
  });
});
