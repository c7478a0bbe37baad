import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "../data/actor.ts";
import type { DataAccess } from "../data/data-access.ts";
import type { Action } from "../policy/actions.ts";
import type { PublicServices } from "../services.ts";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What a handler returns when it needs a status or headers other than 200 with a body. */
export class Respond<R> {
  constructor(
    readonly status: number,
    readonly body: R | undefined,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface Input<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  headers: Record<string, string | undefined>;
  requestId: string;
}

/** A signed-in route: the handler gets the actor and their request-scoped data access, never the database. */
export interface SessionRouteContext<B, Q, P> extends Input<B, Q, P> {
  actor: Actor;
  data: DataAccess;
  session: { csrfToken: string };
}

/** A route open before sign-in (health, sign-in itself, the API description). */
export interface PublicRouteContext<B, Q, P> extends Input<B, Q, P> {
  services: PublicServices;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface RouteBase<B, Q, P, R> {
  method: Method;
  /** Fastify path syntax: /api/v1/people/:id */
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** The presented response; output is parsed through it so no internal field can leak. */
  response?: z.ZodType<R>;
  status?: number;
  /** Requests allowed per client address per minute (sign-in), enforced before the handler. */
  rateLimitPerMinute?: number;
  /** A body limit above the service's 1 MiB, for a route that takes files (bytes). */
  bodyLimit?: number;
  /** Extra responses for the API description (status → description). */
  errors?: Record<number, string>;
}

export interface SessionRoute<B, Q, P, R> extends RouteBase<B, Q, P, R> {
  auth: "session";
  permission: Action;
  handler: (ctx: SessionRouteContext<B, Q, P>) => Promise<R | Respond<R>>;
}

export interface PublicRoute<B, Q, P, R> extends RouteBase<B, Q, P, R> {
  auth: "public";
  handler: (ctx: PublicRouteContext<B, Q, P>) => Promise<R | Respond<R>>;
}

export type Route<B = unknown, Q = unknown, P = unknown, R = unknown> = SessionRoute<B, Q, P, R> | PublicRoute<B, Q, P, R>;

/** Declares a route; the generic parameters are inferred from the schemas given. */
export function defineRoute<B = undefined, Q = undefined, P = undefined, R = unknown>(route: Route<B, Q, P, R>): Route {
  return route as unknown as Route;
}
