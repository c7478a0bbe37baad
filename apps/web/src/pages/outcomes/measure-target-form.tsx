import { measureTargetInputSchema, type MeasureTarget, type MeasureValues } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { saveMeasureTarget } from "../../api/measures.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";

const UNIT_WORDS: Record<MeasureValues["measure"]["unit"], string> = {
  percent: "a percentage, such as 72.5",
  count: "a number of children or events",
  rate: "a rate per 10,000 children",
  score: "a mean score",
  days: "a number of days",
};

/** "" stays "" (so the check can say it is missing where required), a number becomes a number, anything else NaN. */
function numberOrNull(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, "").replace(/%$/, "");
  return trimmed === "" ? null : Number(trimmed);
}

const asText = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

/**
 * Set or change an authority's baseline and target for a measure. The save sends the version
 * read (If-Match), so two analysts cannot overwrite each other unseen: a stale save is refused
 * and says so. The same zod schema as the API checks the form first.
 */
export function MeasureTargetForm({ values, la, onSaved }: { values: MeasureValues; la: string; onSaved: (target: MeasureTarget) => void }) {
  const target = values.target;
  const [baselineValue, setBaselineValue] = useState(asText(target?.baselineValue));
  const [baselineLabel, setBaselineLabel] = useState(target?.baselineLabel ?? "");
  const [targetValue, setTargetValue] = useState(asText(target?.targetValue));
  const [targetDate, setTargetDate] = useState(target?.targetDate ?? "");
  const [amberTolerance, setAmberTolerance] = useState(asText(target?.amberTolerance ?? 5));
  const [note, setNote] = useState(target?.note ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = check(measureTargetInputSchema, {
      baselineValue: numberOrNull(baselineValue),
      baselineLabel: blankToNull(baselineLabel),
      targetValue: numberOrNull(targetValue),
      targetDate: blankToNull(targetDate),
      amberTolerance: numberOrNull(amberTolerance) ?? undefined,
      note: blankToNull(note),
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const result = await saveMeasureTarget(values.measure.id, la, checked.data, target?.version ?? null);
      onSaved(result);
    } catch (error) {
      setErrors(errorsFromError(error));
      setBusy(false);
    }
  };

  const unit = UNIT_WORDS[values.measure.unit];
  return (
    <form noValidate onSubmit={(e) => { void submit(e); }} aria-labelledby="target-form-title" data-testid="target-form">
      <h3 className="govuk-heading-s" id="target-form-title">Change the baseline and target for {values.scope.name}</h3>
      <ErrorSummary errors={errors} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextField name="baselineValue" label="Baseline" hint={`As ${unit}`} value={baselineValue} onChange={setBaselineValue} error={errors.baselineValue} width="10" inputMode="text" />
        </div>
        <div className="govuk-grid-column-one-half">
          <TextField name="baselineLabel" label="Baseline period" hint="The period it is from, such as 2018/19" value={baselineLabel} onChange={setBaselineLabel} error={errors.baselineLabel} width="10" />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <TextField name="targetValue" label="Target" hint={`As ${unit}`} value={targetValue} onChange={setTargetValue} error={errors.targetValue} width="10" inputMode="text" />
        </div>
        <div className="govuk-grid-column-one-half">
          <div className={`govuk-form-group${errors.targetDate ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor="targetDate">Target date</label>
            <div className="govuk-hint" id="targetDate-hint">When it should be met</div>
            {errors.targetDate && <p id="targetDate-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {errors.targetDate}</p>}
            <input className="govuk-input govuk-input--width-10" type="date" id="targetDate" name="targetDate" value={targetDate} aria-describedby={errors.targetDate ? "targetDate-hint targetDate-error" : "targetDate-hint"} onChange={(e) => { setTargetDate(e.target.value); }} />
          </div>
        </div>
      </div>
      <TextField name="amberTolerance" label="Amber tolerance (percent of the target)" hint="A miss by no more than this share of the target is amber, more is red. Usually 5." value={amberTolerance} onChange={setAmberTolerance} error={errors.amberTolerance} width="3" inputMode="text" />
      <TextareaField name="note" label="Note (optional)" hint="Where the target comes from, such as the plan or a committee decision" value={note} onChange={setNote} error={errors.note} />
      <button type="submit" className="govuk-button" disabled={busy} data-module="govuk-button">Save baseline and target</button>
    </form>
  );
}
