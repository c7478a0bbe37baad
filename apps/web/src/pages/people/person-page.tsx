import type { Person } from "@family-story/schemas";
import { Link, useLocation, useParams } from "react-router";
import { loadPerson } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { FamilyDiagram } from "../../components/family-diagram.tsx";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { AddressTimeline } from "./address-timeline.tsx";
import { PersonSummary } from "./person-summary.tsx";
import { RelationshipList } from "./relationship-list.tsx";
import { NamedAccessSection } from "./named-access-section.tsx";
import { SharingSection } from "./sharing-section.tsx";
import { PersonCasesSection } from "../cases/person-cases-section.tsx";

/** A person's record: identifiers, addresses over time, relationships and the family diagram. */
export function PersonPage() {
  const { id = "" } = useParams();
  const [load, reload] = useLoad(() => loadPerson(id), [id]);
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const title = load.state === "done" ? `${load.value.body.givenName} ${load.value.body.familyName}` : load.state === "failed" ? "Person not available" : "Person";
  usePageTitle(title);
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <Loaded load={load}>{({ body }) => <PersonRecord person={body} onChanged={reload} />}</Loaded>
      {load.state === "failed" && (
        <>
          <h1 className="govuk-heading-l">You cannot open this record</h1>
          <p className="govuk-body">It does not exist, or it has not been shared with you. If you need it for your work, ask the team that holds it.</p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/people">
              Find a person
            </Link>
          </p>
        </>
      )}
    </>
  );
}

function PersonRecord({ person, onChanged }: { person: Person; onChanged: () => void }) {
  const user = useUser();
  const base = `/people/${person.id}`;
  return (
    <>
      <span className="govuk-caption-l">
        {person.laName}
        {person.laChildId ? `, child ID ${person.laChildId}` : ""}
      </span>
      <h1 className="govuk-heading-l">
        {person.givenName} {person.familyName}
        {person.deceasedDate && <span className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Died</span>}
        {person.restricted && <span className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Restricted</span>}
      </h1>
      <div className="app-actions govuk-!-margin-bottom-6">
        {can(user, "person:update") && (
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`${base}/edit`}>
            Change details
          </Link>
        )}
        {can(user, "address:write") && (
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`${base}/addresses/new`}>
            Add an address
          </Link>
        )}
        {can(user, "relationship:write") && (
          <Link className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" to={`${base}/relationships/new`}>
            Add a relationship
          </Link>
        )}
        {can(user, "lac:read") && <Link className="govuk-link" to={`${base}/looked-after`}>Looked after</Link>}
        {can(user, "audit:read") && (
          <Link className="govuk-link" to={`/audit/people/${person.id}`}>
            Who has opened this record
          </Link>
        )}
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PersonSummary person={person} />
        </div>
        <div className="govuk-grid-column-one-third">
          <AddressTimeline addresses={person.addresses} personId={person.id} editable={can(user, "address:write")} />
        </div>
      </div>
      {can(user, "case:read") && <PersonCasesSection personId={person.id} />}
      <FamilyDiagram person={person} />
      <RelationshipList person={person} onChanged={onChanged} />
      {can(user, "sharing:read") && <SharingSection person={person} />}
      {person.restricted && can(user, "person:restrict") && <NamedAccessSection person={person} />}
    </>
  );
}
