import type { MeasureRag, MeasureValues } from "@family-story/schemas";
import { headline, ragLabel } from "./measure-format.ts";

/** A RAG rating as a GOV.UK tag: the colour and the words, so it reads without the colour. */
export function RagTag({ rag }: { rag: MeasureRag | null }) {
  const { text, tag } = ragLabel(rag);
  return <strong className={`govuk-tag ${tag} app-rag-tag`} data-testid="rag-tag">{text}</strong>;
}

/** How many measures are green, amber, red and not rated. */
export function ragCounts(measures: readonly Pick<MeasureValues, "rag" | "latest" | "latestRag" | "value">[]): Record<MeasureRag | "none", number> {
  const counts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const m of measures) counts[headline(m).rag ?? "none"] += 1;
  return counts;
}

const BOXES = [
  { key: "green", label: "on target", name: "Green" },
  { key: "amber", label: "close to target", name: "Amber" },
  { key: "red", label: "off target", name: "Red" },
  { key: "none", label: "not rated", name: "No target" },
] as const;

/**
 * The dashboard at a glance: how many measures are on, close to and off target. Each box is
 * bordered in the rating's colour and says the rating in words.
 */
export function RagSummary({ measures, label }: { measures: readonly Pick<MeasureValues, "rag" | "latest" | "latestRag" | "value">[]; label: string }) {
  const counts = ragCounts(measures);
  return (
    <ul className="app-rag-summary" aria-label={label} data-testid="rag-summary">
      {BOXES.map((b) => (
        <li key={b.key} className={`app-rag-summary__item app-rag-summary__item--${b.key}`}>
          <span className="app-rag-summary__count">{counts[b.key]}</span>
          <span className="app-rag-summary__label">
            <strong>{b.name}</strong> {b.label}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A group's ratings in one line of words: "3 green, 1 amber, 2 red, 4 not rated". */
export function ragLine(measures: readonly Pick<MeasureValues, "rag" | "latest" | "latestRag" | "value">[]): string {
  const c = ragCounts(measures);
  const parts = [c.green > 0 && `${String(c.green)} green`, c.amber > 0 && `${String(c.amber)} amber`, c.red > 0 && `${String(c.red)} red`, c.none > 0 && `${String(c.none)} not rated`].filter(Boolean);
  return `${String(measures.length)} ${measures.length === 1 ? "measure" : "measures"}${parts.length ? `: ${parts.join(", ")}` : ""}`;
}
