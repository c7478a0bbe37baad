/**
 * Turns the tables of one SSDA903 year into rows ready to write, under the column names of the
 * looked-after tables, and says which rows cannot be loaded and why. Nothing here touches the
 * database: what the database knows (children already on record) comes in as `isKnownChild`.
 *
 * A row is refused when it has no CHILD, when a date that keys it (DECOM, REVIEW, MIS_START…)
 * is blank or not a real dd/mm/yyyy date, when any other date is not one, when its child has no
 * loadable Header row, or when an earlier row of the same file set has the same key. Codes are
 * kept as given: reporting invalid codes is the returns validator's job, not a reason to drop data.
 */
import type { ImportProblem } from "@family-story/schemas";
import { parseReturnDate, type Ssda903Row, type Ssda903TableName, type Ssda903Tables } from "@family-story/returns";

/** A value for a looked-after column: text, an ISO date, a number or null. */
export type FieldValue = string | number | null;

/** One loadable row: the child it belongs to, where it came from, and its column values. */
export interface PreparedRow {
  readonly child: string;
  readonly file: string;
  readonly line: number;
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** How one table's rows are checked and mapped to columns. */
interface TableRule {
  /** Dates that key the row: blank or invalid refuses it. */
  readonly keyDates: readonly string[];
  /** Other fields that must not be blank (beyond CHILD). */
  readonly keyFields?: readonly string[];
  /** Dates that may be blank but, when given, must be real dd/mm/yyyy dates. */
  readonly dates: readonly string[];
  /** Columns that, with CHILD, make the row unique (none: one row per child). */
  readonly unique: readonly string[];
  /** Column of the file → column of the table. Dates become ISO; everything else is kept as given. */
  readonly columns: Readonly<Record<string, string>>;
}

/** Header → person and lac_child; the rest → the looked-after tables of migration 0008. */
export const TABLE_RULES: Readonly<Record<Ssda903TableName, TableRule>> = {
  Header: { keyDates: [], dates: ["DOB", "MC_DOB"], unique: [], columns: { SEX: "sex", DOB: "dob", ETHNIC: "ethnicity", UPN: "upn", MOTHER: "mother", MC_DOB: "mc_dob" } },
  Episodes: {
    keyDates: ["DECOM"],
    dates: ["DEC"],
    unique: ["DECOM"],
    columns: {
      DECOM: "decom", RNE: "rne", LS: "ls", CIN: "cin", PLACE: "place", PLACE_PROVIDER: "place_provider", DEC: "dec", REC: "rec",
      REASON_PLACE_CHANGE: "reason_place_change", HOME_POST: "home_post", PL_POST: "pl_post", URN: "urn", PL_LA: "pl_la", PL_LOCATION: "pl_location", PL_DISTANCE: "pl_distance",
    },
  },
  Reviews: { keyDates: ["REVIEW"], dates: [], unique: ["REVIEW"], columns: { REVIEW: "review_date", REVIEW_CODE: "participation_code" } },
  UASC: { keyDates: [], dates: ["DUC"], unique: [], columns: { DUC: "uasc_ceased" } },
  OC2: {
    keyDates: [],
    dates: [],
    unique: [],
    columns: {
      SDQ_SCORE: "sdq_score", SDQ_REASON: "sdq_reason", CONVICTED: "convicted", HEALTH_CHECK: "health_check", IMMUNISATIONS: "immunisations", TEETH_CHECK: "teeth_check",
      HEALTH_ASSESSMENT: "health_assessment", SUBSTANCE_MISUSE: "substance_misuse", INTERVENTION_RECEIVED: "intervention_received", INTERVENTION_OFFERED: "intervention_offered",
    },
  },
  OC3: { keyDates: [], dates: [], unique: [], columns: { IN_TOUCH: "in_touch", ACTIV: "activ", ACCOM: "accom" } },
  AD1: { keyDates: [], dates: ["DATE_INT", "DATE_MATCH"], unique: [], columns: { DATE_INT: "date_int", DATE_MATCH: "date_match", FOSTER_CARE: "foster_care", NB_ADOPTR: "nb_adoptr", SEX_ADOPTR: "sex_adoptr", LS_ADOPTR: "ls_adoptr" } },
  PlacedAdoption: { keyDates: ["DATE_PLACED"], dates: ["DATE_PLACED_CEASED"], unique: ["DATE_PLACED"], columns: { DATE_PLACED: "date_placed", DATE_PLACED_CEASED: "date_placed_ceased", REASON_PLACED_CEASED: "reason_placed_ceased" } },
  // DATE_PERM is kept as text: the return allows a partly unknown date there.
  PrevPerm: { keyDates: [], dates: [], unique: [], columns: { PREV_PERM: "prev_perm", LA_PERM: "la_perm", DATE_PERM: "date_perm" } },
  Missing: { keyDates: ["MIS_START"], dates: ["MIS_END"], unique: ["MIS_START"], columns: { MISSING: "missing_type", MIS_START: "start_date", MIS_END: "end_date" } },
  SWEpisodes: { keyDates: ["SW_DECOM"], keyFields: ["SW_ID"], dates: ["SW_DEC"], unique: ["SW_DECOM"], columns: { SW_ID: "sw_id", SW_DECOM: "sw_decom", SW_DEC: "sw_dec", SW_REASON: "sw_reason" } },
  DoLo: { keyDates: ["DOLO_START"], dates: ["DOLO_END"], unique: ["DOLO_START"], columns: { DOLO_START: "dolo_start", DOLO_END: "dolo_end" } },
};

/** The rows of one table that can be loaded, and the problems with the others. */
export interface PreparedTable {
  readonly table: Ssda903TableName;
  readonly read: number;
  readonly rows: PreparedRow[];
  readonly problems: ImportProblem[];
}

function problem(row: Ssda903Row, table: Ssda903TableName, child: string | null, reason: string): ImportProblem {
  return { file: row.file, line: row.line, table, child, reason };
}

/** Why a row cannot be loaded, or null when it can; fills `fields` as it checks. */
function check(row: Ssda903Row, rule: TableRule, fields: Record<string, FieldValue>): string | null {
  for (const column of rule.keyDates) {
    const raw = row.values[column] ?? null;
    if (raw === null) return `${column} is blank; it is needed to match the row on re-import.`;
    if (parseReturnDate(raw) === null) return `${column} "${raw}" is not a valid date (dd/mm/yyyy).`;
  }
  for (const column of rule.keyFields ?? []) {
    if ((row.values[column] ?? null) === null) return `${column} is blank.`;
  }
  for (const column of rule.dates) {
    const raw = row.values[column] ?? null;
    if (raw !== null && parseReturnDate(raw) === null) return `${column} "${raw}" is not a valid date (dd/mm/yyyy).`;
  }
  const dates = new Set([...rule.keyDates, ...rule.dates]);
  for (const [column, target] of Object.entries(rule.columns)) {
    const raw = row.values[column] ?? null;
    fields[target] = raw === null ? null : dates.has(column) ? parseReturnDate(raw) : raw;
  }
  return null;
}

/**
 * Checks and maps one table's rows. `isKnownChild` says whether a CHILD has a Header row in
 * this import or is already on record as looked after; Header rows themselves skip that test.
 */
export function prepareTable(table: Ssda903TableName, rows: readonly Ssda903Row[], isKnownChild: (child: string) => boolean): PreparedTable {
  const rule = TABLE_RULES[table];
  const seen = new Map<string, number>();
  const loadable: PreparedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const child = row.values.CHILD ?? null;
    if (child === null) {
      problems.push(problem(row, table, null, "CHILD is blank, so the row cannot be matched to a child."));
      continue;
    }
    const fields: Record<string, FieldValue> = {};
    const reason = check(row, rule, fields);
    if (reason !== null) {
      problems.push(problem(row, table, child, reason));
      continue;
    }
    if (table !== "Header" && !isKnownChild(child)) {
      problems.push(problem(row, table, child, `No loadable Header row for CHILD ${child}, and no looked-after child with that CHILD is on record.`));
      continue;
    }
    const key = [child, ...rule.unique.map((c) => row.values[c] ?? "")].join("\u0000");
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const what = rule.unique.length === 0 ? `another ${table} row for CHILD ${child}` : `another row for CHILD ${child} with the same ${rule.unique.join(" and ")}`;
      problems.push(problem(row, table, child, `Duplicate: ${what} comes first (line ${earlier}); only that one is loaded.`));
      continue;
    }
    seen.set(key, row.line);
    loadable.push({ child, file: row.file, line: row.line, fields });
  }
  return { table, read: rows.length, rows: loadable, problems };
}

