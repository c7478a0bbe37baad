import type { MeasureDashboard, MeasureDashboardKind } from "@family-story/schemas";
import { Link, useSearchParams } from "react-router";
import { dashboardExportHref, loadMeasureDashboard, type MeasureScopeQuery } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { MeasureCard } from "./measure-card.tsx";
import { DASHBOARD_PAGES, OutcomesNav } from "./outcomes-nav.tsx";
import { INTERVAL_LABELS, scopeFromParams, scopeSearch } from "./outcomes-query.ts";
import { RagSummary, ragLine } from "./rag-tag.tsx";
import { ScopeForm, type ScopeKinds } from "./scope-form.tsx";
import { ScorecardTable } from "./scorecard-table.tsx";

type View = "cards" | "scorecard";

/** Cards (a chart each) or a scorecard (a table row each): the same figures, two layouts. */
function ViewSwitch({ view, query }: { view: View; query: MeasureScopeQuery }) {
  const options: { key: View; label: string }[] = [
    { key: "cards", label: "Cards with charts" },
    { key: "scorecard", label: "Scorecard table" },
  ];
  return (
    <nav className="app-view-switch app-no-print" aria-label="Layout">
      <span className="app-view-switch__label">Show as:</span>
      <ul className="app-view-switch__list">
        {options.map((o) => (
          <li key={o.key}>
            <Link className="govuk-link govuk-link--no-visited-state" to={scopeSearch(query, o.key === "scorecard" ? { view: "scorecard" } : {})} aria-current={o.key === view ? "true" : undefined}>
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const KINDS: Record<MeasureDashboardKind, ScopeKinds> = {
  leaders: ["la", "service"],
  "early-help": ["la", "service"],
  team: ["team"],
};

/** "Westminster, 1 April 2021 to 23 November 2025, by financial year". */
function periodLine(d: MeasureDashboard): string {
  return `${d.scope.name}, ${formatDate(d.from)} to ${formatDate(d.to)}, by ${INTERVAL_LABELS[d.interval].toLowerCase()}`;
}

function Exports({ board, query }: { board: MeasureDashboardKind; query: MeasureScopeQuery }) {
  return (
    <div className="govuk-button-group app-no-print app-dashboard__exports">
      <a className="govuk-button govuk-button--secondary" href={dashboardExportHref(board, "pdf", query)} download data-testid="dashboard-pdf">
        Download PDF<span className="govuk-visually-hidden"> committee paper of this dashboard</span>
      </a>
      <a className="govuk-button govuk-button--secondary" href={dashboardExportHref(board, "csv", query)} download data-testid="dashboard-csv">
        Download CSV<span className="govuk-visually-hidden"> of every measure and period</span>
      </a>
    </div>
  );
}

function DashboardBody({ dashboard, query, view }: { dashboard: MeasureDashboard; query: MeasureScopeQuery; view: View }) {
  const measures = dashboard.groups.flatMap((g) => g.measures);
  const incomplete = measures.some((m) => !m.value.complete);
  return (
    <>
      <div className="app-dashboard__overview">
        <div>
          <h2 className="govuk-heading-m govuk-!-margin-bottom-2">At a glance</h2>
          <p className="govuk-body govuk-!-margin-bottom-2" data-testid="dashboard-period">{periodLine(dashboard)}</p>
          {incomplete && <p className="govuk-body-s app-muted">The period has not ended: figures marked “so far” count what has been recorded to date.</p>}
        </div>
        <Exports board={dashboard.board} query={query} />
      </div>
      <RagSummary measures={measures} label={`Ratings of the ${String(measures.length)} measures against their targets`} />
      <ViewSwitch view={view} query={query} />
      {dashboard.groups.length > 1 && (
        <nav className="app-dashboard__contents app-no-print" aria-label="On this dashboard">
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">On this dashboard</h2>
          <ol className="govuk-list govuk-list--number">
            {dashboard.groups.map((g) => (
              <li key={g.key}>
                <a className="govuk-link" href={`#group-${g.key}`}>{g.title}</a> <span className="app-muted">({ragLine(g.measures)})</span>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {dashboard.groups.map((g, i) => (
        <section className="app-dashboard__group" key={g.key} aria-labelledby={`group-${g.key}`} data-testid="dashboard-group">
          <span className="govuk-caption-m">{dashboard.board === "leaders" ? `Outcome ${String(i + 1)}` : ragLine(g.measures)}</span>
          <h2 className="govuk-heading-l app-dashboard__group-title" id={`group-${g.key}`} tabIndex={-1}>{g.title}</h2>
          {g.description && <p className="govuk-body app-dashboard__group-description">{g.description}</p>}
          {g.measures.length === 0 ? (
            <p className="govuk-body app-muted">No measures are recorded for this yet.</p>
          ) : view === "scorecard" ? (
            <ScorecardTable title={g.title} measures={g.measures} query={query} />
          ) : (
            <div className="app-measure-grid">
              {g.measures.map((m) => <MeasureCard key={m.measure.id} values={m} query={query} />)}
            </div>
          )}
        </section>
      ))}
      <p className="govuk-body-s app-muted">How every measure is counted is set out on its own page (follow its title) and in the measures guide. Reading a dashboard is recorded in the audit log.</p>
    </>
  );
}

/** One of the three dashboards: scope and period, the overview, then each group's measure cards. */
export function DashboardPage({ board }: { board: MeasureDashboardKind }) {
  const page = DASHBOARD_PAGES[board];
  usePageTitle(page.label);
  const user = useUser();
  const [params] = useSearchParams();
  const query = scopeFromParams(params, board === "team" ? { team: user.teamId ?? undefined, la: user.laCode } : { la: user.laCode });
  const key = scopeSearch(query);
  const [dashboard] = useLoad(() => loadMeasureDashboard(board, query), [board, key]);
  return (
    <>
      <span className="govuk-caption-l">Outcomes</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-4">{dashboard.state === "done" ? dashboard.value.title : page.label}</h1>
      <OutcomesNav />
      <p className="govuk-body-l app-dashboard__lede">{page.summary}</p>
      <ScopeForm key={key} query={query} kinds={KINDS[board]} idPrefix={`dashboard-${board}`} />
      <Loaded load={dashboard}>{(d) => <DashboardBody dashboard={d} query={query} view={params.get("view") === "scorecard" ? "scorecard" : "cards"} />}</Loaded>
    </>
  );
}
