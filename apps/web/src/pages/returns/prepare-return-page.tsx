import { collectionYearOf, todayIso } from "@family-story/domain";
import type { ReportAuthority, ReturnKind, ReturnRun } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { loadReportAuthorities } from "../../api/reports.ts";
import { loadReturnRun, returnFileHref, returnFindingsCsvHref } from "../../api/returns.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { AuthorityYearFields, collectionYearText } from "../../components/authority-year-fields.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { FindingsByRule, type ShownFinding } from "./findings-by-rule.tsx";
import { FindingsChart } from "./findings-chart.tsx";

const KINDS: Record<ReturnKind, string> = { ssda903: "SSDA903, children looked after", cin: "CIN census, children in need" };
const YEARS_OFFERED = 10;

function ChooseReturn({ authorities, kind, la, year }: { authorities: ReportAuthority[]; kind: ReturnKind; la: string; year: number }) {
  const [, setParams] = useSearchParams();
  const [chosenKind, setKind] = useState<ReturnKind>(kind);
  const [chosenLa, setLa] = useState(la);
  const [chosenYear, setYear] = useState(String(year));
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setParams({ kind: chosenKind, la: chosenLa, year: chosenYear });
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which return?</legend>
          <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
            {(Object.keys(KINDS) as ReturnKind[]).map((k) => (
              <div className="govuk-radios__item" key={k}>
                <input className="govuk-radios__input" id={`return-${k}`} name="kind" type="radio" value={k} checked={chosenKind === k} onChange={() => {
                    setKind(k);
                  }} />
                <label className="govuk-label govuk-radios__label" htmlFor={`return-${k}`}>{KINDS[k]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <AuthorityYearFields idPrefix="return" authorities={authorities} la={chosenLa} onLa={setLa} year={chosenYear} onYear={setYear} yearsOffered={YEARS_OFFERED} />
      <button type="submit" className="govuk-button" data-module="govuk-button">Prepare return</button>
    </form>
  );
}

function RunResult({ run, onRerun }: { run: ReturnRun; onRerun: () => void }) {
  const childLink = (f: ShownFinding) =>
    f.personId ? (
      <Link className="govuk-link" to={run.kind === "ssda903" ? `/people/${f.personId}/looked-after` : `/people/${f.personId}`}>
        Open record<span className="govuk-visually-hidden"> of child {f.childId ?? ""}</span>
      </Link>
    ) : (
      "Not on record"
    );
  return (
    <section aria-labelledby="run-title" data-testid="return-run">
      <h2 className="govuk-heading-m" id="run-title">
        {run.findingCount.toLocaleString("en-GB")} {run.findingCount === 1 ? "finding" : "findings"} from {run.rules.length} {run.rules.length === 1 ? "rule" : "rules"}
      </h2>
      <p className="govuk-body">
        {KINDS[run.kind]}, {collectionYearText(run.year)}, validated by ruleset {run.ruleset} ({run.rulesRun} rules run). Prepared {formatDateTime(run.generatedAt)}.
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={onRerun}>Run again</button>
        {run.findingCount > 0 && (
          <a className="govuk-button govuk-button--secondary" href={returnFindingsCsvHref(run.kind, run.la, run.year)} download data-testid="findings-csv">
            Download findings (CSV)
          </a>
        )}
      </div>
      <h3 className="govuk-heading-s">Files to submit</h3>
      <ul className="govuk-list" data-testid="return-files">
        {run.files.map((f) => (
          <li key={f.name}>
            <a className="govuk-link" href={returnFileHref(run.kind, f.name, run.la, run.year)} download>
              {f.name}
            </a>{" "}
            ({f.table}, {f.rows.toLocaleString("en-GB")} {f.rows === 1 ? "row" : "rows"})
          </li>
        ))}
      </ul>
      <FindingsChart rules={run.rules} />
      <h3 className="govuk-heading-s">Findings by rule</h3>
      <FindingsByRule rules={run.rules} childLink={childLink} />
      {run.skipped.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Rules that could not run ({run.skipped.length})</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {run.skipped.map((s) => (
                <li key={s.rule}>Rule {s.rule}: {s.reason}</li>
              ))}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}

/** /returns/prepare: build a return from the records, validate it, and download its files. */
export function PrepareReturnPage() {
  usePageTitle("Prepare a return");
  const [params] = useSearchParams();
  const [authorities] = useLoad(() => loadReportAuthorities(), []);
  const kind: ReturnKind = params.get("kind") === "cin" ? "cin" : "ssda903";
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : collectionYearOf(todayIso()) - 1;
  const la = params.get("la");
  const [run, rerun] = useLoad(() => (la ? loadReturnRun(kind, la, year) : Promise.resolve(null)), [kind, la, year]);
  return (
    <>
      <Link className="govuk-back-link" to="/returns">Statutory returns</Link>
      <h1 className="govuk-heading-l">Prepare a return</h1>
      <p className="govuk-body">The return is built from the records as they are now and checked against every DfE validation rule. Put a finding right in the child’s record, then run it again to see what is left.</p>
      <Loaded load={authorities}>
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">There is no authority you can prepare a return for.</p>
          ) : (
            <ChooseReturn key={`${kind}-${la ?? ""}-${String(year)}`} authorities={list} kind={kind} la={la ?? list[0]?.code ?? ""} year={year} />
          )
        }
      </Loaded>
      {/* Only a short summary is announced: a live region around the whole result would read every finding out. */}
      <p className="govuk-visually-hidden" role="status">
        {run.state === "done" && run.value ? `Return prepared: ${run.value.findingCount.toLocaleString("en-GB")} ${run.value.findingCount === 1 ? "finding" : "findings"}` : ""}
      </p>
      {la && <Loaded load={run}>{(r) => (r ? <RunResult run={r} onRerun={rerun} /> : null)}</Loaded>}
    </>
  );
}
