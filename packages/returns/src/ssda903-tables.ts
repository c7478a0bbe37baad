/**
 * The tables of the SSDA903 (children looked after) return and how a file is recognised as one
 * of them. Files are recognised by their header columns, never by their names: local authorities
 * name them as they like.
 */

/** The columns of each SSDA903 table, in the order the DfE specification lists them. */
export const SSDA903_TABLES = {
  Header: ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"],
  Episodes: ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"],
  Reviews: ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"],
  UASC: ["CHILD", "SEX", "DOB", "DUC"],
  OC2: [
    "CHILD",
    "DOB",
    "SDQ_SCORE",
    "SDQ_REASON",
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
  ],
  OC3: ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
  AD1: ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
  PlacedAdoption: ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
  PrevPerm: ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"],
  Missing: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"],
  SWEpisodes: ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
  DoLo: ["CHILD", "DOB", "DOLO_START", "DOLO_END"],
} as const satisfies Record<string, readonly string[]>;

/** The OC2 items besides the SDQ: CONVICTED to INTERVENTION_OFFERED, in specification order. */
export const OC2_ITEMS = SSDA903_TABLES.OC2.slice(4);

/** The name of one SSDA903 table, as the DfE validation rules call it. */
export type Ssda903TableName = keyof typeof SSDA903_TABLES;

/** Every table name, in specification order. */
export const SSDA903_TABLE_NAMES = Object.freeze(Object.keys(SSDA903_TABLES) as Ssda903TableName[]);

/**
 * Placement fields derived from the ONS Postcode Directory (see postcode-distance.ts). They are
 * not part of any file's required columns, but a file may carry them and they are kept.
 */
export const DERIVED_EPISODE_COLUMNS = Object.freeze(["PL_LA", "PL_LOCATION", "PL_DISTANCE"] as const);

/** True when the string names an SSDA903 table. */
export function isSsda903TableName(value: string): value is Ssda903TableName {
  return Object.hasOwn(SSDA903_TABLES, value);
}

/** One cell: the trimmed text, or null when the cell is blank. */
export type Ssda903Value = string | null;

/**
 * One data row of a table. `line` is where the row starts in its file: for a CSV the 1-based
 * line number (the header is line 1); for the XML form the 1-based ordinal of the CHILD element
 * the row came from (see xml-reader.ts). `file` names the file the row was read from.
 */
export interface Ssda903Row {
  readonly file: string;
  readonly line: number;
  readonly values: Readonly<Record<string, Ssda903Value>>;
}

/** A table read from one or more files: its columns (required first as found, then extras) and rows. */
export interface Ssda903Table {
  readonly table: Ssda903TableName;
  readonly columns: readonly string[];
  readonly rows: readonly Ssda903Row[];
}

/** The outcome of recognising a header: the table, or why none matched. */
export type TableRecognition =
  | {
      readonly ok: true;
      readonly table: Ssda903TableName;
      /** The file's columns, normalised, in file order. */
      readonly columns: readonly string[];
      /** Columns the table does not require (e.g. PL_LA, PL_DISTANCE); they are kept. */
      readonly extraColumns: readonly string[];
    }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The table sharing most columns with the file, and the columns the file lacks for it. */
      readonly closest: { readonly table: Ssda903TableName; readonly missing: readonly string[] } | null;
    };

/**
 * Normalises a header cell: drops a UTF-8 byte order mark and surrounding whitespace and upper-cases
 * it, so "\uFEFFchild " and "CHILD" are the same column.
 */
export function normaliseColumnName(raw: string): string {
  return raw.replace(/^\uFEFF/, "").trim().toUpperCase();
}

/**
 * Says which SSDA903 table a file is from its header columns. Order does not matter and extra
 * columns are allowed; every required column must be present. No required set is a subset of
 * another, so a file matching two tables carries two tables' columns and is refused as ambiguous.
 */
export function recogniseTable(rawColumns: readonly string[]): TableRecognition {
  const columns = rawColumns.map(normaliseColumnName);
  const present = new Set(columns);
  const duplicates = columns.filter((c, i) => c !== "" && columns.indexOf(c) !== i);
  if (duplicates.length > 0) {
    return { ok: false, reason: `The header repeats the column ${[...new Set(duplicates)].join(", ")}.`, closest: null };
  }
  const matches = SSDA903_TABLE_NAMES.filter((name) => SSDA903_TABLES[name].every((c) => present.has(c)));
  const [table, ...others] = matches;
  if (table !== undefined && others.length === 0) {
    const required = new Set<string>(SSDA903_TABLES[table]);
    return { ok: true, table, columns, extraColumns: columns.filter((c) => !required.has(c)) };
  }
  if (table !== undefined) {
    return { ok: false, reason: `The header has the columns of more than one table (${matches.join(", ")}).`, closest: null };
  }
  const closest = closestTable(present);
  if (closest === null) {
    return { ok: false, reason: "The header has none of the columns that tell SSDA903 tables apart.", closest: null };
  }
  return {
    ok: false,
    reason: `The header does not match any SSDA903 table; nearest is ${closest.table}, which also needs ${closest.missing.join(", ")}.`,
    closest,
  };
}

/** The table with the most columns in common (ignoring CHILD and DOB, which most tables share). */
function closestTable(present: ReadonlySet<string>): { table: Ssda903TableName; missing: string[] } | null {
  let best: { table: Ssda903TableName; missing: string[]; shared: number } | null = null;
  for (const table of SSDA903_TABLE_NAMES) {
    const required = SSDA903_TABLES[table];
    const shared = required.filter((c) => present.has(c) && c !== "CHILD" && c !== "DOB").length;
    const missing = required.filter((c) => !present.has(c));
    if (shared > 0 && (best === null || shared > best.shared || (shared === best.shared && missing.length < best.missing.length))) {
      best = { table, missing, shared };
    }
  }
  return best === null ? null : { table: best.table, missing: best.missing };
}
