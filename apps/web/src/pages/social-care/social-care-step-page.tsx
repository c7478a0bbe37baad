import { ASSESSMENT_FACTORS } from "@family-story/domain";
import type { SocialCareRecord } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { loadSocialCare, recordSocialCareStep } from "../../api/social-care.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, RadiosField, SelectField, TextField } from "../../components/fields.tsx";
import { check, type FieldErrors } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { STEPS, type StepConfig, type StepField, type StepValues } from "./social-care-steps.ts";

/** One social care step's form, at /cases/:id/social-care/:step. */
export function SocialCareStepPage() {
  const { id = "", step = "" } = useParams();
  const config = STEPS[step];
  const [load] = useLoad(() => loadSocialCare(id), [id]);
  if (!config) return <NotFoundPage />;
  return <Loaded load={load}>{(record) => <StepForm caseId={id} config={config} record={record} />}</Loaded>;
}

function StepForm({ caseId, config, record }: { caseId: string; config: StepConfig; record: SocialCareRecord }) {
  const [values, setValues] = useState<StepValues>({ text: {}, factors: [], flags: {} });
  const { errors, setErrors, busy, submit } = useFormSubmit();
  usePageTitle(config.title, Object.keys(errors).length > 0);
  const back = `/cases/${caseId}`;
  const allowed = record.actions.includes(config.action);
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const req = config.request(values, record);
    if (!req) {
      setErrors({ form: "This step does not follow from the record as it stands. Go back to the case." });
      return;
    }
    void submit({ checked: check(config.schema, req.body, {}), send: () => recordSocialCareStep(caseId, req.path, req.body), to: back, flash: `${config.title}: saved` });
  }
  const setText = (name: string, value: string) => { setValues((v) => ({ ...v, text: { ...v.text, [name]: value } })); };
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Children in need and child protection</span>
      <h1 className="govuk-heading-l">{config.title}</h1>
      {!allowed && <div className="govuk-inset-text">This step is not open on the case now; saving it will say why.</div>}
      <form noValidate onSubmit={onSubmit}>
        {config.fields.map((f) => (
          <Field key={f.name} field={f} values={values} errors={errors} setText={setText} setValues={setValues} />
        ))}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>{config.button}</button>
          <Link className="govuk-link" to={back}>Cancel</Link>
        </div>
      </form>
    </>
  );
}

function Field({ field, values, errors, setText, setValues }: { field: StepField; values: StepValues; errors: FieldErrors; setText: (n: string, v: string) => void; setValues: (f: (v: StepValues) => StepValues) => void }) {
  const value = values.text[field.name] ?? "";
  switch (field.kind) {
    case "date":
      return <TextField name={field.name} label={field.label} hint="For example, 2025-04-23" width="10" error={errors[field.name]} value={value} onChange={(v) => { setText(field.name, v); }} />;
    case "text":
      return <TextField name={field.name} label={field.label} hint={field.hint} error={errors[field.name]} value={value} onChange={(v) => { setText(field.name, v); }} />;
    case "radios":
      return <RadiosField name={field.name} label={field.label} error={errors[field.name]} value={value} options={field.options} onChange={(v) => { setText(field.name, v); }} />;
    case "select":
      return <SelectField name={field.name} label={field.label} error={errors[field.name]} value={value} options={field.options} onChange={(v) => { setText(field.name, v); }} />;
    case "checkbox":
      return <CheckboxField name={field.name} label={field.label} checked={values.flags[field.name] === true} onChange={(c) => { setValues((v) => ({ ...v, flags: { ...v.flags, [field.name]: c } })); }} />;
    case "factors":
      return <FactorsField label={field.label} error={errors.factors ?? Object.entries(errors).find(([k]) => k.startsWith("factors."))?.[1]} selected={values.factors} onChange={(factors) => { setValues((v) => ({ ...v, factors })); }} />;
  }
}

/** The CIN census factors as GOV.UK checkboxes; the first box carries the field's id for the error link. */
function FactorsField({ label, error, selected, onChange }: { label: string; error: string | undefined; selected: string[]; onChange: (factors: string[]) => void }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? "factors-error" : "factors-hint"}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div id="factors-hint" className="govuk-hint">Select all that apply, or ‘No factors identified’.</div>
        {error && (
          <p id="factors-error" className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {ASSESSMENT_FACTORS.map((f, i) => {
            const id = i === 0 ? "factors" : `factors-${f.code}`;
            return (
              <div className="govuk-checkboxes__item" key={f.code}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name="factors"
                  type="checkbox"
                  value={f.code}
                  checked={selected.includes(f.code)}
                  onChange={(e) => { onChange(e.target.checked ? [...selected, f.code] : selected.filter((c) => c !== f.code)); }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>{f.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
