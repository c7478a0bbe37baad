import type { Problem } from "@family-story/schemas";
import type { z } from "zod";
import { ApiError } from "../api/api-client.ts";

/** Field errors in the order they appear on the form: field name → message. */
export type FieldErrors = Record<string, string>;

/** The result of checking a form against its zod schema. */
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Checks form values with the same schema the API uses; the first message per field wins.
 * The schemas say "Enter a value" for any empty required field; `whenEmpty` gives the
 * specific GOV.UK wording per field ("Enter their last name").
 */
export function check<S extends z.ZodType>(schema: S, values: unknown, whenEmpty: Record<string, string> = {}): Checked<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    // Any complaint about a field left empty gets the field's own wording.
    const empty = issue.path.length === 1 && (values as Record<string, unknown> | null)?.[String(issue.path[0])] === "";
    const specific = issue.message === "Enter a value" || empty ? whenEmpty[field] : undefined;
    errors[field] ??= specific ?? issue.message;
  }
  return { ok: false, errors };
}

/** Field errors from an API problem, or a single form-level message. */
export function errorsFromProblem(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem.errors ?? []) errors[e.field || "form"] ??= e.message;
  if (Object.keys(errors).length === 0) errors.form = problem.detail ?? problem.title;
  return errors;
}

/** Field errors for anything a save threw. */
export function errorsFromError(error: unknown): FieldErrors {
  if (error instanceof ApiError) return errorsFromProblem(error.problem);
  return { form: "Something went wrong. Try again." };
}

/** "" → null, so optional text fields clear rather than store an empty string. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
