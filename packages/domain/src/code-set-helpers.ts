/**
 * Helpers for the SSDA903 code-set modules (looked-after-codes.ts, care-leaver-codes.ts). Not
 * exported from the package: callers use the lists, tuples and guards those modules build.
 */
import type { CodedValue } from "./casework-codes.ts";

/** A guard that accepts exactly the codes of a list. */
export function guardFor<C extends string>(list: readonly CodedValue<C>[]): (value: unknown) => value is C {
  const codes = new Set<unknown>(list.map((entry) => entry.code));
  return (value: unknown): value is C => codes.has(value);
}

/** The codes of a list as a non-empty tuple (zod's `z.enum` wants one). */
export function codesOf<C extends string>(list: readonly CodedValue<C>[]): readonly [C, ...C[]] {
  return Object.freeze(list.map((entry) => entry.code)) as unknown as readonly [C, ...C[]];
}
