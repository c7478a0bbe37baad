/**
 * Writes SSDA903 tables as the CSV files the DfE takes: one file per table, the header row the
 * DfE column names in specification order, values as held (dates already dd/mm/yyyy), blanks
 * empty. Pure text in, text out, so the server, the command line and the browser share it.
 */
import type { EngineTable } from "./ssda903/engine-table.ts";
import { SSDA903_TABLES, type Ssda903TableName } from "./ssda903-tables.ts";

/** The file each table is written to (lower case, as local authorities usually name them). */
export const SSDA903_FILE_NAMES: Readonly<Record<Ssda903TableName, string>> = {
  Header: "header.csv",
  Episodes: "episodes.csv",
  Reviews: "reviews.csv",
  UASC: "uasc.csv",
  OC2: "oc2.csv",
  OC3: "oc3.csv",
  AD1: "ad1.csv",
  PlacedAdoption: "placed_for_adoption.csv",
  PrevPerm: "previous_permanence.csv",
  Missing: "missing.csv",
  SWEpisodes: "sw_episodes.csv",
  DoLo: "dolo.csv",
};

/** A CSV field: quoted only when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * One table as CSV text: the DfE columns of the table (any other columns the table carries, such
 * as the derived PL_LA, are left out), then a line per row; lines end CRLF.
 */
export function ssda903TableToCsv(name: Ssda903TableName, table: EngineTable): string {
  const columns: readonly string[] = SSDA903_TABLES[name];
  const lines = [columns.join(",")];
  for (const row of table.rows) lines.push(columns.map((c) => csvField(row[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Every table given, as files named by SSDA903_FILE_NAMES, in specification order. */
export function ssda903Files(tables: Partial<Record<Ssda903TableName, EngineTable>>): { name: string; table: Ssda903TableName; text: string; rows: number }[] {
  const out: { name: string; table: Ssda903TableName; text: string; rows: number }[] = [];
  for (const name of Object.keys(SSDA903_TABLES) as Ssda903TableName[]) {
    const table = tables[name];
    if (table !== undefined) out.push({ name: SSDA903_FILE_NAMES[name], table: name, text: ssda903TableToCsv(name, table), rows: table.rows.length });
  }
  return out;
}
