import { ETHNICITY_LABELS, LANGUAGE_LABELS, type EthnicityCode, type LanguageCode } from "@family-story/domain";
import type { Person } from "@family-story/schemas";

/** The editable fields of a person, as the form holds them (all strings). */
export interface PersonFormValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  dob: string;
  sex: string;
  ethnicity: string;
  firstLanguage: string;
  nhsNumber: string;
  upn: string;
  deceasedDate: string;
}

export const PERSON_FIELD_LABELS: Record<string, string> = {
  givenName: "First name",
  familyName: "Last name",
  preferredName: "Known as",
  dob: "Date of birth",
  sex: "Sex",
  ethnicity: "Ethnicity",
  firstLanguage: "First language",
  nhsNumber: "NHS number",
  upn: "UPN",
  deceasedDate: "Date of death",
};

/** What to say when a required person field is left empty. */
export const PERSON_EMPTY_MESSAGES = { givenName: "Enter their first name", familyName: "Enter their last name" };

export const EMPTY_PERSON: PersonFormValues = { givenName: "", familyName: "", preferredName: "", dob: "", sex: "unknown", ethnicity: "", firstLanguage: "", nhsNumber: "", upn: "", deceasedDate: "" };

/** The form's starting values from a person record. */
export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName ?? "",
    dob: p.dob ?? "",
    sex: p.sex,
    ethnicity: p.ethnicity ?? "",
    firstLanguage: p.firstLanguage ?? "",
    nhsNumber: p.nhsNumber ?? "",
    upn: p.upn ?? "",
    deceasedDate: p.deceasedDate ?? "",
  };
}

/** The fields whose value differs between two sets of values. */
export function changedFields(before: PersonFormValues, after: PersonFormValues): (keyof PersonFormValues)[] {
  return (Object.keys(after) as (keyof PersonFormValues)[]).filter((k) => before[k].trim() !== after[k].trim());
}

/** What the API takes for the given fields: blanks become null so a value can be cleared. */
export function toRequest(values: PersonFormValues, fields: readonly (keyof PersonFormValues)[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of fields) {
    const v = values[f].trim();
    out[f] = v === "" && f !== "givenName" && f !== "familyName" ? null : v;
  }
  return out;
}

export const SEX_OPTIONS = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "unknown", label: "Not known" },
] as const;

export const ETHNICITY_OPTIONS = [{ value: "", label: "Not recorded" }, ...(Object.entries(ETHNICITY_LABELS) as [EthnicityCode, string][]).map(([value, label]) => ({ value, label }))];

export const LANGUAGE_OPTIONS = [{ value: "", label: "Not recorded" }, ...(Object.entries(LANGUAGE_LABELS) as [LanguageCode, string][]).map(([value, label]) => ({ value, label }))];
