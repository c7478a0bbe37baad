import type { ReactNode } from "react";
import { Link } from "react-router";
import { ErrorSummary } from "../../components/error-summary.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";

/** The frame of a form about one person: Back to their record, the error summary, the heading. */
export function PersonFormLayout({ personId, title, errors, children }: { personId: string; title: string; errors: FieldErrors; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/people/${personId}`} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}
