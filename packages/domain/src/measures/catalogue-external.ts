import { EXTERNAL_CYPP_MEASURES } from "./external/external-cypp.ts";
import { EXTERNAL_EARLY_HELP_MEASURES } from "./external/external-early-help.ts";
import type { MeasureDefinition } from "./measure-types.ts";

/**
 * Measures whose figures are entered or imported (docs/measures.md, "Measures entered or
 * imported"): the CYPP outcomes framework's, then the Early Help strategy's priorities'.
 */
export const EXTERNAL_MEASURES: readonly MeasureDefinition[] = [...EXTERNAL_CYPP_MEASURES, ...EXTERNAL_EARLY_HELP_MEASURES];
