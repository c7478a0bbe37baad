import { CARE_ENDING_REASON_CODES, CATEGORIES_OF_NEED, LEGAL_STATUSES, REASONS_EPISODE_CEASED, REASONS_FOR_PLACEMENT_CHANGE, todayIso } from "@family-story/domain";
import { lookedAfterCeaseSchema, lookedAfterChangeSchema, lookedAfterStartSchema, type LookedAfterRecord } from "@family-story/schemas";
import { useState } from "react";
import { recordCare } from "../../api/looked-after.ts";
import { CheckboxField, RadiosField, SelectField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { DateField, EMPTY_PLACEMENT, PlacementFields, codeOptions, placementBody } from "./lac-form-fields.tsx";
import { LacForm, WithLacRecord, recordPath } from "./lac-form-shell.tsx";

const today = () => todayIso();

/** Start a period of care, at /people/:id/looked-after/start. */
export function StartCarePage() {
  return <WithLacRecord>{(record) => <StartForm record={record} />}</WithLacRecord>;
}

function StartForm({ record }: { record: LookedAfterRecord }) {
  const [v, setV] = useState({ startDate: today(), legalStatus: "", categoryOfNeed: "", homePostcode: "" });
  const [placement, setPlacement] = useState(EMPTY_PLACEMENT);
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const body = { startDate: v.startDate, legalStatus: v.legalStatus, categoryOfNeed: v.categoryOfNeed, ...placementBody(placement), ...(v.homePostcode.trim() === "" ? {} : { homePostcode: v.homePostcode }) };
    void submit({ checked: check(lookedAfterStartSchema, body, { legalStatus: "Choose the legal status", categoryOfNeed: "Choose the category of need" }), send: () => recordCare(record.child.id, "", body), to: recordPath(record.child.id), flash: "The period of care has started" });
  }
  return (
    <LacForm record={record} title="Start a period of care" button="Start the period of care" errors={errors} busy={busy} onSubmit={onSubmit}
      intro={record.status === "looked_after" ? <div className="govuk-inset-text">This child is already looked after: record a change instead.</div> : undefined}>
      <DateField name="startDate" label="Date the child started to be looked after" value={v.startDate} onChange={set("startDate")} error={errors.startDate} />
      <SelectField name="legalStatus" label="Legal status (LS)" error={errors.legalStatus} value={v.legalStatus} options={codeOptions(LEGAL_STATUSES, "Choose the legal status")} onChange={set("legalStatus")} />
      <RadiosField name="categoryOfNeed" label="Category of need" error={errors.categoryOfNeed} value={v.categoryOfNeed} options={codeOptions(CATEGORIES_OF_NEED)} onChange={set("categoryOfNeed")} />
      <PlacementFields values={placement} onChange={setPlacement} errors={errors} />
      <TextField name="homePostcode" label="Postcode of the home the child came from (optional)" hint="Used for the distance to the placement" width="10" error={errors.homePostcode} value={v.homePostcode} onChange={set("homePostcode")} />
    </LacForm>
  );
}

/** Record a change of legal status and/or placement, at /people/:id/looked-after/change. */
export function ChangeCarePage() {
  return <WithLacRecord>{(record) => <ChangeForm record={record} />}</WithLacRecord>;
}

function ChangeForm({ record }: { record: LookedAfterRecord }) {
  const [v, setV] = useState({ changeDate: today(), legalStatus: "", reasonPlaceChange: "" });
  const [sameCarers, setSameCarers] = useState(false);
  const [placement, setPlacement] = useState(EMPTY_PLACEMENT);
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  const current = record.currentEpisode;
  function onSubmit() {
    const moving = placement.place !== "";
    const body = {
      changeDate: v.changeDate,
      ...(v.legalStatus === "" ? {} : { legalStatus: v.legalStatus }),
      ...placementBody(placement),
      ...(moving ? { sameCarers } : {}),
      ...(moving && v.reasonPlaceChange !== "" ? { reasonPlaceChange: v.reasonPlaceChange } : {}),
    };
    void submit({ checked: check(lookedAfterChangeSchema, body), send: () => recordCare(record.child.id, "/changes", body), to: recordPath(record.child.id), flash: "The change has been recorded" });
  }
  return (
    <LacForm record={record} title="Record a change of placement or legal status" button="Save the change" errors={errors} busy={busy} onSubmit={onSubmit}
      intro={current ? <p className="govuk-body">{`Now: ${current.legalStatus?.label ?? "legal status not recorded"}; ${current.place?.label ?? "placement not recorded"}, since ${formatDate(current.startDate)}. Record what changed; the episodes follow from it.`}</p> : <div className="govuk-inset-text">This child is not looked after at the moment.</div>}>
      <DateField name="changeDate" label="Date of the change" value={v.changeDate} onChange={set("changeDate")} error={errors.changeDate} />
      <SelectField name="legalStatus" label="New legal status" error={errors.legalStatus} value={v.legalStatus} options={codeOptions(LEGAL_STATUSES, "No change")} onChange={set("legalStatus")} />
      <PlacementFields values={placement} onChange={setPlacement} errors={errors} placeLabel="New placement type" blankPlace="No change of placement" />
      {placement.place !== "" && (
        <>
          <CheckboxField name="sameCarers" label="The child stayed with the same carer(s)" hint="For example, foster carers who moved house with the child" checked={sameCarers} onChange={setSameCarers} />
          <SelectField name="reasonPlaceChange" label="Why the placement changed" hint="Not needed when moving to or from a temporary placement" error={errors.reasonPlaceChange} value={v.reasonPlaceChange} options={codeOptions(REASONS_FOR_PLACEMENT_CHANGE, "Choose a reason")} onChange={set("reasonPlaceChange")} />
        </>
      )}
    </LacForm>
  );
}

/** End the period of care, at /people/:id/looked-after/cease. */
export function CeaseCarePage() {
  return <WithLacRecord>{(record) => <CeaseForm record={record} />}</WithLacRecord>;
}

const ENDING_REASONS = REASONS_EPISODE_CEASED.filter((r) => (CARE_ENDING_REASON_CODES as readonly string[]).includes(r.code));

function CeaseForm({ record }: { record: LookedAfterRecord }) {
  const [v, setV] = useState({ endDate: today(), reasonCeased: "" });
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { endDate: v.endDate, reasonCeased: v.reasonCeased };
    void submit({ checked: check(lookedAfterCeaseSchema, body, { reasonCeased: "Choose why care ended" }), send: () => recordCare(record.child.id, "/cease", body), to: recordPath(record.child.id), flash: "The period of care has ended" });
  }
  return (
    <LacForm record={record} title="End the period of care" button="End the period of care" errors={errors} busy={busy} onSubmit={onSubmit}>
      <DateField name="endDate" label="Date the child stopped being looked after" value={v.endDate} onChange={(endDate) => { setV({ ...v, endDate }); }} error={errors.endDate} />
      <RadiosField name="reasonCeased" label="Why care ended (REC)" error={errors.reasonCeased} value={v.reasonCeased} options={codeOptions(ENDING_REASONS)} onChange={(reasonCeased) => { setV({ ...v, reasonCeased }); }} />
    </LacForm>
  );
}