/** 1 April of the collection year a date falls in (a date before April belongs to the year before). */
export function collectionYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
}

/** A collection year in a folder or file name: "2017-18", "fake-2017-18", "903_2019" → its first year. */
export function yearFromName(name: string): number | null {
  const match = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * The collection year the tables are from, worked out from their dates: episodes all start on or
 * before 31 March of the year's end, so the year of the latest valid DECOM; failing that, of the
 * latest valid date in any table; null when there is no date at all.
 */
export function yearFromDates(tables: Ssda903Tables): number | null {
  const latest = (rows: readonly Ssda903Row[], columns: readonly string[]): string | null => {
    let max: string | null = null;
    for (const row of rows) {
      for (const column of columns) {
        const iso = parseReturnDate(row.values[column] ?? null);
        if (iso !== null && (max === null || iso > max)) max = iso;
      }
    }
    return max;
  };
  const decom = latest(tables.Episodes?.rows ?? [], ["DECOM"]);
  if (decom !== null) return collectionYearOf(decom);
  let max: string | null = null;
  for (const [name, table] of Object.entries(tables)) {
    const rule = TABLE_RULES[name as Ssda903TableName];
    const found = latest(table.rows, [...rule.keyDates, ...rule.dates].filter((c) => c !== "DOB" && c !== "MC_DOB" && c !== "DUC"));
    if (found !== null && (max === null || found > max)) max = found;
  }
  return max === null ? null : collectionYearOf(max);
}
