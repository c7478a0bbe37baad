import type { ReactNode } from "react";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** One finding as the pages show it; `personId` is set when the row is a child on record. */
export interface ShownFinding {
  readonly table: string;
  readonly row: number;
  readonly childId: string | null;
  readonly columns: readonly string[];
  readonly personId?: string | null;
}

/** A rule's findings. */
export interface RuleFindings {
  readonly rule: string;
  readonly message: string;
  readonly count: number;
  readonly findings: readonly ShownFinding[];
}

/** Rows listed under each rule; the CSV has them all. */
const ROWS_SHOWN = 50;

/** Groups flat findings by rule, in the order rules first appear. */
export function groupByRule(findings: readonly (ShownFinding & { readonly rule: string; readonly message: string })[]): RuleFindings[] {
  const groups = new Map<string, { message: string; findings: ShownFinding[] }>();
  for (const f of findings) {
    const g = groups.get(f.rule) ?? { message: f.message, findings: [] };
    g.findings.push(f);
    groups.set(f.rule, g);
  }
  return [...groups].map(([rule, g]) => ({ rule, message: g.message, count: g.findings.length, findings: g.findings }));
}

/**
 * Findings grouped by rule: one expandable section per rule with the DfE message and how many
 * rows fail it, then the rows (table, row number in the file, child) with a link to the child's
 * record where `childLink` gives one.
 */
export function FindingsByRule({ rules, childLink }: { rules: readonly RuleFindings[]; childLink?: (f: ShownFinding) => ReactNode }) {
  if (rules.length === 0) {
    return (
      <div className="govuk-panel govuk-panel--confirmation" data-testid="no-findings">
        <h2 className="govuk-panel__title">No findings</h2>
        <div className="govuk-panel__body">Every rule that could run passed</div>
      </div>
    );
  }
  return (
    <div data-testid="findings-by-rule">
      {rules.map((r) => (
        <details className="govuk-details" key={r.rule} data-rule={r.rule}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Rule {r.rule}: {r.message} ({r.count.toLocaleString("en-GB")} {r.count === 1 ? "row" : "rows"})
            </span>
          </summary>
          <div className="govuk-details__text">
            <ScrollTable label={`Rows failing rule ${r.rule}`}>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Rows failing rule {r.rule} (rows are counted from 1 in each table, after the header)</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Table</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Row</th>
                    <th scope="col" className="govuk-table__header">Child</th>
                    <th scope="col" className="govuk-table__header">Fields</th>
                    {childLink && <th scope="col" className="govuk-table__header">Record</th>}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {r.findings.slice(0, ROWS_SHOWN).map((f) => (
                    <tr className="govuk-table__row" key={`${f.table}-${String(f.row)}`}>
                      <td className="govuk-table__cell">{f.table}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{f.row + 1}</td>
                      <td className="govuk-table__cell">{f.childId ?? "—"}</td>
                      <td className="govuk-table__cell">{f.columns.join(", ")}</td>
                      {childLink && <td className="govuk-table__cell">{childLink(f)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            {r.count > ROWS_SHOWN && (
              <p className="govuk-body-s">
                The first {ROWS_SHOWN} of {r.count.toLocaleString("en-GB")} rows. The findings CSV lists them all.
              </p>
            )}
          </div>
        </details>
      ))}
    </div>
  );
}
