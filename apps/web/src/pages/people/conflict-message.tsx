import { ETHNICITY_LABELS, LANGUAGE_LABELS } from "@family-story/domain";
import type { Problem } from "@family-story/schemas";
import type { RefObject } from "react";
import { fieldLabel, formatDateTime, formatValue } from "../../components/format.ts";
import { PERSON_FIELD_LABELS } from "./person-form-values.ts";

const CODE_LABELS: Record<string, Record<string, string>> = {
  ethnicity: ETHNICITY_LABELS,
  firstLanguage: LANGUAGE_LABELS,
  sex: { male: "Male", female: "Female", unknown: "Not known" },
};

/** A changed value in words: code sets by their labels, dates written out. */
function valueText(field: string, value: unknown): string {
  const labels = CODE_LABELS[field];
  if (labels && typeof value === "string" && value in labels) return labels[value] ?? value;
  return formatValue(value);
}

/** Explains a 412: who saved first, what they changed (from → to), and what to do now. */
export function ConflictMessage({ problem, containerRef }: { problem: Problem; containerRef: RefObject<HTMLDivElement | null> }) {
  const changes = problem.changes ?? [];
  return (
    <div className="govuk-error-summary" ref={containerRef} tabIndex={-1} data-testid="conflict-message">
      <div role="alert">
        <h2 className="govuk-error-summary__title">Someone else changed this record while you were editing it</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">
            {problem.changedBy ?? "Another user"} saved changes
            {problem.changedAt ? ` on ${formatDateTime(problem.changedAt)}` : ""}. Your changes have not been saved yet.
          </p>
          {changes.length > 0 && (
            <>
              <p className="govuk-body govuk-!-font-weight-bold">They changed:</p>
              <ul className="govuk-list govuk-list--bullet" data-testid="conflict-changes">
                {changes.map((c) => (
                  <li key={c.field}>
                    {fieldLabel(c.field, PERSON_FIELD_LABELS)}: from {valueText(c.field, c.from)} to {valueText(c.field, c.to)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="govuk-body">The form now shows the latest version with your changes put back on top. Check them, then save again.</p>
        </div>
      </div>
    </div>
  );
}
