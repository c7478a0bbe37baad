import type { ReactNode } from "react";

interface FieldBase {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

function fieldId(name: string): string {
  return name.replace(/\./g, "-");
}

function describedBy(name: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Hint({ name, hint }: { name: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${fieldId(name)}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

function FieldError({ name, error }: { name: string; error: string | undefined }) {
  return error ? (
    <p id={`${fieldId(name)}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

/** A GOV.UK text input with label, hint and inline error. */
export function TextField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  width,
  type = "text",
  autoComplete,
  spellCheck,
  inputMode,
}: FieldBase & {
  value: string;
  onChange: (value: string) => void;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  type?: "text" | "password" | "email" | "search";
  autoComplete?: string;
  spellCheck?: boolean;
  inputMode?: "numeric" | "text";
}) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete ?? "off"}
        spellCheck={spellCheck}
        inputMode={inputMode}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => { onChange(event.target.value); }}
      />
    </div>
  );
}

/** A GOV.UK select with label, hint and inline error. */
export function SelectField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
}: FieldBase & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[] }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        value={value}
        aria-describedby={describedBy(name, hint, error)}
        onChange={(event) => { onChange(event.target.value); }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** GOV.UK radios in a fieldset; the first radio carries the field's id for error links. */
export function RadiosField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  inline,
}: FieldBase & { value: string; onChange: (value: string) => void; options: readonly { value: string; label: string }[]; inline?: boolean }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <Hint name={name} hint={hint} />
        <FieldError name={name} error={error} />
        <div className={`govuk-radios govuk-radios--small${inline ? " govuk-radios--inline" : ""}`}>
          {options.map((o, i) => (
            <div className="govuk-radios__item" key={o.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? id : `${id}-${o.value}`}
                name={name}
                type="radio"
                value={o.value}
                checked={value === o.value}
                onChange={() => { onChange(o.value); }}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${o.value}`}>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A single GOV.UK checkbox for a yes/no setting. */
export function CheckboxField({ name, label, hint, checked, onChange }: FieldBase & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = fieldId(name);
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input className="govuk-checkboxes__input" id={id} name={name} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => { onChange(event.target.checked); }} />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint && (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** A GOV.UK textarea. */
export function TextareaField({ name, label, hint, error, value, onChange }: FieldBase & { value: string; onChange: (value: string) => void }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <Hint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <textarea className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`} id={id} name={name} rows={3} value={value} aria-describedby={describedBy(name, hint, error)} onChange={(event) => { onChange(event.target.value); }} />
    </div>
  );
}
