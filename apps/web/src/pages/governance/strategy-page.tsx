import type { GovAction, GovStrategy } from "@family-story/schemas";
import { Link, useParams } from "react-router";
import { loadStrategy } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useAuth } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { Flash } from "./gov-form.tsx";
import { GovStatusTag } from "./governance-tags.tsx";

/** The dates of an action in words: "1 April 2020 to 31 March 2021", "by …", or nothing. */
export function actionDates(a: Pick<GovAction, "startDate" | "dueDate">): string {
  if (a.startDate && a.dueDate) return `${formatDate(a.startDate)} to ${formatDate(a.dueDate)}`;
  if (a.dueDate) return `By ${formatDate(a.dueDate)}`;
  if (a.startDate) return `From ${formatDate(a.startDate)}`;
  return "Not set";
}

/** The measures that evidence an action, linked to their pages. */
export function LinkedMeasures({ measures }: { measures: GovAction["measures"] }) {
  if (measures.length === 0) return <>None</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {measures.map((m) => <li key={m.id}><Link className="govuk-link" to={`/outcomes/measures/${m.id}`}>{m.title ?? m.id}</Link></li>)}
    </ul>
  );
}

function StrategyBody({ s }: { s: GovStrategy }) {
  usePageTitle(`${s.title} ${s.periodLabel}`);
  const { session } = useAuth();
  const writer = session.state === "signed-in" && can(session.user, "governance:write");
  return (
    <>
      <Flash />
      <span className="govuk-caption-l">{s.laName}</span>
      <h1 className="govuk-heading-l">{s.title} {s.periodLabel}</h1>
      {s.summary && <p className="govuk-body">{s.summary}</p>}
      <p className="govuk-body">
        {s.counts.total} actions: {s.counts.complete} complete, {s.counts.in_progress} in progress, {s.counts.not_started} not started.
      </p>
      <p className="govuk-body"><Link className="govuk-link" to={`/governance/strategies/${s.id}/report`}>What we said and what we did</Link></p>
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/strategies/${s.id}/priorities/new`}>Add a priority</Link></p>}
      {s.priorities.length === 0 && <p className="govuk-body">No priorities have been recorded yet.</p>}
      {s.priorities.map((p, i) => (
        <section key={p.id} aria-labelledby={`priority-${p.id}`} data-testid="priority">
          <h2 className="govuk-heading-m" id={`priority-${p.id}`}>{String(i + 1)}. {p.title}</h2>
          {p.description && <p className="govuk-body">{p.description}</p>}
          {writer && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/governance/strategies/${s.id}/priorities/${p.id}/actions/new`}>Add an action<span className="govuk-visually-hidden"> to {p.title}</span></Link>
              {" · "}
              <Link className="govuk-link" to={`/governance/strategies/${s.id}/priorities/${p.id}/edit`}>Change the priority<span className="govuk-visually-hidden">: {p.title}</span></Link>
            </p>
          )}
          {p.actions.length === 0 ? (
            <p className="govuk-body">No actions yet.</p>
          ) : (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Actions for {p.title}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Action</th>
                  <th scope="col" className="govuk-table__header">Owner</th>
                  <th scope="col" className="govuk-table__header">Dates</th>
                  <th scope="col" className="govuk-table__header">Status</th>
                  <th scope="col" className="govuk-table__header">Evidenced by</th>
                  <th scope="col" className="govuk-table__header">Latest progress</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {p.actions.map((a) => (
                  <tr key={a.id} className="govuk-table__row" data-testid="gov-action">
                    <td className="govuk-table__cell"><Link className="govuk-link" to={`/governance/actions/${a.id}`}>{a.title}</Link></td>
                    <td className="govuk-table__cell">{a.owner}</td>
                    <td className="govuk-table__cell">{actionDates(a)}</td>
                    <td className="govuk-table__cell"><GovStatusTag status={a.status} /></td>
                    <td className="govuk-table__cell"><LinkedMeasures measures={a.measures} /></td>
                    <td className="govuk-table__cell">{a.notes[0] ? `${formatDate(a.notes[0].notedOn)}: ${a.notes[0].note}` : "None yet"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}

/** A strategy: its priorities, and under each the actions with status, owner, dates, measures and the latest progress. */
export function StrategyPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadStrategy(id), [id]);
  usePageTitle("Strategy");
  return (
    <>
      <Link className="govuk-back-link" to="/governance">Strategy and scrutiny</Link>
      <Loaded load={load}>{(s) => <StrategyBody s={s} />}</Loaded>
    </>
  );
}
