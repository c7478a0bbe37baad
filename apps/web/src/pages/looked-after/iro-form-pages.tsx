import { DISPUTE_THEMES, todayIso } from "@family-story/domain";
import { disputeCreateSchema, midpointCreateSchema, type LookedAfterRecord } from "@family-story/schemas";
import { useState } from "react";
import { raiseDispute, recordMidpoint } from "../../api/iro.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { IroForm, iroPath } from "./iro-form-shell.tsx";
import { WithLacRecord } from "./lac-form-shell.tsx";

/** Record a mid-point check, at /people/:id/looked-after/iro/midpoints/new. */
export function MidpointFormPage() {
  return <WithLacRecord>{(record) => <MidpointForm record={record} />}</WithLacRecord>;
}

function MidpointForm({ record }: { record: LookedAfterRecord }) {
  const personId = record.child.id;
  const [checkDate, setCheckDate] = useState(todayIso());
  const [onTrack, setOnTrack] = useState("");
  const [notes, setNotes] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { checkDate, ...(onTrack !== "" && { onTrack: onTrack === "yes" }), notes };
    void submit({
      checked: check(midpointCreateSchema, body, { notes: "Enter what you found: the plan’s progress and anything you raised" }),
      send: () => recordMidpoint(personId, body),
      to: iroPath(personId),
      flash: "Mid-point check recorded.",
    });
  }
  return (
    <IroForm
      personId={personId}
      childName={record.child.name}
      title="Record a mid-point check"
      button="Save the check"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">Between reviews, check the child’s record, the care plan and the last review’s decisions with the social worker, and say whether the plan is on track.</p>}
    >
      <TextField name="checkDate" label="Date of the check" hint="For example, 2025-04-23" width="10" error={errors.checkDate} value={checkDate} onChange={setCheckDate} />
      <RadiosField name="onTrack" label="Is the care plan on track?" error={errors.onTrack} value={onTrack} onChange={setOnTrack} inline options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
      <TextareaField name="notes" label="Notes" hint="What you reviewed, what the social worker said, and any challenge you raised." error={errors.notes} value={notes} onChange={setNotes} />
    </IroForm>
  );
}

/** Raise a dispute (an informal alert), at /people/:id/looked-after/iro/disputes/new. */
export function RaiseDisputePage() {
  return <WithLacRecord>{(record) => <RaiseDisputeForm record={record} />}</WithLacRecord>;
}

function RaiseDisputeForm({ record }: { record: LookedAfterRecord }) {
  const personId = record.child.id;
  const [raisedOn, setRaisedOn] = useState(todayIso());
  const [theme, setTheme] = useState("");
  const [summary, setSummary] = useState("");
  const [notes, setNotes] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit() {
    const body = { raisedOn, theme, summary, notes: blankToNull(notes) };
    const checked = check(disputeCreateSchema, body, { summary: "Enter the concern you are raising", theme: "Choose what the dispute is about" });
    void submit({
      checked,
      send: () => raiseDispute(personId, body),
      to: iroPath(personId),
      flash: "Dispute raised as an informal alert.",
    });
  }
  return (
    <IroForm
      personId={personId}
      childName={record.child.name}
      title="Raise a dispute"
      button="Raise the dispute"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">A dispute starts as an informal alert to the social worker and their manager. If it is not resolved you can escalate it, one stage at a time, to formal stages 1 (team manager), 2 (service manager) and 3 (head of service or director).</p>}
    >
      <TextField name="raisedOn" label="Date raised" hint="For example, 2025-04-23" width="10" error={errors.raisedOn} value={raisedOn} onChange={setRaisedOn} />
      <SelectField name="theme" label="What is it about?" error={errors.theme} value={theme} onChange={setTheme} options={[{ value: "", label: "Choose a theme" }, ...DISPUTE_THEMES.map((t) => ({ value: t.code, label: t.label }))]} />
      <TextareaField name="summary" label="The concern" hint="What is wrong or delayed, and what you are asking for." error={errors.summary} value={summary} onChange={setSummary} />
      <TextareaField name="notes" label="Notes on the informal alert (optional)" hint="Who you raised it with and how." error={errors.notes} value={notes} onChange={setNotes} />
    </IroForm>
  );
}
