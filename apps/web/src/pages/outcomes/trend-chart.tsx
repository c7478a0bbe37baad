import type { MeasureDefinitionDto, MeasurePoint } from "@family-story/schemas";
import { useId } from "react";
import { labelIndexes, niceScale } from "./chart-scale.ts";
import { formatShort, pointLabel, trendSummary } from "./measure-format.ts";

/** How big to draw: a card's small multiple or the measure page's full chart. */
const SIZES = {
  card: { width: 440, height: 200, left: 46, right: 104, top: 26, bottom: 30, inset: 22, labelRoom: 6 },
  full: { width: 900, height: 320, left: 56, right: 124, top: 30, bottom: 34, inset: 30, labelRoom: 12 },
} as const;

/** The reference lines drawn across the chart, each labelled at its right end in words. */
interface Reference {
  value: number;
  label: string;
  className: string;
}

interface TrendChartProps {
  title: string;
  trend: readonly MeasurePoint[];
  unit: MeasureDefinitionDto["unit"];
  target: number | null;
  baseline: number | null;
  size: keyof typeof SIZES;
}

/**
 * A measure's trend as an SVG line chart. The drawing is one image (role="img") named by its
 * title and described by a sentence that is also shown under it. Over it sits a layer of data
 * points that take keyboard focus one by one, each naming its period, value and numerator and
 * denominator, with the same label shown on focus or hover. A period not yet ended is a hollow
 * point on a dashed line and says "so far"; the target and baseline are labelled lines, so
 * nothing depends on colour. The table alternative is `TrendTable`.
 */
