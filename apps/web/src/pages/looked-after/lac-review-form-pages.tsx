import { todayIso } from "@family-story/domain";
import { iroAssignSchema, lacReviewScheduleSchema, type LacReviews } from "@family-story/schemas";
import { useState } from "react";
import { assignIro, scheduleReview } from "../../api/lac-reviews.ts";
import { SelectField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { ReviewForm, WithLacReviews, reviewsPath } from "./lac-review-shell.tsx";

/** Schedule the child's next review, at /people/:id/looked-after/reviews/schedule. */
export function ScheduleReviewPage() {
  return <WithLacReviews>{(reviews) => <ScheduleForm reviews={reviews} />}</WithLacReviews>;
}

function ScheduleForm({ reviews }: { reviews: LacReviews }) {
  const personId = reviews.personId;
  const [plannedDate, setPlannedDate] = useState(reviews.nextReviewDue ?? todayIso());
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { plannedDate };
    void submit({
      checked: check(lacReviewScheduleSchema, body),
      send: () => scheduleReview(personId, plannedDate),
      to: reviewsPath(personId),
      flash: `Review scheduled for ${formatDate(plannedDate)}.`,
    });
  }
  return (
    <ReviewForm
      personId={personId}
      childName={reviews.childName}
      title="Schedule the next review"
      button="Schedule the review"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={reviews.nextReviewDue ? <p className="govuk-body">The next review is due by {formatDate(reviews.nextReviewDue)}.</p> : undefined}
    >
      <TextField name="plannedDate" label="Planned date" hint="For example, 2025-04-23" width="10" error={errors.plannedDate} value={plannedDate} onChange={setPlannedDate} />
    </ReviewForm>
  );
}

/** Assign or change the child's IRO, at /people/:id/looked-after/reviews/assign-iro. */
export function AssignIroPage() {
  return <WithLacReviews>{(reviews) => <AssignIroForm reviews={reviews} />}</WithLacReviews>;
}

function AssignIroForm({ reviews }: { reviews: LacReviews }) {
  const personId = reviews.personId;
  const [iroId, setIroId] = useState(reviews.iro?.id ?? "");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { iroId };
    const chosen = reviews.iros.find((i) => i.id === iroId);
    void submit({
      checked: iroId === "" ? { ok: false, errors: { iroId: "Choose the independent reviewing officer" } } : check(iroAssignSchema, body),
      send: () => assignIro(personId, reviews.lacVersion, iroId),
      to: reviewsPath(personId),
      flash: `${chosen?.name ?? "The IRO"} is now ${reviews.childName}’s independent reviewing officer.`,
    });
  }
  return (
    <ReviewForm personId={personId} childName={reviews.childName} title="Independent reviewing officer" button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <SelectField
        name="iroId"
        label="Who is the child’s IRO?"
        hint="Their next review moves to this IRO’s work tray."
        error={errors.iroId}
        value={iroId}
        onChange={setIroId}
        options={[{ value: "", label: "Choose an IRO" }, ...reviews.iros.map((i) => ({ value: i.id, label: i.name }))]}
      />
    </ReviewForm>
  );
}
