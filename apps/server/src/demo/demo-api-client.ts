import type { FastifyInstance } from "fastify";
import { DEMO_PASSWORD } from "./demo-organisation.ts";

/** A demo user signed in to the service in-process, recording casework through the public API. */
export interface DemoApi {
  username: string;
  userId: string;
  get: <T>(url: string) => Promise<T>;
  /** Sends a change; `version` becomes If-Match. Any status of 300 or more stops the seeding with the problem. */
  send: <T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, version?: number) => Promise<T>;
}

/** Signs a demo user in through POST /api/v1/auth/login and returns a client for them. */
export async function demoApi(app: FastifyInstance, username: string): Promise<DemoApi> {
  const login = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`Demo sign-in as ${username} failed: ${String(login.statusCode)} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const session = login.json<{ csrfToken: string; id: string }>();
  const check = (method: string, url: string, status: number, body: string): void => {
    if (status >= 300) throw new Error(`Demo casework: ${username} ${method} ${url} answered ${String(status)}: ${body}`);
  };
  return {
    username,
    userId: session.id,
    get: async <T>(url: string) => {
      const res = await app.inject({ method: "GET", url, headers: { cookie } });
      check("GET", url, res.statusCode, res.body);
      return res.json<T>();
    },
    send: async <T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown, version?: number) => {
      const headers: Record<string, string> = { cookie, "x-csrf-token": session.csrfToken, ...(version !== undefined && { "if-match": `W/"${String(version)}"` }) };
      const res = await app.inject({ method, url, headers, ...(body !== undefined && { payload: body as object }) });
      check(method, url, res.statusCode, res.body);
      return (res.body === "" ? undefined : res.json<T>()) as T;
    },
  };
}
