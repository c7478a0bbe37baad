import { MEASURE_IMPORT_COLUMNS } from "@family-story/schemas";
import { useRef, useState, type SyntheticEvent } from "react";
import { Link, useNavigate } from "react-router";
import { startFigureImport } from "../../../api/measure-figures.ts";
import { usePageTitle } from "../../../app/page-title.ts";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { errorsFromError, type FieldErrors } from "../../../components/form-errors.ts";
import { FIGURES_PATH } from "../catalogue-labels.ts";
import { OutcomesNav } from "../outcomes-nav.tsx";

/** What the server accepts (the route's body limit, less room for JSON quoting). */
const MAX_BYTES = 7 * 1024 * 1024;

/** /outcomes/figures/import: upload a CSV file of figures; the import runs as a job whose page follows it. */
export function FigureImportPage() {
  usePageTitle("Import figures");
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    const problem = file === undefined ? "Choose a CSV file of figures" : !/\.csv$/i.test(file.name) ? "Choose a .csv file" : file.size > MAX_BYTES ? "The file must be smaller than 7 MB" : file.size === 0 ? "The file is empty" : null;
    if (problem !== null || file === undefined) {
      setErrors({ file: problem ?? "Choose a CSV file of figures" });
      return;
    }
    setBusy(true);
    try {
      const job = await startFigureImport({ name: file.name, text: await file.text() });
      void navigate(`${FIGURES_PATH}/import/${job.id}`);
    } catch (error) {
      const found = errorsFromError(error);
      setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k === "text" || k === "name" ? "file" : k, v])));
      setBusy(false);
    }
  };

  return (
    <>
      <OutcomesNav />
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Import figures</h1>
      <p className="govuk-body">
        Bring in figures of measures Family Story does not hold the data for (inspections, attainment, public health, surveys) from a CSV file, one figure a row. The first row names the
        columns:
      </p>
      <pre className="app-code" data-testid="import-columns">{MEASURE_IMPORT_COLUMNS.join(",")}</pre>
      <ul className="govuk-list govuk-list--bullet">
        <li>measure_id is the measure&apos;s id, as listed under <Link className="govuk-link" to="/outcomes/measures">All measures</Link>; measures worked out from the records cannot be imported.</li>
        <li>la_code is the authority&apos;s ONS code; dates are written YYYY-MM-DD.</li>
        <li>numerator, denominator and note may be left blank; when the numerator and denominator are given they must give the value.</li>
      </ul>
      <p className="govuk-body">
        Each row is checked on its own. Rows with a problem are listed with their line and column and are not saved; the rest are. A figure for a period already held is replaced, figures not in
        the file are kept, and importing the same file again changes nothing.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={`govuk-form-group${errors.file ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            CSV file
          </label>
          {errors.file && (
            <p id="file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.file}
            </p>
          )}
          <input ref={input} className={`govuk-file-upload${errors.file ? " govuk-file-upload--error" : ""}`} id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={errors.file ? "file-error" : undefined} />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          {busy ? "Uploading…" : "Import figures"}
        </button>
      </form>
      <p className="govuk-body">
        Or <Link className="govuk-link" to={`${FIGURES_PATH}/new`}>enter one figure</Link>.
      </p>
    </>
  );
}
