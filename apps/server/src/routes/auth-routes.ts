import { authConfigSchema, loginBodySchema, okSchema, sessionUserSchema } from "@family-story/schemas";
import { SESSION_COOKIE } from "../http/authenticate.ts";
import { ROLE_LABELS } from "@family-story/domain";
import { DEMO_USERS, WCC } from "../demo/demo-organisation.ts";
import { defineRoute } from "../http/route.ts";
import { presentSession } from "../presenters/session-presenter.ts";

export const authRoutes = [
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/login",
    summary: "Sign in with a local account; sets the session cookie",
    tag: "Sign-in",
    auth: "public",
    rateLimitPerMinute: 10,
    body: loginBodySchema,
    response: sessionUserSchema,
    errors: { 401: "Wrong username or password", 429: "Too many attempts" },
    handler: async ({ body, services, reply, requestId }) => {
      const session = await services.auth.login(body.username, body.password, requestId);
      void reply.setCookie(SESSION_COOKIE, session.sessionId, { path: "/", httpOnly: true, sameSite: "lax", secure: services.config.secureCookies });
      const actor = await services.auth.actorFor(session.userId, requestId);
      return presentSession(actor, session.csrfToken);
    },
  }),
  defineRoute({
    method: "POST",
    path: "/api/v1/auth/logout",
    summary: "Sign out: ends the session",
    tag: "Sign-in",
    auth: "public",
    response: okSchema,
    handler: async ({ services, request, reply }) => {
      const id = request.cookies[SESSION_COOKIE];
      if (id) await services.auth.logout(id);
      void reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/auth/session",
    summary: "The signed-in user, their permissions and CSRF token",
    tag: "Sign-in",
    auth: "session",
    permission: "session:self",
    response: sessionUserSchema,
    handler: ({ actor, session }) => Promise.resolve(presentSession(actor, session.csrfToken)),
  }),
  defineRoute({
    method: "GET",
    path: "/api/v1/auth/config",
    summary: "How users can sign in here",
    tag: "Sign-in",
    auth: "public",
    response: authConfigSchema,
    handler: ({ services }) =>
      Promise.resolve({
        oidcEnabled: services.config.oidc !== null,
        oidcLabel: services.config.oidc?.label ?? null,
        demo: services.config.seedDemo,
        demoAccounts: services.config.seedDemo ? DEMO_USERS.map((u) => ({ username: u.username, description: `${ROLE_LABELS[u.role].toLowerCase()}, ${u.la === WCC ? "Westminster" : "Kensington and Chelsea"}` })) : [],
      }),
  }),
];
