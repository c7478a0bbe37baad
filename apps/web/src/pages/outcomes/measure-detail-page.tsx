import type { MeasureCatalogue, MeasureValues } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { loadMeasureCatalogue, loadMeasureValues, measureCsvHref, type MeasureScopeQuery } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { FIGURES_PATH, FRAMEWORK_LABELS, groupTitle } from "./catalogue-labels.ts";
import { baselineText, targetText } from "./measure-card.tsx";
import { changeText, directionText, formatFraction, formatMeasureValue, headline } from "./measure-format.ts";
import { MeasureTargetForm } from "./measure-target-form.tsx";
import { OutcomesNav } from "./outcomes-nav.tsx";
import { scopeFromParams, scopeSearch } from "./outcomes-query.ts";
import { RagTag } from "./rag-tag.tsx";
import { ScopeForm } from "./scope-form.tsx";
import { TrendChart } from "./trend-chart.tsx";
import { TrendTable } from "./trend-table.tsx";

const UNIT_TEXT = { percent: "Percentage", count: "Count", rate: "Rate per 10,000 children", score: "Mean score", days: "Days" } as const;

function sourceText(m: MeasureValues["measure"]): string {
  if (m.source === "external") return `Entered or imported${m.dataSource ? `: ${m.dataSource}` : ""}`;
  const kind = m.kind === "stock" ? "the children counted at the last day of the period" : "events in the period, added up";
  return `Worked out from the records: ${kind}`;
}

function Headline({ values, query }: { values: MeasureValues; query: MeasureScopeQuery }) {
  const user = useUser();
  const { measure, target } = values;
  const { point: value, rag } = headline(values);
  const fraction = formatFraction(value, measure.unit);
  const whole = values.value;
  const wholeFraction = formatFraction(whole, measure.unit);
  const change = changeText(values.trend, measure.unit, measure.direction);
  return (
    <div className={`app-measure-headline app-measure-card--${rag ?? "none"}`}>
      <p className="govuk-body app-measure-headline__scope"><strong>{values.scope.name}</strong>, {formatDate(values.from)} to {formatDate(values.to)}</p>
      <div className="app-measure-headline__figure">
        <p className="app-measure-card__value app-measure-card__value--large" data-testid="measure-value">{formatMeasureValue(value.value, measure.unit)}</p>
        <RagTag rag={rag} />
        <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-1">{value.label}{!value.complete && " so far"}{fraction && <>: {fraction}</>}</p>
        {values.latest && <p className="govuk-body-s govuk-!-margin-bottom-1" data-testid="whole-period">Whole period ({formatDate(values.from)} to {formatDate(values.to)}): {formatMeasureValue(whole.value, measure.unit)}{wholeFraction && <>, {wholeFraction}</>}</p>}
        {change && <p className="govuk-body-s govuk-!-margin-bottom-0">{change}</p>}
      </div>
      <dl className="app-measure-card__facts app-measure-headline__facts">
        <div><dt>Target</dt><dd>{targetText(target, measure.unit)}</dd></div>
        <div><dt>Baseline</dt><dd>{baselineText(target, measure.unit)}</dd></div>
        <div><dt>Good is</dt><dd>{directionText(measure.direction)}</dd></div>
      </dl>
      <div className="govuk-button-group app-no-print app-measure-headline__actions">
        {values.drillDown && (
          <Link className="govuk-button" to={`/outcomes/measures/${measure.id}/children${scopeSearch(query)}`} data-testid="drill-down">
            Children behind this number
          </Link>
        )}
        <a className="govuk-button govuk-button--secondary" href={measureCsvHref(measure.id, query)} download data-testid="measure-csv">
          Download CSV<span className="govuk-visually-hidden"> of this measure</span>
        </a>
        {measure.source === "external" && can(user, "measure:write") && (
          <Link className="govuk-link" to={`${FIGURES_PATH}?${new URLSearchParams({ measure: measure.id, ...(query.la ? { la: query.la } : {}) }).toString()}`}>Enter a figure</Link>
        )}
      </div>
    </div>
  );
}