export function TrendChart({ title, trend, unit, target, baseline, size }: TrendChartProps) {
  const id = useId();
  const s = SIZES[size];
  const plotW = s.width - s.left - s.right;
  const plotH = s.height - s.top - s.bottom;
  const refs: Reference[] = [];
  if (target !== null) refs.push({ value: target, label: `Target ${formatShort(target, unit)}`, className: "app-trend__target" });
  if (baseline !== null) refs.push({ value: baseline, label: `Baseline ${formatShort(baseline, unit)}`, className: "app-trend__baseline" });
  const values = trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  const scale = niceScale([...values, ...refs.map((r) => r.value)], unit === "percent", unit === "count" || unit === "days");
  const n = trend.length;
  // The points sit a little inside the plot so their labels clear the axis.
  const xAt = (i: number) => s.left + s.inset + (n <= 1 ? (plotW - 2 * s.inset) / 2 : (i / (n - 1)) * (plotW - 2 * s.inset));
  const yAt = (v: number) => s.top + plotH - ((v - scale.min) / (scale.max - scale.min || 1)) * plotH;
  const labelled = labelIndexes(n, s.labelRoom);
  const valueLabels = n <= s.labelRoom;
  const summary = trendSummary(title, trend, unit, target);
  const viewBox = `0 0 ${String(s.width)} ${String(s.height)}`;

  // Consecutive points with figures are joined; a segment ending in a period not yet ended is dashed.
  const segments: { d: string; partial: boolean }[] = [];
  trend.forEach((p, i) => {
    const prev = trend[i - 1];
    if (i === 0 || p.value === null || prev?.value == null) return;
    segments.push({ d: `M${String(xAt(i - 1))},${String(yAt(prev.value))} L${String(xAt(i))},${String(yAt(p.value))}`, partial: !p.complete });
  });
  const refLabels = spreadLabels(refs.map((r) => yAt(r.value)), 14);

  return (
    <figure className={`app-trend app-trend--${size}`}>
      <div className="app-trend__frame">
        <svg viewBox={viewBox} className="app-trend__svg" role="img" aria-labelledby={`${id}-title ${id}-summary`} data-testid="trend-chart">
          <title id={`${id}-title`}>{`Trend chart: ${title}`}</title>
          {scale.ticks.map((t) => (
            <g key={t}>
              <line x1={s.left} x2={s.left + plotW} y1={yAt(t)} y2={yAt(t)} className="app-trend__grid" />
              <text x={s.left - 8} y={yAt(t) + 4} textAnchor="end" className="app-trend__axis">{formatShort(t, unit)}</text>
            </g>
          ))}
          {trend.map((p, i) => labelled.has(i) && (
            <text key={p.label} x={xAt(i)} y={s.height - 8} textAnchor="middle" className="app-trend__axis">{shortLabel(p.label)}</text>
          ))}
          {refs.map((r, i) => (
            <g key={r.label}>
              <line x1={s.left} x2={s.left + plotW} y1={yAt(r.value)} y2={yAt(r.value)} className={r.className} />
              <text x={s.left + plotW + 6} y={(refLabels[i] ?? yAt(r.value)) + 4} className="app-trend__ref-label">{r.label}</text>
            </g>
          ))}
          {segments.map((seg) => <path key={seg.d} d={seg.d} className={`app-trend__line${seg.partial ? " app-trend__line--partial" : ""}`} />)}
          {valueLabels && trend.map((p, i) => p.value !== null && (
            <text key={p.label} x={xAt(i)} y={isTrough(trend, i) && yAt(p.value) + 20 < s.top + plotH ? yAt(p.value) + 20 : yAt(p.value) - 11} textAnchor="middle" className="app-trend__value">{formatShort(p.value, unit)}</text>
          ))}
          {values.length === 0 && <text x={s.left + plotW / 2} y={s.top + plotH / 2} textAnchor="middle" className="app-trend__axis app-trend__empty">No figures for this period</text>}
        </svg>
        <svg viewBox={viewBox} className="app-trend__points" role="group" aria-label={`Data points: ${title}`}>
          {trend.map((p, i) => {
            if (p.value === null) return null;
            const x = xAt(i);
            const y = yAt(p.value);
            const text = pointLabel(p, unit);
            const tipW = Math.min(s.width - 8, text.length * 7.2 + 16);
            const tipX = Math.min(Math.max(x - tipW / 2, 4), s.width - tipW - 4);
            const tipY = y - 46 < 2 ? y + 14 : y - 46;
            return (
              <g key={p.label} className="app-trend__point" tabIndex={0} role="img" aria-label={text} data-testid="trend-point">
                <circle cx={x} cy={y} r={12} className="app-trend__hit" />
                <circle cx={x} cy={y} r={p.complete ? 5 : 5.5} className={`app-trend__dot${p.complete ? "" : " app-trend__dot--partial"}`} />
                <g className="app-trend__tip">
                  <rect x={tipX} y={tipY} width={tipW} height={26} rx={3} />
                  <text x={tipX + tipW / 2} y={tipY + 18} textAnchor="middle">{text}</text>
                </g>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="app-trend__summary" id={`${id}-summary`}>{summary}</figcaption>
    </figure>
  );
}

/** Axis labels stay short: "2024/25 Q1" → "Q1 24/25", "Apr 2024" → "Apr 24". */
function shortLabel(label: string): string {
  const quarter = /^(\d{4})\/(\d{2}) (Q\d)$/.exec(label);
  if (quarter) return `${quarter[3] ?? ""} ${(quarter[1] ?? "").slice(2)}/${quarter[2] ?? ""}`;
  const month = /^([A-Z][a-z]{2}) (\d{4})$/.exec(label);
  if (month) return `${month[1] ?? ""} ${(month[2] ?? "").slice(2)}`;
  return label;
}

/** A point lower than the figures either side of it: its label goes below, clear of the line. */
function isTrough(trend: readonly MeasurePoint[], i: number): boolean {
  const v = trend[i]?.value;
  if (v == null) return false;
  const before = trend[i - 1]?.value;
  const after = trend[i + 1]?.value;
  const lowerThan = (o: number | null | undefined) => o == null || o > v;
  return (before != null || after != null) && lowerThan(before) && lowerThan(after);
}

/** Moves labels apart vertically so two reference lines close together stay readable. */
function spreadLabels(ys: readonly number[], gap: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    if (prev && cur && cur.y - prev.y < gap) cur.y = prev.y + gap;
  }
  const out = [...ys];
  for (const o of order) out[o.i] = o.y;
  return out;
}
