import { ROLE_LABELS, type Role } from "@family-story/domain";
import type { NamedAccess, NamedAccessCandidate, Person } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { errorText, get, post, request } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { SelectField } from "../../components/fields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";

function roleLabel(role: string): string {
  return role in ROLE_LABELS ? ROLE_LABELS[role as Role] : role;
}

interface Access {
  named: NamedAccess[];
  candidates: NamedAccessCandidate[];
}

async function loadAccess(personId: string): Promise<Access> {
  const [named, candidates] = await Promise.all([
    get<NamedAccess[]>(`/api/v1/people/${personId}/named-access`),
    get<NamedAccessCandidate[]>(`/api/v1/people/${personId}/named-access/candidates`),
  ]);
  return { named, candidates };
}

/** For team managers: who may open this restricted record, naming and removing people. */
export function NamedAccessSection({ person }: { person: Person }) {
  const [load, reload] = useLoad(() => loadAccess(person.id), [person.id]);
  const [chosen, setChosen] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  async function change(action: () => Promise<unknown>) {
    setProblem(null);
    try {
      await action();
      setChosen("");
      reload();
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  function add(event: SyntheticEvent) {
    event.preventDefault();
    if (chosen === "") {
      setProblem("Choose the person to name on this record");
      return;
    }
    void change(() => post(`/api/v1/people/${person.id}/named-access`, { userId: chosen }));
  }

  return (
    <section aria-labelledby="named-access-heading">
      <h2 className="govuk-heading-m" id="named-access-heading">
        Who can open this restricted record
      </h2>
      <p className="govuk-body">Only the people named here can open or find this record, whatever their role.</p>
      {problem && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {problem}
        </p>
      )}
      <Loaded load={load}>
        {({ named, candidates }) => (
          <>
            <ul className="govuk-list" data-testid="named-access">
              {named.map((n) => (
                <li key={n.userId} className="app-actions">
                  <span>
                    {n.displayName}, {roleLabel(n.role).toLowerCase()} (named {formatDate(n.grantedAt.slice(0, 10))})
                  </span>
                  <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => void change(() => request("DELETE", `/api/v1/people/${person.id}/named-access/${n.userId}`))}>
                    Remove<span className="govuk-visually-hidden"> {n.displayName}</span>
                  </button>
                </li>
              ))}
            </ul>
            <form onSubmit={add} noValidate>
              <SelectField
                name="namedUser"
                label="Name someone else on this record"
                value={chosen}
                onChange={setChosen}
                options={[{ value: "", label: "Choose a colleague" }, ...candidates.map((c) => ({ value: c.userId, label: `${c.displayName}, ${roleLabel(c.role).toLowerCase()}${c.teamName ? `, ${c.teamName}` : ""}` }))]}
              />
              <button type="submit" className="govuk-button govuk-button--secondary">
                Name on record
              </button>
            </form>
          </>
        )}
      </Loaded>
    </section>
  );
}
