import { addressCreateSchema, personCreateSchema, type Person } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useNavigate } from "react-router";
import { post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { PersonFields } from "./person-fields.tsx";
import { EMPTY_PERSON, PERSON_EMPTY_MESSAGES, toRequest, type PersonFormValues } from "./person-form-values.ts";

const EMPTY_ADDRESS = { line1: "", line2: "", town: "", postcode: "", fromDate: "" };

/** Record a new person, with their current address if known. */
export function NewPersonPage() {
  const navigate = useNavigate();
  const [values, setValues] = useState<PersonFormValues>(EMPTY_PERSON);
  const [address, setAddress] = useState(EMPTY_ADDRESS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  usePageTitle("Record a new person", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const fields = (Object.keys(values) as (keyof PersonFormValues)[]).filter((k) => values[k].trim() !== "" || k === "givenName" || k === "familyName");
    const body: Record<string, unknown> = toRequest(values, fields);
    const hasAddress = Object.values(address).some((v) => v.trim() !== "");
    if (hasAddress) {
      const a = check(addressCreateSchema, { line1: address.line1, line2: address.line2 || null, town: address.town || null, postcode: address.postcode, fromDate: address.fromDate }, { line1: "Enter the first line of the address" });
      if (!a.ok) {
        setErrors(Object.fromEntries(Object.entries(a.errors).map(([k, v]) => [`address.${k}`, v])));
        return;
      }
      body.address = { line1: address.line1, line2: address.line2 || null, town: address.town || null, postcode: address.postcode, fromDate: address.fromDate };
    }
    const checked = check(personCreateSchema, body, { ...PERSON_EMPTY_MESSAGES, "address.line1": "Enter the first line of the address" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const person = await post<Person>("/api/v1/people", body);
      void navigate(`/people/${person.id}`, { state: { flash: `${person.givenName} ${person.familyName} has been recorded.` } });
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  }

  const bindAddress = (field: keyof typeof EMPTY_ADDRESS) => ({ name: `address.${field}`, value: address[field], error: errors[`address.${field}`], onChange: (v: string) => { setAddress((a) => ({ ...a, [field]: v })); } });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record a new person</h1>
        <div className="govuk-inset-text">
          Search first: <Link className="govuk-link" to="/people">find a person</Link> to check they are not already recorded under another spelling.
        </div>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <PersonFields values={values} errors={errors} onChange={(field, value) => { setValues((v) => ({ ...v, [field]: value })); }} />
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Current address (optional)</legend>
            <TextField label="Address line 1" {...bindAddress("line1")} />
            <TextField label="Address line 2 (optional)" {...bindAddress("line2")} />
            <TextField label="Town or city (optional)" {...bindAddress("town")} width="20" />
            <TextField label="Postcode" {...bindAddress("postcode")} width="10" />
            <TextField label="Lived here since" hint="Use the format YYYY-MM-DD" {...bindAddress("fromDate")} width="10" />
          </fieldset>
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Record person
          </button>
        </form>
      </div>
    </div>
  );
}
