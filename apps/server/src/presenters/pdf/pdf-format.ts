import type { MeasureDefinitionDto, MeasureInterval, MeasureRag, MeasureTarget } from "@family-story/schemas";

/**
 * How the committee paper writes numbers, dates and words. The standard PDF fonts (Helvetica)
 * draw WinAnsi text only, so every string goes through pdfSafe first.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-23" → "23 November 2026" (GOV.UK style). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${String(d)} ${MONTHS[m - 1] ?? ""} ${String(y)}`;
}

const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u2192": "->", "\u2190": "<-", "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u2009": " ", "\u202f": " " };

/**
 * Text the standard fonts can draw: Latin-1 and the WinAnsi extras as they are, a few common
 * symbols spelt out, anything else as "?" (rather than a wrong glyph).
 */
export function pdfSafe(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === "\n" || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACEMENTS[ch] ?? "?";
  }
  return out;
}

const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A whole number with thousands separators, or a dash for nothing. */
export function formatCount(n: number | null): string {
  return n === null ? "–" : integer.format(n);
}

/** A value in its measure's unit: 54.1%, 1,234, 12.3 per 10,000, 14.2, 23 days; a dash for none. */
export function formatValue(value: number | null, unit: MeasureDefinitionDto["unit"]): string {
  if (value === null) return "–";
  switch (unit) {
    case "percent":
      return `${oneDecimal.format(value)}%`;
    case "count":
      return integer.format(value);
    case "rate":
      return `${oneDecimal.format(value)} per 10,000`;
    case "score":
      return oneDecimal.format(value);
    case "days":
      return `${oneDecimal.format(value)} days`;
  }
}

/** The short form drawn on a chart's points (no "per 10,000" or "days"). */
export function formatShort(value: number, unit: MeasureDefinitionDto["unit"]): string {
  return unit === "percent" ? `${oneDecimal.format(value)}%` : unit === "count" ? integer.format(value) : oneDecimal.format(value);
}

/** How a measure reads: "Percent, higher is better". */
export function measureHint(measure: MeasureDefinitionDto): string {
  const unit = { percent: "Percent", count: "Count", rate: "Rate per 10,000 children", score: "Average score", days: "Days" }[measure.unit];
  const direction = { up: "higher is better", down: "lower is better", none: "context only (no RAG)" }[measure.direction];
  return `${unit}, ${direction}`;
}

/** RAG in words, never colour alone. */
export function ragWords(rag: MeasureRag | null): string {
  switch (rag) {
    case "green":
      return "Green";
    case "amber":
      return "Amber";
    case "red":
      return "Red";
    case null:
      return "No RAG";
  }
}

/** The baseline as "48.0% (2018/19)", or a dash. */
export function formatBaseline(target: MeasureTarget | null, unit: MeasureDefinitionDto["unit"]): string {
  const value = target?.baselineValue ?? null;
  if (target === null || value === null) return "–";
  return target.baselineLabel ? `${formatValue(value, unit)} (${target.baselineLabel})` : formatValue(value, unit);
}

/** The target as "60.0% by March 2027", or a dash. */
export function formatTarget(target: MeasureTarget | null, unit: MeasureDefinitionDto["unit"]): string {
  const value = target?.targetValue ?? null;
  if (target === null || value === null) return "–";
  if (!target.targetDate) return formatValue(value, unit);
  const [y, m] = target.targetDate.split("-").map(Number) as [number, number];
  return `${formatValue(value, unit)} by ${MONTHS[m - 1] ?? ""} ${String(y)}`;
}

/** "financial years", "quarters" or "months", for "Period … by …". */
export function intervalWords(interval: MeasureInterval): string {
  return { year: "financial year", quarter: "quarter", month: "month" }[interval];
}
