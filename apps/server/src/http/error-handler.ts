import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { HttpProblem, validationProblem } from "./problem.ts";

/** Sends a problem+json response. */
export function sendProblem(reply: FastifyReply, problem: HttpProblem, instance?: string): FastifyReply {
  return reply
    .code(problem.status)
    .type("application/problem+json")
    .send({ type: "about:blank", title: problem.title, status: problem.status, detail: problem.detail, ...(instance ? { instance } : {}), ...problem.extra });
}

// PostgreSQL errors that mean the input was wrong, not that we failed.
const PG_CLIENT_ERRORS: Record<string, [number, string]> = {
  "23505": [409, "That already exists"],
  "23503": [400, "A record it refers to does not exist"],
  "22P02": [400, "A value is not in the right form"],
  "22007": [400, "A date is not in the right form"],
  "22008": [400, "A date is out of range"],
  "22001": [400, "A value is too long"],
};

function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Maps every error to problem+json: ours as thrown, client faults as 4xx, the rest 500. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpProblem) return sendProblem(reply, error, request.url);
  if (error instanceof z.ZodError) return sendProblem(reply, validationProblem("body", error), request.url);
  const code = pgCode(error);
  const pgMapped = code ? PG_CLIENT_ERRORS[code] : undefined;
  if (pgMapped) return sendProblem(reply, new HttpProblem(pgMapped[0], pgMapped[1], pgMapped[1]), request.url);
  const status = (error as FastifyError).statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const field = status === 413 ? "body" : status === 415 ? "Content-Type" : "body";
    const detail = status === 413 ? "The request body is too large." : status === 415 ? "Send JSON (Content-Type: application/json)." : error.message;
    return sendProblem(reply, new HttpProblem(status, status === 429 ? "Too many requests" : "Check your input", detail, { errors: [{ field, message: detail }] }), request.url);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendProblem(reply, new HttpProblem(500, "Something went wrong", "The service could not complete the request. Nothing was changed; try again."), request.url);
}
