/**
 * Validates a generated CIN census the way an authority's file is validated: the XML text is read
 * back by the census reader into the flattened tables (so the rows the findings name are the
 * rows of the file itself), then run through the CIN ruleset with the year's reference date.
 */
import { dayFromParts, readCinXml, validateCin, type CinRuleset, type ValidationReport } from "@family-story/returns";

/** The CIN census ruleset every year is validated by (the latest published). */
export const CIN_RULESET: CinRuleset = "cin2025_26";

/** Validates census XML of the year starting 1 April `year` (reference date 31 March after). */
export function validateCinCensus(xml: string, year: number): ValidationReport {
  const { tables } = readCinXml({ name: "cin-census.xml", text: xml });
  return validateCin(tables, { ruleset: CIN_RULESET, metadata: { referenceDate: dayFromParts(year + 1, 3, 31) } });
}
