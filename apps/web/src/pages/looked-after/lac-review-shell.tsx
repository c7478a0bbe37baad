import type { LacReview, LacReviews } from "@family-story/schemas";
import type { ReactNode } from "react";
import { useParams } from "react-router";
import { loadLacReviews } from "../../api/lac-reviews.ts";
import { useLoad } from "../../api/use-api.ts";
import type { FieldErrors } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { FormPage } from "../../components/form-page.tsx";

/** The child's reviews page, which every review form returns to. */
export const reviewsPath = (personId: string) => `/people/${personId}/looked-after/reviews`;

/** Loads the child's reviews for a page under /people/:id/looked-after/reviews. */
export function WithLacReviews({ children }: { children: (reviews: LacReviews) => ReactNode }) {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadLacReviews(id), [id]);
  return <Loaded load={load}>{children}</Loaded>;
}

/** A review's state as a GOV.UK tag. */
export function ReviewStatusTag({ review }: { review: LacReview }) {
  switch (review.status) {
    case "scheduled":
      return <strong className="govuk-tag govuk-tag--blue">Scheduled</strong>;
    case "held":
      return <strong className="govuk-tag govuk-tag--grey">Held</strong>;
    case "cancelled":
      return <strong className="govuk-tag govuk-tag--yellow">Cancelled</strong>;
  }
}

/** Whether a held review was on time, in words and colour. */
export function TimelinessTag({ review }: { review: LacReview }) {
  if (review.timeliness === null) return null;
  return review.timeliness === "on_time" ? <strong className="govuk-tag govuk-tag--green">On time</strong> : <strong className="govuk-tag govuk-tag--red">Late</strong>;
}

/** A review form: the child's name, the title, the error summary, the fields and the buttons. */
export function ReviewForm({ personId, childName, title, button, errors, busy, onSubmit, children, intro, wide }: {
  personId: string;
  childName: string;
  title: string;
  button: string;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
  intro?: ReactNode;
  wide?: boolean;
}) {
  return <FormPage caption={childName} title={title} button={button} cancelTo={reviewsPath(personId)} errors={errors} busy={busy} onSubmit={onSubmit} intro={intro} wide={wide}>{children}</FormPage>;
}
