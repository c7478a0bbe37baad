import { ApiError, errorText } from "../api/api-client.ts";
import type { Load } from "../api/use-api.ts";
import type { ReactNode } from "react";

/** Shows "Loading" or the error for a load, or renders the loaded value. */
export function Loaded<T>({ load, children }: { load: Load<T>; children: (value: T) => ReactNode }) {
  switch (load.state) {
    case "loading":
      return (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      );
    case "failed":
      return <ProblemMessage error={load.error} />;
    case "done":
      return <>{children(load.value)}</>;
  }
}

/** A failed load explained in plain words. */
export function ProblemMessage({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  const heading = status === 404 ? "Not found, or not one you can open" : status === 403 ? "You cannot do this" : status === 401 ? "You have been signed out" : "Something went wrong";
  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="problem-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="problem-title">
          {heading}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading" data-testid="problem-detail">
          {errorText(error)}
        </p>
      </div>
    </div>
  );
}

/** A green success banner after a change. */
export function SuccessBanner({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
