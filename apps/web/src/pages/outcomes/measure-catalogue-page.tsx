import type { MeasureCatalogue, MeasureDefinitionDto } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { loadMeasureCatalogue } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded } from "../../components/status.tsx";
import { FIGURES_PATH } from "./catalogue-labels.ts";
import { directionText } from "./measure-format.ts";
import { OutcomesNav } from "./outcomes-nav.tsx";

type Framework = MeasureDefinitionDto["placements"][number]["framework"];

const FRAMEWORKS: { key: Framework; title: string }[] = [
  { key: "cypp", title: "Children and Young People's Plan outcomes" },
  { key: "early-help", title: "Early Help strategy priorities" },
  { key: "supporting-families", title: "Supporting Families outcomes" },
  { key: "performance", title: "Performance themes" },
];

const UNIT_SHORT = { percent: "%", count: "Count", rate: "Per 10,000", score: "Mean score", days: "Days" } as const;

function matches(m: MeasureDefinitionDto, words: string): boolean {
  if (words === "") return true;
  const hay = `${m.title} ${m.description} ${m.id}`.toLowerCase();
  return words.toLowerCase().split(/\s+/).every((w) => hay.includes(w));
}

function GroupTable({ title, measures }: { title: string; measures: MeasureDefinitionDto[] }) {
  return (
    <ScrollTable label={`Measures: ${title}`}>
      <table className="govuk-table app-catalogue-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header app-catalogue-table__measure">Measure</th>
            <th scope="col" className="govuk-table__header">Unit</th>
            <th scope="col" className="govuk-table__header">Good is</th>
            <th scope="col" className="govuk-table__header">Source</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {measures.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <th scope="row" className="govuk-table__header app-catalogue-table__measure">
                <Link className="govuk-link" to={`/outcomes/measures/${m.id}`}>{m.title}</Link>
                <span className="govuk-body-s govuk-!-margin-bottom-0 app-muted app-catalogue-table__description">{m.description}</span>
              </th>
              <td className="govuk-table__cell">{UNIT_SHORT[m.unit]}</td>
              <td className="govuk-table__cell">{directionText(m.direction).replace(" (no target direction)", "")}</td>
              <td className="govuk-table__cell">
                {m.source === "computed" ? <strong className="govuk-tag govuk-tag--blue">From records</strong> : <strong className="govuk-tag govuk-tag--grey">Entered</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function CatalogueBody({ catalogue }: { catalogue: MeasureCatalogue }) {
  const [words, setWords] = useState("");
  const [framework, setFramework] = useState<Framework | "">("");
  const computed = catalogue.measures.filter((m) => m.source === "computed").length;
  const shown = catalogue.measures.filter((m) => matches(m, words.trim()));
  const frameworks = FRAMEWORKS.filter((f) => framework === "" || f.key === framework);
  let total = 0;
  const sections = frameworks.map((f) => {
    const groups = catalogue.groups.filter((g) => g.framework === f.key).map((g) => ({ group: g, measures: shown.filter((m) => m.placements.some((p) => p.framework === f.key && p.group === g.key)) })).filter((g) => g.measures.length > 0);
    total += groups.reduce((n, g) => n + g.measures.length, 0);
    return { framework: f, groups };
  });
  return (
    <>
      <p className="govuk-body">
        {catalogue.measures.length} measures: {computed} worked out from the records as they are written, and {catalogue.measures.length - computed} entered or imported from their published source (attainment, inspections, public health). A measure can sit in more than one framework.
      </p>
      <div className="app-scope-form app-no-print" role="search" aria-label="Filter the measures">
        <div className="app-scope-form__fields">
          <div className="govuk-form-group app-scope-form__scope">
            <label className="govuk-label govuk-label--s" htmlFor="catalogue-words">Measures containing</label>
            <input className="govuk-input" id="catalogue-words" type="search" value={words} onChange={(e) => { setWords(e.target.value); }} />
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="catalogue-framework">Framework</label>
            <select className="govuk-select" id="catalogue-framework" value={framework} onChange={(e) => { setFramework(FRAMEWORKS.find((f) => f.key === e.target.value)?.key ?? ""); }}>
              <option value="">All frameworks</option>
              {FRAMEWORKS.map((f) => <option key={f.key} value={f.key}>{f.title}</option>)}
            </select>
          </div>
        </div>
      </div>
      <p className="govuk-body" role="status">{total === 0 ? "No measures match." : `Showing ${String(total)} ${total === 1 ? "entry" : "entries"}.`}</p>
      {sections.map(({ framework: f, groups }) => groups.length > 0 && (
        <section key={f.key} aria-labelledby={`framework-${f.key}`}>
          <h2 className="govuk-heading-l" id={`framework-${f.key}`}>{f.title}</h2>
          {groups.map(({ group, measures }) => <GroupTable key={group.key} title={group.title} measures={measures} />)}
        </section>
      ))}
    </>
  );
}

/** Every measure, by framework and outcome, each linking to its definition and figures. */
export function MeasureCataloguePage() {
  usePageTitle("All measures");
  const user = useUser();
  const [catalogue] = useLoad(() => loadMeasureCatalogue(), []);
  return (
    <>
      <span className="govuk-caption-l">Outcomes</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-4">All measures</h1>
      <OutcomesNav />
      {can(user, "measure:write") && (
        <div className="govuk-inset-text app-no-print">
          Figures from outside the records: <Link className="govuk-link" to={FIGURES_PATH}>enter a figure</Link> or <Link className="govuk-link" to={`${FIGURES_PATH}/import`}>import figures from a CSV file</Link>.
        </div>
      )}
      <Loaded load={catalogue}>{(c) => <CatalogueBody catalogue={c} />}</Loaded>
    </>
  );
}
