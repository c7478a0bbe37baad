import { CARE_LEAVER_ACCOMMODATION, CARE_LEAVER_ACTIVITIES, CARE_LEAVER_IN_TOUCH, ordinal, todayIso } from "@family-story/domain";
import { oc3InputSchema, pathwayPlanInputSchema, type CareLeaverRecord } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { loadCareLeaver, saveOc3, savePathwayPlan } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { DateField, codeOptions } from "./lac-form-fields.tsx";
import { LacSectionForm, lacPath, orNull } from "./lac-health-parts.tsx";

/** Record or change the contact around a birthday (OC3), at /people/:id/looked-after/leaving-care/oc3/:year. */
export function LacOc3FormPage() {
  const { id = "", year = "" } = useParams();
  const [load] = useLoad(() => loadCareLeaver(id), [id]);
  return (
    <Loaded load={load}>
      {(record) => {
        const birthday = record.birthdays.find((b) => String(b.year) === year && b.required);
        return birthday ? <Oc3Form record={record} birthday={birthday} /> : <NotFoundPage />;
      }}
    </Loaded>
  );
}

function Oc3Form({ record, birthday }: { record: CareLeaverRecord; birthday: CareLeaverRecord["birthdays"][number] }) {
  const o = birthday.oc3;
  const [v, setV] = useState({ inTouch: o?.inTouch ?? "", activity: o?.activity ?? "", accommodation: o?.accommodation ?? "", recordedOn: o?.recordedOn ?? todayIso() });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  const back = lacPath(record.personId, "leaving-care");
  const noDetails = v.inTouch === "DIED" || v.inTouch === "RHOM";
  function onSubmit() {
    const body = { inTouch: v.inTouch, activity: noDetails ? null : orNull(v.activity), accommodation: noDetails ? null : orNull(v.accommodation), recordedOn: v.recordedOn };
    void submit({ checked: check(oc3InputSchema, body, { inTouch: "Choose whether you are in touch" }), send: () => saveOc3(record.personId, birthday.year, body, o ? o.version : null), to: back, flash: `The contact around the ${ordinal(birthday.age)} birthday has been saved` });
  }
  return (
    <LacSectionForm
      childName={record.childName}
      title={`Around the ${ordinal(birthday.age)} birthday`}
      backTo={back}
      button="Save"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">{`Birthday ${formatDate(birthday.birthday)}. Record what you found between ${formatDate(birthday.windowFrom)} and ${formatDate(birthday.windowTo)}.`}</p>}
    >
      <RadiosField name="inTouch" label="Are you in touch with the young person?" error={errors.inTouch} value={v.inTouch} options={CARE_LEAVER_IN_TOUCH.map((c) => ({ value: c.code, label: c.label }))} onChange={set("inTouch")} />
      {!noDetails && (
        <>
          <SelectField name="activity" label="Main activity" hint={v.inTouch === "YES" ? undefined : "If known"} error={errors.activity} value={v.activity} options={codeOptions(CARE_LEAVER_ACTIVITIES, "Choose their main activity")} onChange={set("activity")} />
          <SelectField name="accommodation" label="Accommodation, and whether it is suitable" hint={v.inTouch === "YES" ? undefined : "If known"} error={errors.accommodation} value={v.accommodation} options={codeOptions(CARE_LEAVER_ACCOMMODATION, "Choose their accommodation")} onChange={set("accommodation")} />
        </>
      )}
      <DateField name="recordedOn" label="Date of the contact (or the attempt)" value={v.recordedOn} onChange={set("recordedOn")} error={errors.recordedOn} />
    </LacSectionForm>
  );
}

/** Record a pathway plan (planId "new") or change one, at /people/:id/looked-after/leaving-care/pathway-plans/:planId. */
export function LacPathwayPlanFormPage() {
  const { id = "", planId = "new" } = useParams();
  const [load] = useLoad(() => loadCareLeaver(id), [id]);
  return (
    <Loaded load={load}>
      {(record) => {
        const plan = planId === "new" ? null : record.pathwayPlans.find((p) => p.id === planId);
        return plan === undefined ? <NotFoundPage /> : <PlanForm record={record} plan={plan} />;
      }}
    </Loaded>
  );
}

function PlanForm({ record, plan }: { record: CareLeaverRecord; plan: CareLeaverRecord["pathwayPlans"][number] | null }) {
  const [v, setV] = useState({ planDate: plan?.planDate ?? todayIso(), nextReviewDue: plan?.nextReviewDue ?? "", personalAdviser: plan?.personalAdviser ?? "", summary: plan?.summary ?? "" });
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  const back = lacPath(record.personId, "leaving-care");
  function onSubmit() {
    const body = { planDate: v.planDate, nextReviewDue: orNull(v.nextReviewDue), personalAdviser: orNull(v.personalAdviser), summary: orNull(v.summary) };
    void submit({ checked: check(pathwayPlanInputSchema, body, { planDate: "Enter the date of the plan" }), send: () => savePathwayPlan(record.personId, body, plan ? { id: plan.id, version: plan.version } : null), to: back, flash: plan ? "The pathway plan has been changed" : "The pathway plan has been recorded" });
  }
  return (
    <LacSectionForm childName={record.childName} title={plan ? "Change a pathway plan" : "Record a pathway plan"} backTo={back} button="Save" errors={errors} busy={busy} onSubmit={onSubmit}>
      <DateField name="planDate" label="Date the plan was agreed or reviewed" value={v.planDate} onChange={set("planDate")} error={errors.planDate} />
      <TextField name="nextReviewDue" label="Next review due (optional)" hint="For example, 2025-04-23. Leave blank for 6 months after the plan." width="10" error={errors.nextReviewDue} value={v.nextReviewDue} onChange={set("nextReviewDue")} />
      <TextField name="personalAdviser" label="Personal adviser (optional)" error={errors.personalAdviser} value={v.personalAdviser} onChange={set("personalAdviser")} />
      <TextareaField name="summary" label="Summary (optional)" error={errors.summary} value={v.summary} onChange={set("summary")} />
    </LacSectionForm>
  );
}
