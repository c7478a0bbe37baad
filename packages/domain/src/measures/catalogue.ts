import { CASEWORK_MEASURES } from "./catalogue-casework.ts";
import { EXTERNAL_MEASURES } from "./catalogue-external.ts";
import { LOOKED_AFTER_MEASURES } from "./catalogue-looked-after.ts";
import type { MeasureDefinition } from "./measure-types.ts";

/** Every measure, computed and external. */
export const MEASURES: readonly MeasureDefinition[] = [...LOOKED_AFTER_MEASURES, ...CASEWORK_MEASURES, ...EXTERNAL_MEASURES];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

/** The measure with this id, or undefined. */
export function measureById(id: string): MeasureDefinition | undefined {
  return BY_ID.get(id);
}
