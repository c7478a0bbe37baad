import { CASE_NOTE_TYPES } from "@family-story/domain";
import type { CaseNote } from "@family-story/schemas";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import type { FieldErrors } from "../../components/form-errors.ts";

/** The note form's values as typed. */
export interface NoteValues {
  noteDate: string;
  noteType: string;
  present: string;
  childSeen: string;
  seenAlone: string;
  body: string;
}

export const EMPTY_NOTE: NoteValues = { noteDate: "", noteType: "home_visit", present: "", childSeen: "", seenAlone: "", body: "" };

const yesNo = (v: boolean | null): string => (v === null ? "" : v ? "yes" : "no");
const fromYesNo = (v: string): boolean | null => (v === "" ? null : v === "yes");

/** Values from a saved note, to edit. */
export function valuesFromNote(n: CaseNote): NoteValues {
  return { noteDate: n.noteDate, noteType: n.noteType, present: n.present ?? "", childSeen: yesNo(n.childSeen), seenAlone: yesNo(n.seenAlone), body: n.body };
}

/** The request body the API takes. Seen alone is only asked when the child was seen. */
export function noteBody(v: NoteValues) {
  const childSeen = fromYesNo(v.childSeen);
  return { noteDate: v.noteDate, noteType: v.noteType, present: v.present.trim() === "" ? null : v.present, childSeen, seenAlone: childSeen === true ? fromYesNo(v.seenAlone) : null, body: v.body };
}

export const NOTE_EMPTY_MESSAGES = { noteDate: "Enter the date of the visit or contact", body: "Enter what happened" };

const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** Date, type, who was present, child seen and seen alone, and the note itself. */
export function CaseNoteFields({ values, onChange, errors }: { values: NoteValues; onChange: (v: NoteValues) => void; errors: FieldErrors }) {
  const set = (key: keyof NoteValues) => (value: string) => { onChange({ ...values, [key]: value }); };
  const visit = values.noteType.endsWith("_visit");
  return (
    <>
      <TextField name="noteDate" label="Date" hint="For example, 2025-04-23" width="10" error={errors.noteDate} value={values.noteDate} onChange={set("noteDate")} />
      <SelectField name="noteType" label="Type of note" error={errors.noteType} value={values.noteType} onChange={set("noteType")} options={CASE_NOTE_TYPES.map((t) => ({ value: t.code, label: t.label }))} />
      <TextField name="present" label="Who was present (optional)" error={errors.present} value={values.present} onChange={set("present")} />
      <RadiosField name="childSeen" label={visit ? "Was the child seen?" : "Was the child seen? (optional)"} error={errors.childSeen} value={values.childSeen} onChange={set("childSeen")} options={YES_NO} inline />
      {values.childSeen === "yes" && <RadiosField name="seenAlone" label="Was the child seen alone?" error={errors.seenAlone} value={values.seenAlone} onChange={set("seenAlone")} options={YES_NO} inline />}
      <TextareaField name="body" label="Note" error={errors.body} value={values.body} onChange={set("body")} />
    </>
  );
}
