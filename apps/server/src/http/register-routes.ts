import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { actorForAudit } from "../data/audit-actor.ts";
import { createDataAccess } from "../data/data-access.ts";
import { roleCan } from "../policy/policy.ts";
import type { Services } from "../services.ts";
import { authenticate, checkCsrf } from "./authenticate.ts";
import { HttpProblem, forbidden, validationProblem } from "./problem.ts";
import { Respond, type Input, type Route } from "./route.ts";

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: "body" | "query" | "params"): T {
  if (!schema) {
    if (where === "body" && value !== undefined && value !== null && !(typeof value === "object" && Object.keys(value).length === 0)) {
      throw new HttpProblem(400, "Check your input", "This request takes no body.", { errors: [{ field: "body", message: "Not expected" }] });
    }
    return undefined as T;
  }
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (!result.success) throw validationProblem(where, result.error);
  return result.data;
}

/** Parses params, query and body through the route's schemas (the "validate" step). */
function validate(route: Route, request: FastifyRequest): Input<unknown, unknown, unknown> {
  return {
    params: parse(route.params, request.params, "params"),
    query: parse(route.query, request.query, "query"),
    body: parse(route.body, request.body, "body"),
    headers: headersOf(request),
    requestId: request.id,
  };
}

function rateLimitKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === "string" ? body.username.toLowerCase() : "";
  return `${request.ip}|${username}`;
}

function headersOf(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(request.headers)) out[k] = Array.isArray(v) ? v.join(",") : v;
  return out;
}

async function send(reply: FastifyReply, route: Route, result: unknown): Promise<FastifyReply> {
  const respond = result instanceof Respond ? (result as Respond<unknown>) : new Respond(route.status ?? 200, result);
  for (const [k, v] of Object.entries(respond.headers)) void reply.header(k, v);
  if (respond.body === undefined) return reply.code(respond.status).send();
  // Presenting through the response schema strips anything not declared there.
  const body = route.response ? route.response.parse(respond.body) : respond.body;
  return reply.code(respond.status).send(body);
}

/**
 * Registers every route with the same pipeline, in a fixed order:
 * authenticate → validate → authorise → do → present.
 */
export function registerRoutes(app: FastifyInstance, services: Services, routes: Route[]): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      ...(route.bodyLimit !== undefined && { bodyLimit: route.bodyLimit }),
      ...(route.rateLimitPerMinute !== undefined && {
        config: {
          // Counted per address and username after the body is read, so one person's
          // mistyping does not lock out a whole office behind one address.
          rateLimit: { max: route.rateLimitPerMinute, timeWindow: 60_000, hook: "preHandler", keyGenerator: rateLimitKey },
        },
      }),
      handler: async (request, reply) => {
        if (route.auth === "public") {
          return send(reply, route, await route.handler({ ...validate(route, request), services, request, reply }));
        }
        const session = await authenticate(services, request);
        checkCsrf(request, session.csrfToken);
        const input = validate(route, request);
        if (!roleCan(session.actor.role, route.permission)) {
          await services.audit.record(actorForAudit(session.actor), [{ laCode: session.actor.laCode, action: "access.denied", outcome: "denied", details: { method: route.method, path: route.path, permission: route.permission } }]);
          throw forbidden();
        }
        const data = createDataAccess(services.db, session.actor, services.audit, services.refs, { oidcIssuer: services.config.oidc?.issuer ?? null });
        return send(reply, route, await route.handler({ ...input, actor: session.actor, data, session: { csrfToken: session.csrfToken } }));
      },
    });
  }
}
