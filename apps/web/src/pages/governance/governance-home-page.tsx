import { todayIso } from "@family-story/domain";
import { GOV_ACTION_STATUS_LABELS, GOV_ACTION_STATUSES, type GovCommitteeSummary, type GovStrategySummary } from "@family-story/schemas";
import { Link } from "react-router";
import { loadCommittees, loadStrategies } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useAuth } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

function StrategiesTable({ strategies }: { strategies: GovStrategySummary[] }) {
  if (strategies.length === 0) return <p className="govuk-body">No strategies have been recorded yet.</p>;
  return (
    <table className="govuk-table" data-testid="strategies">
      <caption className="govuk-table__caption govuk-visually-hidden">Strategies and how many of their actions are at each status</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Strategy</th>
          <th scope="col" className="govuk-table__header">Authority</th>
          {GOV_ACTION_STATUSES.map((s) => <th key={s} scope="col" className="govuk-table__header govuk-table__header--numeric">{GOV_ACTION_STATUS_LABELS[s]}</th>)}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {strategies.map((s) => (
          <tr key={s.id} className="govuk-table__row">
            <td className="govuk-table__cell"><Link className="govuk-link" to={`/governance/strategies/${s.id}`}>{s.title} {s.periodLabel}</Link></td>
            <td className="govuk-table__cell">{s.laName}</td>
            {GOV_ACTION_STATUSES.map((st) => <td key={st} className="govuk-table__cell govuk-table__cell--numeric">{s.counts[st]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommitteesList({ committees }: { committees: GovCommitteeSummary[] }) {
  if (committees.length === 0) return <p className="govuk-body">No committees have been recorded yet.</p>;
  return (
    <ul className="govuk-list" data-testid="committees">
      {committees.map((c) => (
        <li key={c.id}>
          <Link className="govuk-link" to={`/governance/committees/${c.id}`}>{c.name} {c.yearLabel}</Link> <span className="govuk-body-s">({c.laName})</span>
        </li>
      ))}
    </ul>
  );
}

/** Strategy and scrutiny: the strategies with their delivery at a glance, and the committees. */
export function GovernanceHomePage() {
  usePageTitle("Strategy and scrutiny");
  const [strategies] = useLoad(() => loadStrategies(), []);
  const [committees] = useLoad(() => loadCommittees(), []);
  const { session } = useAuth();
  const writer = session.state === "signed-in" && can(session.user, "governance:write");
  return (
    <>
      <h1 className="govuk-heading-l">Strategy and scrutiny</h1>
      <p className="govuk-body">What the strategies said would be done and what has been done, and the committees that hold the service to account. Figures are as recorded on {formatDate(todayIso())}.</p>
      <h2 className="govuk-heading-m">Strategies</h2>
      {writer && <p className="govuk-body"><Link className="govuk-link" to="/governance/strategies/new">Add a strategy</Link></p>}
      <Loaded load={strategies}>{(list) => <StrategiesTable strategies={list} />}</Loaded>
      <h2 className="govuk-heading-m">Committees</h2>
      <Loaded load={committees}>{(list) => <CommitteesList committees={list} />}</Loaded>
    </>
  );
}
