import type { ReportCell, ReportColumn, ReportTable } from "@family-story/schemas";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** A cell as people read it: counts with thousands separators, percentages with one decimal place. */
function cellText(cell: ReportCell | undefined, column: ReportColumn) {
  if (cell === null || cell === undefined || cell === "") {
    return column.type === "text" ? "" : (
      <>
        <span aria-hidden="true">–</span>
        <span className="govuk-visually-hidden">not applicable</span>
      </>
    );
  }
  if (typeof cell === "number") return column.type === "percent" ? `${cell.toFixed(1)}%` : cell.toLocaleString("en-GB");
  return cell;
}

/** Tables C and D carry our group codes for machines; people read the group's name. */
function visibleColumns(table: ReportTable): ReportColumn[] {
  return table.id === "C" || table.id === "D" ? table.columns.filter((c) => c.key !== "code") : table.columns;
}

/** A report table as a GOV.UK table: the figures behind the chart, with its totals row. */
export function ReportTableView({ table }: { table: ReportTable }) {
  const columns = visibleColumns(table);
  const numeric = (c: ReportColumn) => (c.type === "text" ? "" : " govuk-table__cell--numeric");
  const header = (c: ReportColumn) => (c.type === "text" ? "" : " govuk-table__header--numeric");
  return (
    <ScrollTable label={`Figures: ${table.title}`}>
      <table className="govuk-table app-report-table" data-testid={`table-${table.id}`}>
        <caption className="govuk-table__caption govuk-visually-hidden">Figures: {table.title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {columns.map((c) => (
              <th scope="col" className={`govuk-table__header${header(c)}`} key={c.key}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {table.rows.map((row, i) => (
            <tr className="govuk-table__row" key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <th scope="row" className={`govuk-table__header${header(c)}`} key={c.key}>{cellText(row[c.key], c)}</th>
                ) : (
                  <td className={`govuk-table__cell${numeric(c)}`} key={c.key}>{cellText(row[c.key], c)}</td>
                ),
              )}
            </tr>
          ))}
          {table.totals && (
            <tr className="govuk-table__row app-report-table__totals">
              {columns.map((c, j) =>
                j === 0 ? (
                  <th scope="row" className="govuk-table__header" key={c.key}>{cellText(table.totals?.[c.key], c) || "Total"}</th>
                ) : (
                  <td className={`govuk-table__cell${numeric(c)}`} key={c.key}><strong>{cellText(table.totals?.[c.key], c)}</strong></td>
                ),
              )}
            </tr>
          )}
        </tbody>
      </table>
    </ScrollTable>
  );
}
