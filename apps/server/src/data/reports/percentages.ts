/**
 * Percentages for report tables, to one decimal place. Shares of a whole are rounded by the
 * largest-remainder method so that they add up to exactly 100.0, as a published table's do.
 */

/** n as a percentage of d to one decimal place (half away from zero), or null when d is 0. */
export function percentOf(n: number, d: number): number | null {
  if (d === 0) return null;
  return Math.round((n * 1000) / d) / 10;
}

/**
 * Each count as a share of their sum, in tenths of a percent rounded so the shares add up to
 * exactly 100.0: every share is rounded down, then the tenths left over go to the shares with
 * the largest remainders (ties to the earlier one). All zero (or empty) gives zeros.
 */
export function sharesOfTotal(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 1000) / total);
  const floors = exact.map((x) => Math.floor(x));
  let left = 1000 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}
