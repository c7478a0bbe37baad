import { MEASURE_GROUPS, MEASURES, type MeasureDefinition, type MeasureFramework, type MeasureGroup } from "@family-story/domain";
import type { MeasureDashboard, MeasureDashboardKind, MeasureValues } from "@family-story/schemas";

/**
 * What each dashboard shows: leaders the five outcomes of the Children and Young People's Plan;
 * the Early Help partnership board its four priorities then the ten Supporting Families
 * outcomes; a team manager the performance themes for their team. A group lists the measures
 * placed in it, in catalogue order (a measure may sit in several groups).
 */
const BOARDS: Record<MeasureDashboardKind, { title: string; frameworks: readonly MeasureFramework[] }> = {
  leaders: { title: "Children and young people's plan: outcomes", frameworks: ["cypp"] },
  "early-help": { title: "Early help: priorities and Supporting Families outcomes", frameworks: ["early-help", "supporting-families"] },
  team: { title: "Team performance", frameworks: ["performance"] },
};

/** A dashboard's groups with the measures placed in each. */
export function boardGroups(board: MeasureDashboardKind): { group: MeasureGroup; measures: MeasureDefinition[] }[] {
  return BOARDS[board].frameworks.flatMap((framework) =>
    MEASURE_GROUPS.filter((g) => g.framework === framework).map((group) => ({
      group,
      measures: MEASURES.filter((m) => m.placements.some((p) => p.framework === framework && p.group === group.key)),
    })),
  );
}

/** Every measure a dashboard reads, each once. */
export function boardMeasures(board: MeasureDashboardKind): MeasureDefinition[] {
  const seen = new Map<string, MeasureDefinition>();
  for (const { measures } of boardGroups(board)) for (const m of measures) seen.set(m.id, m);
  return [...seen.values()];
}

/** Assembles the dashboard from the values of its measures (read once each). */
export function assembleDashboard(board: MeasureDashboardKind, values: readonly MeasureValues[], head: Pick<MeasureDashboard, "scope" | "from" | "to" | "interval">): MeasureDashboard {
  const byId = new Map(values.map((v) => [v.measure.id, v]));
  return {
    board,
    title: BOARDS[board].title,
    ...head,
    groups: boardGroups(board).map(({ group, measures }) => ({
      key: group.key,
      title: group.title,
      description: group.description,
      measures: measures.map((m) => byId.get(m.id)).filter((v): v is MeasureValues => v !== undefined),
    })),
  };
}
