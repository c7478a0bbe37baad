import type { MeasureDashboard, MeasurePoint, MeasureRag, MeasureValues } from "@family-story/schemas";
import PDFDocument from "pdfkit";
import { formatBaseline, formatCount, formatTarget, formatValue, intervalWords, longDate, measureHint, pdfSafe, ragWords } from "./pdf-format.ts";
import { drawTrendChart, trendAltText } from "./pdf-trend-chart.ts";

export interface DashboardPdfOptions {
  /** The day the paper is produced (YYYY-MM-DD), printed on the cover and every page. */
  producedOn: string;
}

const MARGIN_X = 50;
const MARGIN_Y = 56;
const SANS = "Helvetica";
const SANS_BOLD = "Helvetica-Bold";
const INK = "#0b0c0c";
const MUTED = "#505a5f";
const RULE = "#b1b4b6";
const CHART_COLUMNS = 3;
const CHART_HEIGHT = 96;
const CHART_GAP = 12;
/** Light tints with dark text: the RAG is also written in words, so colour is never alone. */
const RAG_FILL: Record<MeasureRag, string> = { green: "#cce2d8", amber: "#fff2b3", red: "#f6d7d2" };
// Figures are right-aligned, so their digits line up down the column.
const RIGHT = { x: "right" as const, y: "top" as const };
const FIGURE = { align: RIGHT, padding: { top: 3, right: 6, bottom: 3, left: 3 } };
const COLUMNS = [{ width: 135 }, { width: 56, ...FIGURE }, { width: 52, ...FIGURE }, { width: 61, ...FIGURE }, { width: 50, ...FIGURE }, { width: 52 }, { width: 53 }, { width: 36 }];
const CELL_PADDING = 3;

/** pdfkit's table accepts the parent structure element of a tagged PDF (its types omit it). */
interface TaggedTableOptions extends PDFKit.Mixins.TableOptionsWithData {
  structParent: PDFKit.PDFStructureElement;
}

/**
 * A dashboard as a printable committee paper (A4 portrait): the title, scope, period and date
 * produced; then for each group its measures as a table (the latest step's value with its
 * numerator and denominator, the whole period's value, baseline, target and RAG in words)
 * followed by a small trend chart per measure,
 * drawn as vectors; page numbers and the date on every page. Tagged for screen readers
 * (headings, paragraphs, tables with header cells, figures with their values as alternative
 * text), document language en-GB; the text is real text.
 */
