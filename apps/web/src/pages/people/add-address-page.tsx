import { addressCreateSchema } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { useParams } from "react-router";
import { post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

const EMPTY = { line1: "", line2: "", town: "", postcode: "", fromDate: "", toDate: "" };

/** Add an address to a person's address history. */
export function AddAddressPage() {
  const { id = "" } = useParams();
  const [values, setValues] = useState(EMPTY);
  const { errors, busy, submit: save } = useFormSubmit();
  usePageTitle("Add an address", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { line1: values.line1, line2: blankToNull(values.line2), town: blankToNull(values.town), postcode: values.postcode, fromDate: values.fromDate, toDate: blankToNull(values.toDate) };
    const checked = check(addressCreateSchema, body, { line1: "Enter the first line of the address" });
    await save({ checked, send: () => post(`/api/v1/people/${id}/addresses`, body), to: `/people/${id}`, flash: "The address has been added." });
  }

  const bind = (field: keyof typeof EMPTY) => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((a) => ({ ...a, [field]: v })); } });
  return (
    <PersonFormLayout personId={id} title="Add an address" errors={errors}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Address line 1" {...bind("line1")} />
        <TextField label="Address line 2 (optional)" {...bind("line2")} />
        <TextField label="Town or city (optional)" {...bind("town")} width="20" />
        <TextField label="Postcode" {...bind("postcode")} width="10" />
        <TextField label="Lived here from" hint="Use the format YYYY-MM-DD" {...bind("fromDate")} width="10" />
        <TextField label="Lived here until (optional)" hint="Leave blank if they still live here" {...bind("toDate")} width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          Add address
        </button>
      </form>
    </PersonFormLayout>
  );
}
