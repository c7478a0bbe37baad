import { addressPatchSchema, type Address } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { request } from "../../api/api-client.ts";
import { etagFor, loadPerson } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

/** Correct an address already on the record (with If-Match: a stale edit is refused, saying what changed). */
export function ChangeAddressPage() {
  const { id = "", addressId = "" } = useParams();
  const [load] = useLoad(async () => (await loadPerson(id)).body.addresses.find((a) => a.id === addressId) ?? null, [id, addressId]);
  return (
    <Loaded load={load}>
      {(address) =>
        address ? (
          <ChangeAddressForm personId={id} address={address} />
        ) : (
          <p className="govuk-body">
            That address is not on this record. <Link className="govuk-link" to={`/people/${id}`}>Back to the record</Link>
          </p>
        )
      }
    </Loaded>
  );
}

function ChangeAddressForm({ personId, address }: { personId: string; address: Address }) {
  const [values, setValues] = useState({ line1: address.line1, line2: address.line2 ?? "", town: address.town ?? "", postcode: address.postcode, fromDate: address.fromDate, toDate: address.toDate ?? "" });
  const { errors, busy, submit: save } = useFormSubmit();
  usePageTitle("Correct an address", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { line1: values.line1, line2: blankToNull(values.line2), town: blankToNull(values.town), postcode: values.postcode, fromDate: values.fromDate, toDate: blankToNull(values.toDate) };
    const checked = check(addressPatchSchema, body, { line1: "Enter the first line of the address" });
    await save({ checked, send: () => request("PATCH", `/api/v1/people/${personId}/addresses/${address.id}`, { body, ifMatch: etagFor(address.version) }), to: `/people/${personId}`, flash: "The address has been corrected." });
  }

  const bind = (field: keyof typeof values) => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((a) => ({ ...a, [field]: v })); } });
  return (
    <PersonFormLayout personId={personId} title="Correct an address" errors={errors}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Address line 1" {...bind("line1")} />
        <TextField label="Address line 2 (optional)" {...bind("line2")} />
        <TextField label="Town or city (optional)" {...bind("town")} width="20" />
        <TextField label="Postcode" {...bind("postcode")} width="10" />
        <TextField label="Lived here from" hint="Use the format YYYY-MM-DD" {...bind("fromDate")} width="10" />
        <TextField label="Lived here until (optional)" hint="Leave blank if they still live here" {...bind("toDate")} width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          Save correction
        </button>
      </form>
    </PersonFormLayout>
  );
}
