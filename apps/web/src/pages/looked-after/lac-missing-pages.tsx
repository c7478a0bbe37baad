import { MISSING_TYPES, todayIso } from "@family-story/domain";
import { missingCreateSchema, missingPatchSchema, type LookedAfterRecord, type MissingEpisode } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { recordMissing, updateMissing } from "../../api/looked-after.ts";
import { RadiosField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { DateField, codeOptions } from "./lac-form-fields.tsx";
import { LacForm, WithLacRecord, recordPath } from "./lac-form-shell.tsx";

interface MissingValues {
  missingType: string;
  startDate: string;
  endDate: string;
  rhiOfferedOn: string;
  rhiAccepted: string;
  notes: string;
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

function body(v: MissingValues) {
  return {
    missingType: v.missingType,
    startDate: v.startDate,
    endDate: orNull(v.endDate),
    rhiOfferedOn: orNull(v.rhiOfferedOn),
    rhiAccepted: v.rhiAccepted === "" ? null : v.rhiAccepted === "yes",
    notes: orNull(v.notes),
  };
}

function MissingFields({ v, set, errors }: { v: MissingValues; set: (k: keyof MissingValues) => (value: string) => void; errors: Record<string, string> }) {
  return (
    <>
      <RadiosField name="missingType" label="Was the child missing, or away from placement without authorisation?" error={errors.missingType} value={v.missingType} options={codeOptions(MISSING_TYPES).map((o) => ({ ...o, label: o.label.replace(/^[MA]: /, "") }))} onChange={set("missingType")} />
      <DateField name="startDate" label="Date it started" value={v.startDate} onChange={set("startDate")} error={errors.startDate} />
      <DateField name="endDate" label="Date the child came back (leave blank if not yet back)" value={v.endDate} onChange={set("endDate")} error={errors.endDate} />
      <DateField name="rhiOfferedOn" label="Date a return home interview was offered (due within 72 hours of the return)" value={v.rhiOfferedOn} onChange={set("rhiOfferedOn")} error={errors.rhiOfferedOn} />
      <RadiosField name="rhiAccepted" label="Did the child accept the interview?" inline error={errors.rhiAccepted} value={v.rhiAccepted} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }, { value: "", label: "Not known yet" }]} onChange={set("rhiAccepted")} />
      <TextareaField name="notes" label="Notes (optional)" error={errors.notes} value={v.notes} onChange={set("notes")} />
    </>
  );
}

/** Record a missing or away episode, at /people/:id/looked-after/missing/new. */
export function NewMissingPage() {
  return <WithLacRecord>{(record) => <NewMissingForm record={record} />}</WithLacRecord>;
}

function NewMissingForm({ record }: { record: LookedAfterRecord }) {
  const [v, setV] = useState<MissingValues>({ missingType: "", startDate: todayIso(), endDate: "", rhiOfferedOn: "", rhiAccepted: "", notes: "" });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof MissingValues) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const b = body(v);
    void submit({ checked: check(missingCreateSchema, b, { missingType: "Choose missing or away" }), send: () => recordMissing(record.child.id, b), to: recordPath(record.child.id), flash: "The missing episode has been recorded" });
  }
  return (
    <LacForm record={record} title="Record a missing or away episode" button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <MissingFields v={v} set={set} errors={errors} />
    </LacForm>
  );
}

/** Record the return or the interview, or correct an episode, at /people/:id/looked-after/missing/:missingId. */
export function UpdateMissingPage() {
  const { missingId = "" } = useParams();
  return (
    <WithLacRecord>
      {(record) => {
        const m = record.missing.find((x) => x.id === missingId);
        return m ? <UpdateMissingForm record={record} missing={m} /> : <NotFoundPage />;
      }}
    </WithLacRecord>
  );
}

function UpdateMissingForm({ record, missing }: { record: LookedAfterRecord; missing: MissingEpisode }) {
  const [v, setV] = useState<MissingValues>({
    missingType: missing.missingType?.code ?? "",
    startDate: missing.startDate,
    endDate: missing.endDate ?? "",
    rhiOfferedOn: missing.rhiOfferedOn ?? "",
    rhiAccepted: missing.rhiAccepted === null ? "" : missing.rhiAccepted ? "yes" : "no",
    notes: missing.notes ?? "",
  });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof MissingValues) => (value: string) => { setV({ ...v, [k]: value }); };
  function onSubmit() {
    const b = body(v);
    void submit({ checked: check(missingPatchSchema, b), send: () => updateMissing(record.child.id, missing.id, missing.version, b), to: recordPath(record.child.id), flash: "The missing episode has been updated" });
  }
  return (
    <LacForm record={record} title="Update a missing or away episode" button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <MissingFields v={v} set={set} errors={errors} />
    </LacForm>
  );
}
