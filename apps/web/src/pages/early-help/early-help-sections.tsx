import type { CaseDetail, EarlyHelpEpisode } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { errorText } from "../../api/api-client.ts";
import { changeEpisode, loadEpisode } from "../../api/early-help.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

const STATUS: Record<string, { text: string; tag: string }> = {
  draft: { text: "Draft", tag: "govuk-tag--grey" },
  awaiting_authorisation: { text: "Awaiting authorisation", tag: "govuk-tag--yellow" },
  authorised: { text: "Authorised", tag: "govuk-tag--green" },
  returned: { text: "Returned", tag: "govuk-tag--orange" },
  open: { text: "Open", tag: "govuk-tag--blue" },
  met: { text: "Met", tag: "govuk-tag--green" },
  not_met: { text: "Not met", tag: "govuk-tag--red" },
  not_started: { text: "Not started", tag: "govuk-tag--grey" },
  in_progress: { text: "In progress", tag: "govuk-tag--blue" },
  done: { text: "Done", tag: "govuk-tag--green" },
  not_done: { text: "Not done", tag: "govuk-tag--red" },
};

/** A status as a GOV.UK tag. */
export function StatusTag({ status }: { status: string }) {
  const s = STATUS[status] ?? { text: status, tag: "govuk-tag--grey" };
  return <strong className={`govuk-tag ${s.tag}`}>{s.text}</strong>;
}

