import { RadiosField, TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";

/** A child as typed into a contact or request form (blank date of birth allowed). */
export interface ChildValues {
  givenName: string;
  familyName: string;
  dob: string;
}

export const EMPTY_CHILD: ChildValues = { givenName: "", familyName: "", dob: "" };

/** The children as the API wants them: blank dates of birth become null. */
export function childrenBody(children: ChildValues[]) {
  return children.map((c) => ({ givenName: c.givenName, familyName: c.familyName, dob: c.dob.trim() === "" ? null : c.dob.trim() }));
}

const CONSENT_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "not_asked", label: "Not asked" },
] as const;

/** The two consent questions every contact and request asks. */
export function ConsentQuestions({ sharing, earlyHelp, onSharing, onEarlyHelp, errors }: { sharing: string; earlyHelp: string; onSharing: (v: string) => void; onEarlyHelp: (v: string) => void; errors: FieldErrors }) {
  return (
    <>
      <RadiosField
        name="consentSharing"
        label="Does the family agree to information being shared with the professionals who work with them?"
        hint="Without consent, information is shared only when a manager decides a risk of significant harm overrides it."
        value={sharing}
        onChange={onSharing}
        error={errors.consentSharing}
        options={CONSENT_OPTIONS}
        inline
      />
      <RadiosField name="consentEarlyHelp" label="Does the family agree to early help?" hint="Early help is voluntary: the family must agree to it." value={earlyHelp} onChange={onEarlyHelp} error={errors.consentEarlyHelp} options={CONSENT_OPTIONS} inline />
    </>
  );
}

/** One block of fields per child, with add and remove. */
export function ChildrenFields({ children, onChange, errors }: { children: ChildValues[]; onChange: (children: ChildValues[]) => void; errors: FieldErrors }) {
  const set = (i: number, field: keyof ChildValues) => (value: string) => { onChange(children.map((c, j) => (j === i ? { ...c, [field]: value } : c))); };
  return (
    <div className="govuk-form-group" id="children">
      {errors.children && (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.children}
        </p>
      )}
      {children.map((c, i) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={i}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Child {i + 1}</legend>
          <TextField name={`children.${String(i)}.givenName`} label="First name" value={c.givenName} onChange={set(i, "givenName")} error={errors[`children.${String(i)}.givenName`]} width="20" />
          <TextField name={`children.${String(i)}.familyName`} label="Last name" value={c.familyName} onChange={set(i, "familyName")} error={errors[`children.${String(i)}.familyName`]} width="20" />
          <TextField name={`children.${String(i)}.dob`} label="Date of birth (optional)" hint="Use the format YYYY-MM-DD" value={c.dob} onChange={set(i, "dob")} error={errors[`children.${String(i)}.dob`]} width="10" />
          {children.length > 1 && (
            <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => { onChange(children.filter((_, j) => j !== i)); }}>
              Remove child {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => { onChange([...children, EMPTY_CHILD]); }}>
        Add another child
      </button>
    </div>
  );
}
