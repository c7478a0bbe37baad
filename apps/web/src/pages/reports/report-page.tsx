import { collectionYearOf, todayIso } from "@family-story/domain";
import type { Report, ReportAuthority, ReportKind } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { loadReport, loadReportAuthorities, reportCsvHref } from "../../api/reports.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { AuthorityYearFields } from "../../components/authority-year-fields.tsx";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { ReportChart, chartFor } from "./report-chart.tsx";
import { ReportTableView } from "./report-table.tsx";

/** The three reports: where they live and what they are for. */
export const REPORT_PAGES: Record<ReportKind, { path: string; title: string; summary: string }> = {
  "iro-annual": {
    path: "/reports/iro-annual",
    title: "IRO annual report",
    summary: "Tables A to H of the independent reviewing service's annual report: children looked after by age, who came into care and where they were placed, UASC, why care ended, reviews on time and how children took part.",
  },
  "placement-stability": {
    path: "/reports/placement-stability",
    title: "Placement stability",
    summary: "Children with 3 or more placements in the year, and under-16s looked after 2.5 years or more who have been in the same placement for 2 years or more.",
  },
  "looked-after-timeliness": {
    path: "/reports/looked-after-timeliness",
    title: "Timeliness",
    summary: "Reviews held on time, and health assessments, dental checks, personal education plans and social worker visits up to date at 31 March.",
  },
};

const YEARS_OFFERED = 12;


function ChooseReport({ kind, authorities, la, year }: { kind: ReportKind; authorities: ReportAuthority[]; la: string; year: number }) {
  const [, setParams] = useSearchParams();
  const [chosenLa, setChosenLa] = useState(la);
  const [chosenYear, setChosenYear] = useState(String(year));
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setParams({ la: chosenLa, year: chosenYear });
  };
  return (
    <form className="app-no-print" onSubmit={submit} noValidate>
      <AuthorityYearFields idPrefix={kind} authorities={authorities} la={chosenLa} onLa={setChosenLa} year={chosenYear} onYear={setChosenYear} yearsOffered={YEARS_OFFERED} />
      <button type="submit" className="govuk-button" data-module="govuk-button">Show report</button>
    </form>
  );
}

function ReportBody({ report }: { report: Report }) {
  return (
    <>
      <p className="govuk-body">
        {report.authority.name}, {formatDate(report.periodStart)} to {formatDate(report.periodEnd)}. Produced {formatDateTime(report.generatedAt)}.
      </p>
      {!report.complete && (
        <div className="govuk-inset-text">This year has not ended yet: figures are as recorded so far, and counts “at 31 March” are of children looked after then on today’s records.</div>
      )}
      <div className="govuk-button-group app-no-print">
        <a className="govuk-button govuk-button--secondary" href={reportCsvHref(report.report, report.authority.code, report.year)} download data-testid="report-csv">
          Download CSV<span className="govuk-visually-hidden"> of every table</span>
        </a>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => {
            window.print();
          }}>Print</button>
      </div>
      {report.tables.map((table) => {
        const spec = chartFor(table);
        return (
          <section className="app-report-section" key={table.id} aria-labelledby={`report-table-${table.id}`}>
            <h2 className="govuk-heading-m" id={`report-table-${table.id}`}>{table.title}</h2>
            <p className="govuk-body-s">{table.description}</p>
            {spec && <ReportChart table={table} spec={spec} />}
            <ReportTableView table={table} />
          </section>
        );
      })}
      <p className="govuk-body-s">How each figure is counted is written down in the measures guide (docs/measures.md) of Family Story.</p>
    </>
  );
}

/** A report page: choose the authority and year, then each table with its chart; CSV and print. */
export function ReportPage({ kind }: { kind: ReportKind }) {
  const page = REPORT_PAGES[kind];
  usePageTitle(page.title);
  const [params] = useSearchParams();
  const [authorities] = useLoad(() => loadReportAuthorities(), []);
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : collectionYearOf(todayIso()) - 1;
  const laParam = params.get("la");
  const [report] = useLoad(() => (laParam ? loadReport(kind, laParam, year) : Promise.resolve(null)), [kind, laParam, year]);
  return (
    <>
      <Link className="govuk-back-link app-no-print" to="/reports">Reports</Link>
      <h1 className="govuk-heading-l">{page.title}</h1>
      <p className="govuk-body app-no-print">{page.summary}</p>
      <Loaded load={authorities}>
        {(list) =>
          list.length === 0 ? (
            <p className="govuk-body">There is no authority you can report on.</p>
          ) : (
            <ChooseReport key={`${laParam ?? ""}-${String(year)}`} kind={kind} authorities={list} la={laParam ?? list[0]?.code ?? ""} year={year} />
          )
        }
      </Loaded>
      {laParam && <Loaded load={report}>{(r) => (r ? <ReportBody report={r} /> : null)}</Loaded>}
    </>
  );
}
