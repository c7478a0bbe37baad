import type { MeasurePoint, MeasureValues } from "@family-story/schemas";
import { Link } from "react-router";
import type { MeasureScopeQuery } from "../../api/measures.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { niceScale } from "./chart-scale.ts";
import { changeText, formatFraction, formatMeasureValue, headline } from "./measure-format.ts";
import { targetText } from "./measure-card.tsx";
import { scopeSearch } from "./outcomes-query.ts";
import { RagTag } from "./rag-tag.tsx";

const W = 120;
const H = 34;

/**
 * A small line of the trend for a scorecard row. It is decoration (aria-hidden): the row says
 * the value, target, rating and latest change in words, and the measure's page has the chart
 * with its data points and the table.
 */
function Sparkline({ trend, percent }: { trend: readonly MeasurePoint[]; percent: boolean }) {
  const values = trend.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length === 0) return null;
  const scale = niceScale(values, percent);
  const n = trend.length;
  const x = (i: number) => 4 + (n <= 1 ? (W - 8) / 2 : (i / (n - 1)) * (W - 8));
  const y = (v: number) => 4 + (H - 8) - ((v - scale.min) / (scale.max - scale.min || 1)) * (H - 8);
  const points = trend.flatMap((p, i) => (p.value === null ? [] : [`${String(x(i))},${String(y(p.value))}`]));
  const lastIndex = trend.findLastIndex((p) => p.value !== null);
  const last = trend[lastIndex];
  return (
    <svg viewBox={`0 0 ${String(W)} ${String(H)}`} width={W} height={H} aria-hidden="true" focusable="false" className="app-sparkline">
      <polyline points={points.join(" ")} className="app-trend__line app-sparkline__line" />
      {last?.value != null && <circle cx={x(lastIndex)} cy={y(last.value)} r={3.5} className={`app-trend__dot${last.complete ? "" : " app-trend__dot--partial"}`} />}
    </svg>
  );
}

/**
 * A group's measures as one scorecard table, the way a committee paper sets them out: value
 * with its numerator and denominator, target, RAG in words, latest change and a small trend.
 */
export function ScorecardTable({ title, measures, query }: { title: string; measures: readonly MeasureValues[]; query: MeasureScopeQuery }) {
  return (
    <ScrollTable label={`Scorecard: ${title}`}>
      <table className="govuk-table app-scorecard" data-testid="scorecard">
        <caption className="govuk-table__caption govuk-visually-hidden">Scorecard: {title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header app-scorecard__measure">Measure</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Target</th>
            <th scope="col" className="govuk-table__header">Rating</th>
            <th scope="col" className="govuk-table__header">Latest change</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Trend line</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {measures.map((m) => {
            const { point, rag } = headline(m);
            const fraction = formatFraction(point, m.measure.unit);
            return (
              <tr className="govuk-table__row" key={m.measure.id} data-measure={m.measure.id}>
                <th scope="row" className="govuk-table__header app-scorecard__measure">
                  <Link className="govuk-link govuk-link--no-visited-state" to={`/outcomes/measures/${m.measure.id}${scopeSearch(query)}`}>{m.measure.title}</Link>
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">
                  <strong className="app-scorecard__value">{formatMeasureValue(point.value, m.measure.unit)}</strong>
                  <span className="app-scorecard__fraction">{point.label}{point.complete ? "" : " so far"}</span>
                  {fraction && <span className="app-scorecard__fraction">{fraction}</span>}
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{m.target?.targetValue == null ? "Not set" : formatMeasureValue(m.target.targetValue, m.measure.unit)}<span className="govuk-visually-hidden">{` (${targetText(m.target, m.measure.unit)})`}</span></td>
                <td className="govuk-table__cell"><RagTag rag={rag} /></td>
                <td className="govuk-table__cell app-scorecard__change">{changeText(m.trend, m.measure.unit, m.measure.direction) ?? "Not enough figures"}</td>
                <td className="govuk-table__cell"><Sparkline trend={m.trend} percent={m.measure.unit === "percent"} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}
