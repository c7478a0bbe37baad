import { caseworkFacts } from "./facts-casework.ts";
import { lookedAfterFacts } from "./facts-looked-after.ts";
import type { FactWindow, MeasureFact, SubjectRecords } from "./measure-types.ts";

/**
 * Every computed measure's facts for one child over the window, with facts of the same
 * (measure, month, team) summed into one.
 */
export function measureFacts(records: SubjectRecords, window: FactWindow): MeasureFact[] {
  const merged = new Map<string, MeasureFact>();
  for (const fact of [...lookedAfterFacts(records, window), ...caseworkFacts(records, window)]) {
    if (fact.month < window.firstMonth || fact.month > window.lastMonth) continue;
    const key = `${fact.measureId}|${fact.month}|${fact.teamId ?? ""}`;
    const seen = merged.get(key);
    if (seen === undefined) merged.set(key, { ...fact });
    else merged.set(key, { ...seen, numerator: seen.numerator + fact.numerator, denominator: seen.denominator + fact.denominator });
  }
  return [...merged.values()];
}
