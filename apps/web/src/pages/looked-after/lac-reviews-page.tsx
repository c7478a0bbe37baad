import type { LacReview, LacReviews } from "@family-story/schemas";
import { Link, useLocation, useParams } from "react-router";
import { loadLacReviews } from "../../api/lac-reviews.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { DueTag } from "../work/due-tag.tsx";
import { LacSubNav } from "./lac-sub-nav.tsx";
import { ReviewStatusTag, TimelinessTag, reviewsPath } from "./lac-review-shell.tsx";

/**
 * A looked-after child's reviews at /people/:id/looked-after/reviews: their IRO, the next review
 * due (due or overdue), and every review with whether it was held on time.
 */
export function LacReviewsPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadLacReviews(id), [id]);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle(load.state === "done" ? `${load.value.childName}: reviews` : "Reviews");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <LacSubNav personId={id} />
      <Loaded load={load}>{(reviews) => <ReviewsOverview personId={id} reviews={reviews} />}</Loaded>
    </>
  );
}

function ReviewsOverview({ personId, reviews }: { personId: string; reviews: LacReviews }) {
  const user = useUser();
  const iroWrites = can(user, "iro:write");
  const scheduled = reviews.reviews.find((r) => r.status === "scheduled");
  return (
    <>
      <span className="govuk-caption-l">{reviews.childName}</span>
      <h1 className="govuk-heading-l">Looked-after reviews</h1>
      <dl className="govuk-summary-list">
        <SummaryRow label="Independent reviewing officer">
          {reviews.iro?.name ?? "Not assigned"}
          {iroWrites && (
            <>
              {" "}
              <Link className="govuk-link" to={`${reviewsPath(personId)}/assign-iro`}>
                {reviews.iro ? "Change" : "Assign"}<span className="govuk-visually-hidden"> the independent reviewing officer</span>
              </Link>
            </>
          )}
        </SummaryRow>
        <SummaryRow label="Period of care started">{reviews.periodStart ? formatDate(reviews.periodStart) : "Not known"}</SummaryRow>
        <SummaryRow label="Next review due">
          {reviews.nextReviewDue ? (
            <>
              {formatDate(reviews.nextReviewDue)} <DueTag item={{ dueStatus: reviews.nextReviewDueStatus, dueText: reviews.nextReviewDueText ?? "" }} />
            </>
          ) : (
            "None: not looked after now"
          )}
        </SummaryRow>
        <SummaryRow label="Next review planned">{scheduled?.plannedDate ? formatDate(scheduled.plannedDate) : "Not scheduled"}</SummaryRow>
      </dl>
      {iroWrites && reviews.lookedAfter && !scheduled && (
        <Link className="govuk-button" to={`${reviewsPath(personId)}/schedule`}>Schedule the next review</Link>
      )}
      {iroWrites && scheduled && (
        <Link className="govuk-button" to={`${reviewsPath(personId)}/${scheduled.id}/record`}>Record the review</Link>
      )}
      <h2 className="govuk-heading-m">Reviews</h2>
      {reviews.reviews.length === 0 ? <p className="govuk-body">No reviews scheduled or held yet.</p> : <ReviewTable personId={personId} reviews={reviews.reviews} iroWrites={iroWrites} />}
    </>
  );
}

function ReviewTable({ personId, reviews, iroWrites }: { personId: string; reviews: LacReview[]; iroWrites: boolean }) {
  return (
    <table className="govuk-table" data-testid="lac-reviews">
      <caption className="govuk-table__caption govuk-table__caption--s">Schedule and history, newest first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Date</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">Due by</th>
          <th scope="col" className="govuk-table__header">Timeliness</th>
          <th scope="col" className="govuk-table__header">Participation</th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {reviews.map((r) => {
          const date = r.reviewDate ?? r.plannedDate;
          return (
            <tr className="govuk-table__row" key={r.id}>
              <td className="govuk-table__cell">{date ? formatDate(date) : ""}{r.status === "scheduled" ? " (planned)" : ""}</td>
              <td className="govuk-table__cell"><ReviewStatusTag review={r} /></td>
              <td className="govuk-table__cell">{r.dueBy ? formatDate(r.dueBy) : ""}</td>
              <td className="govuk-table__cell"><TimelinessTag review={r} /></td>
              <td className="govuk-table__cell">{r.participationCode ? <abbr title={r.participationLabel ?? undefined}>{r.participationCode}</abbr> : ""}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list">
                  <li><Link className="govuk-link" to={`${reviewsPath(personId)}/${r.id}`}>View<span className="govuk-visually-hidden"> the review of {date ? formatDate(date) : ""}</span></Link></li>
                  {iroWrites && r.status === "scheduled" && <li><Link className="govuk-link" to={`${reviewsPath(personId)}/${r.id}/record`}>Record<span className="govuk-visually-hidden"> the review of {date ? formatDate(date) : ""}</span></Link></li>}
                  {iroWrites && r.status === "held" && <li><Link className="govuk-link" to={`${reviewsPath(personId)}/${r.id}/letter`}>{r.letter === null ? "Write the letter" : "Edit the letter"}<span className="govuk-visually-hidden"> to the child after the review of {date ? formatDate(date) : ""}</span></Link></li>}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