function Definition({ values, catalogue }: { values: MeasureValues; catalogue: MeasureCatalogue | null }) {
  const m = values.measure;
  return (
    <dl className="govuk-summary-list" data-testid="measure-definition">
      <SummaryRow label="What it counts">{m.description}</SummaryRow>
      <SummaryRow label="Numerator">{m.numerator ?? "Not applicable"}</SummaryRow>
      <SummaryRow label="Denominator">{m.denominator ?? "Not applicable (a count)"}</SummaryRow>
      <SummaryRow label="Unit">{UNIT_TEXT[m.unit]}</SummaryRow>
      <SummaryRow label="Good is">{directionText(m.direction)}</SummaryRow>
      <SummaryRow label="Source">{sourceText(m)}</SummaryRow>
      <SummaryRow label="Where it sits">
        <ul className="govuk-list govuk-!-margin-bottom-0">
          {m.placements.map((p) => (
            <li key={`${p.framework}:${p.group}`}>{FRAMEWORK_LABELS[p.framework]}: {catalogue ? groupTitle(catalogue, p.framework, p.group) : p.group}</li>
          ))}
        </ul>
      </SummaryRow>
    </dl>
  );
}

function TargetSection({ values, flash, onSaved }: { values: MeasureValues; flash: boolean; onSaved: () => void }) {
  const user = useUser();
  const la = values.scope.kind === "authority" ? values.scope.id : null;
  return (
    <section aria-labelledby="target-title" className="app-no-print">
      <h2 className="govuk-heading-m" id="target-title">Baseline and target</h2>
      {flash && <SuccessBanner title="Saved">The baseline and target for {values.scope.name} have been saved.</SuccessBanner>}
      {values.target?.note && <p className="govuk-body">{values.target.note}</p>}
      {!can(user, "measure:write") ? (
        <p className="govuk-body">Performance analysts set each authority’s baseline and target. A measure is rated green when it meets its target in the direction that is good, amber when it misses by no more than the amber tolerance ({String(values.target?.amberTolerance ?? 5)}% of the target), and red otherwise.</p>
      ) : la === null ? (
        <p className="govuk-body">Baselines and targets are set for each authority. Choose an authority above to change them.</p>
      ) : (
        <MeasureTargetForm key={values.target?.version ?? 0} values={values} la={la} onSaved={onSaved} />
      )}
    </section>
  );
}

/** A measure's page: definition, value and RAG, the trend as chart and table, target and baseline. */
export function MeasureDetailPage() {
  const { id = "" } = useParams();
  const user = useUser();
  const [params] = useSearchParams();
  const query = scopeFromParams(params, { la: user.laCode });
  const key = scopeSearch(query);
  const [values, reload] = useLoad(() => loadMeasureValues(id, query), [id, key]);
  const [catalogue] = useLoad(() => loadMeasureCatalogue(), []);
  const [flash, setFlash] = useState(false);
  const title = values.state === "done" ? values.value.measure.title : "Measure";
  usePageTitle(title);
  return (
    <>
      <Link className="govuk-back-link app-no-print" to="/outcomes/measures">All measures</Link>
      <span className="govuk-caption-l">Outcomes measure</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <OutcomesNav />
      <ScopeForm key={key} query={query} kinds={["la", "service", "team"]} idPrefix="measure" />
      <Loaded load={values}>
        {(v) => (
          <>
            <p className="govuk-body-l">{v.measure.description}</p>
            <Headline values={v} query={query} />
            <h2 className="govuk-heading-m">Trend</h2>
            <TrendChart title={v.measure.title} trend={v.trend} unit={v.measure.unit} target={v.target?.targetValue ?? null} baseline={v.target?.baselineValue ?? null} size="full" />
            <TrendTable title={v.measure.title} trend={v.trend} measure={v.measure} childrenHref={v.drillDown ? (p) => `/outcomes/measures/${v.measure.id}/children${scopeSearch({ ...query, from: p.from, to: p.to })}` : undefined} />
            <h2 className="govuk-heading-m">How it is counted</h2>
            <Definition values={v} catalogue={catalogue.state === "done" ? catalogue.value : null} />
            <TargetSection values={v} flash={flash} onSaved={() => { setFlash(true); reload(); }} />
          </>
        )}
      </Loaded>
    </>
  );
}
