import { caseNoteCreateSchema, caseNoteUpdateSchema, type CaseDetail, type CaseNoteWithHistory } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { request, type Versioned } from "../../api/api-client.ts";
import { loadCase, loadCaseNote } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { CaseNoteFields, EMPTY_NOTE, NOTE_EMPTY_MESSAGES, noteBody, valuesFromNote } from "./case-note-fields.tsx";

/** Add a case note on a case, about the child or another person in it. */
export function NewCaseNotePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadCase(id), [id]);
  usePageTitle("Add a case note");
  return <Loaded load={load}>{({ body }) => <NewNoteForm detail={body} />}</Loaded>;
}

function NewNoteForm({ detail }: { detail: CaseDetail }) {
  const [personId, setPersonId] = useState(detail.subject.id);
  const [values, setValues] = useState({ ...EMPTY_NOTE, noteDate: new Date().toISOString().slice(0, 10) });
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { caseId: detail.id, ...noteBody(values) };
    void submit({
      checked: check(caseNoteCreateSchema, body, NOTE_EMPTY_MESSAGES),
      send: () => request("POST", `/api/v1/people/${encodeURIComponent(personId)}/case-notes`, { body }),
      to: `/cases/${detail.id}`,
      flash: "Case note saved.",
    });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{detail.subject.name}</span>
      <h1 className="govuk-heading-l">Add a case note</h1>
      <form noValidate onSubmit={onSubmit}>
        {detail.members.length > 1 && (
          <SelectField name="personId" label="Who is the note about?" value={personId} onChange={setPersonId} options={detail.members.map((m) => ({ value: m.person.id, label: `${m.person.name} (${m.role})` }))} />
        )}
        <CaseNoteFields values={values} onChange={setValues} errors={errors} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>Save note</button>
          <Link className="govuk-link" to={`/cases/${detail.id}`}>Cancel</Link>
        </div>
      </form>
    </>
  );
}

/** Change a note: its author edits it until it locks; after that the change is an amendment with a reason. */
export function EditCaseNotePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadCaseNote(id), [id]);
  usePageTitle("Change a case note");
  return <Loaded load={load}>{(note) => <EditNoteForm current={note} />}</Loaded>;
}

function EditNoteForm({ current }: { current: Versioned<CaseNoteWithHistory> }) {
  const note = current.body;
  const user = useUser();
  const amendment = note.locked || note.createdBy !== user.displayName;
  const [values, setValues] = useState(valuesFromNote(note));
  const [reason, setReason] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { ...noteBody(values), reason: reason.trim() === "" ? null : reason };
    const checked = check(caseNoteUpdateSchema, body, NOTE_EMPTY_MESSAGES);
    void submit({
      checked: amendment && body.reason === null ? { ok: false, errors: { ...(checked.ok ? {} : checked.errors), reason: "Enter the reason for the amendment" } } : checked,
      send: () => request("PUT", `/api/v1/case-notes/${encodeURIComponent(note.id)}`, { body, ifMatch: current.etag }),
      to: `/case-notes/${note.id}`,
      flash: amendment ? "Amendment saved as a new version." : "Case note changed.",
    });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{amendment ? "Amend a case note" : "Change a case note"}</h1>
      {amendment ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {note.locked ? `This note locked on ${formatDateTime(note.locksAt)}.` : "This note was written by someone else."} Your change is kept as a new version beside the original, with your reason.
          </strong>
        </div>
      ) : (
        <p className="govuk-body">You can change your note until {formatDateTime(note.locksAt)}. After that, changes are kept as amendments.</p>
      )}
      <form noValidate onSubmit={onSubmit}>
        <CaseNoteFields values={values} onChange={setValues} errors={errors} />
        <TextareaField name="reason" label={amendment ? "Reason for the amendment" : "Reason for the change (optional)"} error={errors.reason} value={reason} onChange={setReason} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>{amendment ? "Save amendment" : "Save changes"}</button>
          <Link className="govuk-link" to={`/case-notes/${note.id}`}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
