import { request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { AddressForm, AddressOnRecord } from "./address-form.tsx";

/** Correct an address already on the record (with If-Match: a stale edit is refused, saying what changed). */
export function ChangeAddressPage() {
  return (
    <AddressOnRecord>
      {(personId, address) => (
        <AddressForm
          personId={personId}
          address={address}
          title="Correct an address"
          submitLabel="Save correction"
          flash="The address has been corrected."
          send={(body) => request("PATCH", `/api/v1/people/${personId}/addresses/${address.id}`, { body, ifMatch: etagFor(address.version) })}
        />
      )}
    </AddressOnRecord>
  );
}
