import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { allRoutes } from "../routes/all-routes.ts";
import type { Services } from "../services.ts";
import { errorHandler, sendProblem } from "./error-handler.ts";
import { HttpProblem } from "./problem.ts";
import { registerRoutes } from "./register-routes.ts";

/** Builds the HTTP service: security headers, cookies, rate limits, API routes and the web app. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.cookie", "req.headers['x-csrf-token']"] },
    bodyLimit: 1_048_576,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.mode === "production",
  });
  app.addHook("onSend", async (request, reply) => {
    void reply.header("x-request-id", request.id);
    if (request.url.startsWith("/api/")) void reply.header("cache-control", "no-store");
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.mode === "production" ? [] : null,
      },
    },
    strictTransportSecurity: config.mode === "production",
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(rateLimit, { global: false });

  // The API takes JSON only: a text/plain body (which a cross-site form can send) is a 415.
  app.removeContentTypeParser("text/plain");
  app.setErrorHandler(errorHandler);
  registerRoutes(app, services, allRoutes);

  const webDist = config.webDistDir;
  const hasWeb = existsSync(path.join(webDist, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: "1h" });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET" || !hasWeb) {
      return sendProblem(reply, new HttpProblem(404, "Not found", `There is nothing at ${request.method} ${request.url.split("?")[0] ?? ""}.`), request.url);
    }
    // Every other page is the web app, which routes in the browser.
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  return app;
}
