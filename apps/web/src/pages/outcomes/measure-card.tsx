import type { MeasureTarget, MeasureValues } from "@family-story/schemas";
import { useId } from "react";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";
import type { MeasureScopeQuery } from "../../api/measures.ts";
import { changeText, directionText, formatFraction, formatMeasureValue, headline } from "./measure-format.ts";
import { scopeSearch } from "./outcomes-query.ts";
import { RagTag } from "./rag-tag.tsx";
import { TrendChart } from "./trend-chart.tsx";
import { TrendTable } from "./trend-table.tsx";

/** "75.0% by 31 March 2026", or "Not set". */
export function targetText(target: MeasureTarget | null, unit: MeasureValues["measure"]["unit"]): string {
  if (target?.targetValue == null) return "Not set";
  return `${formatMeasureValue(target.targetValue, unit)}${target.targetDate ? ` by ${formatDate(target.targetDate)}` : ""}`;
}

/** "70.0% (2018/19)", or "Not set". */
export function baselineText(target: MeasureTarget | null, unit: MeasureValues["measure"]["unit"]): string {
  if (target?.baselineValue == null) return "Not set";
  return `${formatMeasureValue(target.baselineValue, unit)}${target.baselineLabel ? ` (${target.baselineLabel})` : ""}`;
}

/** The arrow and words for the latest change; the arrow is decoration, the words carry it. */
function Change({ values }: { values: MeasureValues }) {
  const text = changeText(values.trend, values.measure.unit, values.measure.direction);
  if (!text) return null;
  const judged = text.endsWith("improving") ? "good" : text.endsWith("worsening") ? "bad" : "neutral";
  const arrow = text.startsWith("Up") ? "▲" : text.startsWith("Down") ? "▼" : "■";
  return (
    <p className={`app-measure-card__change app-measure-card__change--${judged}`}>
      <span aria-hidden="true">{arrow} </span>
      {text}
    </p>
  );
}

/**
 * One measure on a dashboard: the latest step's value with its numerator and denominator,
 * the RAG rating in colour and words, target, baseline and which way is good, the trend as a
 * small chart and, behind "Show as table", the same figures as a table.
 */
export function MeasureCard({ values, query }: { values: MeasureValues; query: MeasureScopeQuery }) {
  const id = useId();
  const { measure, target } = values;
  const { point: value, rag } = headline(values);
  const fraction = formatFraction(value, measure.unit);
  const rated = rag ?? "none";
  return (
    <article className={`app-measure-card app-measure-card--${rated}`} aria-labelledby={`${id}-title`} data-testid="measure-card" data-measure={measure.id}>
      <h3 className="govuk-heading-s app-measure-card__title" id={`${id}-title`}>
        <Link className="govuk-link govuk-link--no-visited-state" to={`/outcomes/measures/${measure.id}${scopeSearch(query)}`}>{measure.title}</Link>
      </h3>
      <div className="app-measure-card__headline">
        <p className="app-measure-card__value" data-testid="measure-value">{formatMeasureValue(value.value, measure.unit)}</p>
        <RagTag rag={rag} />
      </div>
      <p className="govuk-body-s app-measure-card__meta">
        {fraction && <>{fraction}, </>}
        {value.label}
        {!value.complete && " (so far)"}
        {value.source && <>. Source: {value.source}{value.sourceDate ? `, ${formatDate(value.sourceDate)}` : ""}</>}
      </p>
      <Change values={values} />
      <dl className="app-measure-card__facts">
        <div><dt>Target</dt><dd>{targetText(target, measure.unit)}</dd></div>
        <div><dt>Baseline</dt><dd>{baselineText(target, measure.unit)}</dd></div>
        <div><dt>Good is</dt><dd>{directionText(measure.direction)}</dd></div>
      </dl>
      <TrendChart title={measure.title} trend={values.trend} unit={measure.unit} target={target?.targetValue ?? null} baseline={target?.baselineValue ?? null} size="card" />
      <details className="govuk-details app-measure-card__details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Show as table<span className="govuk-visually-hidden">: {measure.title}</span></span>
        </summary>
        <div className="govuk-details__text">
          <TrendTable title={measure.title} trend={values.trend} measure={measure} />
        </div>
      </details>
    </article>
  );
}
