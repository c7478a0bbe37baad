import type { ValidationReport } from "@family-story/returns";

/** Files read in the page and handed to the worker. */
export interface CheckFile {
  readonly name: string;
  readonly text: string;
}

/** What the page asks the worker to check. */
export type CheckRequest =
  | { readonly kind: "ssda903"; readonly ruleset: "lac2025_26" | "lac2026_27"; readonly year: number; readonly la: string; readonly files: readonly CheckFile[] }
  | { readonly kind: "cin"; readonly ruleset: "cin2025_26"; readonly files: readonly CheckFile[] };

/** What the worker says back: progress through the rules, then the result or the problem. */
export type CheckMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly report: ValidationReport; readonly read: readonly string[]; readonly notes: readonly string[] }
  | { readonly type: "failed"; readonly problem: string };
