import { REFERRAL_SOURCES } from "@family-story/domain";
import { contactCreateSchema, type ContactDetail } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useNavigate } from "react-router";
import { post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { ChildrenFields, ConsentQuestions, EMPTY_CHILD, childrenBody, type ChildValues } from "./contact-form-parts.tsx";

const SOURCES = [{ value: "", label: "Choose the source" }, ...REFERRAL_SOURCES.map((s) => ({ value: s.code, label: `${s.code}: ${s.label}` }))];

/** Record a contact received by the front door; the next page links the children to their records. */
export function RecordContactPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState({ referralSource: "", contactName: "", contactRole: "", contactOrganisation: "", contactPhone: "", concerns: "", familyDetails: "", consentSharing: "", consentEarlyHelp: "" });
  const [children, setChildren] = useState<ChildValues[]>([EMPTY_CHILD]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  usePageTitle("Record a contact", Object.keys(errors).length > 0);
  const set = (field: keyof typeof values) => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const described = childrenBody(children).filter((c) => c.givenName.trim() !== "" || c.familyName.trim() !== "");
    const body = {
      referralSource: values.referralSource,
      contactName: values.contactName,
      contactRole: blankToNull(values.contactRole),
      contactOrganisation: blankToNull(values.contactOrganisation),
      contactPhone: blankToNull(values.contactPhone),
      concerns: values.concerns,
      familyDetails: blankToNull(values.familyDetails),
      children: described,
      consentSharing: values.consentSharing,
      consentEarlyHelp: values.consentEarlyHelp,
    };
    const checked = check(contactCreateSchema, body, { referralSource: "Choose the source of the contact", contactName: "Enter who made contact", concerns: "Describe the concerns", consentSharing: "Say whether the family agrees to sharing", consentEarlyHelp: "Say whether the family agrees to early help" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const created = await post<ContactDetail>("/api/v1/contacts", body);
      void navigate(`/front-door/contacts/${created.id}`, { state: { flash: "The contact has been recorded. Now link the children to their records." } });
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/front-door" className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record a contact</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <SelectField name="referralSource" label="Source of the contact" hint="As the children in need census records it" value={values.referralSource} onChange={set("referralSource")} error={errors.referralSource} options={SOURCES} />
          <TextField name="contactName" label="Who made contact" value={values.contactName} onChange={set("contactName")} error={errors.contactName} width="30" />
          <TextField name="contactRole" label="Their role (optional)" value={values.contactRole} onChange={set("contactRole")} error={errors.contactRole} width="30" />
          <TextField name="contactOrganisation" label="Their organisation (optional)" value={values.contactOrganisation} onChange={set("contactOrganisation")} error={errors.contactOrganisation} width="30" />
          <TextField name="contactPhone" label="Their phone number (optional)" value={values.contactPhone} onChange={set("contactPhone")} error={errors.contactPhone} width="20" />
          <TextareaField name="concerns" label="Concerns" value={values.concerns} onChange={set("concerns")} error={errors.concerns} />
          <TextareaField name="familyDetails" label="About the family (optional)" hint="Parents or carers, address, language or access needs" value={values.familyDetails} onChange={set("familyDetails")} error={errors.familyDetails} />
          <h2 className="govuk-heading-m">The children, as described</h2>
          <p className="govuk-body">You link them to their records on the next page.</p>
          <ChildrenFields children={children} onChange={setChildren} errors={errors} />
          <h2 className="govuk-heading-m">Consent</h2>
          <ConsentQuestions sharing={values.consentSharing} earlyHelp={values.consentEarlyHelp} onSharing={set("consentSharing")} onEarlyHelp={set("consentEarlyHelp")} errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Record contact
          </button>
        </form>
      </div>
    </div>
  );
}
