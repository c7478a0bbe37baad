import type { MeasureFigure, MeasureFigureList } from "@family-story/schemas";
import { formatDate, formatDateTime } from "../../../components/format.ts";
import { ScrollTable } from "../../../components/scroll-table.tsx";

const n = (v: number | null) => (v === null ? "" : v.toLocaleString("en-GB", { maximumFractionDigits: 2 }));

/** A figure's period as people say it: one day, or from one day to another. */
export function periodText(f: { periodStart: string; periodEnd: string }): string {
  return f.periodStart === f.periodEnd ? `At ${formatDate(f.periodEnd)}` : `${formatDate(f.periodStart)} to ${formatDate(f.periodEnd)}`;
}

/** The figures already held for a measure and authority, each with a button to correct it in the form. */
export function FigureList({ list, onChange }: { list: MeasureFigureList; onChange: (figure: MeasureFigure) => void }) {
  if (list.figures.length === 0) return <p className="govuk-body">No figures have been entered for this authority yet.</p>;
  return (
    <ScrollTable label="Figures already entered">
      <table className="govuk-table" data-testid="figure-list">
        <caption className="govuk-table__caption govuk-table__caption--m">Figures already entered</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Period</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Numerator</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Denominator</th>
            <th scope="col" className="govuk-table__header">Source</th>
            <th scope="col" className="govuk-table__header">Last changed</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {list.figures.map((f) => (
            <tr className="govuk-table__row" key={`${f.periodStart}/${f.periodEnd}`}>
              <th scope="row" className="govuk-table__header">{periodText(f)}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{n(f.value)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{n(f.numerator)}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{n(f.denominator)}</td>
              <td className="govuk-table__cell">{f.source}, {formatDate(f.sourceDate)}</td>
              <td className="govuk-table__cell">{formatDateTime(f.updatedAt)}{f.updatedBy === null ? (f.imported ? " (import)" : "") : ` by ${f.updatedBy}`}</td>
              <td className="govuk-table__cell">
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => { onChange(f); }}>
                  Change<span className="govuk-visually-hidden"> the figure for {periodText(f)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
