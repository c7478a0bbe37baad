import type { AuthConfig, SessionUser } from "@family-story/schemas";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, get, post, setCsrfToken, setSignedOutHandler } from "../api/api-client.ts";

type SessionState = { state: "loading" } | { state: "signed-out" } | { state: "signed-in"; user: SessionUser };

interface AuthValue {
  session: SessionState;
  config: AuthConfig | null;
  signedIn: (user: SessionUser) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Holds who is signed in (asked of the server on load) and how people can sign in. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ state: "loading" });
  const [config, setConfig] = useState<AuthConfig | null>(null);

  useEffect(() => {
    // A 401 from any call means the session has gone: back to sign-in, keeping the page.
    setSignedOutHandler(() => {
      setCsrfToken(null);
      setSession({ state: "signed-out" });
    });
    get<SessionUser>("/api/v1/auth/session").then(
      (user) => {
        setCsrfToken(user.csrfToken);
        setSession({ state: "signed-in", user });
      },
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.warn("Session check failed", error);
        setSession({ state: "signed-out" });
      },
    );
    get<AuthConfig>("/api/v1/auth/config").then(setConfig, () => { setConfig({ oidcEnabled: false, oidcLabel: null, demo: false, demoAccounts: [] }); });
  }, []);

  const signedIn = useCallback((user: SessionUser) => {
    setCsrfToken(user.csrfToken);
    setSession({ state: "signed-in", user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await post("/api/v1/auth/logout");
    } finally {
      setCsrfToken(null);
      setSession({ state: "signed-out" });
    }
  }, []);

  const value = useMemo(() => ({ session, config, signedIn, signOut }), [session, config, signedIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The sign-in state and actions. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside AuthProvider");
  return value;
}

/** The signed-in user; only for pages behind RequireSignIn. */
export function useUser(): SessionUser {
  const { session } = useAuth();
  if (session.state !== "signed-in") throw new Error("useUser needs a signed-in user");
  return session.user;
}

/** True when the session's permissions include the action (the API still decides). */
export function can(user: SessionUser, action: string): boolean {
  return user.permissions.includes(action);
}
