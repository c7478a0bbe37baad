import type { SessionUser } from "@family-story/schemas";

/** A second, API-only session: to change records behind the browser's back. */
export interface ApiSession {
  user: SessionUser;
  // The caller names the response shape it expects; the test asserts on it.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  call: <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: T; etag: string | null }>;
}

/** Signs in through the API with the demo password. */
export async function apiSignIn(baseUrl: string, username: string, password = "family-story-demo"): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
  if (login.status !== 200) throw new Error(`Sign-in as ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const user = (await login.json()) as SessionUser;
  return {
    user,
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
    call: async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { cookie, "x-csrf-token": user.csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T, etag: response.headers.get("etag") };
    },
  };
}