/** What the case page shows of an early help episode: assessment, TAF, family plan, reviews, closure. */
export function EarlyHelpSections({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const [load, reloadEpisode] = useLoad(() => loadEpisode(detail.id), [detail.id, detail.version]);
  return (
    <section aria-labelledby="early-help-heading">
      <h2 className="govuk-heading-m" id="early-help-heading">Early help</h2>
      <Loaded load={load}>{(ep) => <EpisodeView ep={ep} reload={() => { reload(); reloadEpisode(); }} />}</Loaded>
    </section>
  );
}

function EpisodeView({ ep, reload }: { ep: EarlyHelpEpisode; reload: () => void }) {
  const user = useUser();
  const [error, setError] = useState<string | null>(null);
  const open = ep.status === "open";
  const write = open && can(user, "case:write");
  const authorise = open && can(user, "case:authorise");
  const to = (path: string) => `/cases/${ep.caseId}/early-help/${path}`;
  async function send(path: string, version: number) {
    try {
      setError(null);
      await changeEpisode(ep.caseId, "POST", path, undefined, `W/"${String(version)}"`);
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  }
  const a = ep.assessment;
  return (
    <>
      {error && <div className="govuk-error-summary" role="alert"><div className="govuk-error-summary__body"><p className="govuk-body">{error}</p></div></div>}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Family hub or locality</dt><dd className="govuk-summary-list__value">{ep.locality?.name ?? "Not placed yet"}</dd><dd className="govuk-summary-list__actions">{write && <Link className="govuk-link" to={to("locality")}>Change<span className="govuk-visually-hidden"> locality</span></Link>}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Whole-family assessment</dt><dd className="govuk-summary-list__value">{a ? <><StatusTag status={a.status} /> {a.needsCount} {a.needsCount === 1 ? "need" : "needs"} identified{a.authorisedBy && <> · authorised by {a.authorisedBy} on {formatDate(a.authorisedAt?.slice(0, 10))}</>}{a.decisionNote && <> · “{a.decisionNote}”</>}</> : "Not started"}</dd><dd className="govuk-summary-list__actions"><Link className="govuk-link" to={to("assessment")}>{write && a?.status !== "awaiting_authorisation" ? "Assess" : "View"}<span className="govuk-visually-hidden"> assessment</span></Link></dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Family plan</dt><dd className="govuk-summary-list__value"><StatusTag status={ep.plan.status} />{ep.plan.authorisedBy && <> authorised by {ep.plan.authorisedBy} on {formatDate(ep.plan.authorisedAt?.slice(0, 10))}</>}{ep.plan.decisionNote && <> · “{ep.plan.decisionNote}”</>}</dd><dd className="govuk-summary-list__actions" /></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Next review due</dt><dd className="govuk-summary-list__value" data-testid="next-review-due">{ep.nextReviewDue ? formatDate(ep.nextReviewDue) : open ? "Not set (the first review falls due when the plan is authorised)" : "None: the episode is closed"}</dd><dd className="govuk-summary-list__actions" /></div>
      </dl>
      <div className="govuk-button-group">
        {write && a?.status === "draft" && <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void send("/assessment/submit", a.version)}>Send assessment for authorisation</button>}
        {authorise && a?.status === "awaiting_authorisation" && <Link className="govuk-button" to={to("decision/assessment")}>Authorise assessment</Link>}
        {write && ep.plan.status === "draft" && ep.plan.goals.length > 0 && <button type="button" className="govuk-button govuk-button--secondary" onClick={() => void send("/plan/submit", ep.plan.version)}>Send plan for authorisation</button>}
        {authorise && ep.plan.status === "awaiting_authorisation" && <Link className="govuk-button" to={to("decision/plan")}>Authorise plan</Link>}
        {authorise && ep.closure?.status === "awaiting_authorisation" && <Link className="govuk-button" to={to("decision/closure")}>Authorise closure</Link>}
      </div>

      <h3 className="govuk-heading-s">Team Around the Family</h3>
      {ep.taf.length === 0 ? <p className="govuk-body">No one yet.</p> : (
        <ul className="govuk-list govuk-list--bullet">
          {ep.taf.map((m) => <li key={m.id}>{m.name}{m.organisationName && `, ${m.organisationName}`} ({m.role}){m.isLead && <> — <strong>lead professional</strong></>}{m.isPartner && " · partner"}</li>)}
        </ul>
      )}
      {write && <p className="govuk-body"><Link className="govuk-link" to={to("taf")}>Add a member or change the lead professional</Link></p>}

      <h3 className="govuk-heading-s">Family plan</h3>
      {ep.plan.goals.length === 0 && <p className="govuk-body">No goals yet.</p>}
      {ep.plan.goals.map((g) => (
        <div key={g.id}>
          <p className="govuk-body govuk-!-margin-bottom-1"><span className="govuk-caption-s">{g.outcomeLabel}</span></p>
          <p className="govuk-body"><strong>{g.description}</strong>{g.person && ` (${g.person.name})`}{g.targetDate && ` · by ${formatDate(g.targetDate)}`} <StatusTag status={g.status} /></p>
          {g.actions.length > 0 && (
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Actions for {g.description}</caption>
              <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Action</th><th scope="col" className="govuk-table__header">Owner</th><th scope="col" className="govuk-table__header">By</th><th scope="col" className="govuk-table__header">Status</th><th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Update</span></th></tr></thead>
              <tbody className="govuk-table__body">
                {g.actions.map((x) => (
                  <tr className="govuk-table__row" key={x.id}>
                    <td className="govuk-table__cell">{x.description}{x.updates[0] && <><br /><span className="govuk-hint">Latest: {x.updates[0].progress} ({x.updates[0].recordedBy})</span></>}</td>
                    <td className="govuk-table__cell">{x.owner.name}{x.owner.organisationName && `, ${x.owner.organisationName}`}</td>
                    <td className="govuk-table__cell">{formatDate(x.targetDate)}</td>
                    <td className="govuk-table__cell"><StatusTag status={x.status} /></td>
                    <td className="govuk-table__cell">{x.canUpdate && <Link className="govuk-link" to={to(`actions/${x.id}`)}>Update<span className="govuk-visually-hidden"> {x.description}</span></Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {write && ep.plan.status !== "awaiting_authorisation" && <p className="govuk-body"><Link className="govuk-link" to={to(`goals/${g.id}/actions/new`)}>Add an action<span className="govuk-visually-hidden"> to {g.description}</span></Link></p>}
        </div>
      ))}
      {write && ep.plan.status !== "awaiting_authorisation" && <p className="govuk-body"><Link className="govuk-link" to={to("goals/new")}>Add a goal</Link></p>}

      <h3 className="govuk-heading-s">Reviews</h3>
      {ep.reviews.length === 0 ? <p className="govuk-body">No reviews yet.</p> : (
        <ul className="govuk-list">
          {ep.reviews.map((r) => <li key={r.id}><strong>{formatDate(r.reviewDate)}</strong>: {r.progress}{r.familyViews && <> — family: “{r.familyViews}”</>} <span className="govuk-hint">(next due {formatDate(r.nextReviewDue)})</span></li>)}
        </ul>
      )}
      {write && ep.plan.status === "authorised" && <p className="govuk-body"><Link className="govuk-link" to={to("reviews/new")}>Record a review</Link></p>}

      <h3 className="govuk-heading-s">Closure</h3>
      {ep.closure ? (
        <p className="govuk-body" data-testid="closure">{ep.closure.reasonLabel} on {formatDate(ep.closure.closedOn)} <StatusTag status={ep.closure.status} />{ep.closure.outcomesMetPercent !== null && <> · {ep.closure.outcomesMetPercent}% of goals met</>}{ep.closure.decidedBy && <> · decided by {ep.closure.decidedBy}</>}</p>
      ) : <p className="govuk-body">Open.</p>}
      {write && ep.closure?.status !== "awaiting_authorisation" && <p className="govuk-body"><Link className="govuk-link" to={to("closure")}>Close the episode</Link></p>}
      {authorise && <p className="govuk-body"><Link className="govuk-link" to={to("step-up")}>Step up to social care</Link></p>}
    </>
  );
}
