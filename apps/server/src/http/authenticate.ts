import type { FastifyRequest } from "fastify";
import { resolveActor } from "../auth/actor-resolver.ts";
import type { Actor } from "../data/actor.ts";
import type { Services } from "../services.ts";
import { HttpProblem, unauthenticated } from "./problem.ts";

export const SESSION_COOKIE = "fs_session";

/** The signed-in actor behind the session cookie, or a 401. */
export async function authenticate(services: Services, request: FastifyRequest): Promise<{ actor: Actor; csrfToken: string; sessionId: string }> {
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) throw unauthenticated();
  const session = await services.sessions.resolve(sessionId);
  if (!session) throw unauthenticated();
  const actor = await resolveActor(services.db, session.userId, request.id);
  if (!actor) throw unauthenticated();
  return { actor, csrfToken: session.csrfToken, sessionId };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Changes made with a cookie session must carry the session's CSRF token in a header. */
export function checkCsrf(request: FastifyRequest, expected: string): void {
  if (SAFE.has(request.method)) return;
  const given = request.headers["x-csrf-token"];
  if (given !== expected) {
    throw new HttpProblem(403, "Security check failed", "The request did not carry this session's CSRF token (x-csrf-token). Reload the page and try again.", {
      errors: [{ field: "x-csrf-token", message: "Missing or wrong" }],
    });
  }
}
