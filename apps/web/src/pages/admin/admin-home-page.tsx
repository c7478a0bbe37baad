import { Link } from "react-router";
import { usePageTitle } from "../../app/page-title.ts";

/** Administration: links to organisations, teams and users. */
export function AdminHomePage() {
  usePageTitle("Administration");
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <ul className="govuk-list govuk-list--spaced">
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/users">Users</Link>: add staff accounts, change roles and teams, deactivate leavers
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/teams">Teams</Link>: the teams practitioners belong to
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/organisations">Organisations</Link>: services and partner organisations
        </li>
        <li>
          <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/shared-services">Shared services</Link>: which teams work across authorities
        </li>
      </ul>
    </>
  );
}

/** Active or deactivated, as a GOV.UK tag. */
export function StatusTag({ active }: { active: boolean }) {
  return active ? <strong className="govuk-tag govuk-tag--green">Active</strong> : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>;
}
