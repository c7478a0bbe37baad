import type { QaSummary } from "@family-story/schemas";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";

/** GOV.UK colours for each answer, with a text colour that contrasts with it. */
const COLOURS: Record<string, { fill: string; text: string }> = {
  yes: { fill: "#00703c", text: "#ffffff" },
  partly: { fill: "#ffdd00", text: "#0b0c0c" },
  no: { fill: "#d4351c", text: "#ffffff" },
  not_applicable: { fill: "#b1b4b6", text: "#0b0c0c" },
};
const FALLBACK = { fill: "#505a5f", text: "#ffffff" };

const WIDTH = 1000;
const ROW = 64;
const BAR = 26;

function percentText(p: number): string {
  return `${String(p)}%`;
}

/**
 * The anonymous QA aggregate: one horizontal stacked bar per question (the share of each
 * answer), drawn in SVG with a title and description for screen readers, a legend, and the
 * same figures as a table, so nothing depends on seeing the colours.
 */
export function QaChart({ summary }: { summary: QaSummary }) {
  const range = `${formatDate(summary.from)} to ${formatDate(summary.to)}`;
  if (summary.forms === 0) return <p className="govuk-body" data-testid="qa-empty">No quality-assurance forms were completed from {range}.</p>;
  const answers = summary.questions[0]?.answers ?? [];
  const height = summary.questions.length * ROW;
  return (
    <>
      <p className="govuk-body">
        {summary.forms === 1 ? "1 form" : `${String(summary.forms)} forms`} completed from {range}. No child or reviewer is identified.
      </p>
      <ul className="govuk-list app-chart-legend" aria-label="Key">
        {answers.map((a) => (
          <li key={a.answer} className="govuk-!-display-inline-block govuk-!-margin-right-4">
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={(COLOURS[a.answer] ?? FALLBACK).fill} stroke="#0b0c0c" strokeWidth="1" />
            </svg>{" "}
            {a.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} width="100%" role="img" aria-labelledby="qa-chart-title qa-chart-desc" data-testid="qa-chart">
        <title id="qa-chart-title">{`Quality-assurance answers by question, ${range}`}</title>
        <desc id="qa-chart-desc">
          One bar per question, split into the share of forms answering yes, partly, no and not applicable. The figures are in the table that follows.
        </desc>
        {summary.questions.map((q, row) => {
          const y = row * ROW;
          let x = 0;
          return (
            <g key={q.key}>
              <text x={0} y={y + 18} fontSize="17" fill="#0b0c0c">
                {q.text}
              </text>
              {q.total === 0 ? (
                <text x={0} y={y + 18 + BAR} fontSize="15" fill="#505a5f">
                  Not answered in this period
                </text>
              ) : (
                q.answers.filter((a) => a.count > 0).map((a) => {
                  const w = (a.count / q.total) * WIDTH;
                  const colour = COLOURS[a.answer] ?? FALLBACK;
                  const segment = (
                    <g key={a.answer}>
                      <rect x={x} y={y + 26} width={w} height={BAR} fill={colour.fill}>
                        <title>{`${a.label}: ${String(a.count)} (${percentText(a.percent)})`}</title>
                      </rect>
                      {w >= 70 && (
                        <text x={x + w / 2} y={y + 26 + BAR / 2 + 5} fontSize="15" textAnchor="middle" fill={colour.text}>
                          {percentText(a.percent)}
                        </text>
                      )}
                    </g>
                  );
                  x += w;
                  return segment;
                })
              )}
            </g>
          );
        })}
      </svg>
      <QaTable summary={summary} range={range} />
    </>
  );
}

/** The chart's figures as a table: each answer's count and percentage per question. */
function QaTable({ summary, range }: { summary: QaSummary; range: string }) {
  const answers = summary.questions[0]?.answers ?? [];
  return (
    <ScrollTable label="Quality-assurance answers as a table">
      <table className="govuk-table" data-testid="qa-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Answers by question, {range} (count and percentage of forms answering)</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Question</th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">Forms</th>
            {answers.map((a) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={a.answer}>{a.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {summary.questions.map((q) => (
            <tr className="govuk-table__row" key={q.key}>
              <th scope="row" className="govuk-table__header">{q.text}</th>
              <td className="govuk-table__cell govuk-table__cell--numeric">{q.total}</td>
              {q.answers.map((a) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={a.answer}>
                  {a.count} ({percentText(a.percent)})
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
