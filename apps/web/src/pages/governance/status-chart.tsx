import { GOV_ACTION_STATUS_LABELS, GOV_ACTION_STATUSES, type GovStatusCounts } from "@family-story/schemas";
import { useId } from "react";

/**
 * Counts of actions by status as stacked horizontal bars, one per priority and one for the
 * whole strategy. The SVG is one image named by its title and described by a sentence giving
 * every count; each segment is labelled with its count and the legend names the statuses, so
 * colour is never the only cue; the table beside it gives the same figures.
 */

const COLOURS: Record<(typeof GOV_ACTION_STATUSES)[number], string> = { not_started: "#505a5f", in_progress: "#1d70b8", complete: "#00703c" };
const WIDTH = 640;
const LABEL = 270;
const ROW = 34;

export interface StatusRow {
  label: string;
  counts: GovStatusCounts;
}

const shorten = (text: string, max = 32): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The chart's description: every row's counts in words. */
export function describeStatusRows(rows: readonly StatusRow[]): string {
  return rows.map((r) => `${r.label}: ${GOV_ACTION_STATUSES.map((s) => `${String(r.counts[s])} ${GOV_ACTION_STATUS_LABELS[s].toLowerCase()}`).join(", ")}`).join("; ");
}

export function StatusChart({ title, rows }: { title: string; rows: readonly StatusRow[] }) {
  const id = useId();
  const room = WIDTH - LABEL - 20;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const height = 20 + rows.length * ROW + 30;
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg" data-testid="status-chart">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeStatusRows(rows)}</desc>
        {rows.map((r, i) => {
          const y = 10 + i * ROW;
          let x = LABEL;
          return (
            <g key={`${r.label}-${String(i)}`}>
              <text x={LABEL - 8} y={y + 18} textAnchor="end" className="app-chart__label">{shorten(r.label)}</text>
              {GOV_ACTION_STATUSES.map((s) => {
                const w = (r.counts[s] / max) * room;
                const seg = (
                  <g key={s}>
                    <rect x={x} y={y} width={w} height={ROW - 8} fill={COLOURS[s]} className="app-chart__bar app-chart__bar--segment" />
                    {r.counts[s] > 0 && w >= 18 && <text x={x + w / 2} y={y + 18} textAnchor="middle" className="app-chart__value app-chart__value--inverse">{r.counts[s]}</text>}
                  </g>
                );
                x += w;
                return seg;
              })}
            </g>
          );
        })}
        <g>
          {GOV_ACTION_STATUSES.map((s, i) => {
            const x = LABEL + i * 130;
            const y = 14 + rows.length * ROW;
            return (
              <g key={s}>
                <rect x={x} y={y} width={14} height={14} fill={COLOURS[s]} className="app-chart__bar" />
                <text x={x + 20} y={y + 12} className="app-chart__label">{GOV_ACTION_STATUS_LABELS[s]}</text>
              </g>
            );
          })}
        </g>
      </svg>
      <figcaption className="govuk-body-s app-chart__caption">The table below gives these figures.</figcaption>
    </figure>
  );
}
