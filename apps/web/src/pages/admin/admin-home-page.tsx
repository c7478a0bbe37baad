import { Link } from "react-router";
import { can, useAuth } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";

/** Administration: links to organisations, teams and users. */
export function AdminHomePage() {
  usePageTitle("Administration");
  const { session } = useAuth();
  const canImport = session.state === "signed-in" && can(session.user, "import:run");
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
        {canImport && (
          <li>
            <Link className="govuk-link govuk-!-font-weight-bold" to="/admin/imports">Import SSDA903 history</Link>: bring children looked after history in from SSDA903 files
          </li>
        )}
      </ul>
    </>
  );
}

/** Active or deactivated, as a GOV.UK tag. */
export function StatusTag({ active }: { active: boolean }) {
  return active ? <strong className="govuk-tag govuk-tag--green">Active</strong> : <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>;
}
