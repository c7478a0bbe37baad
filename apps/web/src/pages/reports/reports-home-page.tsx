import type { ReportKind } from "@family-story/schemas";
import { Link } from "react-router";
import { usePageTitle } from "../../app/page-title.ts";
import { REPORT_PAGES } from "./report-page.tsx";

const ORDER: ReportKind[] = ["iro-annual", "placement-stability", "looked-after-timeliness"];

/** The reports on children looked after a team manager, IRO or analyst may run. */
export function ReportsHomePage() {
  usePageTitle("Reports");
  return (
    <>
      <h1 className="govuk-heading-l">Reports</h1>
      <p className="govuk-body">Counts of children looked after for an authority you work in and a year from 1 April to 31 March. Reports name no child; running one is recorded in the audit log.</p>
      <ul className="govuk-list">
        {ORDER.map((kind) => (
          <li key={kind} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={REPORT_PAGES[kind].path}>{REPORT_PAGES[kind].title}</Link>
            </h2>
            <p className="govuk-body">{REPORT_PAGES[kind].summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
