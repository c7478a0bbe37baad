import { personPatchSchema, type Person, type Problem } from "@family-story/schemas";
import { useEffect, useRef, useState, type SyntheticEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, request } from "../../api/api-client.ts";
import { loadPerson } from "../../api/people.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { CheckboxField } from "../../components/fields.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { ProblemMessage } from "../../components/status.tsx";
import { ConflictMessage } from "./conflict-message.tsx";
import { PersonFields } from "./person-fields.tsx";
import { PERSON_EMPTY_MESSAGES, changedFields, toRequest, valuesFromPerson, type PersonFormValues } from "./person-form-values.ts";

interface Editing {
  person: Person;
  etag: string | null;
  original: PersonFormValues;
}

/**
 * Change a person's details. Saves only what changed, with If-Match; when someone else saved
 * first, says who changed what and keeps this user's changes on the newest version to re-check.
 */
export function EditPersonPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const user = useUser();
  const mayRestrict = can(user, "person:restrict");
  const [restricted, setRestricted] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [values, setValues] = useState<PersonFormValues | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  usePageTitle(editing ? `Change details: ${editing.person.givenName} ${editing.person.familyName}` : "Change details", Object.keys(errors).length > 0 || conflict !== null);

  useEffect(() => {
    loadPerson(id).then(
      ({ body, etag }) => {
        const original = valuesFromPerson(body);
        setEditing({ person: body, etag, original });
        setValues(original);
        setRestricted(body.restricted);
      },
      setLoadError,
    );
  }, [id]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  if (loadError) return <ProblemMessage error={loadError} />;
  if (!editing || !values) return <p className="govuk-body">Loading…</p>;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!editing || !values) return;
    const fields = changedFields(editing.original, values);
    const restrictionChanged = mayRestrict && restricted !== editing.person.restricted;
    if (fields.length === 0 && !restrictionChanged) {
      setErrors({ form: "You have not changed anything" });
      return;
    }
    const body: Record<string, string | boolean | null> = toRequest(values, fields);
    if (restrictionChanged) body.restricted = restricted;
    const checked = check(personPatchSchema, body, PERSON_EMPTY_MESSAGES);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await request<Person>("PATCH", `/api/v1/people/${id}`, { body, ifMatch: editing.etag });
      void navigate(`/people/${id}`, { state: { flash: "The details have been saved." } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await reapplyOnLatest(fields, error.problem);
      } else {
        setErrors(errorsFromError(error));
      }
      setBusy(false);
    }
  }

  /** Loads the newest version and puts this user's changes back on top, to check and save again. */
  async function reapplyOnLatest(fields: (keyof PersonFormValues)[], problem: Problem) {
    if (!values) return;
    const latest = await loadPerson(id);
    const original = valuesFromPerson(latest.body);
    const merged = { ...original };
    for (const f of fields) merged[f] = values[f];
    setEditing({ person: latest.body, etag: latest.etag, original });
    setValues(merged);
    setConflict(problem);
  }

  const { person } = editing;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/people/${id}`} className="govuk-back-link">
          Back to {person.givenName} {person.familyName}
        </Link>
        {conflict && <ConflictMessage problem={conflict} containerRef={conflictRef} />}
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">
          {person.givenName} {person.familyName}
        </span>
        <h1 className="govuk-heading-l">Change details</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <PersonFields values={values} errors={errors} onChange={(field, value) => { setValues((v) => (v ? { ...v, [field]: value } : v)); }} />
          {mayRestrict && (
            <CheckboxField
              name="restricted"
              label="Restrict this record"
              hint="Only people named on the record can open it: use for staff, their families, and high-risk cases"
              checked={restricted}
              onChange={setRestricted}
            />
          )}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
              {conflict ? "Save again" : "Save changes"}
            </button>
            <Link className="govuk-link" to={`/people/${id}`}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
