import { placementsFrom, type MeasureDefinition, type MeasureDirection, type MeasurePlacementKey, type MeasureUnit } from "../measure-types.ts";

/** What an external measure's entry in the catalogue gives; the rest is the same for all of them. */
export interface ExternalMeasureSpec {
  id: string;
  title: string;
  description: string;
  numerator: string | null;
  denominator: string | null;
  unit: MeasureUnit;
  direction: MeasureDirection;
  dataSource: string;
  /** "framework:group", e.g. "cypp:achieving". */
  placements: readonly MeasurePlacementKey[];
}

/** An external measure's definition: entered or imported, so it has no fact kind. */
export function externalMeasure(spec: ExternalMeasureSpec): MeasureDefinition {
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    numerator: spec.numerator,
    denominator: spec.denominator,
    unit: spec.unit,
    direction: spec.direction,
    source: "external",
    kind: null,
    placements: placementsFrom(spec.placements),
    dataSource: spec.dataSource,
  };
}
