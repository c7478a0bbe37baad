import { GOV_ACTION_STATUS_LABELS, GOV_ACTION_STATUSES, type GovReport } from "@family-story/schemas";
import { Link, useParams } from "react-router";
import { govReportCsvHref, loadGovReport } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { GovStatusTag } from "./governance-tags.tsx";
import { StatusChart, type StatusRow } from "./status-chart.tsx";

function CountsTable({ rows }: { rows: StatusRow[] }) {
  return (
    <table className="govuk-table" data-testid="status-counts">
      <caption className="govuk-table__caption govuk-table__caption--s">Actions by status</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Priority</th>
          {GOV_ACTION_STATUSES.map((s) => <th key={s} scope="col" className="govuk-table__header govuk-table__header--numeric">{GOV_ACTION_STATUS_LABELS[s]}</th>)}
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">Total</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r, i) => (
          <tr key={`${r.label}-${String(i)}`} className={`govuk-table__row${i === rows.length - 1 ? " app-report-table__totals" : ""}`}>
            <th scope="row" className="govuk-table__header">{r.label}</th>
            {GOV_ACTION_STATUSES.map((s) => <td key={s} className="govuk-table__cell govuk-table__cell--numeric">{r.counts[s]}</td>)}
            <td className="govuk-table__cell govuk-table__cell--numeric">{r.counts.total}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ReportBody({ report }: { report: GovReport }) {
  const s = report.strategy;
  usePageTitle(`What we said and what we did: ${s.title}`);
  const rows: StatusRow[] = [...report.priorities.map((p) => ({ label: p.title, counts: p.counts })), { label: "All priorities", counts: s.counts }];
  const share = (n: number): string => (s.counts.total === 0 ? "0%" : `${String(Math.round((100 * n) / s.counts.total))}%`);
  return (
    <>
      <Link className="govuk-back-link app-no-print" to={`/governance/strategies/${s.id}`}>{s.title} {s.periodLabel}</Link>
      <span className="govuk-caption-l">{s.laName}, {s.title} {s.periodLabel}</span>
      <h1 className="govuk-heading-l">What we said and what we did</h1>
      <p className="govuk-body" data-testid="report-summary">
        Of {s.counts.total} actions, {s.counts.complete} are complete ({share(s.counts.complete)}), {s.counts.in_progress} in progress ({share(s.counts.in_progress)}) and {s.counts.not_started} not started ({share(s.counts.not_started)}). Produced {formatDateTime(report.generatedAt)}.
      </p>
      <div className="govuk-button-group app-no-print">
        <a className="govuk-button govuk-button--secondary" href={govReportCsvHref(s.id)} download data-testid="report-csv">
          Download CSV<span className="govuk-visually-hidden"> of every action and its latest progress</span>
        </a>
      </div>
      <section className="app-report-section" aria-labelledby="status-heading">
        <h2 className="govuk-heading-m" id="status-heading">Progress by priority</h2>
        <StatusChart title={`Actions by status for each priority of the ${s.title}`} rows={rows} />
        <CountsTable rows={rows} />
      </section>
      {report.priorities.map((p) => (
        <section key={p.id} className="app-report-section" aria-labelledby={`said-${p.id}`} data-testid="said-did">
          <h2 className="govuk-heading-m" id={`said-${p.id}`}>{p.title}</h2>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">What we said and what we did for {p.title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">What we said</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header">What we did</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {p.actions.map((a) => (
                <tr key={a.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{a.title}<br /><span className="govuk-body-s">{a.owner}{a.dueDate ? `, by ${formatDate(a.dueDate)}` : ""}</span></td>
                  <td className="govuk-table__cell"><GovStatusTag status={a.status} /></td>
                  <td className="govuk-table__cell">{a.latestNote ? <>{a.latestNote.note} <span className="govuk-body-s">({formatDate(a.latestNote.notedOn)})</span></> : "Nothing reported yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

/** The "what we said / what we did" report of a strategy: counts by status as a chart and table, each priority's actions with their latest progress, and the CSV. */
export function WhatWeSaidPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadGovReport(id), [id]);
  usePageTitle("What we said and what we did");
  return <Loaded load={load}>{(r) => <ReportBody report={r} />}</Loaded>;
}
