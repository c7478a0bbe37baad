import { z } from "zod";
import { buildOpenApi } from "../http/openapi.ts";
import { defineRoute } from "../http/route.ts";

let cached: Record<string, unknown> | null = null;

export const openapiRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/openapi.json",
    summary: "This API's OpenAPI 3.1 description",
    tag: "Service",
    auth: "public",
    response: z.record(z.string(), z.unknown()),
    handler: async () => {
      // Imported here because the route list includes this route.
      const { allRoutes } = await import("./all-routes.ts");
      cached ??= buildOpenApi(allRoutes);
      return cached;
    },
  }),
];
