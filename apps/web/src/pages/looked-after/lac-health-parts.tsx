import type { CodedValue } from "@family-story/domain";
import type { LacDue } from "@family-story/schemas";
import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { usePageTitle } from "../../app/page-title.ts";
import type { FieldErrors } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { SuccessBanner } from "../../components/status.tsx";
import { LacSubNav } from "./lac-sub-nav.tsx";
import { FormPage } from "../../components/form-page.tsx";

/**
 * What the health, permanence and leaving care pages share: the due tags, the section header
 * and the form shell that returns to the section page.
 */

const TAG: Record<LacDue["status"], string> = {
  overdue: "govuk-tag--red",
  due_today: "govuk-tag--orange",
  due_soon: "govuk-tag--yellow",
  not_due: "govuk-tag--grey",
  not_required: "govuk-tag--grey",
};

/** How pressing a due date is, as a GOV.UK tag ("Overdue by 3 working days"). */
export function LacDueTag({ due }: { due: Pick<LacDue, "status" | "dueText"> }) {
  return <strong className={`govuk-tag ${TAG[due.status]}`}>{due.dueText}</strong>;
}

/** Due dates as a summary list: what, by when (with its tag), and the rule that set it. */
export function DueList({ items }: { items: LacDue[] }) {
  return (
    <dl className="govuk-summary-list">
      {items.map((d) => (
        <div className="govuk-summary-list__row" key={d.kind}>
          <dt className="govuk-summary-list__key">{d.title}</dt>
          <dd className="govuk-summary-list__value">
            {d.dueDate !== null && <>{`By ${formatDate(d.dueDate)}`} </>}
            <LacDueTag due={d} />
            <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">{d.why}</p>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The section page of a looked-after child: success message, sub-navigation, caption and heading. */
export function LacSection({ personId, childName, title, children }: { personId: string; childName: string; title: string; children: ReactNode }) {
  usePageTitle(`${childName}: ${title.toLowerCase()}`);
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <LacSubNav personId={personId} />
      <span className="govuk-caption-l">{childName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      {children}
    </>
  );
}

/** A form under a section page: error summary, the child's name, the fields, save and cancel (back to the section). */
export function LacSectionForm({ childName, title, backTo, button, errors, busy, onSubmit, intro, children }: {
  childName: string;
  title: string;
  backTo: string;
  button: string;
  errors: FieldErrors;
  busy: boolean;
  onSubmit: () => void;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return <FormPage caption={childName} title={title} pageTitle={`${title}: ${childName}`} button={button} cancelTo={backTo} errors={errors} busy={busy} onSubmit={onSubmit} intro={intro}>{children}</FormPage>;
}

/** "" → null, so optional fields clear. */
export const orNull = (v: string): string | null => (v.trim() === "" ? null : v.trim());

/** A yes/no/unknown value in words. */
export function yesNo(value: boolean | null | undefined, unknown = "Not known"): string {
  return value === true ? "Yes" : value === false ? "No" : unknown;
}

/** "D1: Semi-independent…" for a code in a set, the code itself when it is not in the set, or the fallback. */
export function codeText(list: readonly CodedValue[], code: string | null | undefined, fallback = "Not recorded"): string {
  if (code === null || code === undefined || code === "") return fallback;
  const found = list.find((c) => c.code === code);
  return found ? `${code}: ${found.label}` : code;
}

/** A section's path under the child's looked-after record. */
export const lacPath = (personId: string, section: string) => `/people/${personId}/looked-after/${section}`;
