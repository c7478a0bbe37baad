import { localStandardsSchema, type LocalStandardsInput } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { request, type Versioned } from "../../api/api-client.ts";
import { loadLocalStandards } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";

type Key = keyof LocalStandardsInput;

const FIELDS: { key: Key; label: string; hint: string }[] = [
  { key: "cpVisitWorkingDays", label: "Visits to a child on a child protection plan: working days between visits", hint: "Statutory guidance leaves the frequency to local practice standards." },
  { key: "cinVisitWorkingDays", label: "Visits to a child on a child in need plan: working days between visits", hint: "" },
  { key: "earlyHelpReviewWeeks", label: "Early help family plan reviews: weeks between reviews", hint: "Locally every 6 to 8 weeks." },
  { key: "supervisionWeeks", label: "Supervision: weeks between a worker's supervisions", hint: "Workers past this are flagged as overdue." },
  { key: "caseNoteLockHours", label: "Case notes: hours before a note can only be changed by an amendment", hint: "" },
  { key: "contactDecisionWorkingDays", label: "Front door: working days to decide on a contact", hint: "" },
];

/** An administrator sets the authority's local practice standards. */
export function LocalStandardsPage() {
  const [load] = useLoad(() => loadLocalStandards(), []);
  usePageTitle("Local standards");
  return <Loaded load={load}>{(current) => <StandardsForm current={current} />}</Loaded>;
}

function StandardsForm({ current }: { current: Versioned<LocalStandardsInput & { updatedAt: string | null; updatedBy: string | null }> }) {
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(current.body[f.key])])) as Record<Key, string>);
  const { errors, busy, submit } = useFormSubmit();
  usePageTitle("Local standards", Object.keys(errors).length > 0);
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const body = Object.fromEntries(FIELDS.map((f) => [f.key, values[f.key].trim() === "" ? Number.NaN : Number(values[f.key])]));
    void submit({ checked: check(localStandardsSchema, body), send: () => request("PUT", "/api/v1/settings/local-standards", { body, ifMatch: current.etag }), to: "/", flash: "Local standards saved. New due dates use them from now on." });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Local standards</h1>
      <p className="govuk-body">
        These are your authority's practice standards. Statutory timescales (assessments in 45 working days, conferences, reviews) are fixed by law and are not set here.
        {current.body.updatedAt && ` Last changed by ${current.body.updatedBy ?? "an administrator"} on ${formatDateTime(current.body.updatedAt)}.`}
      </p>
      <form noValidate onSubmit={onSubmit}>
        {FIELDS.map((f) => (
          <TextField key={f.key} name={f.key} label={f.label} hint={f.hint || undefined} width="3" inputMode="numeric" error={errors[f.key]} value={values[f.key]} onChange={(v) => { setValues({ ...values, [f.key]: v }); }} />
        ))}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>Save standards</button>
          <Link className="govuk-link" to="/">Cancel</Link>
        </div>
      </form>
    </>
  );
}
