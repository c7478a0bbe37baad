import type { MeasureCatalogue, MeasureDefinitionDto } from "@family-story/schemas";

/** The frameworks measures belong to, as people name them. */
export const FRAMEWORK_LABELS: Record<MeasureDefinitionDto["placements"][number]["framework"], string> = {
  cypp: "Children and Young People's Plan outcome",
  "early-help": "Early Help strategy priority",
  "supporting-families": "Supporting Families outcome",
  performance: "Performance theme",
};

/** Where external figures are entered and imported (the figures pages of the Outcomes area). */
export const FIGURES_PATH = "/outcomes/figures";

/** A group's title from the catalogue, or its key when the catalogue does not know it. */
export function groupTitle(catalogue: MeasureCatalogue, framework: string, key: string): string {
  return catalogue.groups.find((g) => g.framework === framework && g.key === key)?.title ?? key;
}
