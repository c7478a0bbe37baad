import { PLACED_FOR_ADOPTION_CEASED_REASONS, SOCIAL_WORKER_CHANGE_REASONS, todayIso } from "@family-story/domain";
import { doloInputSchema, placedForAdoptionInputSchema, swEpisodeInputSchema } from "@family-story/schemas";
import { useState } from "react";
import { savePermanence } from "../../api/looked-after-health.ts";
import { SelectField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { DateField, codeOptions } from "./lac-form-fields.tsx";
import { LacSectionForm, orNull } from "./lac-health-parts.tsx";
import type { PermanenceFormProps } from "./lac-permanence-forms.tsx";

/** The row being changed ("new" for none), or undefined when the id names no row. */
function pick<T extends { id: string }>(rows: T[], itemId: string): T | null | undefined {
  return itemId === "new" ? null : rows.find((r) => r.id === itemId);
}

/** A decision that the child should be placed for adoption, and its reversal. */
export function PlacedForm({ record, back, itemId }: PermanenceFormProps) {
  const row = pick(record.placedForAdoption, itemId);
  const [v, setV] = useState({ datePlaced: row?.datePlaced ?? todayIso(), datePlacedCeased: row?.datePlacedCeased ?? "", reasonPlacedCeased: row?.reasonPlacedCeased ?? "" });
  const { errors, busy, submit } = useFormSubmit();
  if (row === undefined) return <NotFoundPage />;
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const body = { datePlaced: v.datePlaced, datePlacedCeased: orNull(v.datePlacedCeased), reasonPlacedCeased: orNull(v.reasonPlacedCeased) };
    const send = () => (row ? savePermanence(record.personId, "PATCH", `/placed-for-adoption/${row.id}`, body, row.version) : savePermanence(record.personId, "POST", "/placed-for-adoption", body, null));
    void submit({ checked: check(placedForAdoptionInputSchema, body, { datePlaced: "Enter the date of the decision" }), send, to: back, flash: "The decision has been saved" });
  }
  return (
    <LacSectionForm childName={record.childName} title={row ? "Change a decision to place for adoption" : "Record a decision to place for adoption"} backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <DateField name="datePlaced" label="Date of the decision that the child should be placed for adoption" value={v.datePlaced} onChange={set("datePlaced")} error={errors.datePlaced} />
      <DateField name="datePlacedCeased" label="Date of the decision that the child should no longer be placed for adoption (if it changed)" value={v.datePlacedCeased} onChange={set("datePlacedCeased")} error={errors.datePlacedCeased} />
      <SelectField name="reasonPlacedCeased" label="Why the decision changed" error={errors.reasonPlacedCeased} value={v.reasonPlacedCeased} options={codeOptions(PLACED_FOR_ADOPTION_CEASED_REASONS, "It has not changed")} onChange={set("reasonPlacedCeased")} />
    </LacSectionForm>
  );
}

/** One of the child's social workers (SW_ID, dates and why they changed). */
export function SwForm({ record, back, itemId }: PermanenceFormProps) {
  const row = pick(record.swEpisodes, itemId);
  const [v, setV] = useState({ swId: row?.swId ?? "", swDecom: row?.swDecom ?? todayIso(), swDec: row?.swDec ?? "", swReason: row?.swReason ?? "" });
  const { errors, busy, submit } = useFormSubmit();
  if (row === undefined) return <NotFoundPage />;
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const body = { swId: v.swId, swDecom: v.swDecom, swDec: orNull(v.swDec), swReason: orNull(v.swReason) };
    const send = () => (row ? savePermanence(record.personId, "PATCH", `/sw-episodes/${row.id}`, body, row.version) : savePermanence(record.personId, "POST", "/sw-episodes", body, null));
    void submit({ checked: check(swEpisodeInputSchema, body, { swId: "Enter the social worker’s ID", swDecom: "Enter when they became the child’s social worker" }), send, to: back, flash: "The social worker has been saved" });
  }
  return (
    <LacSectionForm childName={record.childName} title={row ? "Change a social worker episode" : "Record a social worker"} backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <TextField name="swId" label="Social worker ID" hint="Their identifier in the children’s social work workforce census" width="10" error={errors.swId} value={v.swId} onChange={set("swId")} />
      <DateField name="swDecom" label="Date they became the child’s social worker" value={v.swDecom} onChange={set("swDecom")} error={errors.swDecom} />
      <DateField name="swDec" label="Date they stopped (leave blank if they still are)" value={v.swDec} onChange={set("swDec")} error={errors.swDec} />
      <SelectField name="swReason" label="Why the social worker changed" error={errors.swReason} value={v.swReason} options={codeOptions(SOCIAL_WORKER_CHANGE_REASONS, "Not changed yet")} onChange={set("swReason")} />
    </LacSectionForm>
  );
}

/** A deprivation of liberty order. */
export function DoloForm({ record, back, itemId }: PermanenceFormProps) {
  const row = pick(record.dolo, itemId);
  const [v, setV] = useState({ doloStart: row?.doloStart ?? todayIso(), doloEnd: row?.doloEnd ?? "" });
  const { errors, busy, submit } = useFormSubmit();
  if (row === undefined) return <NotFoundPage />;
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const body = { doloStart: v.doloStart, doloEnd: orNull(v.doloEnd) };
    const send = () => (row ? savePermanence(record.personId, "PATCH", `/dolo/${row.id}`, body, row.version) : savePermanence(record.personId, "POST", "/dolo", body, null));
    void submit({ checked: check(doloInputSchema, body, { doloStart: "Enter when the order started" }), send, to: back, flash: "The order has been saved" });
  }
  return (
    <LacSectionForm childName={record.childName} title={row ? "Change a deprivation of liberty order" : "Record a deprivation of liberty order"} backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <DateField name="doloStart" label="Date the order started" value={v.doloStart} onChange={set("doloStart")} error={errors.doloStart} />
      <DateField name="doloEnd" label="Date the order ended (leave blank if it is in force)" value={v.doloEnd} onChange={set("doloEnd")} error={errors.doloEnd} />
    </LacSectionForm>
  );
}
