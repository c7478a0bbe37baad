import { uascSchema, type LookedAfterRecord } from "@family-story/schemas";
import { useState } from "react";
import { saveUasc } from "../../api/looked-after.ts";
import { RadiosField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { DateField } from "./lac-form-fields.tsx";
import { LacForm, WithLacRecord, recordPath } from "./lac-form-shell.tsx";

/** Whether the child is an unaccompanied asylum-seeking child, and when that ceased, at /people/:id/looked-after/uasc. */
export function UascPage() {
  return <WithLacRecord>{(record) => <UascForm record={record} />}</WithLacRecord>;
}

function UascForm({ record }: { record: LookedAfterRecord }) {
  const [uasc, setUasc] = useState(record.child.uasc ? "yes" : "no");
  const [ceasedOn, setCeasedOn] = useState(record.child.uascCeased ?? "");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { uasc: uasc === "yes", ceasedOn: uasc === "yes" && ceasedOn.trim() !== "" ? ceasedOn.trim() : null };
    void submit({ checked: check(uascSchema, body), send: () => saveUasc(record.child.id, body), to: recordPath(record.child.id), flash: "UASC status saved" });
  }
  return (
    <LacForm record={record} title="Unaccompanied asylum-seeking child" button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <RadiosField name="uasc" label="Is, or was, the child an unaccompanied asylum-seeking child (UASC)?" inline error={errors.uasc} value={uasc} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} onChange={setUasc} />
      {uasc === "yes" && <DateField name="ceasedOn" label="Date UASC status ceased (leave blank if the child is still UASC)" value={ceasedOn} onChange={setCeasedOn} error={errors.ceasedOn} />}
    </LacForm>
  );
}
