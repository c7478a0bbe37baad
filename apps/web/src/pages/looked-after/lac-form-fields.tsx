import { PLACEMENT_PROVIDERS, PLACEMENT_TYPES, placementTakesProvider, type CodedValue, type PlacementType } from "@family-story/domain";
import type { PlacementProviderOut } from "@family-story/schemas";
import { loadPlacementProviders } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import { SelectField, TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";

/** Options for a select from a code set: "C1: Interim care order". */
export function codeOptions(list: readonly CodedValue[], blank?: string): { value: string; label: string }[] {
  return [...(blank === undefined ? [] : [{ value: "", label: blank }]), ...list.map((c) => ({ value: c.code, label: `${c.code}: ${c.label}` }))];
}

/** A date typed as YYYY-MM-DD. */
export function DateField({ name, label, value, onChange, error }: { name: string; label: string; value: string; onChange: (v: string) => void; error: string | undefined }) {
  return <TextField name={name} label={label} hint="For example, 2025-04-23" width="10" error={error} value={value} onChange={onChange} />;
}

/** The placement as typed. */
export interface PlacementValues {
  place: string;
  providerId: string;
  placeProvider: string;
  placementPostcode: string;
  urn: string;
}

export const EMPTY_PLACEMENT: PlacementValues = { place: "", providerId: "", placeProvider: "", placementPostcode: "", urn: "" };

const orNull = (v: string): string | null => (v.trim() === "" ? null : v.trim());

/** The API's placement fields: blanks left out, so a carer record fills them. */
export function placementBody(v: PlacementValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.place !== "") out.place = v.place;
  for (const k of ["providerId", "placeProvider", "placementPostcode", "urn"] as const) {
    const value = orNull(v[k]);
    if (value !== null) out[k] = value;
  }
  return out;
}

/** Whether the chosen placement type wants a PLACE_PROVIDER (not T0–T4 or Z11–Z14). */
function takesProvider(place: string): boolean {
  return PLACEMENT_TYPES.some((p) => p.code === place) && placementTakesProvider(place as PlacementType);
}

function providerLabel(p: PlacementProviderOut): string {
  return `${p.name}${p.postcode ? `, ${p.postcode}` : ""}${p.urn ? ` (${p.urn})` : ""}`;
}

/**
 * Placement type, the carer or provider (from the authority's list), who provides it (PR0–PR5),
 * the placement's postcode and URN. A carer chosen from the list brings their own code,
 * postcode and URN unless others are typed.
 */
export function PlacementFields({ values, onChange, errors, placeLabel = "Placement type (PLACE)", blankPlace }: { values: PlacementValues; onChange: (v: PlacementValues) => void; errors: FieldErrors; placeLabel?: string; blankPlace?: string }) {
  const [providers] = useLoad(() => loadPlacementProviders(), []);
  const list = providers.state === "done" ? providers.value : [];
  const set = (k: keyof PlacementValues) => (v: string) => { onChange({ ...values, [k]: v }); };
  const showProvider = values.place !== "" && takesProvider(values.place);
  return (
    <>
      <SelectField name="place" label={placeLabel} error={errors.place} value={values.place} options={codeOptions(PLACEMENT_TYPES, blankPlace ?? "Choose the placement type")} onChange={set("place")} />
      {values.place !== "" && (
        <>
          <SelectField
            name="providerId"
            label="Carer or provider (optional)"
            hint={providers.state === "failed" ? "The list of carers and providers could not be loaded." : "Their code, postcode and URN fill in what you leave blank below."}
            error={errors.providerId}
            value={values.providerId}
            options={[{ value: "", label: "Not on the list" }, ...list.map((p) => ({ value: p.id, label: providerLabel(p) }))]}
            onChange={set("providerId")}
          />
          {showProvider && <SelectField name="placeProvider" label="Who provides the placement (PLACE_PROVIDER)" error={errors.placeProvider} value={values.placeProvider} options={codeOptions(PLACEMENT_PROVIDERS, values.providerId === "" ? "Choose who provides it" : "As the carer’s record says")} onChange={set("placeProvider")} />}
          <TextField name="placementPostcode" label="Placement postcode (optional)" width="10" error={errors.placementPostcode} value={values.placementPostcode} onChange={set("placementPostcode")} />
          <TextField name="urn" label="Ofsted URN (optional)" hint="SC and 6 digits, for example SC123456" width="10" error={errors.urn} value={values.urn} onChange={set("urn")} />
        </>
      )}
    </>
  );
}
