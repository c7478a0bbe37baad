import type { MeasureValues } from "@family-story/schemas";
import { formatShort, formatValue, pdfSafe } from "./pdf-format.ts";

/** Where a chart goes on the page, in points. */
export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const INK = "#0b0c0c";
const MUTED = "#505a5f";
const GRID = "#b1b4b6";
const LINE = "#1d70b8";
const TARGET = "#00703c";
const SANS = "Helvetica";
const SANS_BOLD = "Helvetica-Bold";
const TITLE_HEIGHT = 20;
const AXIS_WIDTH = 30;
const LABEL_HEIGHT = 10;

/**
 * A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten, at least the largest
 * value. For whole numbers (counts) the half-way line must be whole too, so at least 2 and
 * never 2.5 or 25 (whose halves are fractions).
 */
export function niceMax(max: number, whole = false): number {
  if (max <= 0) return whole ? 2 : 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of whole ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10]) {
    const top = step * power;
    if (top >= max && (!whole || (top >= 2 && Number.isInteger(top / 2)))) return top;
  }
  return 10 * power;
}

/**
 * The words a reader without the picture gets (the figure's alternative text): each period's
 * value, which period is not complete yet, and the target.
 */
export function trendAltText(values: MeasureValues): string {
  const unit = values.measure.unit;
  const points = values.trend.map((p) => `${p.label} ${formatValue(p.value, unit)}${p.complete ? "" : " (so far)"}`);
  const target = values.target?.targetValue ?? null;
  const tail = target === null ? "" : `; target ${formatValue(target, unit)}`;
  return pdfSafe(`Trend of ${values.measure.title}: ${points.length > 0 ? points.join(", ") : "no figures"}${tail}.`);
}

/**
 * One small-multiple trend chart drawn as vectors: the measure's title, a y axis from 0 to a
 * round maximum, the values as a line with points (a period not yet ended drawn hollow), the
 * target as a dashed line, and the values written over the points when there are six or fewer.
 * The caller wraps it in a tagged Figure with trendAltText.
 */
export function drawTrendChart(doc: PDFKit.PDFDocument, values: MeasureValues, box: ChartBox): void {
  const unit = values.measure.unit;
  doc.save();
  doc.font(SANS_BOLD).fontSize(7).fillColor(INK).text(pdfSafe(values.measure.title), box.x, box.y, { width: box.width, height: TITLE_HEIGHT - 2, ellipsis: true, lineGap: 0 });
  const plot = { x: box.x + AXIS_WIDTH, y: box.y + TITLE_HEIGHT + 6, width: box.width - AXIS_WIDTH - 6, height: box.height - TITLE_HEIGHT - LABEL_HEIGHT - 8 };
  const numbers = values.trend.map((p) => p.value).filter((v): v is number => v !== null);
  const target = values.target?.targetValue ?? null;
  const top = niceMax(Math.max(0, ...numbers, ...(target === null ? [] : [target])), unit === "count");
  const yOf = (v: number) => plot.y + plot.height - (Math.max(0, v) / top) * plot.height;
  const n = values.trend.length;
  const xOf = (i: number) => (n <= 1 ? plot.x + plot.width / 2 : plot.x + 4 + (i * (plot.width - 8)) / (n - 1));

  // Axis: gridlines at 0, half and the top, labelled on the left (no scale without figures).
  doc.lineWidth(0.4).strokeColor(GRID);
  for (const f of numbers.length === 0 ? [0] : [0, 0.5, 1]) {
    const y = plot.y + plot.height - f * plot.height;
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.width, y).stroke();
    if (numbers.length > 0) doc.font(SANS).fontSize(5.5).fillColor(MUTED).text(formatShort(top * f, unit), box.x, y - 2.5, { width: AXIS_WIDTH - 3, align: "right", lineBreak: false });
  }
  if (numbers.length === 0) {
    doc.font(SANS).fontSize(6.5).fillColor(MUTED).text("No figures for this period", plot.x, plot.y + plot.height / 2 - 4, { width: plot.width, align: "center", lineBreak: false });
  }
  if (target !== null) {
    doc.lineWidth(0.8).strokeColor(TARGET).dash(2.5, { space: 2 });
    doc.moveTo(plot.x, yOf(target)).lineTo(plot.x + plot.width, yOf(target)).stroke();
    doc.undash();
  }

  // The line joins consecutive periods that have a value; a gap stays a gap.
  doc.lineWidth(1.1).strokeColor(LINE);
  for (let i = 1; i < n; i++) {
    const a = values.trend[i - 1]?.value ?? null;
    const b = values.trend[i]?.value ?? null;
    if (a !== null && b !== null) doc.moveTo(xOf(i - 1), yOf(a)).lineTo(xOf(i), yOf(b)).stroke();
  }
  const labelEach = n <= 6;
  values.trend.forEach((p, i) => {
    if (p.value === null) return;
    const x = xOf(i);
    const y = yOf(p.value);
    if (p.complete) doc.circle(x, y, 1.8).fill(LINE);
    else doc.lineWidth(0.8).circle(x, y, 1.8).fillAndStroke("#ffffff", LINE);
    if (labelEach || i === n - 1) doc.font(SANS).fontSize(5.5).fillColor(INK).text(formatShort(p.value, unit), x - 20, Math.max(plot.y - 7, y - 8), { width: 40, align: "center", lineBreak: false });
  });

  // Period labels: each one for a short trend, else the first and the last.
  doc.font(SANS).fontSize(5.5).fillColor(MUTED);
  const labelY = plot.y + plot.height + 3;
  values.trend.forEach((p, i) => {
    if (!labelEach && i !== 0 && i !== n - 1) return;
    // "2022/23" is shortened to "22/23" so five years fit side by side.
    const label = /^\d{4}\/\d{2}$/.test(p.label) ? p.label.slice(2) : p.label;
    const text = pdfSafe(p.complete ? label : `${label}*`);
    const width = 36;
    const x = Math.min(Math.max(xOf(i) - width / 2, box.x + AXIS_WIDTH - 6), box.x + box.width - width);
    doc.text(text, x, labelY, { width, align: n > 1 && !labelEach ? (i === 0 ? "left" : "right") : "center", lineBreak: false });
  });
  doc.restore();
}
