import { requestForSupportSchema } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { ChildrenFields, ConsentQuestions, EMPTY_CHILD, childrenBody, type ChildValues } from "./contact-form-parts.tsx";

/** A partner asks the front door for support for a family, with the family's consent. */
export function RequestSupportPage() {
  const [values, setValues] = useState({ contactRole: "", contactPhone: "", concerns: "", familyDetails: "", consentSharing: "", consentEarlyHelp: "" });
  const [children, setChildren] = useState<ChildValues[]>([EMPTY_CHILD]);
  const { errors, busy, submit: save } = useFormSubmit();
  usePageTitle("Request support for a family", Object.keys(errors).length > 0);
  const set = (field: keyof typeof values) => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = {
      contactRole: blankToNull(values.contactRole),
      contactPhone: blankToNull(values.contactPhone),
      concerns: values.concerns,
      familyDetails: blankToNull(values.familyDetails),
      children: childrenBody(children),
      consentSharing: values.consentSharing,
      consentEarlyHelp: values.consentEarlyHelp,
    };
    const checked = check(requestForSupportSchema, body, { concerns: "Describe what you are worried about", consentSharing: "Say whether the family agrees to sharing", consentEarlyHelp: "Say whether the family agrees to early help" });
    await save({ checked, send: () => post("/api/v1/requests-for-support", body), to: "/requests", flash: "Your request has been sent to the front door. They will decide within one working day." });
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/requests" className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Request support for a family</h1>
        <p className="govuk-body">The front door will decide what support the family needs within one working day. If a child is in immediate danger, call the police on 999.</p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 className="govuk-heading-m">The children</h2>
          <ChildrenFields children={children} onChange={setChildren} errors={errors} />
          <h2 className="govuk-heading-m">Your concerns</h2>
          <TextareaField name="concerns" label="What are you worried about?" hint="What you have seen or been told, when, and what the family says" value={values.concerns} onChange={set("concerns")} error={errors.concerns} />
          <TextareaField name="familyDetails" label="About the family (optional)" hint="Parents or carers, address, language or access needs" value={values.familyDetails} onChange={set("familyDetails")} error={errors.familyDetails} />
          <h2 className="govuk-heading-m">Consent</h2>
          <ConsentQuestions sharing={values.consentSharing} earlyHelp={values.consentEarlyHelp} onSharing={set("consentSharing")} onEarlyHelp={set("consentEarlyHelp")} errors={errors} />
          <h2 className="govuk-heading-m">About you</h2>
          <TextField name="contactRole" label="Your role (optional)" hint="For example, designated safeguarding lead" value={values.contactRole} onChange={set("contactRole")} error={errors.contactRole} width="30" />
          <TextField name="contactPhone" label="Phone number (optional)" value={values.contactPhone} onChange={set("contactPhone")} error={errors.contactPhone} width="20" />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Send request
          </button>
        </form>
      </div>
    </div>
  );
}
