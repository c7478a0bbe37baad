import type { MeasureDefinitionDto, MeasurePoint } from "@family-story/schemas";
import { Link } from "react-router";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { formatMeasureValue } from "./measure-format.ts";

const count = (n: number | null) => (n === null ? <NotGiven /> : n.toLocaleString("en-GB", { maximumFractionDigits: 1 }));

function NotGiven() {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="govuk-visually-hidden">not given</span>
    </>
  );
}

/**
 * The chart's figures as a table: each period with its value, numerator and denominator, and
 * for an external measure where each figure came from. A period not yet ended says so. Given
 * childrenHref, each period with a count links to the children behind it.
 */
export function TrendTable({ title, trend, measure, childrenHref }: { title: string; trend: readonly MeasurePoint[]; measure: Pick<MeasureDefinitionDto, "unit" | "source" | "numerator" | "denominator">; childrenHref?: (point: MeasurePoint) => string }) {
  const external = measure.source === "external";
  const fraction = measure.unit !== "count";
  return (
    <ScrollTable label={`Figures: ${title}`}>
      <table className="govuk-table app-trend-table" data-testid="trend-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Figures by period: {title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Period</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
            {fraction && <th scope="col" className="govuk-table__header govuk-table__header--numeric">Numerator</th>}
            {fraction && <th scope="col" className="govuk-table__header govuk-table__header--numeric">Denominator</th>}
            {!fraction && <th scope="col" className="govuk-table__header govuk-table__header--numeric">Count</th>}
            {external && <th scope="col" className="govuk-table__header">Source</th>}
            {childrenHref && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Children</span></th>}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {trend.map((p) => (
            <tr className="govuk-table__row" key={p.label}>
              <th scope="row" className="govuk-table__header">
                {p.label}
                {!p.complete && <span className="app-trend-table__sofar"> (so far)</span>}
              </th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{p.value === null ? <NotGiven /> : formatMeasureValue(p.value, measure.unit)}</td>
              {fraction && <td className="govuk-table__cell govuk-table__cell--numeric">{count(p.numerator)}</td>}
              {fraction && <td className="govuk-table__cell govuk-table__cell--numeric">{count(p.denominator)}</td>}
              {!fraction && <td className="govuk-table__cell govuk-table__cell--numeric">{count(p.numerator ?? p.value)}</td>}
              {external && <td className="govuk-table__cell">{p.source ? `${p.source}${p.sourceDate ? `, ${formatDate(p.sourceDate)}` : ""}` : <NotGiven />}</td>}
              {childrenHref && (
                <td className="govuk-table__cell">
                  {(p.numerator ?? 0) > 0 || (p.denominator ?? 0) > 0 ? (
                    <Link className="govuk-link" to={childrenHref(p)}>
                      Children<span className="govuk-visually-hidden"> counted in {p.label}</span>
                    </Link>
                  ) : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
