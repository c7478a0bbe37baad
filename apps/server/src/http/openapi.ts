import { problemSchema } from "@family-story/schemas";
import { z } from "zod";
import type { Route } from "./route.ts";

type JsonSchema = Record<string, unknown>;

/**
 * Converts a zod schema, moving named sub-schemas (those with a meta id) into
 * components; input shapes get an "Input" suffix since defaults make them differ.
 */
function convert(schema: z.ZodType, io: "input" | "output", components: Record<string, JsonSchema>): JsonSchema {
  const suffix = io === "input" ? "Input" : "";
  const raw = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }));
  const json = JSON.parse(raw.replace(/"#\/\$defs\/([^"]+)"/g, (_m, id: string) => `"#/components/schemas/${id}${suffix}"`)) as JsonSchema;
  delete json.$schema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  for (const [id, def] of Object.entries(defs)) components[`${id}${suffix}`] = def;
  return json;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query", components: Record<string, JsonSchema>): JsonSchema[] {
  if (!schema) return [];
  let json = convert(schema, "input", components);
  // A named query schema comes back as a reference: its properties are the parameters.
  const ref = typeof json.$ref === "string" ? json.$ref.split("/").pop() : undefined;
  if (ref && components[ref]) {
    json = components[ref];
    Reflect.deleteProperty(components, ref);
  }
  const props = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
  }));
}

const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };

/**
 * The OpenAPI 3.1 document, generated from the same route list and zod schemas that
 * validate requests, so the description cannot drift from what the service accepts.
 */
export function buildOpenApi(routes: Route[]): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => convert(schema, io, components);
  // Registers the Problem component that every error response refers to.
  toSchema(problemSchema, "output");
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const status = String(route.status ?? 200);
    const responses: Record<string, JsonSchema> = {
      [status]: route.response
        ? { description: "Success", content: { "application/json": { schema: toSchema(route.response, "output") } } }
        : { description: "Success" },
      "400": { description: "Invalid input: the fields at fault are listed", content: problemContent },
    };
    if (route.auth === "session") {
      responses["401"] = { description: "Not signed in", content: problemContent };
      responses["403"] = { description: `Needs permission ${route.permission}`, content: problemContent };
    }
    for (const [code, description] of Object.entries(route.errors ?? {})) responses[code] = { description, content: problemContent };
    const operation: JsonSchema = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "")}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parameters(route.params, "path", components), ...parameters(route.query, "query", components)],
      responses,
      security: route.auth === "session" ? [{ session: [] }] : [],
      ...(route.auth === "session" ? { "x-permission": route.permission } : {}),
    };
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: toSchema(route.body, "input") } } };
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Family Story API",
      version: "1.0.0",
      description: "The record and outcomes platform for children's services. Errors are application/problem+json. Changes need the x-csrf-token header of the session.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "fs_session" } },
    },
  };
}
