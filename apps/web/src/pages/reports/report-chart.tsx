import type { ReportCell, ReportTable } from "@family-story/schemas";
import { useId } from "react";

/**
 * Accessible SVG charts for report tables. Each is a figure whose SVG is one image
 * (role="img") named by its title and described by a text listing every value; the table
 * under it gives the same figures, so nothing is only in the picture. Series are told apart
 * by pattern (dashes, markers) as well as colour, and everything keeps an outline in
 * forced-colours mode (see _reports.scss).
 */

export type ChartSpec =
  /** One bar per row: the row's `category` cell against its `value` cell. */
  | { kind: "bars"; category: string; value: string }
  /** One bar per column of the first row (a one-row table such as the reviews table). */
  | { kind: "row-bars"; columns: string[] }
  /** One stacked bar per row, a segment per series column. */
  | { kind: "stacked"; category: string; series: string[] }
  /** One line per series column across the rows (a series over years). */
  | { kind: "lines"; category: string; series: string[] };

const COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#28a197", "#b58840", "#505a5f"];
const DASHES = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 2", "6 2 2 2"];
const WIDTH = 640;

const num = (cell: ReportCell | undefined): number => (typeof cell === "number" ? cell : 0);
const text = (cell: ReportCell | undefined): string => (cell === null || cell === undefined ? "" : String(cell));
const shorten = (label: string, max = 30): string => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/** The chart a table gets, worked out from its id and columns; null when a chart would add nothing. */
export function chartFor(table: ReportTable): ChartSpec | null {
  const countColumns = table.columns.filter((c) => c.type === "count" && c.key !== "total").map((c) => c.key);
  switch (table.id) {
    case "A":
      return { kind: "lines", category: "year", series: [...countColumns, "total"] };
    case "B":
      return { kind: "stacked", category: "year", series: countColumns };
    case "C":
    case "D":
      return { kind: "bars", category: "label", value: "count" };
    case "E":
    case "G":
    case "H":
      return { kind: "bars", category: "code", value: "count" };
    case "reviews":
      return { kind: "row-bars", columns: ["onTime", "late", "notTimed"] };
    case "placements-in-year":
      return { kind: "bars", category: "placements", value: "count" };
    case "up-to-date":
    case "oc2":
      return { kind: "bars", category: "measure", value: "percent" };
    default: {
      // A series over years with a percentage: the percentage each year.
      const percent = table.columns.find((c) => c.type === "percent");
      return percent && table.columns[0]?.key === "year" ? { kind: "bars", category: "year", value: percent.key } : null;
    }
  }
}

interface Bar {
  label: string;
  value: number;
}

function labelOf(table: ReportTable, key: string): string {
  return table.columns.find((c) => c.key === key)?.label ?? key;
}

function isPercent(table: ReportTable, key: string): boolean {
  return table.columns.find((c) => c.key === key)?.type === "percent";
}

const show = (value: number, percent: boolean): string => (percent ? `${value.toFixed(1)}%` : value.toLocaleString("en-GB"));

function HorizontalBars({ bars, percent }: { bars: Bar[]; percent: boolean }) {
  const labelWidth = 210;
  const room = WIDTH - labelWidth - 70;
  const max = percent ? 100 : Math.max(1, ...bars.map((b) => b.value));
  const row = 30;
  return (
    <>
      {bars.map((b, i) => {
        const w = (b.value / max) * room;
        const y = 10 + i * row;
        return (
          <g key={`${b.label}-${String(i)}`}>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="app-chart__label">{shorten(b.label)}</text>
            <rect x={labelWidth} y={y} width={Math.max(w, b.value > 0 ? 1 : 0)} height={row - 8} className="app-chart__bar" fill={COLOURS[0]} />
            <text x={labelWidth + w + 6} y={y + 16} className="app-chart__value">{show(b.value, percent)}</text>
          </g>
        );
      })}
    </>
  );
}

function Legend({ names, y, lines }: { names: string[]; y: number; lines: boolean }) {
  return (
    <g>
      {names.map((name, i) => {
        const x = 10 + (i % 3) * 210;
        const yy = y + Math.floor(i / 3) * 22;
        return (
          <g key={name}>
            {lines ? (
              <line x1={x} x2={x + 24} y1={yy + 7} y2={yy + 7} stroke={COLOURS[i % COLOURS.length]} strokeWidth={3} strokeDasharray={DASHES[i % DASHES.length]} className="app-chart__line" />
            ) : (
              <rect x={x} y={yy} width={14} height={14} fill={COLOURS[i % COLOURS.length]} className="app-chart__bar" />
            )}
            <text x={x + 30} y={yy + 12} className="app-chart__label">{shorten(name, 26)}</text>
          </g>
        );
      })}
    </g>
  );
}

