import { RadiosField, SelectField, TextField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";
import { ETHNICITY_OPTIONS, LANGUAGE_OPTIONS, SEX_OPTIONS, type PersonFormValues } from "./person-form-values.ts";

const DATE_HINT = "Use the format YYYY-MM-DD, for example 2015-04-23";

/** The fields shared by "record a new person" and "change details". */
export function PersonFields({ values, errors, onChange }: { values: PersonFormValues; errors: FieldErrors; onChange: (field: keyof PersonFormValues, value: string) => void }) {
  const bind = (field: keyof PersonFormValues) => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { onChange(field, v); } });
  return (
    <>
      <TextField label="First name(s)" {...bind("givenName")} width="20" spellCheck={false} />
      <TextField label="Last name" {...bind("familyName")} width="20" spellCheck={false} />
      <TextField label="Known as (optional)" {...bind("preferredName")} width="20" spellCheck={false} />
      <TextField label="Date of birth (optional)" hint={DATE_HINT} {...bind("dob")} width="10" />
      <RadiosField label="Sex" {...bind("sex")} options={SEX_OPTIONS} inline />
      <SelectField label="Ethnicity (optional)" hint="DfE ethnicity categories" {...bind("ethnicity")} options={ETHNICITY_OPTIONS} />
      <SelectField label="First language (optional)" {...bind("firstLanguage")} options={LANGUAGE_OPTIONS} />
      <TextField label="NHS number (optional)" hint="10 digits, for example 943 476 5919" {...bind("nhsNumber")} width="10" inputMode="numeric" />
      <TextField label="Unique pupil number (optional)" hint="13 characters, starting with a letter" {...bind("upn")} width="20" />
      <TextField label="Date of death (optional)" hint={DATE_HINT} {...bind("deceasedDate")} width="10" />
    </>
  );
}
