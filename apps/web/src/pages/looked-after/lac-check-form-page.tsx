import { SDQ_REASONS, todayIso } from "@family-story/domain";
import { LAC_CHECK_KINDS, LAC_CHECK_KIND_LABELS, lacCheckInputSchema, type LacCheck, type LacHealthRecord } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { loadLacHealth, saveCheck } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { DateField, codeOptions } from "./lac-form-fields.tsx";
import { LacSectionForm, lacPath, orNull } from "./lac-health-parts.tsx";

interface CheckValues {
  kind: string;
  checkDate: string;
  upToDate: string;
  sdqHow: string;
  score: string;
  reason: string;
  pepType: string;
  interventionReceived: string;
  interventionOffered: string;
  notes: string;
}

const yesNo = [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }];
const bool = (v: string): boolean | undefined => (v === "yes" ? true : v === "no" ? false : undefined);
const fromBool = (v: boolean | null): string => (v === true ? "yes" : v === false ? "no" : "");

function valuesOf(c: LacCheck | undefined): CheckValues {
  if (!c) return { kind: "", checkDate: todayIso(), upToDate: "", sdqHow: "", score: "", reason: "", pepType: "", interventionReceived: "", interventionOffered: "", notes: "" };
  return {
    kind: c.kind,
    checkDate: c.checkDate,
    upToDate: fromBool(c.upToDate),
    sdqHow: c.kind !== "sdq" ? "" : c.score !== null ? "score" : "reason",
    score: c.score === null ? "" : String(c.score),
    reason: c.reason ?? "",
    pepType: c.pepType ?? "",
    interventionReceived: fromBool(c.interventionReceived),
    interventionOffered: fromBool(c.interventionOffered),
    notes: c.notes ?? "",
  };
}

/** The API body for the chosen kind; only that kind's answers are sent. */
function body(v: CheckValues): Record<string, unknown> {
  const common = { kind: v.kind, checkDate: v.checkDate, notes: orNull(v.notes) };
  switch (v.kind) {
    case "immunisations":
      return { ...common, upToDate: bool(v.upToDate) };
    case "sdq":
      return v.sdqHow === "reason" ? { ...common, reason: v.reason === "" ? undefined : v.reason } : { ...common, score: v.score.trim() === "" ? undefined : Number(v.score) };
    case "pep":
      return { ...common, pepType: v.pepType === "" ? undefined : v.pepType };
    case "substance_misuse": {
      const received = bool(v.interventionReceived);
      return { ...common, interventionReceived: received, interventionOffered: received === true ? true : bool(v.interventionOffered) };
    }
    default:
      return common;
  }
}

/** Record a check (checkId "new") or correct one, at /people/:id/looked-after/health/checks/:checkId. */
export function LacCheckFormPage() {
  const { id = "", checkId = "new" } = useParams();
  const [load] = useLoad(() => loadLacHealth(id), [id]);
  return (
    <Loaded load={load}>
      {(record) => {
        const existing = checkId === "new" ? undefined : record.checks.find((c) => c.id === checkId);
        if (checkId !== "new" && !existing) return <NotFoundPage />;
        return <CheckForm record={record} existing={existing} />;
      }}
    </Loaded>
  );
}

function CheckForm({ record, existing }: { record: LacHealthRecord; existing: LacCheck | undefined }) {
  const [v, setV] = useState<CheckValues>(valuesOf(existing));
  const { errors, busy, submit } = useFormSubmit();
  const set = (k: keyof CheckValues) => (value: string) => { setV({ ...v, [k]: value }); };
  const back = lacPath(record.personId, "health");
  function onSubmit() {
    const b = body(v);
    const checked = v.kind === "sdq" && v.sdqHow === "" ? { ok: false as const, errors: { sdqHow: "Choose whether there is a score" } } : check(lacCheckInputSchema, b, { checkDate: "Enter the date of the check" });
    void submit({ checked, send: () => saveCheck(record.personId, b, existing ? { id: existing.id, version: existing.version } : null), to: back, flash: existing ? "The check has been corrected" : "The check has been recorded" });
  }
  return (
    <LacSectionForm
      childName={record.childName}
      title={existing ? `Correct the ${existing.kindLabel.toLowerCase()} of ${formatDate(existing.checkDate)}` : "Record a health or education check"}
      backTo={back}
      button={existing ? "Save the correction" : "Record the check"}
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={<p className="govuk-body">The next health assessment, dental check, SDQ and PEP are worked out again when you save.</p>}
    >
      {existing ? (
        <p className="govuk-body"><strong>{existing.kindLabel}</strong></p>
      ) : (
        <RadiosField name="kind" label="What was checked?" error={errors.kind} value={v.kind} options={LAC_CHECK_KINDS.map((k) => ({ value: k, label: LAC_CHECK_KIND_LABELS[k] }))} onChange={set("kind")} />
      )}
      <DateField name="checkDate" label="Date" value={v.checkDate} onChange={set("checkDate")} error={errors.checkDate} />
      {v.kind === "immunisations" && <RadiosField name="upToDate" label="Are the child’s immunisations up to date?" inline error={errors.upToDate} value={v.upToDate} options={yesNo} onChange={set("upToDate")} />}
      {v.kind === "sdq" && (
        <>
          <RadiosField name="sdqHow" label="Is there a score?" error={errors.sdqHow} value={v.sdqHow} options={[{ value: "score", label: "Yes, a score was returned" }, { value: "reason", label: "No, there is a reason for no score" }]} onChange={set("sdqHow")} />
          {v.sdqHow === "score" && <TextField name="score" label="SDQ total difficulties score" hint="A whole number from 0 to 40" width="3" inputMode="numeric" error={errors.score} value={v.score} onChange={set("score")} />}
          {v.sdqHow === "reason" && <SelectField name="reason" label="Reason for no score" error={errors.reason} value={v.reason} options={codeOptions(SDQ_REASONS, "Choose the reason")} onChange={set("reason")} />}
        </>
      )}
      {v.kind === "pep" && <RadiosField name="pepType" label="Is this the first PEP or a review?" inline error={errors.pepType} value={v.pepType} options={[{ value: "initial", label: "First PEP" }, { value: "review", label: "Review" }]} onChange={set("pepType")} />}
      {v.kind === "substance_misuse" && (
        <>
          <RadiosField name="interventionReceived" label="Did the child receive an intervention?" inline error={errors.interventionReceived} value={v.interventionReceived} options={yesNo} onChange={set("interventionReceived")} />
          {v.interventionReceived === "no" && <RadiosField name="interventionOffered" label="Was an intervention offered?" inline error={errors.interventionOffered} value={v.interventionOffered} options={yesNo} onChange={set("interventionOffered")} />}
        </>
      )}
      {v.kind !== "" && <TextareaField name="notes" label="Notes (optional)" error={errors.notes} value={v.notes} onChange={set("notes")} />}
    </LacSectionForm>
  );
}