export function renderMeasureDashboardPdf(d: MeasureDashboard, options: DashboardPdfOptions): Promise<Buffer> {
  const title = pdfSafe(d.title);
  const doc = new PDFDocument({
    pdfVersion: "1.7",
    tagged: true,
    lang: "en-GB",
    displayTitle: true,
    size: "A4",
    bufferPages: true,
    margins: { top: MARGIN_Y, bottom: MARGIN_Y, left: MARGIN_X, right: MARGIN_X },
    font: SANS,
    info: { Title: title, Subject: pdfSafe(`${d.scope.name}: ${longDate(d.from)} to ${longDate(d.to)}`), Creator: "Family Story", Author: "Family Story" },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => { resolve(Buffer.concat(chunks)); });
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN_X;
  const root = doc.struct("Document");
  doc.addStructure(root);
  const bottom = () => doc.page.height - MARGIN_Y;
  const ensureSpace = (needed: number) => {
    if (doc.y + needed > bottom()) doc.addPage();
  };
  /** One tagged block of text; the trailing space keeps words apart when the text is extracted. */
  const block = (tag: string, font: string, size: number, text: string, color = INK, after = 0.3) => {
    root.add(doc.struct(tag, {}, () => { doc.font(font).fontSize(size).fillColor(color).text(`${pdfSafe(text)} `, MARGIN_X, doc.y, { width, lineGap: 2 }); }));
    doc.moveDown(after);
  };

  cover(d, options, block);
  let number = 0;
  for (const group of d.groups) {
    number += 1;
    ensureSpace(120);
    doc.moveDown(0.6);
    block("H2", SANS_BOLD, 14, `${String(number)}. ${group.title}`, INK, 0.2);
    if (group.description) block("P", SANS, 9, group.description, MUTED, 0.4);
    if (group.measures.length === 0) {
      block("P", SANS, 9, "No measures are placed in this group yet.", INK, 0.4);
      continue;
    }
    const rows = tableRows(group.measures);
    // Keep a table on one page with its heading when it fits on a page at all.
    const height = tableHeight(doc, rows);
    if (doc.y + height > bottom() && height < doc.page.height - 2 * MARGIN_Y - 60) doc.addPage();
    measureTable(doc, root, rows, width);
    doc.moveDown(0.8);
    charts(doc, root, group.measures, width, ensureSpace);
  }
  root.end();
  footers(doc, title, options.producedOn);
  doc.end();
  return finished;
}

type Block = (tag: string, font: string, size: number, text: string, color?: string, after?: number) => void;

function cover(d: MeasureDashboard, options: DashboardPdfOptions, block: Block): void {
  block("P", SANS, 9, "Family Story: outcomes report", MUTED, 0.4);
  block("H1", SANS_BOLD, 20, d.title, INK, 0.5);
  const scopeKind = { authority: "authority", "shared-service": "shared service, its authorities' figures combined", team: "team, its cases only" }[d.scope.kind];
  block("P", SANS, 10.5, `Scope: ${d.scope.name} (${scopeKind})`);
  block("P", SANS, 10.5, `Period: ${longDate(d.from)} to ${longDate(d.to)}, trend by ${intervalWords(d.interval)}`);
  block("P", SANS, 10.5, `Produced: ${longDate(options.producedOn)}`, INK, 0.6);
  const all = d.groups.flatMap((g) => g.measures);
  const unique = new Map(all.map((m) => [m.measure.id, m]));
  const count = (rag: MeasureRag | null) => [...unique.values()].filter((m) => headline(m).rag === rag).length;
  block("P", SANS, 10.5, `${String(unique.size)} measures: ${String(count("green"))} green, ${String(count("amber"))} amber, ${String(count("red"))} red, ${String(count(null))} without a RAG rating (no target, no value, or context only).`, INK, 0.4);
  block(
    "P",
    SANS,
    8.5,
    "How to read this paper. Latest is the figure for the latest complete step of the trend (the step named under it), with its numerator and denominator; RAG compares it with the authority's target in the direction of good: green meets or beats it, amber misses by no more than the tolerance, red misses by more. Whole period is the figure for the whole period: events over it for a flow measure, the position at its end for a stock measure. Percentages are given to one decimal place. A figure or step marked * is for a period that has not ended yet; its point is drawn hollow. The dashed line on a chart is the target.",
    MUTED,
    0.4,
  );
}

type Cell = string | { text: string; type?: "TH"; font?: { src: string }; backgroundColor?: string };

/**
 * The figure a measure leads with, as on the web dashboards: the latest complete step with a
 * figure and its rating, else the whole period's (a five-year sum of a flow is no headline).
 */
export function headline(m: Pick<MeasureValues, "latest" | "latestRag" | "value" | "rag">): { point: MeasurePoint; rag: MeasureRag | null } {
  return m.latest ? { point: m.latest, rag: m.latestRag } : { point: m.value, rag: m.rag };
}

/** A figure, marked * when its period has not ended. */
const figure = (p: MeasurePoint, unit: MeasureValues["measure"]["unit"]) => `${formatValue(p.value, unit)}${p.complete || p.value === null ? "" : "*"}`;

/** The table's rows: a header row, then one row per measure. */
function tableRows(measures: readonly MeasureValues[]): Cell[][] {
  const header = ["Measure", "Latest", "Numerator", "Denominator", "Whole period", "Baseline", "Target", "RAG"].map((text) => ({ text, type: "TH" as const, font: { src: SANS_BOLD }, backgroundColor: "#f3f2f1" }));
  const rows = measures.map((m): Cell[] => {
    const unit = m.measure.unit;
    const { point, rag } = headline(m);
    return [
      { text: pdfSafe(`${m.measure.title}\n${measureHint(m.measure)}`) },
      m.latest ? pdfSafe(`${figure(point, unit)}\n${point.label}`) : figure(point, unit),
      formatCount(point.numerator),
      // A count has no denominator worth printing (the API repeats the numerator).
      unit === "count" ? "–" : formatCount(point.denominator),
      figure(m.value, unit),
      pdfSafe(formatBaseline(m.target, unit)),
      pdfSafe(formatTarget(m.target, unit)),
      rag === null ? { text: ragWords(null) } : { text: ragWords(rag), backgroundColor: RAG_FILL[rag], font: { src: SANS_BOLD } },
    ];
  });
  return [header, ...rows];
}

/** The height the table will take: each row as tall as its tallest cell. */
function tableHeight(doc: PDFKit.PDFDocument, rows: readonly Cell[][]): number {
  doc.font(SANS).fontSize(8);
  return rows.reduce((total, row) => total + 2 * CELL_PADDING + Math.max(...row.map((cell, i) => doc.heightOfString(typeof cell === "string" ? cell : cell.text, { width: (COLUMNS[i]?.width ?? 50) - 2 * CELL_PADDING }))), 0);
}

/** The group's measures as one tagged table with a header row. */
function measureTable(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, rows: Cell[][], width: number): void {
  doc.font(SANS).fontSize(8).fillColor(INK);
  const options: TaggedTableOptions = {
    structParent: root,
    position: { x: MARGIN_X, y: doc.y },
    maxWidth: width,
    columnStyles: COLUMNS,
    defaultStyle: { border: { top: 0, left: 0, right: 0, bottom: 0.5 }, borderColor: RULE, padding: CELL_PADDING },
    data: rows,
  };
  doc.table(options);
}

/** Small multiples: one trend chart per measure, three to a row, each a tagged figure. */
function charts(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement, measures: readonly MeasureValues[], width: number, ensureSpace: (n: number) => void): void {
  const chartWidth = (width - (CHART_COLUMNS - 1) * CHART_GAP) / CHART_COLUMNS;
  for (let i = 0; i < measures.length; i += CHART_COLUMNS) {
    ensureSpace(CHART_HEIGHT + 6);
    const top = doc.y;
    measures.slice(i, i + CHART_COLUMNS).forEach((m, j) => {
      const box = { x: MARGIN_X + j * (chartWidth + CHART_GAP), y: top, width: chartWidth, height: CHART_HEIGHT };
      root.add(doc.struct("Figure", { alt: trendAltText(m) }, () => { drawTrendChart(doc, m, box); }));
    });
    doc.x = MARGIN_X;
    doc.y = top + CHART_HEIGHT + 8;
  }
}

/** "Page n of m" and the title and date on every page, marked as pagination artifacts. */
function footers(doc: PDFKit.PDFDocument, title: string, producedOn: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text in the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN_Y / 2 - 4;
    const width = doc.page.width - 2 * MARGIN_X;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.lineWidth(0.5).strokeColor(RULE).moveTo(MARGIN_X, y - 6).lineTo(MARGIN_X + width, y - 6).stroke();
    doc.font(SANS).fontSize(7.5).fillColor(MUTED);
    doc.text(`${title}. Produced ${longDate(producedOn)} by Family Story.`, MARGIN_X, y, { width: width - 80, lineBreak: false, ellipsis: true });
    doc.text(`Page ${String(i - range.start + 1)} of ${String(range.count)}`, MARGIN_X + width - 80, y, { width: 80, align: "right", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = margin;
  }
}
