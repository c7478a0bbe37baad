import { CONTACT_DECISIONS, THRESHOLD_LEVELS, addCalendarMonths, todayIso } from "@family-story/domain";
import { contactDecisionInputSchema, type ContactDetail, type Organisation } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { get, request } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { CheckboxField, RadiosField, TextField, TextareaField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";

const DECISIONS = CONTACT_DECISIONS.map((d) => ({ value: d.code, label: d.label }));
const LEVELS = THRESHOLD_LEVELS.map((l) => ({ value: String(l.code), label: `${l.label}: ${l.hint}` }));

/**
 * The manager's decision: what happens next, the threshold level and why. Where the family did
 * not consent to sharing, a safeguarding override may share with chosen organisations for a time.
 */
export function DecisionForm({ contact, etag, onDecided, errors, setErrors }: { contact: ContactDetail; etag: string | null; onDecided: () => void; errors: FieldErrors; setErrors: (e: FieldErrors) => void }) {
  const [values, setValues] = useState({ decision: "", thresholdLevel: "", reasons: "" });
  const [override, setOverride] = useState(false);
  const [overrideValues, setOverrideValues] = useState({ reason: "", until: addCalendarMonths(todayIso(), 3), organisationIds: [] as string[] });
  const [busy, setBusy] = useState(false);
  const canOverride = contact.consentSharing !== "yes";
  const [partners] = useLoad(() => (canOverride ? get<Organisation[]>("/api/v1/partner-organisations") : Promise.resolve([])), [canOverride]);
  const set = (field: keyof typeof values) => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };
  const toggleOrg = (id: string) => (on: boolean) => { setOverrideValues((s) => ({ ...s, organisationIds: on ? [...s.organisationIds, id] : s.organisationIds.filter((o) => o !== id) })); };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = {
      decision: values.decision,
      thresholdLevel: values.thresholdLevel === "" ? undefined : Number(values.thresholdLevel),
      reasons: values.reasons,
      ...(override && { override: overrideValues }),
    };
    const checked = check(contactDecisionInputSchema, body, { reasons: "Give the reasons for the decision", "override.reason": "Say why the risk of harm overrides the family's wishes" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await request("POST", `/api/v1/contacts/${contact.id}/decision`, { body, ifMatch: etag });
      setErrors({});
      onDecided();
    } catch (error) {
      setErrors(errorsFromError(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="decision-form">
      <h2 className="govuk-heading-m">Decide</h2>
      <RadiosField name="decision" label="What happens next?" value={values.decision} onChange={set("decision")} error={errors.decision} options={DECISIONS} />
      <RadiosField name="thresholdLevel" label="Threshold level" value={values.thresholdLevel} onChange={set("thresholdLevel")} error={errors.thresholdLevel} options={LEVELS} />
      <TextareaField name="reasons" label="Reasons for the decision" value={values.reasons} onChange={set("reasons")} error={errors.reasons} />
      {canOverride && (
        <>
          <CheckboxField name="overrideConsent" label="Share without consent: a risk of significant harm overrides the family's wishes" hint="Shares the children's records only with the organisations you choose, until the date you set. Your name and reasons are recorded." checked={override} onChange={setOverride} />
          {override && (
            <div className="govuk-inset-text">
              <TextareaField name="override.reason" label="Why does the risk of harm justify sharing without consent?" value={overrideValues.reason} onChange={(v) => { setOverrideValues((s) => ({ ...s, reason: v })); }} error={errors["override.reason"] ?? errors.override} />
              <div className={`govuk-form-group${errors["override.organisationIds"] ? " govuk-form-group--error" : ""}`}>
                <fieldset className="govuk-fieldset" id="override-organisationIds">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Share with</legend>
                  {errors["override.organisationIds"] && (
                    <p className="govuk-error-message">
                      <span className="govuk-visually-hidden">Error:</span> {errors["override.organisationIds"]}
                    </p>
                  )}
                  {partners.state === "done" && partners.value.map((o) => <CheckboxField key={o.id} name={`override-org-${o.id}`} label={o.name} checked={overrideValues.organisationIds.includes(o.id)} onChange={toggleOrg(o.id)} />)}
                </fieldset>
              </div>
              <TextField name="override.until" label="Share until" hint="Use the format YYYY-MM-DD; at most 12 months from today" value={overrideValues.until} onChange={(v) => { setOverrideValues((s) => ({ ...s, until: v })); }} error={errors["override.until"]} width="10" />
            </div>
          )}
        </>
      )}
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
        Record decision
      </button>
    </form>
  );
}
