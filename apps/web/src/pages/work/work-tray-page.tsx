import type { CaseSummary, WorkTray } from "@family-story/schemas";
import { Link, useLocation, useSearchParams } from "react-router";
import { loadWorkTray } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { DueTag, caseKindLabel } from "./due-tag.tsx";
import { WorkItemsTable } from "./work-items-table.tsx";

/** My work, and for managers their team's: open cases and work items, overdue first. */
export function WorkTrayPage() {
  const user = useUser();
  const manager = can(user, "case:allocate");
  const [params] = useSearchParams();
  const scope = manager && params.get("tab") === "team" ? "team" : "mine";
  const all = params.get("items") === "all";
  const [load, reload] = useLoad(() => loadWorkTray(scope, all), [scope, all]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(scope === "team" ? "Team work" : "My work");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">{scope === "team" ? "Team work" : "My work"}</h1>
      {manager && (
        <nav className="app-sub-nav" aria-label="Work tray views">
          <ul className="app-sub-nav__list">
            <li className="app-sub-nav__item">
              <Link className="govuk-link" to="/work" aria-current={scope === "mine" ? "page" : undefined}>My work</Link>
            </li>
            <li className="app-sub-nav__item">
              <Link className="govuk-link" to="/work?tab=team" aria-current={scope === "team" ? "page" : undefined}>Team</Link>
            </li>
            {can(user, "supervision:write") && (
              <li className="app-sub-nav__item">
                <Link className="govuk-link" to="/supervision">Team supervision</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      {can(user, "case:write") && (
        <Link className="govuk-button govuk-button--secondary" to="/tasks/new">Add a task</Link>
      )}
      <Loaded load={load}>{(tray) => <Tray tray={tray} onChanged={reload} canAllocate={manager && scope === "team"} />}</Loaded>
    </>
  );
}

function Tray({ tray, onChanged, canAllocate }: { tray: WorkTray; onChanged: () => void; canAllocate: boolean }) {
  const { counts } = tray;
  return (
    <>
      <p className="govuk-body" data-testid="tray-counts">
        {counts.cases} open {counts.cases === 1 ? "case" : "cases"}, {counts.items} {counts.items === 1 ? "item" : "items"} due
        {counts.overdue > 0 ? `, ${String(counts.overdue)} overdue` : ""}
        {tray.scope === "team" ? `, ${String(counts.unallocated)} unallocated` : ""}.
      </p>
      <CasesTable cases={tray.cases} canAllocate={canAllocate} />
      <WorkItemsTable items={tray.items} caption="Work due" onChanged={onChanged} />
      {tray.items.length < counts.items && (
        <p className="govuk-body" data-testid="tray-more">
          Showing the {tray.items.length} most pressing of {counts.items} items.{" "}
          <Link className="govuk-link" to={`/work?${tray.scope === "team" ? "tab=team&" : ""}items=all`}>Show all {counts.items} items</Link>
        </p>
      )}
    </>
  );
}

function CasesTable({ cases, canAllocate }: { cases: CaseSummary[]; canAllocate: boolean }) {
  if (cases.length === 0) return <p className="govuk-body">No open cases.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">Cases</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Child</th>
          <th scope="col" className="govuk-table__header">Case</th>
          <th scope="col" className="govuk-table__header">Worker</th>
          <th scope="col" className="govuk-table__header">Next due</th>
          <th scope="col" className="govuk-table__header">Last supervised</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {cases.map((c) => (
          <tr className="govuk-table__row" key={c.id} data-testid="tray-case">
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={`/cases/${c.id}`}>{c.subject.name}</Link>
            </td>
            <td className="govuk-table__cell">
              {caseKindLabel(c.kind)}: {c.title}
              {c.overdueCount > 0 && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">{c.overdueCount} overdue</strong>}
            </td>
            <td className="govuk-table__cell">
              {c.allocatedTo?.name ?? <strong className="govuk-tag govuk-tag--orange">Unallocated</strong>}
              {canAllocate && (
                <>
                  {" "}
                  <Link className="govuk-link" to={`/cases/${c.id}/allocate`}>
                    {c.allocatedTo ? "Reallocate" : "Allocate"}<span className="govuk-visually-hidden"> {c.subject.name}'s case</span>
                  </Link>
                </>
              )}
            </td>
            <td className="govuk-table__cell">
              {c.nextDue ? (
                <>
                  {c.nextDue.title} <DueTag item={c.nextDue} />
                </>
              ) : (
                "Nothing due"
              )}
            </td>
            <td className="govuk-table__cell">{c.lastSupervisedOn ? formatDate(c.lastSupervisedOn) : "Not yet"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
