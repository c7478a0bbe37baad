import type { MeasureImportJob } from "@family-story/schemas";
import { Link, useParams } from "react-router";
import { loadFigureImport } from "../../../api/measure-figures.ts";
import { usePageTitle } from "../../../app/page-title.ts";
import { ImportJobTimes, ImportProgressBar, usePolledJob } from "../../../components/import-job-progress.tsx";
import { ScrollTable } from "../../../components/scroll-table.tsx";
import { ProblemMessage } from "../../../components/status.tsx";
import { ImportStatusTag } from "../../admin/import-pages.tsx";
import { FIGURES_PATH } from "../catalogue-labels.ts";
import { OutcomesNav } from "../outcomes-nav.tsx";

const n = (value: number) => value.toLocaleString("en-GB");

/** What the import saved. */
function Summary({ job }: { job: MeasureImportJob }) {
  const s = job.summary;
  if (s === null) return null;
  const rows: [string, number][] = [["Rows read", s.rows], ["New figures", s.inserted], ["Figures replaced", s.updated], ["Already held, unchanged", s.unchanged], ["Rows not saved", s.rejected]];
  return (
    <dl className="govuk-summary-list" data-testid="import-summary">
      {rows.map(([label, value]) => (
        <div className="govuk-summary-list__row" key={label}>
          <dt className="govuk-summary-list__key">{label}</dt>
          <dd className="govuk-summary-list__value">{n(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The rows not saved, with their line, the column at fault and why. */
function Problems({ job }: { job: MeasureImportJob }) {
  if (job.problemCount === 0) return <p className="govuk-body">Every row was saved.</p>;
  return (
    <ScrollTable label="Rows not saved">
      <table className="govuk-table" data-testid="import-problems">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Problems ({n(job.problemCount)}
          {job.problems.length < job.problemCount ? `, the first ${n(job.problems.length)} shown` : ""})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Line</th>
            <th scope="col" className="govuk-table__header">Column</th>
            <th scope="col" className="govuk-table__header">Problem</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {job.problems.map((p, i) => (
            <tr className="govuk-table__row" key={i}>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.line ?? ""}</td>
              <td className="govuk-table__cell">{p.column ?? "(whole row)"}</td>
              <td className="govuk-table__cell">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function announcement(job: MeasureImportJob | null): string {
  if (job === null) return "";
  switch (job.status) {
    case "running":
      return "Import running";
    case "done":
      return `Import finished: ${n(job.summary?.rejected ?? 0)} rows not saved`;
    case "failed":
      return "Import failed";
  }
}

/** /outcomes/figures/import/:id: a figures import's progress, then what was saved and the rows that were not. */
export function FigureImportJobPage() {
  const { id = "" } = useParams();
  usePageTitle("Figures import");
  const { job, error } = usePolledJob(loadFigureImport, id);
  return (
    <>
      <OutcomesNav />
      <Link className="govuk-back-link" to={`${FIGURES_PATH}/import`}>Import figures</Link>
      <h1 className="govuk-heading-l">Figures import{job?.fileName ? `: ${job.fileName}` : ""}</h1>
      <div className="govuk-visually-hidden" aria-live="polite" role="status">
        {announcement(job)}
      </div>
      {error !== null && <ProblemMessage error={error} />}
      {job === null && error === null && <p className="govuk-body">Loading…</p>}
      {job !== null && (
        <>
          <ImportJobTimes job={job} status={<ImportStatusTag status={job.status} />} />
          {job.status === "running" && <ImportProgressBar processed={job.processed} total={job.total} label={job.phase === null || job.phase === "queued" ? "Starting" : "Checking and saving"} />}
          {job.status === "failed" && <p className="govuk-body govuk-error-message">The import stopped: {job.summary?.error ?? "an unexpected error"}. Figures saved before it stopped are kept; importing the same file again completes it.</p>}
          {job.status !== "running" && (
            <>
              <Summary job={job} />
              <Problems job={job} />
            </>
          )}
        </>
      )}
    </>
  );
}
