import { addressPatchSchema, type Address } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { request } from "../../api/api-client.ts";
import { etagFor, loadPerson } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

/** Record that a person moved out of an address (sets its end date, with If-Match). */
export function EndAddressPage() {
  const { id = "", addressId = "" } = useParams();
  const [load] = useLoad(async () => (await loadPerson(id)).body.addresses.find((a) => a.id === addressId) ?? null, [id, addressId]);
  return (
    <Loaded load={load}>
      {(address) =>
        address ? (
          <EndAddressForm personId={id} address={address} />
        ) : (
          <p className="govuk-body">
            That address is not on this record. <Link className="govuk-link" to={`/people/${id}`}>Back to the record</Link>
          </p>
        )
      }
    </Loaded>
  );
}

function EndAddressForm({ personId, address }: { personId: string; address: Address }) {
  const navigate = useNavigate();
  const [toDate, setToDate] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  usePageTitle("Record a move out", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { toDate: toDate.trim() };
    const checked = check(addressPatchSchema, body);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    if (body.toDate < address.fromDate) {
      setErrors({ toDate: `The date they moved out must be on or after ${formatDate(address.fromDate)}, when they moved in` });
      return;
    }
    try {
      await request("PATCH", `/api/v1/people/${personId}/addresses/${address.id}`, { body, ifMatch: etagFor(address.version) });
      void navigate(`/people/${personId}`, { state: { flash: "The move has been recorded." } });
    } catch (error) {
      setErrors(errorsFromError(error));
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/people/${personId}`} className="govuk-back-link">
          Back
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Record a move out</h1>
        <p className="govuk-body">
          {[address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(", ")}, lived here from {formatDate(address.fromDate)}.
        </p>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField name="toDate" label="Date they moved out" hint="Use the format YYYY-MM-DD" value={toDate} onChange={setToDate} error={errors.toDate} width="10" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save
          </button>
        </form>
      </div>
    </div>
  );
}
