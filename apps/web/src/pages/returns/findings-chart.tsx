import { useId } from "react";
import type { RuleFindings } from "./findings-by-rule.tsx";

const WIDTH = 640;
const BAR = 22;
const LABEL = 100;
const SHOWN = 12;

/**
 * The rules with the most findings as horizontal bars: one image named by its title and
 * described by the figures it shows; the list of rules under it carries every figure too.
 */
export function FindingsChart({ rules }: { rules: readonly RuleFindings[] }) {
  const id = useId();
  const top = [...rules].sort((a, b) => b.count - a.count).slice(0, SHOWN);
  if (top.length === 0) return null;
  const max = Math.max(...top.map((r) => r.count));
  const height = top.length * (BAR + 6) + 10;
  const description = top.map((r) => `rule ${r.rule}: ${String(r.count)}`).join("; ");
  return (
    <figure className="app-chart" aria-labelledby={`${id}-title`}>
      <figcaption className="govuk-heading-s" id={`${id}-title`}>
        Rules with the most findings
      </figcaption>
      <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} width="100%" className="app-chart__svg">
        <desc id={`${id}-desc`}>{description}</desc>
        {top.map((r, i) => {
          const y = 5 + i * (BAR + 6);
          const w = max === 0 ? 0 : ((WIDTH - LABEL - 70) * r.count) / max;
          return (
            <g key={r.rule}>
              <text x={LABEL - 8} y={y + BAR / 2 + 5} textAnchor="end" className="app-chart__label">
                {r.rule}
              </text>
              <rect x={LABEL} y={y} width={Math.max(w, 1)} height={BAR} fill="#1d70b8" stroke="#0b0c0c" strokeWidth="0.5" />
              <text x={LABEL + w + 6} y={y + BAR / 2 + 5} className="app-chart__label">
                {r.count.toLocaleString("en-GB")}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
