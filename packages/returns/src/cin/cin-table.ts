/**
 * The tables the CIN census rules read: the census XML flattened into one table per module
 * (Header, ChildIdentifiers, …, Reviews), each as column names and rows of trimmed values
 * (null = blank). Every child-level row carries LAchildID; rows under a CINdetails module carry
 * its CINdetailsID, and review rows the CPPID of their plan, so rules can join modules.
 */

/** A cell: trimmed text, or null when blank or absent. */
export type CinValue = string | null;

/** One row's values by column. */
export type CinValues = Readonly<Record<string, CinValue>>;

/** A table as the rules see it. */
export interface CinTable {
  readonly columns: readonly string[];
  readonly rows: readonly CinValues[];
}

/** The tables of a flattened CIN census return, in the order the reference lists them. */
export const CIN_TABLE_NAMES = [
  "Header",
  "ChildIdentifiers",
  "ChildCharacteristics",
  "Disabilities",
  "CINdetails",
  "Assessments",
  "AssessmentFactorsList",
  "CINplanDates",
  "Section47",
  "ChildProtectionPlans",
  "Reviews",
] as const;

/** A CIN census table's name. */
export type CinTableName = (typeof CIN_TABLE_NAMES)[number];

/** The tables given to a validation (an absent table was not in the return at all). */
export type CinInput = Partial<Record<CinTableName, CinTable>>;

/** True when the text names a CIN census table. */
export function isCinTableName(name: string): name is CinTableName {
  return (CIN_TABLE_NAMES as readonly string[]).includes(name);
}
