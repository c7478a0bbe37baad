import type { ImportJob } from "@family-story/schemas";
import { Link, useParams } from "react-router";
import { loadImport } from "../../api/imports.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ImportJobTimes, ImportProgressBar, usePolledJob } from "../../components/import-job-progress.tsx";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { ProblemMessage } from "../../components/status.tsx";
import { ImportStatusTag } from "./import-pages.tsx";

const n = (value: number) => value.toLocaleString("en-GB");

/** The counts per table, once the job has finished. */
function SummaryTable({ job }: { job: ImportJob }) {
  const summary = job.summary;
  if (summary === null) return null;
  return (
    <>
      <ScrollTable label="Rows per table">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Rows per table</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Table</th>
              {["Read", "Added", "Updated", "Unchanged", "Not loaded"].map((h) => (
                <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {summary.tables.map((t) => (
              <tr className="govuk-table__row" key={t.table}>
                <th scope="row" className="govuk-table__header">{t.table}</th>
                {[t.read, t.inserted, t.updated, t.unchanged, t.rejected].map((v, i) => (
                  <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>{n(v)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="govuk-body">
        {n(summary.children.created)} new children; {n(summary.children.matched)} matched by CHILD to children already on record.{" "}
        {summary.years.map((y) => `Collection year ${y.year} to ${y.year + 1}${y.yearFrom === "dates" ? " (worked out from the episodes)" : ""}.`).join(" ")}
      </p>
      <p className="govuk-body">
        {summary.placementFieldsDerived
          ? "Placement authority, location and distance were worked out from the ONS postcode directory."
          : "The ONS postcode directory is not loaded, so placement authority, location and distance were kept as the files gave them."}
      </p>
      {summary.warnings.length > 0 && (
        <ul className="govuk-list govuk-list--bullet">
          {summary.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The rows the import could not load, with where they are and why. */
function ProblemsTable({ job }: { job: ImportJob }) {
  if (job.problemCount === 0) return <p className="govuk-body">Every row was loaded.</p>;
  return (
    <ScrollTable label="Rows not loaded">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Rows not loaded ({n(job.problemCount)}
          {job.problems.length < job.problemCount ? `, the first ${n(job.problems.length)} shown` : ""})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {["File", "Line", "Table", "CHILD", "Reason"].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {job.problems.map((p, i) => (
            <tr className="govuk-table__row" key={i}>
              <td className="govuk-table__cell">{p.file}</td>
              <td className="govuk-table__cell">{p.line ?? ""}</td>
              <td className="govuk-table__cell">{p.table ?? "(whole file)"}</td>
              <td className="govuk-table__cell">{p.child ?? ""}</td>
              <td className="govuk-table__cell">{p.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** What the live region says: the phase while running (not every tick), then the outcome. */
function announcement(job: ImportJob | null): string {
  if (job === null) return "";
  switch (job.status) {
    case "running":
      return job.phase === null || job.phase === "queued" ? "Import started" : `Loading ${job.phase}`;
    case "done":
      return `Import finished: ${n(job.problemCount)} rows not loaded`;
    case "failed":
      return "Import failed";
  }
}

/** /admin/imports/:id: an import's progress while it runs, then its summary and rejected rows. */
export function ImportJobPage() {
  const { id = "" } = useParams();
  usePageTitle("SSDA903 import");
  const { job, error } = usePolledJob(loadImport, id);
  return (
    <>
      <Link className="govuk-back-link" to="/admin/imports">Imports</Link>
      <h1 className="govuk-heading-l">SSDA903 import</h1>
      <div className="govuk-visually-hidden" aria-live="polite" role="status">
        {announcement(job)}
      </div>
      {error !== null && <ProblemMessage error={error} />}
      {job === null && error === null && <p className="govuk-body">Loading…</p>}
      {job !== null && (
        <>
          <ImportJobTimes job={job} status={<ImportStatusTag status={job.status} />} />
          {job.status === "running" && (
            <ImportProgressBar
              processed={job.processed}
              total={job.total}
              label={job.phase === null || job.phase === "queued" ? "Starting" : `Loading ${job.phase}`}
              valueText={(percent) => `${String(percent)}% (${job.phase ?? "starting"})`}
            />
          )}
          {job.status === "failed" && <p className="govuk-body govuk-error-message">The import stopped: {job.summary?.error ?? "an unexpected error"}. Rows written before it stopped are kept; importing the same files again completes it.</p>}
          {job.status === "done" && (
            <>
              <SummaryTable job={job} />
              <ProblemsTable job={job} />
            </>
          )}
        </>
      )}
    </>
  );
}
