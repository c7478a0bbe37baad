import { REVIEW_PARTICIPATION, REVIEW_VIEWS_METHODS, todayIso } from "@family-story/domain";
import { lacReviewHeldSchema, type LacReview, type LacReviews } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { recordReviewHeld } from "../../api/lac-reviews.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check, type FieldErrors } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { ReviewForm, WithLacReviews, reviewsPath } from "./lac-review-shell.tsx";

/** Owner choice meaning "someone outside the system, named below". */
const OUTSIDE = "outside";

interface DecisionRow {
  decision: string;
  owner: string;
  ownerName: string;
  dueDate: string;
}
const emptyDecision = (): DecisionRow => ({ decision: "", owner: "", ownerName: "", dueDate: "" });

/** Record a scheduled review as held, at /people/:id/looked-after/reviews/:reviewId/record. */
export function RecordReviewPage() {
  const { reviewId = "" } = useParams();
  return (
    <WithLacReviews>
      {(reviews) => {
        const review = reviews.reviews.find((r) => r.id === reviewId && r.status === "scheduled");
        return review ? (
          <RecordForm reviews={reviews} review={review} />
        ) : (
          <p className="govuk-body">
            This review is not scheduled: it may already be recorded or cancelled. <Link className="govuk-link" to={reviewsPath(reviews.personId)}>Back to the reviews</Link>
          </p>
        );
      }}
    </WithLacReviews>
  );
}

function RecordForm({ reviews, review }: { reviews: LacReviews; review: LacReview }) {
  const personId = reviews.personId;
  const today = todayIso();
  const [reviewDate, setReviewDate] = useState(review.plannedDate !== null && review.plannedDate <= today ? review.plannedDate : today);
  const [participationCode, setParticipation] = useState("");
  const [viewsMethods, setViewsMethods] = useState<string[]>([]);
  const [childViews, setChildViews] = useState("");
  const [summary, setSummary] = useState("");
  const [decisions, setDecisions] = useState<DecisionRow[]>([]);
  const { errors, busy, submit } = useFormSubmit();

  function onSubmit() {
    const body = {
      reviewDate,
      participationCode,
      viewsMethods,
      childViews: blankToNull(childViews),
      summary,
      decisions: decisions.map((d) => ({
        decision: d.decision,
        ...(d.owner !== "" && d.owner !== OUTSIDE && { ownerId: d.owner }),
        ...(d.owner === OUTSIDE && { ownerName: d.ownerName }),
        dueDate: d.dueDate,
      })),
    };
    void submit({
      checked: check(lacReviewHeldSchema, body, { summary: "Enter the minutes of the review", participationCode: "Choose how the child took part" }),
      send: () => recordReviewHeld(review.id, body),
      to: `${reviewsPath(personId)}/${review.id}/letter`,
      flash: "Review recorded. Now write the letter to the child.",
    });
  }
  const setDecision = (i: number, patch: Partial<DecisionRow>) => { setDecisions(decisions.map((d, j) => (j === i ? { ...d, ...patch } : d))); };
  return (
    <ReviewForm
      personId={personId}
      childName={reviews.childName}
      title="Record the review"
      button="Save the review"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">Planned for {formatDate(review.plannedDate)}{reviews.nextReviewDue ? `; due by ${formatDate(reviews.nextReviewDue)}` : ""}. You are recorded as the chair.</p>}
    >
      <TextField name="reviewDate" label="Date the review was held" hint="For example, 2025-04-23" width="10" error={errors.reviewDate} value={reviewDate} onChange={setReviewDate} />
      <RadiosField name="participationCode" label="How did the child take part?" error={errors.participationCode} value={participationCode} onChange={setParticipation} options={REVIEW_PARTICIPATION.map((p) => ({ value: p.code, label: `${p.code}: ${p.label}` }))} />
      <ViewsMethods value={viewsMethods} onChange={setViewsMethods} error={errors.viewsMethods ?? errors["viewsMethods.0"]} />
      <TextareaField name="childViews" label="What the child told us" hint="In their words where you can: this goes into the letter to them." error={errors.childViews} value={childViews} onChange={setChildViews} />
      <TextareaField name="summary" label="Minutes" hint="What was discussed: the care plan, placement, health, education, contact." error={errors.summary} value={summary} onChange={setSummary} />
      <h2 className="govuk-heading-m">Decisions</h2>
      {decisions.length === 0 && <p className="govuk-body">No decisions added.</p>}
      {decisions.map((d, i) => (
        <Decision key={i} index={i} row={d} staff={reviews.staff} errors={errors} onChange={(patch) => { setDecision(i, patch); }} onRemove={() => { setDecisions(decisions.filter((_, j) => j !== i)); }} />
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setDecisions([...decisions, emptyDecision()]); }}>
        {decisions.length === 0 ? "Add a decision" : "Add another decision"}
      </button>
    </ReviewForm>
  );
}

function ViewsMethods({ value, onChange, error }: { value: string[]; onChange: (v: string[]) => void; error: string | undefined }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? "viewsMethods-error" : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">How were the child’s views gathered?</legend>
        {error && <p id="viewsMethods-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {REVIEW_VIEWS_METHODS.map((m, i) => (
            <div className="govuk-checkboxes__item" key={m.code}>
              <input
                className="govuk-checkboxes__input"
                id={i === 0 ? "viewsMethods" : `viewsMethods-${m.code}`}
                type="checkbox"
                checked={value.includes(m.code)}
                onChange={(e) => { onChange(e.target.checked ? [...value, m.code] : value.filter((v) => v !== m.code)); }}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? "viewsMethods" : `viewsMethods-${m.code}`}>{m.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Decision({ index, row, staff, errors, onChange, onRemove }: { index: number; row: DecisionRow; staff: LacReviews["staff"]; errors: FieldErrors; onChange: (patch: Partial<DecisionRow>) => void; onRemove: () => void }) {
  const n = String(index);
  return (
    <fieldset className="govuk-fieldset app-action-row">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Decision {index + 1}</legend>
      <TextareaField name={`decisions.${n}.decision`} label="What was decided" error={errors[`decisions.${n}.decision`]} value={row.decision} onChange={(v) => { onChange({ decision: v }); }} />
      <SelectField
        name={`decisions.${n}.ownerId`}
        label="Who will do it"
        error={errors[`decisions.${n}.ownerId`]}
        value={row.owner}
        onChange={(v) => { onChange({ owner: v }); }}
        options={[{ value: "", label: "Choose who" }, ...staff.map((s) => ({ value: s.id, label: s.name })), { value: OUTSIDE, label: "Someone outside Family Story (name them)" }]}
      />
      {row.owner === OUTSIDE && <TextField name={`decisions.${n}.ownerName`} label="Their name and role" hint="For example, Mrs Khan (foster carer)" error={errors[`decisions.${n}.ownerName`]} value={row.ownerName} onChange={(v) => { onChange({ ownerName: v }); }} />}
      <TextField name={`decisions.${n}.dueDate`} label="By when" hint="For example, 2025-04-23" width="10" error={errors[`decisions.${n}.dueDate`]} value={row.dueDate} onChange={(v) => { onChange({ dueDate: v }); }} />
      <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-4" onClick={onRemove}>
        Remove<span className="govuk-visually-hidden"> decision {index + 1}</span>
      </button>
    </fieldset>
  );
}
