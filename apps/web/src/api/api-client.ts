import type { Problem } from "@family-story/schemas";

/** A failed API call, carrying the problem+json body so pages can show it to people. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.problem = problem;
  }
}

/** The result of a call that returns a versioned record: the body and its ETag. */
export interface Versioned<T> {
  body: T;
  etag: string | null;
}

let csrfToken: string | null = null;
let onSignedOut: (() => void) | null = null;

/** Called when the server says the session has ended (idle timeout, deactivated, signed out elsewhere). */
export function setSignedOutHandler(handler: (() => void) | null): void {
  onSignedOut = handler;
}

/** Remembers the CSRF token from the session response; every change must send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "status" in value && "title" in value;
}

async function toProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed: unknown = JSON.parse(text);
    if (isProblem(parsed)) return parsed;
  } catch {
    // Not JSON: fall through to a plain problem.
  }
  return { type: "about:blank", status: response.status, title: response.statusText || "Something went wrong", detail: "The service did not answer as expected. Try again." };
}

interface RequestOptions {
  body?: unknown;
  ifMatch?: string | null;
  query?: Record<string, string | number | undefined | null>;
}

function withQuery(path: string, query: RequestOptions["query"]): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the API with the session cookie; sends the CSRF token and If-Match on changes. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Versioned<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.ifMatch) headers["if-match"] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? null : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ type: "about:blank", status: 0, title: "The service cannot be reached", detail: "Check your connection and try again." });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === 401 && !path.startsWith("/api/v1/auth/")) onSignedOut?.();
    throw new ApiError(problem);
  }
  const body = response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  return { body, etag: response.headers.get("etag") };
}

/** GET and return just the body. */
export async function get<T>(path: string, query?: RequestOptions["query"]): Promise<T> {
  return (await request<T>("GET", path, { query })).body;
}

/** POST and return just the body. */
export async function post<T>(path: string, body?: unknown): Promise<T> {
  return (await request<T>("POST", path, { body })).body;
}

/** Plain-English text for any error thrown by a call. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail ?? error.problem.title;
  return "Something went wrong. Try again.";
}
