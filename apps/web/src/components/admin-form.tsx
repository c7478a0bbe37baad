import type { ReactNode, SyntheticEvent } from "react";
import { Link } from "react-router";
import { request } from "../api/api-client.ts";
import { etagFor } from "../api/people.ts";
import { ErrorSummary } from "./error-summary.tsx";
import type { FieldErrors } from "./form-errors.ts";

/** The layout every administration form shares: back link, error summary, heading, Save. */
export function AdminFormShell({ title, backTo, backLabel, errors, onSubmit, children }: { title: string; backTo: string; backLabel: string; errors: FieldErrors; onSubmit: () => Promise<void>; children: ReactNode }) {
  function handle(event: SyntheticEvent) {
    event.preventDefault();
    void onSubmit();
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={backTo} className="govuk-back-link">{backLabel}</Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={handle} noValidate>
          {children}
          <button type="submit" className="govuk-button" data-module="govuk-button">Save</button>
        </form>
      </div>
    </div>
  );
}

/**
 * Saves an administration record: PATCH with If-Match on the version the form was opened
 * with (so a concurrent change is refused with 412), or POST when adding.
 */
export async function saveAdminRecord(api: string, record: { id: string; version: number } | null, body: unknown): Promise<void> {
  if (record) await request("PATCH", `${api}/${record.id}`, { body, ifMatch: etagFor(record.version) });
  else await request("POST", api, { body });
}
