/** A vertical axis: its bottom, top and the values to draw grid lines at. */
export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/** 1, 2, 2.5 or 5 times a power of ten: steps people read easily (whole steps for whole numbers). */
function niceStep(rough: number, whole: boolean): number {
  if (whole && rough <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const quarter = !whole || power >= 10;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : quarter && fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * An axis for the values (and any target or baseline drawn with them). Counts start at zero
 * when the figures are not far from it, so a small change does not look like a big one;
 * percentages stay within 0–100; counts (whole) step by whole numbers. About four steps, on
 * round numbers.
 */
export function niceScale(values: readonly number[], percent: boolean, whole = false): Scale {
  if (values.length === 0) return { min: 0, max: percent ? 100 : 10, ticks: percent ? [0, 25, 50, 75, 100] : [0, 5, 10] };
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low >= 0 && low < high * 0.5) low = 0;
  if (high === low) {
    const pad = high === 0 ? 1 : Math.abs(high) * 0.1;
    low -= pad;
    high += pad;
  }
  if (values.every((v) => v >= 0)) low = Math.max(0, low);
  const step = niceStep((high - low) / 4, whole);
  let min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  if (max === high && high !== 0 && !(percent && high >= 100)) max += step;
  if (percent) {
    min = Math.max(0, min);
    max = Math.min(100, max);
  }
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 1000; t += step) ticks.push(Number(t.toFixed(6)));
  return { min, max, ticks };
}

/** Which of n x-axis labels to draw so about `room` fit: every one, or every k-th and the last. */
export function labelIndexes(n: number, room: number): Set<number> {
  if (n <= room) return new Set(Array.from({ length: n }, (_, i) => i));
  const k = Math.ceil(n / room);
  const shown = new Set<number>();
  for (let i = n - 1; i >= 0; i -= k) shown.add(i);
  return shown;
}