function Stacked({ table, spec }: { table: ReportTable; spec: Extract<ChartSpec, { kind: "stacked" }> }) {
  const labelWidth = 90;
  const room = WIDTH - labelWidth - 70;
  const totals = table.rows.map((r) => spec.series.reduce((a, k) => a + num(r[k]), 0));
  const max = Math.max(1, ...totals);
  const row = 34;
  return (
    <>
      {table.rows.map((r, i) => {
        let x = labelWidth;
        const y = 10 + i * row;
        return (
          <g key={text(r[spec.category])}>
            <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="app-chart__label">{text(r[spec.category])}</text>
            {spec.series.map((k, s) => {
              const w = (num(r[k]) / max) * room;
              const seg = <rect key={k} x={x} y={y} width={w} height={row - 8} fill={COLOURS[s % COLOURS.length]} className="app-chart__bar app-chart__bar--segment" />;
              x += w;
              return seg;
            })}
            <text x={x + 6} y={y + 18} className="app-chart__value">{show(totals[i] ?? 0, false)}</text>
          </g>
        );
      })}
      <Legend names={spec.series.map((k) => labelOf(table, k))} y={20 + table.rows.length * row} lines={false} />
    </>
  );
}

function Lines({ table, spec }: { table: ReportTable; spec: Extract<ChartSpec, { kind: "lines" }> }) {
  const left = 60;
  const top = 10;
  const plotW = WIDTH - left - 20;
  const plotH = 200;
  const max = Math.max(1, ...table.rows.flatMap((r) => spec.series.map((k) => num(r[k]))));
  const n = table.rows.length;
  const xAt = (i: number) => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const yAt = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => Math.round(max * t));
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={left + plotW} y1={yAt(t)} y2={yAt(t)} className="app-chart__grid" />
          <text x={left - 6} y={yAt(t) + 4} textAnchor="end" className="app-chart__value">{t.toLocaleString("en-GB")}</text>
        </g>
      ))}
      {table.rows.map((r, i) => (
        <text key={text(r[spec.category])} x={xAt(i)} y={top + plotH + 18} textAnchor="middle" className="app-chart__label">{shorten(text(r[spec.category]).replace("31 March ", ""), 12)}</text>
      ))}
      {spec.series.map((k, s) => {
        const points = table.rows.map((r, i) => `${String(xAt(i))},${String(yAt(num(r[k])))}`).join(" ");
        return (
          <g key={k}>
            <polyline points={points} fill="none" stroke={COLOURS[s % COLOURS.length]} strokeWidth={k === "total" ? 4 : 2.5} strokeDasharray={DASHES[s % DASHES.length]} className="app-chart__line" />
            {table.rows.map((r, i) => <circle key={i} cx={xAt(i)} cy={yAt(num(r[k]))} r={3.5} fill={COLOURS[s % COLOURS.length]} className="app-chart__point" />)}
          </g>
        );
      })}
      <Legend names={spec.series.map((k) => labelOf(table, k))} y={top + plotH + 36} lines />
    </>
  );
}

/** Every value the chart shows, in words: the chart's description for screen readers. */
function describe(table: ReportTable, spec: ChartSpec): string {
  switch (spec.kind) {
    case "bars":
      return table.rows.map((r) => `${text(r[spec.category])}: ${show(num(r[spec.value]), isPercent(table, spec.value))}`).join("; ");
    case "row-bars":
      return spec.columns.map((k) => `${labelOf(table, k)}: ${show(num(table.rows[0]?.[k]), false)}`).join("; ");
    case "stacked":
    case "lines":
      return table.rows.map((r) => `${text(r[spec.category])}: ${spec.series.map((k) => `${labelOf(table, k)} ${show(num(r[k]), false)}`).join(", ")}`).join("; ");
  }
}

function height(table: ReportTable, spec: ChartSpec): number {
  switch (spec.kind) {
    case "bars":
      return 20 + table.rows.length * 30;
    case "row-bars":
      return 20 + spec.columns.length * 30;
    case "stacked":
      return 40 + table.rows.length * 34 + Math.ceil(spec.series.length / 3) * 22;
    case "lines":
      return 260 + Math.ceil(spec.series.length / 3) * 22;
  }
}

/** The chart of a report table, with its title and a description of every value. */
export function ReportChart({ table, spec }: { table: ReportTable; spec: ChartSpec }) {
  const id = useId();
  const title = `Chart: ${table.title}`;
  return (
    <figure className="app-chart">
      <svg viewBox={`0 0 ${String(WIDTH)} ${String(height(table, spec))}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="app-chart__svg" data-testid={`chart-${table.id}`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describe(table, spec)}</desc>
        {spec.kind === "bars" && <HorizontalBars bars={table.rows.map((r) => ({ label: text(r[spec.category]), value: num(r[spec.value]) }))} percent={isPercent(table, spec.value)} />}
        {spec.kind === "row-bars" && <HorizontalBars bars={spec.columns.map((k) => ({ label: labelOf(table, k), value: num(table.rows[0]?.[k]) }))} percent={false} />}
        {spec.kind === "stacked" && <Stacked table={table} spec={spec} />}
        {spec.kind === "lines" && <Lines table={table} spec={spec} />}
      </svg>
      <figcaption className="govuk-body-s app-chart__caption">The table below gives these figures.</figcaption>
    </figure>
  );
}
