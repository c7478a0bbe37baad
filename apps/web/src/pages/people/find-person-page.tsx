import { personSearchQuerySchema, type PersonSearchResult } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { useSearchParams } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/fields.tsx";
import { check, type FieldErrors } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { SearchResults } from "./search-results.tsx";

const FIELDS = ["q", "dob", "nhsNumber", "upn", "postcode"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

function valuesFrom(params: URLSearchParams): Values {
  return { q: params.get("q") ?? "", dob: params.get("dob") ?? "", nhsNumber: params.get("nhsNumber") ?? "", upn: params.get("upn") ?? "", postcode: params.get("postcode") ?? "" };
}

function filled(values: Values): Partial<Values> {
  const out: Partial<Values> = {};
  for (const f of FIELDS) if (values[f].trim() !== "") out[f] = values[f].trim();
  return out;
}

/** Find a person: one name box plus optional identifiers; the query lives in the address so Back works. */
export function FindPersonPage() {
  const [params, setParams] = useSearchParams();
  const submitted = valuesFrom(params);
  const [values, setValues] = useState<Values>(submitted);
  const [errors, setErrors] = useState<FieldErrors>({});
  const criteria = filled(submitted);
  const hasSearch = Object.keys(criteria).length > 0;
  const key = JSON.stringify(criteria);
  usePageTitle(hasSearch ? `Search results for ${submitted.q || "your search"}` : "Find a person", Object.keys(errors).length > 0);

  const [results] = useLoad(async () => (hasSearch ? get<{ results: PersonSearchResult[]; total: number }>("/api/v1/people", { ...criteria, limit: 20 }) : null), [key]);

  function set(field: Field) {
    return (value: string) => { setValues((v) => ({ ...v, [field]: value })); };
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const given = filled(values);
    if (Object.keys(given).length === 0) {
      setErrors({ q: "Enter a name, date of birth, NHS number, UPN or postcode" });
      return;
    }
    const checked = check(personSearchQuerySchema, given);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setParams(new URLSearchParams(given));
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Find a person</h1>
      <form onSubmit={submit} noValidate role="search" aria-label="Find a person">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <TextField name="q" label="Name" hint="Any spelling or order. Include other names they might be known by." value={values.q} onChange={set("q")} error={errors.q} type="search" spellCheck={false} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-quarter">
            <TextField name="dob" label="Date of birth (optional)" hint="YYYY-MM-DD, YYYY-MM or YYYY" value={values.dob} onChange={set("dob")} error={errors.dob} width="10" />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField name="nhsNumber" label="NHS number (optional)" hint="10 digits" value={values.nhsNumber} onChange={set("nhsNumber")} error={errors.nhsNumber} width="10" inputMode="numeric" />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField name="upn" label="UPN (optional)" hint="Unique pupil number" value={values.upn} onChange={set("upn")} error={errors.upn} width="10" />
          </div>
          <div className="govuk-grid-column-one-quarter">
            <TextField name="postcode" label="Postcode (optional)" hint="Full or district" value={values.postcode} onChange={set("postcode")} error={errors.postcode} width="10" autoComplete="off" />
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </form>
      {hasSearch && <Loaded load={results}>{(found) => (found ? <SearchResults results={found.results} total={found.total} /> : null)}</Loaded>}
    </>
  );
}

