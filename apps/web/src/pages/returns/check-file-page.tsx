import { findingsToCsv, type ValidationReport } from "@family-story/returns";
import { collectionYearOf, todayIso } from "@family-story/domain";
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";
import { checkForm } from "./check-form.ts";
import type { CheckMessage, CheckRequest } from "./check-protocol.ts";
import { FindingsByRule, groupByRule } from "./findings-by-rule.tsx";
import { FindingsChart } from "./findings-chart.tsx";

type Kind = CheckRequest["kind"];
type State =
  | { readonly step: "idle" }
  | { readonly step: "reading" }
  | { readonly step: "checking"; readonly done: number; readonly total: number }
  | { readonly step: "done"; readonly report: ValidationReport; readonly read: readonly string[]; readonly notes: readonly string[] }
  | { readonly step: "failed"; readonly problem: string };

/** The findings as a CSV file to download, made in the browser. */
function useCsvHref(report: ValidationReport | null): string | null {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (report === null) return undefined;
    const url = URL.createObjectURL(new Blob([findingsToCsv(report.findings)], { type: "text/csv" }));
    setHref(url);
    return () => {
      URL.revokeObjectURL(url);
    };
  }, [report]);
  return href;
}

/** /returns/check: check return files against the DfE rules in the browser; nothing is uploaded. */
export function CheckFilePage() {
  usePageTitle("Check a return file");
  const input = useRef<HTMLInputElement>(null);
  const worker = useRef<Worker | null>(null);
  const [kind, setKind] = useState<Kind>("ssda903");
  const [year, setYear] = useState(String(collectionYearOf(todayIso()) - 1));
  const [la, setLa] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<State>({ step: "idle" });
  const csvHref = useCsvHref(state.step === "done" ? state.report : null);

  useEffect(
    () => () => {
      worker.current?.terminate();
    },
    [],
  );

  async function onSubmit(event: SyntheticEvent): Promise<void> {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    const found = checkForm(kind, files, year, la);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setState({ step: "reading" });
    let read: CheckRequest["files"];
    try {
      read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
    } catch {
      // A file moved or changed after it was chosen cannot be read: say so rather than stay on "Reading…".
      setState({ step: "failed", problem: "A file could not be read. Choose the files again." });
      return;
    }
    worker.current?.terminate();
    const w = new Worker(new URL("./check-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<CheckMessage>) => {
      const m = e.data;
      switch (m.type) {
        case "progress":
          setState({ step: "checking", done: m.done, total: m.total });
          return;
        case "done":
          setState({ step: "done", report: m.report, read: m.read, notes: m.notes });
          w.terminate();
          return;
        case "failed":
          setState({ step: "failed", problem: m.problem });
          w.terminate();
          return;
      }
    };
    const request: CheckRequest =
      kind === "cin" ? { kind, ruleset: "cin2025_26", files: read } : { kind, ruleset: Number(year) === 2025 ? "lac2025_26" : "lac2026_27", year: Number(year), la: la.trim(), files: read };
    // A worker that fails to load or throws outside its handler would otherwise leave the page "Checking…" for ever.
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      setState({ step: "failed", problem: "The check stopped unexpectedly. Reload the page and try again; if it happens again, the files may be too large for this browser." });
      w.terminate();
    };
    w.onmessageerror = () => {
      setState({ step: "failed", problem: "The check's result could not be read. Reload the page and try again." });
      w.terminate();
    };
    w.postMessage(request);
  }

  const busy = state.step === "reading" || state.step === "checking";
  return (
    <>
      <ErrorSummary errors={errors} />
      <Link className="govuk-back-link" to="/returns">Statutory returns</Link>
      <h1 className="govuk-heading-l">Check a return file</h1>
      <p className="govuk-body">
        Check SSDA903 files (CSV or XML) or a CIN census XML file against every DfE validation rule. The check runs in this browser: <strong>your files are not sent anywhere</strong>.
      </p>
      <p className="govuk-body">
        The placement fields worked out from postcodes (PL_LA, PL_LOCATION and PL_DISTANCE) are checked as the files give them: the browser has no postcode directory. To work them out, use the command line with <code>--postcodes</code>.
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which return?</legend>
            <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
              {(
                [
                  ["ssda903", "SSDA903, children looked after"],
                  ["cin", "CIN census, children in need"],
                ] as const
              ).map(([value, label]) => (
                <div className="govuk-radios__item" key={value}>
                  <input className="govuk-radios__input" id={`kind-${value}`} name="kind" type="radio" value={value} checked={kind === value} onChange={() => {
                      setKind(value);
                    }} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`kind-${value}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${errors.files ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="files">Files</label>
          <div id="files-hint" className="govuk-hint">{kind === "cin" ? "The census XML file" : "All the files of one year, CSV or the XML (hold Ctrl or Cmd to choose several)"}</div>
          {errors.files && (
            <p id="files-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.files}
            </p>
          )}
          <input ref={input} className={`govuk-file-upload${errors.files ? " govuk-file-upload--error" : ""}`} id="files" name="files" type="file" multiple={kind === "ssda903"} accept=".csv,.xml,text/csv,application/xml,text/xml" aria-describedby={errors.files ? "files-hint files-error" : "files-hint"} />
        </div>
        {kind === "ssda903" && (
          <>
            <TextField name="year" label="Collection year" hint="The year the collection starts, for example 2025 for 1 April 2025 to 31 March 2026" value={year} onChange={setYear} error={errors.year} width="4" inputMode="numeric" />
            <TextField name="la" label="Local authority code" hint="Your authority's ONS code, for example E09000033" value={la} onChange={setLa} error={errors.la} width="10" />
          </>
        )}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          {busy ? "Checking…" : "Check files"}
        </button>
      </form>
      {/* The live region says what is happening once; the progress bar, updated every rule, stays outside it so it is not read out hundreds of times. */}
      <div role="status">
        {state.step === "reading" && <p className="govuk-body">Reading the files…</p>}
        {state.step === "checking" && <p className="govuk-body">Checking the files against the rules…</p>}
      </div>
      <div>
        {state.step === "checking" && (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="check-progress">
              Checking rule {state.done} of {state.total}
            </label>
            <progress id="check-progress" className="app-progress" max={state.total} value={state.done} />
          </div>
        )}
      </div>
      {state.step === "failed" && (
        <div className="govuk-error-summary" role="alert" data-testid="check-problem">
          <h2 className="govuk-error-summary__title">The files could not be checked</h2>
          <div className="govuk-error-summary__body">
            <p className="govuk-body">{state.problem}</p>
          </div>
        </div>
      )}
      {state.step === "done" && <CheckResult report={state.report} read={state.read} notes={state.notes} csvHref={csvHref} />}
    </>
  );
}

function CheckResult({ report, read, notes, csvHref }: { report: ValidationReport; read: readonly string[]; notes: readonly string[]; csvHref: string | null }) {
  const rules = groupByRule(report.findings);
  // A rule that failed inside the engine could not run either: listed with the skipped, as the prepared return lists it.
  const notRun = [...report.skipped, ...report.errors];
  return (
    <section aria-labelledby="check-result">
      <h2 className="govuk-heading-m" id="check-result">
        {report.findings.length.toLocaleString("en-GB")} findings from {rules.length} rules
      </h2>
      <p className="govuk-body">
        Ruleset {report.ruleset}; {report.rulesRun} rules run{notRun.length > 0 ? `, ${String(notRun.length)} could not run on these files` : ""}.
      </p>
      <ul className="govuk-list govuk-list--bullet govuk-body-s">
        {read.map((r) => (
          <li key={r}>{r}</li>
        ))}
        {notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {csvHref && report.findings.length > 0 && (
        <a className="govuk-button govuk-button--secondary" href={csvHref} download="findings.csv" data-testid="findings-csv">
          Download the findings as CSV
        </a>
      )}
      <FindingsChart rules={rules} />
      <FindingsByRule rules={rules} />
      {notRun.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Rules that could not run ({notRun.length})</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {notRun.map((s) => (
                <li key={s.rule}>
                  Rule {s.rule}: {s.reason}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}
