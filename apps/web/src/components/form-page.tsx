import type { ReactNode, SyntheticEvent } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../app/page-title.ts";
import { ErrorSummary } from "./error-summary.tsx";
import type { FieldErrors } from "./form-errors.ts";

/** What a record form page shows: whose record, the title, the fields and where Cancel goes. */
export interface FormPageProps {
  caption: string;
  title: string;
  button: string;
  cancelTo: string;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
  intro?: ReactNode | undefined;
  pageTitle?: string | undefined;
  wide?: boolean | undefined;
}

/**
 * A form about someone's record, the GOV.UK way: the error summary first, the person's name as
 * a caption over the title, the fields, then save and cancel. The page title says "Error:" while
 * the form has errors. Browser validation is off so every error reads the same.
 */
export function FormPage({ caption, title, button, cancelTo, errors, busy, onSubmit, children, intro, pageTitle, wide }: FormPageProps) {
  usePageTitle(pageTitle ?? title, Object.keys(errors).length > 0);
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <div className="govuk-grid-row">
      <div className={wide === true ? "govuk-grid-column-full" : "govuk-grid-column-two-thirds"}>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{caption}</span>
        <h1 className="govuk-heading-l">{title}</h1>
        {intro}
        <form noValidate onSubmit={submit}>
          {children}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy}>{button}</button>
            <Link className="govuk-link" to={cancelTo}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
