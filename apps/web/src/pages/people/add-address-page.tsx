import { addressCreateSchema } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { blankToNull, check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";

const EMPTY = { line1: "", line2: "", town: "", postcode: "", fromDate: "", toDate: "" };

/** Add an address to a person's address history. */
export function AddAddressPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  usePageTitle("Add an address", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { line1: values.line1, line2: blankToNull(values.line2), town: blankToNull(values.town), postcode: values.postcode, fromDate: values.fromDate, toDate: blankToNull(values.toDate) };
    const checked = check(addressCreateSchema, body, { line1: "Enter the first line of the address" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await post(`/api/v1/people/${id}/addresses`, body);
      void navigate(`/people/${id}`, { state: { flash: "The address has been added." } });
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  }

  const bind = (field: keyof typeof EMPTY) => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((a) => ({ ...a, [field]: v })); } });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/people/${id}`} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Add an address</h1>
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
      </div>
    </div>
  );
}
