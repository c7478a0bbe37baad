import type { Chronology, ChronologyEntry } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { loadChronology } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField } from "../../components/fields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

const SERVICE: Record<string, string> = { front_door: "Front door", early_help: "Early help", social_care: "Social care", looked_after: "Looked after" };

/** A child's chronology across services: filters, a visual timeline, a table, and a print view. */
export function ChronologyPage() {
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const query = { types: params.get("types") ?? undefined, from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
  const [load] = useLoad(() => loadChronology(id, query), [id, query.types, query.from, query.to]);
  usePageTitle(load.state === "done" ? `Chronology: ${load.value.person.name}` : "Chronology");
  return (
    <Loaded load={load}>
      {(chronology) => (
        <>
          <span className="govuk-caption-l">Chronology</span>
          <h1 className="govuk-heading-l">{chronology.person.name}</h1>
          <p className="govuk-body app-print-only">
            Born {formatDate(chronology.person.dob)}. Printed {formatDate(new Date().toISOString())}
            {query.from || query.to ? `, entries from ${formatDate(query.from) || "the start"} to ${formatDate(query.to) || "today"}` : ""}. Official – sensitive.
          </p>
          <div className="app-no-print">
            <Filters chronology={chronology} current={query} onApply={(next) => { setParams(next); }} />
            <div className="app-actions govuk-!-margin-bottom-6">
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => { window.print(); }}>
                Print chronology
              </button>
              <Link className="govuk-link" to={`/people/${chronology.person.id}`}>Back to the person</Link>
            </div>
          </div>
          {chronology.entries.length === 0 ? <p className="govuk-body">Nothing recorded for these filters.</p> : <Entries entries={chronology.entries} />}
        </>
      )}
    </Loaded>
  );
}

function Filters({ chronology, current, onApply }: { chronology: Chronology; current: { types?: string | undefined; from?: string | undefined; to?: string | undefined }; onApply: (next: Record<string, string>) => void }) {
  const [types, setTypes] = useState(new Set(current.types ? current.types.split(",") : []));
  const [from, setFrom] = useState(current.from ?? "");
  const [to, setTo] = useState(current.to ?? "");
  function apply(event: SyntheticEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (types.size > 0) next.types = [...types].join(",");
    if (from) next.from = from;
    if (to) next.to = to;
    onApply(next);
  }
  return (
    <form noValidate onSubmit={apply} className="app-filters" aria-label="Filter the chronology">
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Types of entry</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small app-checkbox-columns">
            {chronology.types.map((t) => (
              <div className="govuk-checkboxes__item" key={t.code}>
                <input
                  className="govuk-checkboxes__input"
                  id={`type-${t.code}`}
                  type="checkbox"
                  checked={types.has(t.code)}
                  onChange={(e) => {
                    const next = new Set(types);
                    if (e.target.checked) next.add(t.code);
                    else next.delete(t.code);
                    setTypes(next);
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`type-${t.code}`}>
                  {t.label} ({t.count})
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="app-date-range">
        <TextField name="from" label="From" hint="For example, 2024-01-31" width="10" value={from} onChange={setFrom} />
        <TextField name="to" label="To" hint="For example, 2025-01-31" width="10" value={to} onChange={setTo} />
      </div>
      <button type="submit" className="govuk-button">Apply filters</button>
    </form>
  );
}

function Entries({ entries }: { entries: ChronologyEntry[] }) {
  return (
    <>
      <h2 className="govuk-heading-m app-no-print">Timeline</h2>
      <ol className="app-chronology-timeline app-no-print" aria-label="Timeline, newest first">
        {entries.map((e) => (
          <li className={`app-chronology-timeline__item app-chronology-timeline__item--${e.service ?? "none"}`} key={`${e.source}-${e.id}`}>
            <span className="app-chronology-timeline__date">{formatDate(e.date)}</span>
            <span className="app-chronology-timeline__title">{e.title}</span>
            <span className="app-result__meta">{e.service ? SERVICE[e.service] ?? e.service : "No case"}</span>
          </li>
        ))}
      </ol>
      <table className="govuk-table app-chronology-table" data-testid="chronology-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Entries, newest first ({entries.length})</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header">Type</th>
            <th scope="col" className="govuk-table__header">Service</th>
            <th scope="col" className="govuk-table__header">What happened</th>
            <th scope="col" className="govuk-table__header">Recorded by</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((e) => (
            <tr className="govuk-table__row" key={`${e.source}-${e.id}`} data-testid="chronology-entry">
              <td className="govuk-table__cell app-nowrap">{formatDate(e.date)}</td>
              <td className="govuk-table__cell">{e.typeLabel}</td>
              <td className="govuk-table__cell">{e.service ? SERVICE[e.service] ?? e.service : ""}</td>
              <td className="govuk-table__cell">
                {e.noteId ? <Link className="govuk-link" to={`/case-notes/${e.noteId}`}>{e.title}</Link> : e.title}
                {e.childSeen !== null && <span className="app-result__meta"> {e.childSeen ? "(child seen)" : "(child not seen)"}</span>}
                {e.summary && <p className="govuk-body-s govuk-!-margin-bottom-0 app-note-body">{e.summary}</p>}
              </td>
              <td className="govuk-table__cell">{e.recordedBy ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
