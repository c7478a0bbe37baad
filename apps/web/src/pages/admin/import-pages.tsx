import type { ImportJobListItem } from "@family-story/schemas";
import { useRef, useState, type SyntheticEvent } from "react";
import { Link, useNavigate } from "react-router";
import { loadImports, startSsda903Import } from "../../api/imports.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { formatDateTime } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded } from "../../components/status.tsx";

/** What the server accepts in one upload (the route's body limit, less room for JSON quoting). */
const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

/** An import's status as a GOV.UK tag. */
export function ImportStatusTag({ status }: { status: ImportJobListItem["status"] }) {
  switch (status) {
    case "running":
      return <strong className="govuk-tag govuk-tag--blue">Running</strong>;
    case "done":
      return <strong className="govuk-tag govuk-tag--green">Done</strong>;
    case "failed":
      return <strong className="govuk-tag govuk-tag--red">Failed</strong>;
  }
}

/** Checks the chosen files and year the way the API will, before reading anything. */
function checkUpload(files: File[], year: string): FieldErrors {
  const errors: FieldErrors = {};
  if (files.length === 0) errors.files = "Choose the SSDA903 files to import";
  else if (files.some((f) => !/\.(csv|xml)$/i.test(f.name))) errors.files = "Choose .csv or .xml files only";
  else if (files.reduce((n, f) => n + f.size, 0) > MAX_UPLOAD_BYTES) errors.files = "The files must be smaller than 60 MB together: import one year at a time";
  if (year.trim() !== "" && !/^(19|20)\d{2}$/.test(year.trim())) errors.year = "Enter the year the collection starts, like 2017";
  return errors;
}

/** /admin/imports: upload a year of SSDA903 files, and the authority's past imports. */
export function ImportsPage() {
  usePageTitle("Import SSDA903 history");
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [year, setYear] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [jobs] = useLoad(loadImports, []);

  async function onSubmit(event: SyntheticEvent): Promise<void> {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    const found = checkUpload(files, year);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const job = await startSsda903Import(read, year.trim() === "" ? null : Number(year));
      void navigate(`/admin/imports/${job.id}`);
    } catch (error) {
      const apiErrors = errorsFromError(error);
      // Errors about one file ("files.0.text") belong to the file field.
      setErrors(Object.fromEntries(Object.entries(apiErrors).map(([k, v]) => [k.startsWith("files") ? "files" : k, v])));
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Import SSDA903 history</h1>
      <p className="govuk-body">
        Bring your children looked after history in from the SSDA903 return: header, episodes, reviews, UASC, OC2, OC3, AD1, placed for adoption, previous permanence,
        missing, social worker episodes and DoLo files, as CSV or the XML form. Each file is recognised by its columns, whatever it is called.
      </p>
      <p className="govuk-body">
        Upload one collection year at a time, earliest first. Children are matched across years by their CHILD identifier. Importing the same files again changes nothing.
        Rows that cannot be loaded are listed with their file, line and reason; the rest are loaded.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className={`govuk-form-group${errors.files ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="files">
            SSDA903 files
          </label>
          <div id="files-hint" className="govuk-hint">
            Choose all the files of one year (hold Ctrl or Cmd to choose several)
          </div>
          {errors.files && (
            <p id="files-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.files}
            </p>
          )}
          <input
            ref={input}
            className={`govuk-file-upload${errors.files ? " govuk-file-upload--error" : ""}`}
            id="files"
            name="files"
            type="file"
            multiple
            accept=".csv,.xml,text/csv,application/xml,text/xml"
            aria-describedby={errors.files ? "files-hint files-error" : "files-hint"}
          />
        </div>
        <TextField
          name="year"
          label="Collection year (optional)"
          hint="The year the collection starts, for example 2017 for 1 April 2017 to 31 March 2018. Leave blank to work it out from the episodes."
          value={year}
          onChange={setYear}
          error={errors.year}
          width="4"
          inputMode="numeric"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          {busy ? "Uploading…" : "Import files"}
        </button>
      </form>

      <h2 className="govuk-heading-m">Past imports</h2>
      <Loaded load={jobs}>
        {(list) =>
          list.jobs.length === 0 ? (
            <p className="govuk-body">No imports yet.</p>
          ) : (
            <ScrollTable label="Past imports">
              <table className="govuk-table">
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Started</th>
                    <th scope="col" className="govuk-table__header">By</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Rows</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Not loaded</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {list.jobs.map((j) => (
                    <tr className="govuk-table__row" key={j.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/admin/imports/${j.id}`}>
                          {formatDateTime(j.startedAt)}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{j.startedBy ?? "Command line"}</td>
                      <td className="govuk-table__cell">
                        <ImportStatusTag status={j.status} />
                      </td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{j.total.toLocaleString("en-GB")}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{j.problemCount.toLocaleString("en-GB")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )
        }
      </Loaded>
    </>
  );
}
