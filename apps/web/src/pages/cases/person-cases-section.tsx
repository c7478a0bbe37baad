import { Link } from "react-router";
import { loadPersonCases } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { DueTag, caseKindLabel } from "../work/due-tag.tsx";

/** The cases a person is in (as the child or a family member), on their record. */
export function PersonCasesSection({ personId }: { personId: string }) {
  const user = useUser();
  const [load] = useLoad(() => loadPersonCases(personId), [personId]);
  return (
    <section aria-labelledby="cases-heading">
      <h2 className="govuk-heading-m" id="cases-heading">Cases</h2>
      {can(user, "note:read") && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/people/${personId}/chronology`}>Chronology</Link>
        </p>
      )}
      <Loaded load={load}>
        {(cases) =>
          cases.length === 0 ? (
            <p className="govuk-body">Not in any case.</p>
          ) : (
            <ul className="govuk-list">
              {cases.map((c) => (
                <li key={c.id} data-testid="person-case">
                  <Link className="govuk-link" to={`/cases/${c.id}`}>{caseKindLabel(c.kind)}: {c.title}</Link>{" "}
                  <span className="app-result__meta">
                    {c.status === "open" ? `open since ${formatDate(c.openedOn)}` : `closed ${formatDate(c.closedOn)}`}
                    {c.subject.id !== personId ? `, about ${c.subject.name}` : ""}
                    {c.allocatedTo ? `, ${c.allocatedTo.name}` : c.status === "open" ? ", unallocated" : ""}
                  </span>{" "}
                  {c.nextDue && <DueTag item={c.nextDue} />}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
