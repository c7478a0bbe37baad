import { RELATIONSHIP_LABELS, RELATIONSHIP_TYPES } from "@family-story/domain";
import { relationshipCreateSchema, type PersonSearchResult } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { useParams } from "react-router";
import { errorText, get, post } from "../../api/api-client.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { PersonFormLayout } from "./person-form-layout.tsx";

const TYPE_OPTIONS = RELATIONSHIP_TYPES.map((t) => ({ value: t, label: RELATIONSHIP_LABELS[t] }));

/** Add a relationship: search for the related person, pick them, say how they are related. */
export function AddRelationshipPage() {
  const { id = "" } = useParams();
  const [q, setQ] = useState("");
  const [found, setFound] = useState<PersonSearchResult[] | null>(null);
  const [relatedPersonId, setRelated] = useState("");
  const [type, setType] = useState("parent");
  const [fromDate, setFromDate] = useState("");
  const [notes, setNotes] = useState("");
  const { errors, setErrors, busy, submit } = useFormSubmit();
  usePageTitle("Add a relationship", Object.keys(errors).length > 0);

  async function search(event: SyntheticEvent) {
    event.preventDefault();
    if (q.trim() === "") {
      setErrors({ q: "Enter the related person's name" });
      return;
    }
    setErrors({});
    try {
      const body = await get<{ results: PersonSearchResult[] }>("/api/v1/people", { q, limit: 10 });
      setFound(body.results.filter((r) => r.id !== id));
      setRelated("");
    } catch (error) {
      setErrors({ q: errorText(error) });
    }
  }

  async function save(event: SyntheticEvent) {
    event.preventDefault();
    const body = { relatedPersonId, type, fromDate: blankToNull(fromDate), notes: blankToNull(notes) };
    const checked = check(relationshipCreateSchema, body);
    if (!checked.ok && checked.errors.relatedPersonId) checked.errors.relatedPersonId = "Choose the related person from the search results";
    await submit({ checked, send: () => post(`/api/v1/people/${id}/relationships`, body), to: `/people/${id}`, flash: "The relationship has been added." });
  }

  return (
    <PersonFormLayout personId={id} title="Add a relationship" errors={errors}>
      <form onSubmit={(e) => void search(e)} noValidate role="search" aria-label="Find the related person">
        <TextField name="q" label="Related person's name" hint="Search for them first. If they are not recorded, record them, then come back." value={q} onChange={setQ} error={errors.q} type="search" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Search
        </button>
      </form>
      {found && found.length === 0 && <p className="govuk-body">No one found. Try another spelling.</p>}
      {found && found.length > 0 && (
        <form onSubmit={(e) => void save(e)} noValidate>
          <RadiosField
            name="relatedPersonId"
            label="Choose the related person"
            value={relatedPersonId}
            onChange={setRelated}
            error={errors.relatedPersonId}
            options={found.map((r) => ({ value: r.id, label: `${r.name}${r.dobDisplay ? `, born ${formatDate(r.dobDisplay)}` : ""}${r.postcodeDistrict ? `, ${r.postcodeDistrict}` : ""}` }))}
          />
          <SelectField name="type" label="They are this person's" value={type} onChange={setType} error={errors.type} options={TYPE_OPTIONS} />
          <TextField name="fromDate" label="Since (optional)" hint="Use the format YYYY-MM-DD" value={fromDate} onChange={setFromDate} error={errors.fromDate} width="10" />
          <TextareaField name="notes" label="Notes (optional)" value={notes} onChange={setNotes} error={errors.notes} />
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
            Add relationship
          </button>
        </form>
      )}
    </PersonFormLayout>
  );
}
