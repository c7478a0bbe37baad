import { QA_ANSWERS, QA_QUESTIONS, todayIso } from "@family-story/domain";
import { qaPutSchema, type LookedAfterRecord, type ReviewQa } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { loadChildQa, saveQa } from "../../api/iro.ts";
import { loadLookedAfter } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { IroForm, iroPath } from "./iro-form-shell.tsx";

const answerLabel = (code: string | undefined) => QA_ANSWERS.find((a) => a.code === code)?.label ?? "Not answered";

/** A held review's quality-assurance form: completed or changed by the IRO, read by the child's workers. */
export function QaPage() {
  const { id = "", reviewId = "" } = useParams();
  const [load] = useLoad(() => Promise.all([loadLookedAfter(id), loadChildQa(id)]), [id]);
  return (
    <Loaded load={load}>
      {([record, reviews]) => {
        const review = reviews.find((r) => r.reviewId === reviewId);
        if (!review) return <NoReview personId={id} />;
        return <QaView record={record} review={review} />;
      }}
    </Loaded>
  );
}

function NoReview({ personId }: { personId: string }) {
  usePageTitle("Review not found");
  return (
    <>
      <h1 className="govuk-heading-l">Review not found</h1>
      <p className="govuk-body">This child has no held review with that identifier. <Link className="govuk-link" to={iroPath(personId)}>Back to the IRO page</Link></p>
    </>
  );
}

function QaView({ record, review }: { record: LookedAfterRecord; review: ReviewQa }) {
  const user = useUser();
  if (can(user, "iro:write")) return <QaForm record={record} review={review} />;
  const title = `Quality assurance: review of ${formatDate(review.reviewDate)}`;
  return <QaReadOnly record={record} review={review} title={title} />;
}

function QaReadOnly({ record, review, title }: { record: LookedAfterRecord; review: ReviewQa; title: string }) {
  usePageTitle(title);
  const qa = review.qa;
  return (
    <>
      <span className="govuk-caption-l">{record.child.name}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {qa ? (
        <dl className="govuk-summary-list" data-testid="qa-answers">
          {QA_QUESTIONS.map((q) => <SummaryRow key={q.key} label={q.text}>{answerLabel(qa.answers[q.key])}</SummaryRow>)}
          <SummaryRow label="Comments"><span className="app-note-body">{qa.comments ?? "None"}</span></SummaryRow>
          <SummaryRow label="Completed">{formatDate(qa.completedOn)}{qa.completedBy ? ` by ${qa.completedBy.name}` : ""}</SummaryRow>
        </dl>
      ) : (
        <p className="govuk-body">The IRO has not completed the form for this review yet.</p>
      )}
      <Link className="govuk-link" to={iroPath(record.child.id)}>Back to the IRO page</Link>
    </>
  );
}

function QaForm({ record, review }: { record: LookedAfterRecord; review: ReviewQa }) {
  const personId = record.child.id;
  const qa = review.qa;
  const [answers, setAnswers] = useState<Record<string, string>>(qa?.answers ?? {});
  const [completedOn, setCompletedOn] = useState(qa?.completedOn ?? todayIso());
  const [comments, setComments] = useState(qa?.comments ?? "");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { completedOn, answers, comments: blankToNull(comments) };
    const checked = check(qaPutSchema, body);
    void submit({
      checked,
      send: () => saveQa(review.reviewId, qa?.version ?? null, body),
      to: iroPath(personId),
      flash: qa ? "Quality-assurance form changed." : "Quality-assurance form completed.",
    });
  }
  return (
    <IroForm
      personId={personId}
      childName={record.child.name}
      title={`Quality assurance: review of ${formatDate(review.reviewDate)}`}
      button={qa ? "Save changes" : "Save the form"}
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">Answer every question about this review. The answers are shown on the child’s record, and counted without names in the service’s quality-assurance summary.</p>}
    >
      {QA_QUESTIONS.map((q) => (
        <RadiosField
          key={q.key}
          name={`answers-${q.key}`}
          label={q.text}
          error={errors[`answers.${q.key}`]}
          value={answers[q.key] ?? ""}
          onChange={(v) => { setAnswers({ ...answers, [q.key]: v }); }}
          inline
          options={QA_ANSWERS.map((a) => ({ value: a.code, label: a.label }))}
        />
      ))}
      <TextareaField name="comments" label="Comments (optional)" hint="What worked well and what needs to improve." error={errors.comments} value={comments} onChange={setComments} />
      <TextField name="completedOn" label="Date completed" hint="For example, 2025-04-23" width="10" error={errors.completedOn} value={completedOn} onChange={setCompletedOn} />
    </IroForm>
  );
}
