import { z } from "zod";
import { PENDING_SIGN_IN_SECONDS, parsePendingSignIn, type OidcService } from "../auth/oidc-service.ts";
import { SESSION_COOKIE } from "../http/authenticate.ts";
import { HttpProblem } from "../http/problem.ts";
import { Respond, defineRoute } from "../http/route.ts";
import type { PublicServices } from "../services.ts";

/** Holds state, nonce and PKCE verifier between the redirect to the provider and the return. */
const PENDING_COOKIE = "fs_oidc";
const PENDING_PATH = "/api/v1/auth/oidc";

function oidcOf(services: PublicServices): OidcService {
  if (!services.oidc) throw new HttpProblem(404, "Not found", "Council sign-in (OpenID Connect) is not set up on this service.");
  return services.oidc;
}

const SIGN_IN_PROBLEMS: Record<number, string> = { 400: "expired", 401: "refused", 403: "inactive", 503: "unavailable" };

function wantsHtml(accept: string | undefined): boolean {
  return accept?.includes("text/html") ?? false;
}

// The provider adds its own parameters (code, state, iss, session_state, error…): accept any.
const callbackQuery = z.record(z.string(), z.unknown());

export const oidcRoutes = [
  defineRoute({
    method: "GET",
    path: "/api/v1/auth/oidc/start",
    summary: "Sign in with the council's account: redirects to the identity provider",
    tag: "Sign-in",
    auth: "public",
    rateLimitPerMinute: 30,
    status: 302,
    errors: { 404: "Council sign-in is not set up", 503: "The identity provider cannot be reached" },
    handler: async ({ services, reply }) => {
      const { url, pending } = await oidcOf(services).begin();
      void reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        path: PENDING_PATH,
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level GET, which carries it.
        sameSite: "lax",
        secure: services.config.secureCookies,
        signed: true,
        maxAge: PENDING_SIGN_IN_SECONDS,
      });
      return new Respond(302, undefined, { location: url });
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/auth/oidc/callback",
    summary: "Where the identity provider returns the user; starts the session and redirects to the app",
    tag: "Sign-in",
    auth: "public",
    rateLimitPerMinute: 30,
    query: callbackQuery,
    status: 302,
    errors: { 400: "No sign-in in progress", 401: "Sign-in refused", 403: "Account switched off" },
    handler: async ({ services, request, reply, requestId }) => {
      const oidc = oidcOf(services);
      const raw = request.cookies[PENDING_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      const pending = unsigned?.valid ? parsePendingSignIn(unsigned.value) : null;
      // One use only, whatever happens next.
      void reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      let session: Awaited<ReturnType<OidcService["complete"]>>;
      try {
        session = await oidc.complete(search, pending, requestId);
      } catch (error) {
        // A person in a browser goes back to the sign-in page with a reason it can explain;
        // only a code travels in the URL, so the page's words cannot be forged by a link.
        if (error instanceof HttpProblem && wantsHtml(request.headers.accept)) {
          return new Respond(302, undefined, { location: `/sign-in?problem=${SIGN_IN_PROBLEMS[error.status] ?? "refused"}` });
        }
        throw error;
      }
      void reply.setCookie(SESSION_COOKIE, session.sessionId, { path: "/", httpOnly: true, sameSite: "lax", secure: services.config.secureCookies });
      return new Respond(302, undefined, { location: "/" });
    },
  }),
];
