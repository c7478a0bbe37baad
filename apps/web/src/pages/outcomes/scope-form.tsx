import { MEASURE_INTERVALS, type MeasureInterval } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { useSearchParams } from "react-router";
import { loadScopeOptions, type MeasureScopeQuery, type ScopeOption } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { INTERVAL_LABELS, scopeFromKey, scopeKey } from "./outcomes-query.ts";

/** Which kinds of scope a page offers: dashboards of a whole service offer authorities and shared services, the team dashboard teams. */
export type ScopeKinds = readonly ScopeOption["kind"][];

const GROUP_LABELS: Record<ScopeOption["kind"], string> = { la: "Local authority", service: "Shared service (authorities combined)", team: "Team (its cases only)" };

/**
 * Choose whose figures (an authority, a shared service combined, or a team), the period and
 * the trend's steps. The choice goes into the page's address, so it can be bookmarked and the
 * exports follow it.
 */
export function ScopeForm({ query, kinds, idPrefix, trend = true }: { query: MeasureScopeQuery; kinds: ScopeKinds; idPrefix: string; trend?: boolean }) {
  const [params, setParams] = useSearchParams();
  const [options] = useLoad(() => loadScopeOptions(), []);
  const [scope, setScope] = useState(scopeKey(query));
  const [from, setFrom] = useState(query.from ?? "");
  const [to, setTo] = useState(query.to ?? "");
  const [interval, setInterval] = useState<MeasureInterval>(query.interval ?? "year");

  const all = options.state === "done" ? options.value : { authorities: [], services: [], teams: [] };
  const groups = [
    { kind: "la" as const, list: all.authorities },
    { kind: "service" as const, list: all.services },
    { kind: "team" as const, list: all.teams },
  ].filter((g) => kinds.includes(g.kind) && g.list.length > 0);
  // The scope shown may not be in the lists (a link from elsewhere): keep it choosable.
  const known = groups.some((g) => g.list.some((o) => `${o.kind}:${o.id}` === scope));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...scopeFromKey(scope), from, to, interval: trend ? interval : query.interval })) if (value) next.set(key, value);
    // The page's other choices (the drill-down's part, the dashboard's layout) stay as they were.
    for (const keep of ["part", "view"]) {
      const value = params.get(keep);
      if (value) next.set(keep, value);
    }
    setParams(next);
  };

  return (
    <form className="app-scope-form app-no-print" onSubmit={submit} noValidate aria-label="Whose figures and when">
      <div className="app-scope-form__fields">
        <div className="govuk-form-group app-scope-form__scope">
          <label className="govuk-label govuk-label--s" htmlFor={`${idPrefix}-scope`}>Figures for</label>
          <select className="govuk-select" id={`${idPrefix}-scope`} value={scope} onChange={(e) => { setScope(e.target.value); }}>
            {!known && scope !== "" && <option value={scope}>The current choice</option>}
            {groups.map((g) => (
              <optgroup key={g.kind} label={GROUP_LABELS[g.kind]}>
                {g.list.map((o) => <option key={o.id} value={`${o.kind}:${o.id}`}>{o.name}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={`${idPrefix}-from`}>From</label>
          <input className="govuk-input app-scope-form__date" type="date" id={`${idPrefix}-from`} aria-describedby={`${idPrefix}-period-hint`} value={from} onChange={(e) => { setFrom(e.target.value); }} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={`${idPrefix}-to`}>To</label>
          <input className="govuk-input app-scope-form__date" type="date" id={`${idPrefix}-to`} aria-describedby={`${idPrefix}-period-hint`} value={to} onChange={(e) => { setTo(e.target.value); }} />
        </div>
        {trend && <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor={`${idPrefix}-interval`}>Trend by</label>
          <select className="govuk-select" id={`${idPrefix}-interval`} value={interval} onChange={(e) => { setInterval(MEASURE_INTERVALS.find((i) => i === e.target.value) ?? "year"); }}>
            {MEASURE_INTERVALS.map((i) => <option key={i} value={i}>{INTERVAL_LABELS[i]}</option>)}
          </select>
        </div>}
        <div className="govuk-form-group app-scope-form__submit">
          <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Show figures</button>
        </div>
      </div>
      <p className="govuk-hint govuk-!-margin-bottom-2" id={`${idPrefix}-period-hint`}>A period runs by whole months. Leave the dates blank for the five financial years (April to March) to today.</p>
    </form>
  );
}
