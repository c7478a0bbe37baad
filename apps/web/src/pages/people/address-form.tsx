import { addressCreateSchema, addressPatchSchema, type Address } from "@family-story/schemas";
import { useState, type ReactNode, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { loadPerson } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

/** What the address form sends. */
export type AddressBody = { line1: string; line2: string | null; town: string | null; postcode: string; fromDate: string; toDate: string | null };

/**
 * The address form shared by adding and correcting an address: the same fields, the same
 * checks (the create schema for a new address, the patch schema for a correction).
 */
export function AddressForm(props: { personId: string; title: string; submitLabel: string; flash: string; address?: Address; send: (body: AddressBody) => Promise<unknown> }) {
  const { personId, title, submitLabel, flash, address, send } = props;
  const [values, setValues] = useState({
    line1: address?.line1 ?? "",
    line2: address?.line2 ?? "",
    town: address?.town ?? "",
    postcode: address?.postcode ?? "",
    fromDate: address?.fromDate ?? "",
    toDate: address?.toDate ?? "",
  });
  const { errors, busy, submit: save } = useFormSubmit();
  usePageTitle(title, Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body: AddressBody = { line1: values.line1, line2: blankToNull(values.line2), town: blankToNull(values.town), postcode: values.postcode, fromDate: values.fromDate, toDate: blankToNull(values.toDate) };
    const checked = check(address ? addressPatchSchema : addressCreateSchema, body, { line1: "Enter the first line of the address" });
    await save({ checked, send: () => send(body), to: `/people/${personId}`, flash });
  }

  const bind = (field: keyof typeof values) => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((a) => ({ ...a, [field]: v })); } });
  return (
    <PersonFormLayout personId={personId} title={title} errors={errors}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField label="Address line 1" {...bind("line1")} />
        <TextField label="Address line 2 (optional)" {...bind("line2")} />
        <TextField label="Town or city (optional)" {...bind("town")} width="20" />
        <TextField label="Postcode" {...bind("postcode")} width="10" />
        <TextField label="Lived here from" hint="Use the format YYYY-MM-DD" {...bind("fromDate")} width="10" />
        <TextField label="Lived here until (optional)" hint="Leave blank if they still live here" {...bind("toDate")} width="10" />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </PersonFormLayout>
  );
}

/** Loads the address named in the page's URL from the person's record, then renders it. */
export function AddressOnRecord({ children }: { children: (personId: string, address: Address) => ReactNode }) {
  const { id = "", addressId = "" } = useParams();
  const [load] = useLoad(async () => (await loadPerson(id)).body.addresses.find((a) => a.id === addressId) ?? null, [id, addressId]);
  return (
    <Loaded load={load}>
      {(address) =>
        address ? (
          children(id, address)
        ) : (
          <p className="govuk-body">
            That address is not on this record. <Link className="govuk-link" to={`/people/${id}`}>Back to the record</Link>
          </p>
        )
      }
    </Loaded>
  );
}
