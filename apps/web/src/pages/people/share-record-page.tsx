import { ORGANISATION_KIND_LABELS, todayIso } from "@family-story/domain";
import { sharingCreateSchema, type Organisation } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { useParams } from "react-router";
import { get, post } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

const BASES = [
  { value: "consent", label: "The family has consented" },
  { value: "safeguarding", label: "Safeguarding: risk of significant harm overrides consent" },
  { value: "statutory", label: "A statutory duty to share" },
] as const;

/** Share a person's record with a partner organisation: who, why, on what basis, for how long. */
export function ShareRecordPage() {
  const { id = "" } = useParams();
  const [values, setValues] = useState({ organisationId: "", purpose: "", basis: "consent", fromDate: todayIso(), toDate: "" });
  const { errors, busy, submit: save } = useFormSubmit();
  const [partners] = useLoad(() => get<Organisation[]>("/api/v1/partner-organisations"), []);
  usePageTitle("Share this record with a partner", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { organisationId: values.organisationId, purpose: values.purpose, basis: values.basis, fromDate: values.fromDate, toDate: blankToNull(values.toDate) };
    const checked = check(sharingCreateSchema, body, { organisationId: "Choose the organisation to share with", purpose: "Say why the record is shared" });
    await save({ checked, send: () => post(`/api/v1/people/${id}/sharing`, body), to: `/people/${id}`, flash: "The record is now shared." });
  }

  const set = (field: keyof typeof values) => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };
  return (
    <PersonFormLayout personId={id} title="Share this record with a partner" errors={errors}>
      <p className="govuk-body">The organisation will be able to find and read this person&apos;s record until the end date or until you withdraw sharing. Every time they look is recorded.</p>
      <Loaded load={partners}>
        {(orgs) => (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <SelectField
              name="organisationId"
              label="Organisation"
              value={values.organisationId}
              onChange={set("organisationId")}
              error={errors.organisationId}
              options={[{ value: "", label: "Choose an organisation" }, ...orgs.map((o) => ({ value: o.id, label: `${o.name} (${ORGANISATION_KIND_LABELS[o.kind]})` }))]}
            />
            <TextareaField name="purpose" label="Why are you sharing it?" hint="For example: team around the family for school attendance" value={values.purpose} onChange={set("purpose")} error={errors.purpose} />
            <RadiosField name="basis" label="On what basis?" value={values.basis} onChange={set("basis")} error={errors.basis} options={BASES} />
            <TextField name="fromDate" label="Shared from" hint="Use the format YYYY-MM-DD" value={values.fromDate} onChange={set("fromDate")} error={errors.fromDate} width="10" />
            <TextField name="toDate" label="Shared until (optional)" hint="Leave blank to share until withdrawn" value={values.toDate} onChange={set("toDate")} error={errors.toDate} width="10" />
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              Share record
            </button>
          </form>
        )}
      </Loaded>
    </PersonFormLayout>
  );
}
