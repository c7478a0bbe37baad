import type { ContactDetail, PersonSearchResult } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { errorText, get, request } from "../../api/api-client.ts";
import { TextField } from "../../components/fields.tsx";
import { formatDate } from "../../components/format.ts";

/** The children a contact is about: those linked to records, and a search to link more. */
export function ContactChildrenSection({ contact, canLink, onChanged }: { contact: ContactDetail; canLink: boolean; onChanged: () => void }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<PersonSearchResult[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const awaiting = contact.status === "awaiting_decision";
  const linked = new Set(contact.children.map((c) => c.person.id));

  async function search(event: SyntheticEvent) {
    event.preventDefault();
    setProblem(null);
    if (q.trim() === "") {
      setProblem("Enter a name to search for");
      return;
    }
    try {
      setResults((await get<{ results: PersonSearchResult[] }>("/api/v1/people", { q: q.trim(), limit: 10 })).results);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  async function change(method: "POST" | "DELETE", personId: string) {
    setProblem(null);
    try {
      if (method === "POST") await request("POST", `/api/v1/contacts/${contact.id}/children`, { body: { personId } });
      else await request("DELETE", `/api/v1/contacts/${contact.id}/children/${personId}`);
      setResults(null);
      onChanged();
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <section aria-labelledby="children-heading">
      <h2 className="govuk-heading-m" id="children-heading">
        Children linked to their records
      </h2>
      {problem && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      {contact.children.length === 0 && contact.hiddenChildren === 0 && <p className="govuk-body">No child is linked yet. Link each child before deciding.</p>}
      {contact.hiddenChildren > 0 && <p className="govuk-body">{contact.hiddenChildren === 1 ? "1 linked child has" : `${String(contact.hiddenChildren)} linked children have`} a restricted record you cannot open.</p>}
      {contact.children.length > 0 && (
        <ul className="govuk-list" data-testid="linked-children">
          {contact.children.map((c) => (
            <li key={c.person.id}>
              <Link className="govuk-link" to={`/people/${c.person.id}`}>
                {c.person.name}
              </Link>
              {c.dob && ` (born ${formatDate(c.dob)})`}
              {c.repeatReferral && <strong className="govuk-tag govuk-tag--purple govuk-!-margin-left-1">Repeat referral</strong>}
              {c.previousReferralDate && <div className="govuk-hint govuk-!-margin-bottom-0">Previous referral {formatDate(c.previousReferralDate)}</div>}
              {c.caseId && (
                <Link className="govuk-link govuk-!-margin-left-2" to={`/cases/${c.caseId}`}>
                  Open the case
                </Link>
              )}
              {awaiting && canLink && (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button" onClick={() => void change("DELETE", c.person.id)}>
                  Unlink<span className="govuk-visually-hidden"> {c.person.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {awaiting && canLink && (
        <form onSubmit={(e) => void search(e)} noValidate>
          <TextField name="childSearch" label="Find a child to link" hint="Search by name; add their date of birth to the name to narrow it" value={q} onChange={setQ} width="30" type="search" />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Search
          </button>
          <p className="govuk-body">
            Not recorded yet?{" "}
            <Link className="govuk-link" to="/people/new">
              Record a new person
            </Link>
            , then come back to this contact and search for them.
          </p>
        </form>
      )}
      {results !== null && (
        <ul className="govuk-list" data-testid="child-search-results">
          {results.length === 0 && <li>No one found. Try another spelling.</li>}
          {results.map((r) => (
            <li key={r.id}>
              {r.name}
              {r.dobDisplay && ` (born ${formatDate(r.dobDisplay)})`}
              {r.postcodeDistrict && `, ${r.postcodeDistrict}`}{" "}
              {linked.has(r.id) ? (
                <span className="govuk-hint">Linked</span>
              ) : (
                <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2" data-module="govuk-button" onClick={() => void change("POST", r.id)}>
                  Link<span className="govuk-visually-hidden"> {r.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
