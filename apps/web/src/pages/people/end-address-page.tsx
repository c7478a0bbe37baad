import { addressPatchSchema, type Address } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { AddressOnRecord } from "./address-form.tsx";
import { PersonFormLayout } from "./person-form-layout.tsx";

/** Record that a person moved out of an address (sets its end date, with If-Match). */
export function EndAddressPage() {
  return <AddressOnRecord>{(personId, address) => <EndAddressForm personId={personId} address={address} />}</AddressOnRecord>;
}

function EndAddressForm({ personId, address }: { personId: string; address: Address }) {
  const [toDate, setToDate] = useState("");
  const { errors, setErrors, submit: save } = useFormSubmit();
  usePageTitle("Record a move out", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { toDate: toDate.trim() };
    const checked = check(addressPatchSchema, body);
    if (checked.ok && body.toDate < address.fromDate) {
      setErrors({ toDate: `The date they moved out must be on or after ${formatDate(address.fromDate)}, when they moved in` });
      return;
    }
    await save({ checked, send: () => request("PATCH", `/api/v1/people/${personId}/addresses/${address.id}`, { body, ifMatch: etagFor(address.version) }), to: `/people/${personId}`, flash: "The move has been recorded." });
  }

  return (
    <PersonFormLayout personId={personId} title="Record a move out" errors={errors}>
      <p className="govuk-body">
        {[address.line1, address.line2, address.town, address.postcode].filter(Boolean).join(", ")}, lived here from {formatDate(address.fromDate)}.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField name="toDate" label="Date they moved out" hint="Use the format YYYY-MM-DD" value={toDate} onChange={setToDate} error={errors.toDate} width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Save
        </button>
      </form>
    </PersonFormLayout>
  );
}
