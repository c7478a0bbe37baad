import { REVIEW_VIEWS_METHODS } from "@family-story/domain";
import { lacReviewLetterSchema, type LacReview } from "@family-story/schemas";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { loadLacReview, loadLacReviews, reviewLetterPdfUrl, saveReviewLetter } from "../../api/lac-reviews.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { check } from "../../components/form-errors.ts";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { LacSubNav } from "./lac-sub-nav.tsx";
import { ReviewForm, ReviewStatusTag, TimelinessTag, reviewsPath } from "./lac-review-shell.tsx";

const METHOD_LABELS = new Map<string, string>(REVIEW_VIEWS_METHODS.map((m) => [m.code, m.label]));

/** Loads the child's name and one review for the pages below. */
function useReview() {
  const { id = "", reviewId = "" } = useParams();
  const [load] = useLoad(() => Promise.all([loadLacReviews(id), loadLacReview(reviewId)]).then(([all, review]) => ({ childName: all.childName, review })), [id, reviewId]);
  return { personId: id, load };
}

/** The link that downloads the saved letter as a PDF. */
function PdfLink({ review }: { review: LacReview }) {
  return (
    <a className="govuk-link" href={reviewLetterPdfUrl(review.id)} download>
      Download letter (PDF)
    </a>
  );
}

/** One review, at /people/:id/looked-after/reviews/:reviewId: what happened and what was decided. */
export function LacReviewPage() {
  const { personId, load } = useReview();
  const user = useUser();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  usePageTitle("Review");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <LacSubNav personId={personId} />
      <Loaded load={load}>
        {({ childName, review }) => (
          <>
            <span className="govuk-caption-l">{childName}</span>
            <h1 className="govuk-heading-l">Review {review.reviewDate ? `of ${formatDate(review.reviewDate)}` : `planned for ${formatDate(review.plannedDate)}`}</h1>
            <dl className="govuk-summary-list">
              <SummaryRow label="Status"><ReviewStatusTag review={review} /> <TimelinessTag review={review} /></SummaryRow>
              {review.dueBy && <SummaryRow label="Due by">{formatDate(review.dueBy)}</SummaryRow>}
              <SummaryRow label="Chair">{review.chair?.name ?? "Not recorded"}</SummaryRow>
              <SummaryRow label="Participation">{review.participationCode ? `${review.participationCode}: ${review.participationLabel ?? ""}` : "Not recorded"}</SummaryRow>
              <SummaryRow label="Views gathered by">{review.viewsMethods.length === 0 ? "Not recorded" : review.viewsMethods.map((m) => METHOD_LABELS.get(m) ?? m).join(", ")}</SummaryRow>
              <SummaryRow label="What the child told us"><span className="app-note-body">{review.childViews ?? "Not recorded"}</span></SummaryRow>
              <SummaryRow label="Minutes"><span className="app-note-body">{review.summary ?? "Not recorded"}</span></SummaryRow>
              <SummaryRow label="Letter to the child">
                {review.letter === null ? "Not written yet" : <>Saved {review.letterUpdatedAt ? formatDateTime(review.letterUpdatedAt) : ""}. <PdfLink review={review} /></>}
                {can(user, "iro:write") && review.status === "held" && (
                  <> <Link className="govuk-link" to={`${reviewsPath(personId)}/${review.id}/letter`}>{review.letter === null ? "Write the letter" : "Edit the letter"}</Link></>
                )}
              </SummaryRow>
            </dl>
            <h2 className="govuk-heading-m">Decisions</h2>
            {review.decisions.length === 0 ? (
              <p className="govuk-body">No decisions recorded.</p>
            ) : (
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">What was agreed, who will do it and by when</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Decision</th>
                    <th scope="col" className="govuk-table__header">Who</th>
                    <th scope="col" className="govuk-table__header">By</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {review.decisions.map((d) => (
                    <tr className="govuk-table__row" key={d.id}>
                      <td className="govuk-table__cell">{d.decision}</td>
                      <td className="govuk-table__cell">{d.owner?.name ?? d.ownerName ?? ""}</td>
                      <td className="govuk-table__cell">{formatDate(d.dueDate)}</td>
                      <td className="govuk-table__cell">{d.status === "done" ? <strong className="govuk-tag govuk-tag--green">Done</strong> : <strong className="govuk-tag govuk-tag--grey">Open</strong>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="govuk-body"><Link className="govuk-link" to={reviewsPath(personId)}>Back to the reviews</Link></p>
          </>
        )}
      </Loaded>
    </>
  );
}

/** The letter to the child, at /people/:id/looked-after/reviews/:reviewId/letter: the prefilled draft, edited and saved. */
export function ReviewLetterPage() {
  const { personId, load } = useReview();
  return <Loaded load={load}>{({ childName, review }) => <LetterForm personId={personId} childName={childName} review={review} />}</Loaded>;
}

function LetterForm({ personId, childName, review }: { personId: string; childName: string; review: LacReview }) {
  const [letter, setLetter] = useState(review.letter ?? review.letterDraft ?? "");
  const { errors, busy, submit } = useFormSubmit();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  function onSubmit() {
    const body = { letter };
    void submit({
      checked: check(lacReviewLetterSchema, body, { letter: "Write the letter to the child" }),
      send: () => saveReviewLetter(review, letter),
      to: `${reviewsPath(personId)}/${review.id}`,
      flash: "Letter saved on the child’s record. You can download it as a PDF.",
    });
  }
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <ReviewForm
        personId={personId}
        childName={childName}
        title="Letter to the child"
        button="Save the letter"
        errors={errors}
        busy={busy}
        onSubmit={onSubmit}
        intro={
          <>
            <p className="govuk-body">Write the review’s minutes as a letter to the child, in words they will understand. The draft is filled in from the review{review.reviewDate ? ` of ${formatDate(review.reviewDate)}` : ""}.</p>
            {review.letter !== null && <p className="govuk-body">A letter is saved. <PdfLink review={review} /></p>}
          </>
        }
      >
        <div className={`govuk-form-group${errors.letter ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="letter">Letter</label>
          <div id="letter-hint" className="govuk-hint">Leave a blank line between paragraphs. Start a line with # and a space for a heading, and with - and a space for each item of a list.</div>
          {errors.letter && <p id="letter-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errors.letter}</p>}
          <textarea
            className={`govuk-textarea${errors.letter ? " govuk-textarea--error" : ""}`}
            id="letter"
            name="letter"
            rows={24}
            value={letter}
            aria-describedby={errors.letter ? "letter-hint letter-error" : "letter-hint"}
            onChange={(event) => { setLetter(event.target.value); }}
          />
        </div>
      </ReviewForm>
    </>
  );
}
