import type { Problem } from "@family-story/schemas";
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { ApiError } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import type { Checked, FieldErrors } from "../../components/form-errors.ts";
import { errorsFromError } from "../../components/form-errors.ts";
import { fieldLabel, formatDateTime, formatValue } from "../../components/format.ts";
import { SuccessBanner } from "../../components/status.tsx";

/** How the governance forms name the fields a conflict lists. */
const FIELD_LABELS: Record<string, string> = {
  measureIds: "Linked measures",
  startDate: "Start date",
  dueDate: "Due date",
  meetingId: "Meeting",
  meetsOn: "Date",
  roundLabel: "Meeting",
  representedBy: "Represented by",
  update: "Update",
};

/** "" → null for optional text and dates, so a cleared field clears. */
export const orNull = (v: string): string | null => (v.trim() === "" ? null : v.trim());

/** Today as yyyy-mm-dd, local time: the day a response or note is usually for. */
export const todayText = (): string => new Date().toLocaleDateString("en-CA");

/**
 * Field errors whose path goes into a list ("organisations.1", "measureIds.0") are shown on the
 * list's own field, which is what the form has.
 */
export function onListFields(errors: FieldErrors, lists: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const list = lists.find((l) => field.startsWith(`${l}.`));
    out[list ?? field] ??= message;
  }
  return out;
}

/** The success message a save left for the page it went to, if any. */
export function Flash() {
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  return flash ? <SuccessBanner title="Success">{flash}</SuccessBanner> : null;
}

/** Explains a 412: who saved first and what they changed; the form now holds the latest version. */
function ConflictMessage({ problem }: { problem: Problem }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [problem]);
  const changes = problem.changes ?? [];
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-testid="conflict-message">
      <div role="alert">
        <h2 className="govuk-error-summary__title">Someone else changed this while you were editing it</h2>
        <div className="govuk-error-summary__body">
          <p className="govuk-body">
            {problem.changedBy ?? "Another user"} saved a change{problem.changedAt ? ` on ${formatDateTime(problem.changedAt)}` : ""}. Yours has not been saved yet.
          </p>
          {changes.length > 0 && (
            <ul className="govuk-list govuk-list--bullet">
              {changes.map((c) => <li key={c.field}>{fieldLabel(c.field, FIELD_LABELS)}: from {formatValue(c.from)} to {formatValue(c.to)}</li>)}
            </ul>
          )}
          <p className="govuk-body">The page now shows their change, and your answers are still in the form. Check them, then save again.</p>
        </div>
      </div>
    </div>
  );
}

/** One save: the checked form, the request, where to go after, and how to load the latest version on a 412. */
export interface GovSave<T> {
  checked: Checked<unknown>;
  send: () => Promise<T>;
  /** Where to go once saved: a path, or one made from what the save answered (a new record's page). */
  to: string | ((saved: T) => string);
  flash: string;
  /** Loads the newest version into the form, keeping the user's answers; without it a 412 shows as an error. */
  reload?: () => Promise<void>;
}

/**
 * The governance forms' save flow: the check's errors, or send and go on with a flash; the API's
 * field errors (problem+json) on the fields; a 412 reloads the latest version and explains it.
 */
export function useGovSave() {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function save<T>({ checked, send, to, flash, reload }: GovSave<T>): Promise<void> {
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const saved = await send();
      void navigate(typeof to === "string" ? to : to(saved), { state: { flash } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && reload) {
        try {
          await reload();
          setConflict(error.problem);
        } catch (reloadError) {
          setErrors(errorsFromError(reloadError));
        }
      } else {
        setErrors(errorsFromError(error));
      }
      setBusy(false);
    }
  }

  return { errors, setErrors, conflict, busy, save };
}

/** A governance form page: conflict and error summary first, the caption over the title, the fields, then save and cancel. */
export function GovFormPage(props: {
  caption: string;
  title: string;
  button: string;
  cancelTo: string;
  errors: FieldErrors;
  conflict?: Problem | null;
  busy: boolean;
  onSubmit: () => void;
  intro?: ReactNode;
  children: ReactNode;
}) {
  usePageTitle(props.title, Object.keys(props.errors).length > 0 || Boolean(props.conflict));
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    props.onSubmit();
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={props.cancelTo}>Back</Link>
        {props.conflict && <ConflictMessage problem={props.conflict} />}
        <ErrorSummary errors={props.errors} />
        <span className="govuk-caption-l">{props.caption}</span>
        <h1 className="govuk-heading-l">{props.title}</h1>
        {props.intro}
        <form noValidate onSubmit={submit}>
          {props.children}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={props.busy}>{props.conflict ? "Save again" : props.button}</button>
            <Link className="govuk-link" to={props.cancelTo}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
