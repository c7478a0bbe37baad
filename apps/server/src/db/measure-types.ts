import type { ColumnType, Generated } from "kysely";

/** Dates are read as YYYY-MM-DD strings and bigint as numbers (connect.ts sets the parsers). */
type DateColumn = ColumnType<string, string, string>;

export interface MeasureFactTable {
  la_code: string;
  measure_id: string;
  month: DateColumn;
  team_id: string;
  person_id: string;
  numerator: number;
  denominator: number;
}

export interface MeasureMonthTable {
  la_code: string;
  measure_id: string;
  team_id: string;
  month: DateColumn;
  numerator: ColumnType<number, number, number>;
  denominator: ColumnType<number, number, number>;
  subjects: number;
}

export interface MeasureDirtyTable {
  la_code: string;
  person_id: string;
  marked_at: Generated<Date>;
}

export interface MeasureStateTable {
  la_code: string;
  first_month: DateColumn;
  last_month: DateColumn;
  built_at: Generated<Date>;
}

/** numeric columns come back as strings from pg and may come back as numbers from PGlite: read them with Number(). */
type NumericColumn = ColumnType<string | number, number | string, number | string>;
type NullableNumericColumn = ColumnType<string | number | null, number | string | null | undefined, number | string | null>;

export interface MeasureValueTable {
  la_code: string;
  measure_id: string;
  period_start: DateColumn;
  period_end: DateColumn;
  value: NumericColumn;
  numerator: NullableNumericColumn;
  denominator: NullableNumericColumn;
  source: string;
  source_date: DateColumn;
  note: string | null;
  import_job_id: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface MeasureTargetTable {
  la_code: string;
  measure_id: string;
  baseline_value: NullableNumericColumn;
  baseline_label: string | null;
  target_value: NullableNumericColumn;
  target_date: ColumnType<string | null, string | null | undefined, string | null>;
  amber_tolerance: ColumnType<string | number, number | string | undefined, number | string>;
  note: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface MeasureTables {
  measure_fact: MeasureFactTable;
  measure_month: MeasureMonthTable;
  measure_dirty: MeasureDirtyTable;
  measure_state: MeasureStateTable;
  measure_value: MeasureValueTable;
  measure_target: MeasureTargetTable;
}
