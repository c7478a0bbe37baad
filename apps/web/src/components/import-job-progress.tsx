import { useEffect, useState, type ReactNode } from "react";
import { formatDateTime } from "./format.ts";

const POLL_MS = 1000;
const n = (value: number) => value.toLocaleString("en-GB");

/**
 * Polls an import job every second while it runs, and stops once it has ended or the page is
 * left. `load` must be stable (a module-level API function), as it is an effect dependency.
 */
export function usePolledJob<T extends { status: string }>(load: (id: string) => Promise<T>, id: string): { job: T | null; error: unknown } {
  const [job, setJob] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      load(id).then(
        (next) => {
          if (!live) return;
          setJob(next);
          setError(null);
          if (next.status === "running") timer = setTimeout(poll, POLL_MS);
        },
        (e: unknown) => {
          if (live) setError(e);
        },
      );
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, load]);
  return { job, error };
}

/**
 * A GOV.UK-styled progress bar for an import: "<label>: n of m rows". The fill is an SVG rect so
 * no inline style is needed (CSP); `valueText` words the percentage for screen readers.
 */
export function ImportProgressBar({ processed, total, label, valueText = (percent) => `${String(percent)}%` }: { processed: number; total: number; label: string; valueText?: (percent: number) => string }) {
  const percent = total === 0 ? 0 : Math.min(100, Math.floor((processed / total) * 100));
  return (
    <div className="govuk-form-group">
      <p className="govuk-body" id="import-progress-label">
        {label}: {n(processed)} of {n(total)} rows
      </p>
      <div className="app-progress" role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText(percent)}>
        <svg className="app-progress__track" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect className="app-progress__fill" x="0" y="0" width={percent} height="1" />
        </svg>
      </div>
    </div>
  );
}

/**
 * An import's status and times as a GOV.UK summary list: the status (as the caller tags it),
 * when it started and by whom, and when it finished once it has.
 */
export function ImportJobTimes({ job, status }: { job: { startedAt: string; startedBy: string | null; finishedAt: string | null }; status: ReactNode }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Status</dt>
        <dd className="govuk-summary-list__value">{status}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Started</dt>
        <dd className="govuk-summary-list__value">{formatDateTime(job.startedAt)}{job.startedBy === null ? "" : ` by ${job.startedBy}`}</dd>
      </div>
      {job.finishedAt !== null && (
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Finished</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(job.finishedAt)}</dd>
        </div>
      )}
    </dl>
  );
}
