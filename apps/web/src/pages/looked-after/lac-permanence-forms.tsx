import { ADOPTER_LEGAL_STATUSES, ADOPTER_SEXES, PREVIOUS_PERMANENCE_OPTIONS } from "@family-story/domain";
import { ad1InputSchema, previousPermanenceInputSchema, type LacPermanence } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { loadPermanence, savePermanence } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { RadiosField, SelectField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { DateField, codeOptions } from "./lac-form-fields.tsx";
import { LacSectionForm, lacPath, orNull } from "./lac-health-parts.tsx";
import { DoloForm, PlacedForm, SwForm } from "./lac-permanence-order-forms.tsx";

/** What each permanence form gets: the record and where to go back to. */
export interface PermanenceFormProps {
  record: LacPermanence;
  back: string;
  itemId: string;
}

/** The permanence forms, at /people/:id/looked-after/permanence/:form(/:itemId). */
export function LacPermanenceFormPage() {
  const { id = "", form = "", itemId = "new" } = useParams();
  const [load] = useLoad(() => loadPermanence(id), [id]);
  return (
    <Loaded load={load}>
      {(record) => {
        const props = { record, back: lacPath(record.personId, "permanence"), itemId };
        switch (form) {
          case "ad1":
            return <Ad1Form {...props} />;
          case "previous":
            return <PreviousForm {...props} />;
          case "placed-for-adoption":
            return <PlacedForm {...props} />;
          case "sw-episodes":
            return <SwForm {...props} />;
          case "dolo":
            return <DoloForm {...props} />;
          default:
            return <NotFoundPage />;
        }
      }}
    </Loaded>
  );
}

const yesNoUnknown = [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }, { value: "", label: "Not known yet" }];

function Ad1Form({ record, back }: PermanenceFormProps) {
  const a = record.ad1;
  const [v, setV] = useState({
    dateInt: a?.dateInt ?? "",
    dateMatch: a?.dateMatch ?? "",
    fosterCare: a?.fosterCare === true ? "yes" : a?.fosterCare === false ? "no" : "",
    nbAdoptr: a?.nbAdoptr === null || a?.nbAdoptr === undefined ? "" : String(a.nbAdoptr),
    sexAdoptr: a?.sexAdoptr ?? "",
    lsAdoptr: a?.lsAdoptr ?? "",
  });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const body = {
      dateInt: orNull(v.dateInt),
      dateMatch: orNull(v.dateMatch),
      fosterCare: v.fosterCare === "" ? null : v.fosterCare === "yes",
      nbAdoptr: v.nbAdoptr === "" ? null : Number(v.nbAdoptr),
      sexAdoptr: orNull(v.sexAdoptr),
      lsAdoptr: orNull(v.lsAdoptr),
    };
    void submit({ checked: check(ad1InputSchema, body), send: () => savePermanence(record.personId, "PUT", "/permanence/ad1", body, a ? a.version : null), to: back, flash: "The adoption record has been saved" });
  }
  return (
    <LacSectionForm childName={record.childName} title="Adoption (AD1)" backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit} intro={<p className="govuk-body">Leave blank what is not known yet.</p>}>
      <DateField name="dateInt" label="Date of the decision that the child should be placed for adoption" value={v.dateInt} onChange={set("dateInt")} error={errors.dateInt} />
      <DateField name="dateMatch" label="Date the child was matched with adopters" value={v.dateMatch} onChange={set("dateMatch")} error={errors.dateMatch} />
      <RadiosField name="fosterCare" label="Are the adopters the child’s foster carers?" inline error={errors.fosterCare} value={v.fosterCare} options={yesNoUnknown} onChange={set("fosterCare")} />
      <RadiosField name="nbAdoptr" label="Number of adopters" inline error={errors.nbAdoptr} value={v.nbAdoptr} options={[{ value: "1", label: "One" }, { value: "2", label: "Two" }, { value: "", label: "Not known yet" }]} onChange={set("nbAdoptr")} />
      <SelectField name="sexAdoptr" label="Sex of the adopters" error={errors.sexAdoptr} value={v.sexAdoptr} options={codeOptions(ADOPTER_SEXES, "Not known yet")} onChange={set("sexAdoptr")} />
      <SelectField name="lsAdoptr" label="Legal status of the adopters" error={errors.lsAdoptr} value={v.lsAdoptr} options={codeOptions(ADOPTER_LEGAL_STATUSES, "Not known yet")} onChange={set("lsAdoptr")} />
    </LacSectionForm>
  );
}

function PreviousForm({ record, back }: PermanenceFormProps) {
  const p = record.previousPermanence;
  const [v, setV] = useState({ prevPerm: p.prevPerm ?? "", laPerm: p.laPerm ?? "", datePerm: p.datePerm ?? "" });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  const unknown = v.prevPerm === "" || v.prevPerm === "Z1";
  function onSubmit() {
    const body = { prevPerm: orNull(v.prevPerm), laPerm: unknown ? null : orNull(v.laPerm), datePerm: unknown ? null : orNull(v.datePerm) };
    void submit({ checked: check(previousPermanenceInputSchema, body), send: () => savePermanence(record.personId, "PUT", "/permanence/previous", body, p.version), to: back, flash: "Previous permanence has been saved" });
  }
  return (
    <LacSectionForm childName={record.childName} title="Previous permanence" backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit} intro={<p className="govuk-body">The permanence order the child had before this period of care, if any.</p>}>
      <SelectField name="prevPerm" label="Previous permanence option" error={errors.prevPerm} value={v.prevPerm} options={codeOptions(PREVIOUS_PERMANENCE_OPTIONS, "Not recorded")} onChange={set("prevPerm")} />
      {!unknown && (
        <>
          <TextField name="laPerm" label="Code of the authority that arranged it" hint="Three characters, for example 204" width="4" error={errors.laPerm} value={v.laPerm} onChange={set("laPerm")} />
          <TextField name="datePerm" label="Date of the order" hint="DD/MM/YYYY; use ZZ for an unknown day or month, for example ZZ/05/2021" width="10" error={errors.datePerm} value={v.datePerm} onChange={set("datePerm")} />
        </>
      )}
    </LacSectionForm>
  );
}
