import type { Problem } from "@family-story/schemas";
import type { z } from "zod";

/**
 * An error that becomes an application/problem+json response. Anything thrown that is not
 * one of these is a fault of ours: logged and answered with a bare 500.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Partial<Problem> = {},
  ) {
    super(detail ?? title);
  }
}

/** 404 that does not say whether the record exists but is out of reach. */
export function notFound(what = "Record"): HttpProblem {
  return new HttpProblem(404, `${what} not found`, `No ${what.toLowerCase()} with that identifier exists, or you do not have access to it.`);
}

export function forbidden(detail = "You do not have permission to do this."): HttpProblem {
  return new HttpProblem(403, "Forbidden", detail);
}

export function unauthenticated(): HttpProblem {
  return new HttpProblem(401, "Sign in required", "Sign in to continue. Your session may have expired.");
}

export function badRequest(detail: string, errors: { field: string; message: string }[] = []): HttpProblem {
  return new HttpProblem(400, "Check your input", detail, { errors });
}

/** Turns zod issues into the field list of a 400, naming each field by its dotted path. */
export function validationProblem(where: "body" | "query" | "params" | "header", error: z.ZodError): HttpProblem {
  const errors = error.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return { field: [...issue.path, ...issue.keys].join(".") || where, message: `Unknown field: ${issue.keys.join(", ")}` };
    }
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : where;
    const message = issue.code === "invalid_type" && issue.input === undefined ? "This field is required" : issue.message;
    return { field, message };
  });
  const names = [...new Set(errors.map((e) => e.field))].join(", ");
  return new HttpProblem(400, "Check your input", `There is a problem with: ${names}`, { errors });
}
