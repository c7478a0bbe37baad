import { loginBodySchema, type SessionUser } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { post } from "../api/api-client.ts";
import { useAuth } from "../app/auth-context.tsx";
import { usePageTitle } from "../app/page-title.ts";
import { ErrorSummary } from "../components/error-summary.tsx";
import { TextField } from "../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../components/form-errors.ts";

/** Why council sign-in sent the person back here (codes set by the server's OIDC callback). */
const SIGN_IN_PROBLEMS: Record<string, string> = {
  expired: "Your council sign-in took too long or was started in another window. Try again.",
  refused: "Your council account is not linked to a Family Story account. Ask your administrator to add you.",
  inactive: "Your Family Story account is switched off. Ask your administrator.",
  unavailable: "Council sign-in is not available at the moment. Try again later or use your Family Story account.",
};

/** Sign in with a local account, or with the council's single sign-on when set up. */
export function SignInPage() {
  const { session, config, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const problemCode = new URLSearchParams(location.search).get("problem");
  const [errors, setErrors] = useState<FieldErrors>(() => {
    const initial: FieldErrors = {};
    if (problemCode) initial.form = SIGN_IN_PROBLEMS[problemCode] ?? SIGN_IN_PROBLEMS.refused ?? "";
    return initial;
  });
  const [busy, setBusy] = useState(false);
  usePageTitle("Sign in", Object.keys(errors).length > 0);

  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (session.state === "signed-in") return <Navigate to={from} replace />;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const checked = check(loginBodySchema, { username, password });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const user = await post<SessionUser>("/api/v1/auth/login", checked.data);
      signedIn(user);
      void navigate(from, { replace: true });
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in to Family Story</h1>
        {config?.oidcEnabled && (
          <>
            <p className="govuk-body">Use your council account if you have one.</p>
            <a href="/api/v1/auth/oidc/start" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
              Sign in with {config.oidcLabel ?? "your council account"}
            </a>
            <h2 className="govuk-heading-m">Or sign in with a Family Story account</h2>
          </>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField name="username" label="Username" value={username} onChange={setUsername} error={errors.username} width="20" autoComplete="username" spellCheck={false} />
          <TextField name="password" label="Password" type="password" value={password} onChange={setPassword} error={errors.password} width="20" autoComplete="current-password" />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Sign in
          </button>
        </form>
        {config?.demo && (
          <div className="govuk-inset-text" data-testid="demo-accounts">
            <h2 className="govuk-heading-s">Demo accounts</h2>
            <p className="govuk-body">
              Every demo account has the password <code className="app-code">family-story-demo</code>:
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {config.demoAccounts.map((account) => (
                <li key={account.username}>
                  <code className="app-code">{account.username}</code>: {account.description}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </div>
  );
}
