import { healthSchema } from "@family-story/schemas";
import { defineRoute } from "../http/route.ts";

export const healthRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "Service health and which database it runs on",
    tag: "Service",
    auth: "public",
    response: healthSchema,
    handler: async ({ services }) => {
      await services.auth.ping();
      return { status: "ok" as const, database: services.databaseKind };
    },
  }),
];
