import { useParams } from "react-router";
import { post } from "../../api/api-client.ts";
import { AddressForm } from "./address-form.tsx";

/** Add an address to a person's address history. */
export function AddAddressPage() {
  const { id = "" } = useParams();
  return <AddressForm personId={id} title="Add an address" submitLabel="Add address" flash="The address has been added." send={(body) => post(`/api/v1/people/${id}/addresses`, body)} />;
}
