import { ROLE_LABELS, ROLES } from "@family-story/domain";
import { userCreateSchema, userPatchSchema, type Organisation, type Team, type User } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { get, request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { blankToNull, check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { StatusTag } from "./admin-home-page.tsx";
import { ScrollTable } from "../../components/scroll-table.tsx";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** The authority's user accounts. */
export function UserListPage() {
  const me = useUser();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<User[]>("/api/v1/admin/users"), []);
  usePageTitle("Users");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Users</h1>
      {can(me, "admin:write") && (
        <Link className="govuk-button" to="/admin/users/new">
          Add a user
        </Link>
      )}
      <Loaded load={load}>
        {(users) => (
          <ScrollTable label="Users"><table className="govuk-table" data-testid="users">
            <caption className="govuk-table__caption govuk-visually-hidden">Users</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Username</th>
                <th scope="col" className="govuk-table__header">Role</th>
                <th scope="col" className="govuk-table__header">Team</th>
                <th scope="col" className="govuk-table__header">Last signed in</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {users.map((u) => (
                <tr className="govuk-table__row" key={u.id}>
                  <td className="govuk-table__cell">{u.displayName}</td>
                  <td className="govuk-table__cell">{u.username}</td>
                  <td className="govuk-table__cell">{ROLE_LABELS[u.role]}</td>
                  <td className="govuk-table__cell">{u.teamName ?? u.organisationName}</td>
                  <td className="govuk-table__cell">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never"}</td>
                  <td className="govuk-table__cell"><StatusTag active={u.active} /></td>
                  <td className="govuk-table__cell">
                    {can(me, "admin:write") && (
                      <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                        Change<span className="govuk-visually-hidden"> {u.displayName}</span>
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></ScrollTable>
        )}
      </Loaded>
    </>
  );
}

interface UserFormData {
  user: User | null;
  organisations: Organisation[];
  teams: Team[];
}

/** Add a user or change one (role, team, deactivate, new password). */
export function UserFormPage() {
  const { id } = useParams();
  const [load] = useLoad(async (): Promise<UserFormData> => {
    const [users, organisations, teams] = await Promise.all([id ? get<User[]>("/api/v1/admin/users") : Promise.resolve([]), get<Organisation[]>("/api/v1/admin/organisations"), get<Team[]>("/api/v1/admin/teams")]);
    return { user: id ? (users.find((u) => u.id === id) ?? null) : null, organisations: organisations.filter((o) => o.active), teams: teams.filter((t) => t.active) };
  }, [id]);
  return <Loaded load={load}>{(data) => <UserForm key={data.user?.id ?? "new"} {...data} />}</Loaded>;
}

function UserForm({ user, organisations, teams }: UserFormData) {
  const me = useUser();
  const navigate = useNavigate();
  const defaultOrganisation = organisations.some((o) => o.id === me.organisationId) ? me.organisationId : (organisations[0]?.id ?? "");
  const [values, setValues] = useState({ username: user?.username ?? "", displayName: user?.displayName ?? "", email: user?.email ?? "", role: user?.role ?? "practitioner", organisationId: user?.organisationId ?? defaultOrganisation, teamId: user?.teamId ?? "", password: "", active: user?.active ?? true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const title = user ? `Change ${user.displayName}` : "Add a user";
  usePageTitle(title, Object.keys(errors).length > 0);
  const teamOptions = [{ value: "", label: "No team" }, ...teams.filter((t) => t.organisationId === values.organisationId).map((t) => ({ value: t.id, label: t.name }))];

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const shared = { displayName: values.displayName, email: blankToNull(values.email), role: values.role, teamId: values.teamId || null };
    const password = values.password === "" ? undefined : values.password;
    const body = user ? { ...shared, active: values.active, ...(password ? { password } : {}) } : { ...shared, username: values.username, organisationId: values.organisationId, ...(password ? { password } : {}) };
    const checked = user ? check(userPatchSchema, body, { displayName: "Enter their full name" }) : check(userCreateSchema, body, { displayName: "Enter their full name" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      if (user) await request("PATCH", `/api/v1/admin/users/${user.id}`, { body, ifMatch: etagFor(user.version) });
      else await request("POST", "/api/v1/admin/users", { body });
      void navigate("/admin/users", { state: { flash: `${values.displayName} has been saved.` } });
    } catch (error) {
      setErrors(errorsFromError(error));
    }
  }

  const bind = (field: "username" | "displayName" | "email" | "password") => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((s) => ({ ...s, [field]: v })); } });
  const set = (field: "role" | "organisationId" | "teamId") => (v: string) => { setValues((s) => ({ ...s, [field]: v, ...(field === "organisationId" ? { teamId: "" } : {}) })); };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/admin/users" className="govuk-back-link">Back to users</Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {!user && <TextField label="Username" hint="3 to 60 lower-case letters, digits, dots, hyphens or underscores" {...bind("username")} width="20" spellCheck={false} />}
          <TextField label="Full name" {...bind("displayName")} width="30" />
          <TextField label="Email address (optional)" type="email" {...bind("email")} width="30" spellCheck={false} />
          <SelectField name="role" label="Role" hint="The role decides what they can see and do" value={values.role} onChange={set("role")} error={errors.role} options={ROLE_OPTIONS} />
          {!user && <SelectField name="organisationId" label="Organisation" value={values.organisationId} onChange={set("organisationId")} error={errors.organisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
          <SelectField name="teamId" label="Team" value={values.teamId} onChange={set("teamId")} error={errors.teamId} options={teamOptions} />
          <TextField label={user ? "New password (optional)" : "Password (optional)"} hint="At least 12 characters. Leave blank if they sign in with the council account." type="password" autoComplete="new-password" {...bind("password")} width="20" />
          {user && <CheckboxField name="active" label="Active" hint="Untick to deactivate: they are signed out and cannot sign in" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">Save</button>
        </form>
      </div>
    </div>
  );
}
