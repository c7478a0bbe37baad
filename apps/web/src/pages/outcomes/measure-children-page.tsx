import type { MeasureSubjects } from "@family-story/schemas";
import { Link, useParams, useSearchParams } from "react-router";
import { loadMeasureSubjects } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { ScrollTable } from "../../components/scroll-table.tsx";
import { Loaded } from "../../components/status.tsx";
import { scopeFromParams, scopeSearch } from "./outcomes-query.ts";
import { ScopeForm } from "./scope-form.tsx";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-04" → "Apr 2024". */
function monthText(month: string): string {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? ""} ${y ?? ""}`;
}

/** A child's months in a short form: every month up to four, else the first, the last and how many. */
function monthsText(months: readonly string[]): string {
  if (months.length <= 4) return months.map(monthText).join(", ");
  return `${String(months.length)} months, ${monthText(months[0] ?? "")} to ${monthText(months.at(-1) ?? "")}`;
}

const PART_TEXT = { numerator: "counted in the numerator", denominator: "counted in the denominator" } as const;

function SubjectsBody({ subjects, search }: { subjects: MeasureSubjects; search: (part: string) => string }) {
  const other = subjects.part === "numerator" ? "denominator" : "numerator";
  const percent = subjects.measure.unit === "percent" && subjects.measure.denominator !== null;
  return (
    <>
      <p className="govuk-body" data-testid="subjects-summary">
        {subjects.scope.name}, {formatDate(subjects.from)} to {formatDate(subjects.to)}: <strong>{subjects.total.toLocaleString("en-GB")} {subjects.total === 1 ? "child" : "children"}</strong> {PART_TEXT[subjects.part]}
        {subjects.part === "numerator" && subjects.measure.numerator ? ` (${subjects.measure.numerator.charAt(0).toLowerCase()}${subjects.measure.numerator.slice(1)})` : ""}
        {subjects.part === "denominator" && subjects.measure.denominator ? ` (${subjects.measure.denominator.charAt(0).toLowerCase()}${subjects.measure.denominator.slice(1)})` : ""}.
      </p>
      {subjects.measure.denominator !== null && (
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={search(other)}>Show the children {PART_TEXT[other]}</Link>
        </p>
      )}
      {subjects.children.length > 0 && (
        <ScrollTable label="Children behind the number">
          <table className="govuk-table" data-testid="subjects-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Children {PART_TEXT[subjects.part]}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Date of birth</th>
                {percent && <th scope="col" className="govuk-table__header govuk-table__header--numeric">In numerator</th>}
                {percent && <th scope="col" className="govuk-table__header govuk-table__header--numeric">In denominator</th>}
                <th scope="col" className="govuk-table__header">Counted in</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {subjects.children.map((c) => (
                <tr className="govuk-table__row" key={`${c.laCode}:${c.personId}`}>
                  <th scope="row" className="govuk-table__header">
                    <Link className="govuk-link" to={`/people/${c.personId}`}>{c.name}</Link>
                  </th>
                  <td className="govuk-table__cell">{c.dateOfBirth ? formatDate(c.dateOfBirth) : "Not known"}</td>
                  {percent && <td className="govuk-table__cell govuk-table__cell--numeric">{c.numerator}</td>}
                  {percent && <td className="govuk-table__cell govuk-table__cell--numeric">{c.denominator}</td>}
                  <td className="govuk-table__cell">{monthsText(c.months)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {subjects.hidden > 0 && (
        <div className="govuk-inset-text" data-testid="subjects-hidden">
          {subjects.hidden.toLocaleString("en-GB")} more {subjects.hidden === 1 ? "child is" : "children are"} counted whose {subjects.hidden === 1 ? "record" : "records"} you may not open. They are in the number but not named here.
        </div>
      )}
      {subjects.total === 0 && <p className="govuk-body">No child is counted for this period.</p>}
      <p className="govuk-body-s app-muted">Opening this list is recorded in the audit log, with the children it named.</p>
    </>
  );
}

/** The children behind a computed measure's number, linking to each record the reader may open. */
export function MeasureChildrenPage() {
  const { id = "" } = useParams();
  const user = useUser();
  const [params] = useSearchParams();
  const query = scopeFromParams(params, { la: user.laCode });
  const part = params.get("part") === "denominator" ? "denominator" : "numerator";
  const key = scopeSearch(query);
  const [subjects] = useLoad(() => loadMeasureSubjects(id, query, part), [id, key, part]);
  const title = subjects.state === "done" ? subjects.value.measure.title : "Measure";
  usePageTitle(`Children behind the number: ${title}`);
  return (
    <>
      <Link className="govuk-back-link app-no-print" to={`/outcomes/measures/${id}${key}`}>Back to the measure</Link>
      <span className="govuk-caption-l">{title}</span>
      <h1 className="govuk-heading-l">Children behind the number</h1>
      <ScopeForm key={key} query={query} kinds={["la", "service", "team"]} idPrefix="subjects" trend={false} />
      <Loaded load={subjects}>{(s) => <SubjectsBody subjects={s} search={(p) => `/outcomes/measures/${id}/children${scopeSearch(query, { part: p })}`} />}</Loaded>
    </>
  );
}
