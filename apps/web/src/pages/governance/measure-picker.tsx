import type { MeasureDefinitionDto } from "@family-story/schemas";
import { useState } from "react";
import { loadMeasureCatalogue } from "../../api/measures.ts";
import { useLoad } from "../../api/use-api.ts";
import { TextField } from "../../components/fields.tsx";

/** The ids typed into the plain field, when there is no catalogue to choose from. */
export const idsFromText = (text: string): string[] => text.split(/[\s,]+/).map((s) => s.trim()).filter((s) => s !== "");

interface PickerProps {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
}

/**
 * Which measures evidence an action, chosen from the outcomes framework's catalogue: a filter
 * box narrows the list by title, the measures already chosen stay at the top. When the catalogue
 * cannot be read (the measures service not built, or the user may not read it) the ids are typed.
 */
export function MeasurePicker(props: PickerProps) {
  // A failed catalogue read is not an error here: the typed field stands in for it.
  const [catalogue] = useLoad(() => loadMeasureCatalogue().then((c) => c.measures, () => []), []);
  if (catalogue.state === "loading") return <p className="govuk-body" role="status">Loading the measures…</p>;
  const measures = catalogue.state === "done" ? catalogue.value : [];
  if (measures.length === 0) return <TypedMeasures {...props} />;
  return <MeasureChecklist measures={measures} {...props} />;
}

function TypedMeasures({ value, onChange, error }: PickerProps) {
  const [text, setText] = useState(value.join(", "));
  return (
    <TextField
      name="measureIds"
      label="Measures that evidence it (optional)"
      hint="The measures' ids from the outcomes framework, separated by commas, such as repeat-referrals-csc"
      value={text}
      error={error}
      onChange={(x) => {
        setText(x);
        onChange(idsFromText(x));
      }}
    />
  );
}

function MeasureChecklist({ measures, value, onChange, error }: PickerProps & { measures: readonly MeasureDefinitionDto[] }) {
  const [filter, setFilter] = useState("");
  const words = filter.toLowerCase().split(/\s+/).filter((w) => w !== "");
  const chosen = measures.filter((m) => value.includes(m.id));
  const matching = measures.filter((m) => !value.includes(m.id) && words.every((w) => `${m.title} ${m.id}`.toLowerCase().includes(w)));
  const shown = [...chosen, ...[...matching].sort((a, b) => a.title.localeCompare(b.title, "en-GB"))];
  const toggle = (id: string, on: boolean) => { onChange(on ? [...value, id] : value.filter((x) => x !== id)); };
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={`measureIds-hint${error ? " measureIds-error" : ""}`}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Measures that evidence it (optional)</legend>
        <div id="measureIds-hint" className="govuk-hint">Choose the measures from the outcomes framework that will show whether it worked. Their latest figures are shown with the action.</div>
        {error && <p id="measureIds-error" className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {error}</p>}
        <div className="govuk-form-group govuk-!-margin-bottom-3">
          <label className="govuk-label" htmlFor="measureIds">Find a measure</label>
          <input className="govuk-input govuk-input--width-20" id="measureIds" type="search" autoComplete="off" spellCheck={false} value={filter} aria-describedby="measureIds-count" onChange={(e) => { setFilter(e.target.value); }} />
        </div>
        <p className="govuk-body-s" id="measureIds-count" aria-live="polite">
          {value.length === 0 ? "None chosen" : `${String(value.length)} chosen`}; showing {shown.length} of {measures.length} measures.
        </p>
        <div className="govuk-checkboxes govuk-checkboxes--small app-gov-measure-list" data-testid="measure-picker">
          {shown.map((m) => (
            <div className="govuk-checkboxes__item" key={m.id}>
              <input className="govuk-checkboxes__input" id={`measureIds-${m.id}`} type="checkbox" checked={value.includes(m.id)} onChange={(e) => { toggle(m.id, e.target.checked); }} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`measureIds-${m.id}`}>{m.title}</label>
            </div>
          ))}
          {shown.length === 0 && <p className="govuk-body">No measure matches “{filter}”.</p>}
        </div>
      </fieldset>
    </div>
  );
}
