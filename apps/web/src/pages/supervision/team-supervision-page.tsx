import type { TeamSupervisionStatus } from "@family-story/schemas";
import { Link, useLocation } from "react-router";
import { loadTeamSupervision } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";

/** A manager's team: when each worker was last supervised, and who is overdue. */
export function TeamSupervisionPage() {
  const [load] = useLoad(() => loadTeamSupervision(), []);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle("Team supervision");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Team supervision</h1>
      <Loaded load={load}>{(status) => <StatusTable status={status} />}</Loaded>
    </>
  );
}

function StatusTable({ status }: { status: TeamSupervisionStatus }) {
  const overdue = status.workers.filter((w) => w.overdue).length;
  return (
    <>
      <p className="govuk-body">
        Your authority's standard is supervision every {status.supervisionWeeks} weeks. {overdue === 0 ? "Nobody is overdue." : `${String(overdue)} of ${String(status.workers.length)} ${overdue === 1 ? "worker is" : "workers are"} overdue.`}
      </p>
      <Link className="govuk-button" to="/supervision/new">Record supervision</Link>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Workers</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Worker</th>
            <th scope="col" className="govuk-table__header">Open cases</th>
            <th scope="col" className="govuk-table__header">Last supervised</th>
            <th scope="col" className="govuk-table__header">Next due</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {status.workers.map((w) => (
            <tr className="govuk-table__row" key={w.id} data-testid="supervision-worker">
              <td className="govuk-table__cell">{w.name}</td>
              <td className="govuk-table__cell">{w.openCases}</td>
              <td className="govuk-table__cell">{w.lastSupervisedOn ? formatDate(w.lastSupervisedOn) : "Never recorded"}</td>
              <td className="govuk-table__cell">
                {w.dueOn ? formatDate(w.dueOn) : ""} <strong className={`govuk-tag ${w.overdue ? "govuk-tag--red" : "govuk-tag--green"}`}>{w.overdue ? (w.dueOn ? w.dueText : "Overdue: none recorded") : w.dueText}</strong>
              </td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/supervision/new?workerId=${w.id}`}>
                  Record<span className="govuk-visually-hidden"> supervision for {w.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
