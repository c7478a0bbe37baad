import type { Dispute, MidpointOverview, ReviewQa } from "@family-story/schemas";
import { Link, useLocation, useParams } from "react-router";
import { loadChildQa, loadDisputes, loadMidpoints } from "../../api/iro.ts";
import { loadLookedAfter } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { MidpointTag } from "../iro/iro-tags.tsx";
import { iroPath } from "./iro-form-shell.tsx";
import { DisputeHistory, DisputeSummary } from "./iro-dispute-history.tsx";
import { LacSubNav } from "./lac-sub-nav.tsx";

/**
 * A child's IRO page at /people/:id/looked-after/iro: mid-point monitoring, disputes with their
 * stage history, and the quality-assurance form of each held review.
 */
export function IroPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => Promise.all([loadLookedAfter(id), loadMidpoints(id), loadDisputes(id), loadChildQa(id)]), [id]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(load.state === "done" ? `${load.value[0].child.name}: IRO` : "IRO");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <LacSubNav personId={id} />
      <Loaded load={load}>
        {([record, midpoints, disputes, qa]) => (
          <>
            <span className="govuk-caption-l">{record.child.name}</span>
            <h1 className="govuk-heading-l">Independent reviewing officer</h1>
            <p className="govuk-body">IRO: {record.iro?.name ?? "not assigned"}</p>
            <MidpointSection personId={id} overview={midpoints} />
            <DisputesSection personId={id} disputes={disputes} />
            <QaSection personId={id} reviews={qa} />
          </>
        )}
      </Loaded>
    </>
  );
}

function MidpointSection({ personId, overview }: { personId: string; overview: MidpointOverview }) {
  const user = useUser();
  return (
    <section aria-labelledby="midpoints-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="midpoints-heading">Mid-point monitoring</h2>
      <dl className="govuk-summary-list">
        <SummaryRow label="Last review">{overview.lastReview ? formatDate(overview.lastReview.date) : "No review held yet"}</SummaryRow>
        <SummaryRow label="Next review due">{overview.nextReviewDue ? formatDate(overview.nextReviewDue) : "Not looked after now"}</SummaryRow>
        <SummaryRow label="Mid-point due">
          {overview.midpointDue && overview.midpointStatus !== "done" ? `${formatDate(overview.midpointDue)} ` : ""}
          <MidpointTag status={overview.midpointStatus} text={overview.midpointDueText} />
        </SummaryRow>
      </dl>
      {can(user, "iro:write") && overview.lastReview && (
        <Link className="govuk-button" to={`${iroPath(personId)}/midpoints/new`}>Record a mid-point check</Link>
      )}
      {overview.midpoints.length === 0 ? (
        <p className="govuk-body">No mid-point checks recorded.</p>
      ) : (
        <table className="govuk-table" data-testid="midpoints">
          <caption className="govuk-table__caption govuk-table__caption--s">Checks, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Care plan on track</th>
              <th scope="col" className="govuk-table__header">Notes</th>
              <th scope="col" className="govuk-table__header">After the review of</th>
              <th scope="col" className="govuk-table__header">Recorded by</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {overview.midpoints.map((m) => (
              <tr className="govuk-table__row" key={m.id}>
                <td className="govuk-table__cell">{formatDate(m.checkDate)}</td>
                <td className="govuk-table__cell">{m.onTrack ? <strong className="govuk-tag govuk-tag--green">On track</strong> : <strong className="govuk-tag govuk-tag--red">Not on track</strong>}</td>
                <td className="govuk-table__cell app-note-body">{m.notes}</td>
                <td className="govuk-table__cell">{formatDate(m.reviewDate)}</td>
                <td className="govuk-table__cell">{m.recordedBy?.name ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DisputesSection({ personId, disputes }: { personId: string; disputes: Dispute[] }) {
  const user = useUser();
  const writer = can(user, "iro:write");
  return (
    <section aria-labelledby="disputes-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="disputes-heading">Dispute resolution</h2>
      {writer && <Link className="govuk-button" to={`${iroPath(personId)}/disputes/new`}>Raise a dispute</Link>}
      {disputes.length === 0 && <p className="govuk-body">No disputes raised.</p>}
      {disputes.map((d) => (
        <div className="govuk-summary-card" key={d.id} data-testid="dispute">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {d.themeLabel}, raised {formatDate(d.raisedOn)}
            </h3>
            {writer && d.actions.length > 0 && (
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <Link className="govuk-link" to={`${iroPath(personId)}/disputes/${d.id}`}>
                    Record the outcome<span className="govuk-visually-hidden"> of the {d.stageLabel.toLowerCase()} ({d.themeLabel})</span>
                  </Link>
                </li>
              </ul>
            )}
          </div>
          <div className="govuk-summary-card__content">
            <DisputeSummary dispute={d} />
            <DisputeHistory dispute={d} />
          </div>
        </div>
      ))}
    </section>
  );
}

function QaSection({ personId, reviews }: { personId: string; reviews: ReviewQa[] }) {
  const user = useUser();
  const writer = can(user, "iro:write");
  return (
    <section aria-labelledby="qa-heading">
      <h2 className="govuk-heading-m" id="qa-heading">Quality assurance after each review</h2>
      {reviews.length === 0 ? (
        <p className="govuk-body">No review has been held yet.</p>
      ) : (
        <table className="govuk-table" data-testid="qa-forms">
          <caption className="govuk-table__caption govuk-visually-hidden">Held reviews and their quality-assurance forms, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Review</th>
              <th scope="col" className="govuk-table__header">Form</th>
              <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {reviews.map((r) => {
              const label = `the review of ${formatDate(r.reviewDate)}`;
              return (
                <tr className="govuk-table__row" key={r.reviewId}>
                  <td className="govuk-table__cell">{formatDate(r.reviewDate)}</td>
                  <td className="govuk-table__cell">
                    {r.qa ? `Completed ${formatDate(r.qa.completedOn)}${r.qa.completedBy ? ` by ${r.qa.completedBy.name}` : ""}` : <strong className="govuk-tag govuk-tag--yellow">Not completed</strong>}
                  </td>
                  <td className="govuk-table__cell">
                    {(r.qa || writer) && (
                      <Link className="govuk-link" to={`${iroPath(personId)}/qa/${r.reviewId}`}>
                        {r.qa ? (writer ? "View or change" : "View") : "Complete the form"}
                        <span className="govuk-visually-hidden"> for {label}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
