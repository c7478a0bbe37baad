import { useEffect, useRef } from "react";
import type { FieldErrors } from "./form-errors.ts";

/**
 * The GOV.UK error summary: takes focus when it appears so screen reader users hear it, and
 * links each message to its field.
 */
export function ErrorSummary({ errors, fieldIds = {} }: { errors: FieldErrors; fieldIds?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = entries.map(([k, v]) => `${k}:${v}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (entries.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                {field === "form" ? (
                  message
                ) : (
                  <a
                    href={`#${fieldIds[field] ?? field.replace(/\./g, "-")}`}
                    onClick={(event) => {
                      const target = document.getElementById(fieldIds[field] ?? field.replace(/\./g, "-"));
                      if (target) {
                        event.preventDefault();
                        target.focus();
                        target.scrollIntoView({ block: "center" });
                      }
                    }}
                  >
                    {message}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
