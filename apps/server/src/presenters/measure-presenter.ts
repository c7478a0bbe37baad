import { DEFAULT_AMBER_TOLERANCE, type MeasureDefinition, type MeasureGroup } from "@family-story/domain";
import type { MeasureDefinitionDto, MeasureGroupDto, MeasureTarget } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { MeasureTargetTable } from "../db/measure-types.ts";

/** A catalogue definition for the API. */
export function presentMeasure(m: MeasureDefinition): MeasureDefinitionDto {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    numerator: m.numerator,
    denominator: m.denominator,
    unit: m.unit,
    direction: m.direction,
    source: m.source,
    kind: m.kind,
    placements: m.placements.map((p) => ({ framework: p.framework, group: p.group })),
    dataSource: m.dataSource,
  };
}

/** An outcome, priority or theme for the API. */
export function presentGroup(g: MeasureGroup): MeasureGroupDto {
  return { framework: g.framework, key: g.key, title: g.title, description: g.description };
}

const numberOrNull = (v: string | number | null): number | null => (v === null ? null : Number(v));

/** An authority's baseline and target (numeric columns read as numbers). */
export function presentTarget(row: Selectable<MeasureTargetTable>): MeasureTarget {
  return {
    baselineValue: numberOrNull(row.baseline_value),
    baselineLabel: row.baseline_label,
    targetValue: numberOrNull(row.target_value),
    targetDate: row.target_date,
    amberTolerance: numberOrNull(row.amber_tolerance) ?? DEFAULT_AMBER_TOLERANCE,
    note: row.note,
    version: row.version,
  };
}
