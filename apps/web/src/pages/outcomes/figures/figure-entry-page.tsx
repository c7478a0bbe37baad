import { measureFigureInputSchema, type MeasureDefinitionDto, type MeasureFigure } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { loadMeasureFigures, saveMeasureFigure } from "../../../api/measure-figures.ts";
import { loadMeasureCatalogue, loadScopeOptions, type ScopeOption } from "../../../api/measures.ts";
import { useLoad } from "../../../api/use-api.ts";
import { usePageTitle } from "../../../app/page-title.ts";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { SelectField, TextField, TextareaField } from "../../../components/fields.tsx";
import { blankToNull, check, errorsFromError, type FieldErrors } from "../../../components/form-errors.ts";
import { Loaded, SuccessBanner } from "../../../components/status.tsx";
import { FIGURES_PATH } from "../catalogue-labels.ts";
import { OutcomesNav } from "../outcomes-nav.tsx";
import { FigureList, periodText } from "./figure-list.tsx";

const VALUE_HINTS: Record<MeasureDefinitionDto["unit"], string> = {
  percent: "A percentage from 0 to 100, such as 65.5",
  count: "A whole number",
  rate: "A rate per 10,000",
  score: "A mean score, such as -0.12",
  days: "A number of days",
};

/** "" → null; a number as typed (commas and a trailing % allowed) → the number; anything else NaN, which the check reports. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, "").replace(/%$/, "");
  return trimmed === "" ? null : Number(trimmed);
}
const asText = (v: number | null) => (v === null ? "" : String(v));

interface Fields {
  periodStart: string;
  periodEnd: string;
  value: string;
  numerator: string;
  denominator: string;
  source: string;
  sourceDate: string;
  note: string;
}
const EMPTY: Fields = { periodStart: "", periodEnd: "", value: "", numerator: "", denominator: "", source: "", sourceDate: "", note: "" };

/** The form: a measure and authority, then the figure; the figures already held are listed below it. */
function FigureForm({ measures, authorities, initialMeasure, initialLa }: { measures: MeasureDefinitionDto[]; authorities: ScopeOption[]; initialMeasure: string; initialLa: string }) {
  const [measureId, setMeasureId] = useState(measures.some((m) => m.id === initialMeasure) ? initialMeasure : "");
  const [la, setLa] = useState(authorities.some((a) => a.id === initialLa) ? initialLa : (authorities[0]?.id ?? ""));
  const measure = measures.find((m) => m.id === measureId);
  const [fields, setFields] = useState<Fields>({ ...EMPTY, source: measure?.dataSource ?? "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<MeasureFigure | null>(null);
  const [figures, reload] = useLoad(() => (measureId === "" || la === "" ? Promise.resolve(null) : loadMeasureFigures(measureId, la)), [measureId, la]);
  const set = (key: keyof Fields) => (value: string) => { setFields((f) => ({ ...f, [key]: value })); };

  const chooseMeasure = (id: string) => {
    const next = measures.find((m) => m.id === id);
    setMeasureId(id);
    setFields((f) => ({ ...f, source: f.source === "" || f.source === measure?.dataSource ? (next?.dataSource ?? "") : f.source }));
    setErrors({});
  };
  const correct = (f: MeasureFigure) => {
    setFields({ periodStart: f.periodStart, periodEnd: f.periodEnd, value: asText(f.value), numerator: asText(f.numerator), denominator: asText(f.denominator), source: f.source, sourceDate: f.sourceDate, note: f.note ?? "" });
    setSaved(null);
    document.getElementById("periodStart")?.focus();
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(null);
    if (measure === undefined) {
      setErrors({ measure: "Choose the measure the figure is for" });
      return;
    }
    const checked = check(
      measureFigureInputSchema,
      { la, periodStart: fields.periodStart.trim(), periodEnd: fields.periodEnd.trim(), value: numberOrNull(fields.value), numerator: numberOrNull(fields.numerator), denominator: numberOrNull(fields.denominator), source: fields.source, sourceDate: fields.sourceDate.trim(), note: blankToNull(fields.note) },
      { periodStart: "Enter the first day the figure covers", periodEnd: "Enter the last day the figure covers", source: "Enter where the figure comes from", sourceDate: "Enter the date of the source" },
    );
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    // Correcting a figure held for the same period sends the version read with the list.
    const held = figures.state === "done" ? figures.value?.figures.find((f) => f.periodStart === checked.data.periodStart && f.periodEnd === checked.data.periodEnd) : undefined;
    setBusy(true);
    try {
      const figure = await saveMeasureFigure(measure.id, checked.data, held?.version ?? null);
      setSaved(figure);
      setErrors({});
      setFields({ ...EMPTY, source: fields.source });
      reload();
    } catch (error) {
      setErrors(errorsFromError(error));
    } finally {
      setBusy(false);
    }
  };

  const options = [{ value: "", label: "Choose a measure" }, ...measures.map((m) => ({ value: m.id, label: m.title }))];
  return (
    <>
      <ErrorSummary errors={errors} />
      {saved !== null && measure !== undefined && (
        <SuccessBanner title="Figure saved">
          {measure.title}: {saved.value.toLocaleString("en-GB")} for {periodText(saved)}.{" "}
          <Link className="govuk-notification-banner__link" to={`/outcomes/measures/${measure.id}?la=${saved.laCode}`}>See the measure</Link>
        </SuccessBanner>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SelectField name="measure" label="Measure" value={measureId} onChange={chooseMeasure} options={options} error={errors.measure ?? errors.id} />
        {measure !== undefined && <p className="govuk-body-s app-muted" data-testid="measure-definition">{measure.description}</p>}
        <SelectField name="la" label="Authority" value={la} onChange={setLa} options={authorities.map((a) => ({ value: a.id, label: a.name }))} error={errors.la} />
        <TextField name="periodStart" label="First day the figure covers" hint="For example 2023-09-01 for the 2023/24 academic year. For a figure at a date, the same day as the last." value={fields.periodStart} onChange={set("periodStart")} error={errors.periodStart} width="10" />
        <TextField name="periodEnd" label="Last day the figure covers" hint="For example 2024-08-31" value={fields.periodEnd} onChange={set("periodEnd")} error={errors.periodEnd} width="10" />
        <TextField name="value" label="Value" hint={measure === undefined ? undefined : VALUE_HINTS[measure.unit]} value={fields.value} onChange={set("value")} error={errors.value} width="10" inputMode="text" />
        {measure !== undefined && measure.unit !== "count" && (
          <>
            <TextField name="numerator" label="Numerator (optional)" hint={measure.numerator ?? "Where the source gives it, with the denominator"} value={fields.numerator} onChange={set("numerator")} error={errors.numerator} width="10" />
            <TextField name="denominator" label="Denominator (optional)" hint={measure.denominator ?? "Where the source gives it, with the numerator"} value={fields.denominator} onChange={set("denominator")} error={errors.denominator} width="10" />
          </>
        )}
        <TextField name="source" label="Source" hint="Where the figure comes from" value={fields.source} onChange={set("source")} error={errors.source} width="30" />
        <TextField name="sourceDate" label="Date of the source" hint="When it was published or extracted, for example 2024-11-21" value={fields.sourceDate} onChange={set("sourceDate")} error={errors.sourceDate} width="10" />
        <TextareaField name="note" label="Note (optional)" value={fields.note} onChange={set("note")} error={errors.note} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          {busy ? "Saving…" : "Save figure"}
        </button>
      </form>
      {measure !== undefined && la !== "" && (
        <Loaded load={figures}>{(list) => (list === null ? null : <FigureList list={list} onChange={correct} />)}</Loaded>
      )}
    </>
  );
}

/** /outcomes/figures/new?measure=&la=: enter or correct a figure of a measure Family Story does not hold the data for. */
export function FigureEntryPage() {
  usePageTitle("Enter a figure");
  const [params] = useSearchParams();
  const [loaded] = useLoad(() => Promise.all([loadMeasureCatalogue(), loadScopeOptions()]), []);
  return (
    <>
      <OutcomesNav />
      <h1 className="govuk-heading-l">Enter a figure</h1>
      <p className="govuk-body">
        For measures whose data Family Story does not hold, such as school inspections, attainment and public health figures. A figure for a period already held replaces it. To enter many at once,{" "}
        <Link className="govuk-link" to={`${FIGURES_PATH}/import`}>import figures from a CSV file</Link>.
      </p>
      <Loaded load={loaded}>
        {([catalogue, scopes]) => (
          <FigureForm
            measures={catalogue.measures.filter((m) => m.source === "external").sort((a, b) => a.title.localeCompare(b.title))}
            authorities={scopes.authorities}
            initialMeasure={params.get("measure") ?? ""}
            initialLa={params.get("la") ?? ""}
          />
        )}
      </Loaded>
    </>
  );
}
