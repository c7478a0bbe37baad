import { relationshipPatchSchema, type Relationship } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { request } from "../../api/api-client.ts";
import { etagFor, loadPerson } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

/**
 * Change when a relationship began and ended, and its notes. A wrong kind of relationship is
 * removed and added again, so it is never edited from the wrong person's side.
 */
export function ChangeRelationshipPage() {
  const { id = "", relationshipId = "" } = useParams();
  const [load] = useLoad(async () => (await loadPerson(id)).body.relationships.find((r) => r.id === relationshipId) ?? null, [id, relationshipId]);
  return (
    <Loaded load={load}>
      {(relationship) =>
        relationship ? (
          <ChangeRelationshipForm personId={id} relationship={relationship} />
        ) : (
          <p className="govuk-body">
            That relationship is not on this record. <Link className="govuk-link" to={`/people/${id}`}>Back to the record</Link>
          </p>
        )
      }
    </Loaded>
  );
}

function ChangeRelationshipForm({ personId, relationship }: { personId: string; relationship: Relationship }) {
  const [values, setValues] = useState({ fromDate: relationship.fromDate ?? "", toDate: relationship.toDate ?? "", notes: relationship.notes ?? "" });
  const { errors, busy, submit: save } = useFormSubmit();
  const who = relationship.person.canOpen ? relationship.person.name : "a family member";
  usePageTitle("Change a relationship", Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const body = { fromDate: blankToNull(values.fromDate), toDate: blankToNull(values.toDate), notes: blankToNull(values.notes) };
    const checked = check(relationshipPatchSchema, body);
    await save({ checked, send: () => request("PATCH", `/api/v1/relationships/${relationship.id}`, { body, ifMatch: etagFor(relationship.version) }), to: `/people/${personId}`, flash: "The relationship has been changed." });
  }

  const set = (field: keyof typeof values) => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };
  return (
    <PersonFormLayout personId={personId} title="Change a relationship" errors={errors}>
      <p className="govuk-body">
        {who}: {relationship.label.toLowerCase()}
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField name="fromDate" label="Since (optional)" hint="Use the format YYYY-MM-DD" value={values.fromDate} onChange={set("fromDate")} error={errors.fromDate} width="10" />
        <TextField name="toDate" label="Until (optional)" hint="Leave blank if it continues" value={values.toDate} onChange={set("toDate")} error={errors.toDate} width="10" />
        <TextareaField name="notes" label="Notes (optional)" value={values.notes} onChange={set("notes")} error={errors.notes} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
          Save changes
        </button>
      </form>
    </PersonFormLayout>
  );
}
