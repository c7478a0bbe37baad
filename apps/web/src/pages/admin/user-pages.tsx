import { ROLE_LABELS, ROLES } from "@family-story/domain";
import { userCreateSchema, userPatchSchema, type Organisation, type Team, type User } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { AdminFormShell, saveAdminRecord } from "../../components/admin-form.tsx";
import { AdminListPage, type AdminColumn } from "../../components/admin-list.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { StatusTag } from "./admin-home-page.tsx";

const API = "/api/v1/admin/users";
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const COLUMNS: AdminColumn<User>[] = [
  { header: "Name", cell: (u) => u.displayName },
  { header: "Username", cell: (u) => u.username },
  { header: "Role", cell: (u) => ROLE_LABELS[u.role] },
  { header: "Team", cell: (u) => u.teamName ?? u.organisationName },
  { header: "Last signed in", cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "Never") },
  { header: "Status", cell: (u) => <StatusTag active={u.active} /> },
];

/** The authority's user accounts. */
export function UserListPage() {
  return <AdminListPage title="Users" addLabel="Add a user" path="/admin/users" api={API} columns={COLUMNS} rowName={(u) => u.displayName} testId="users" />;
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
    const [users, organisations, teams] = await Promise.all([id ? get<User[]>(API) : Promise.resolve([]), get<Organisation[]>("/api/v1/admin/organisations"), get<Team[]>("/api/v1/admin/teams")]);
    return { user: id ? (users.find((u) => u.id === id) ?? null) : null, organisations: organisations.filter((o) => o.active), teams: teams.filter((t) => t.active) };
  }, [id]);
  return <Loaded load={load}>{(data) => <UserForm key={data.user?.id ?? "new"} {...data} />}</Loaded>;
}

function UserForm({ user, organisations, teams }: UserFormData) {
  const me = useUser();
  const defaultOrganisation = organisations.some((o) => o.id === me.organisationId) ? me.organisationId : (organisations[0]?.id ?? "");
  const [values, setValues] = useState({ username: user?.username ?? "", displayName: user?.displayName ?? "", email: user?.email ?? "", role: user?.role ?? "practitioner", organisationId: user?.organisationId ?? defaultOrganisation, teamId: user?.teamId ?? "", password: "", active: user?.active ?? true });
  const { errors, submit } = useFormSubmit();
  const title = user ? `Change ${user.displayName}` : "Add a user";
  usePageTitle(title, Object.keys(errors).length > 0);
  const teamOptions = [{ value: "", label: "No team" }, ...teams.filter((t) => t.organisationId === values.organisationId).map((t) => ({ value: t.id, label: t.name }))];

  function save() {
    const shared = { displayName: values.displayName, email: blankToNull(values.email), role: values.role, teamId: values.teamId || null };
    const password = values.password === "" ? undefined : values.password;
    const body = user ? { ...shared, active: values.active, ...(password ? { password } : {}) } : { ...shared, username: values.username, organisationId: values.organisationId, ...(password ? { password } : {}) };
    const checked = user ? check(userPatchSchema, body, { displayName: "Enter their full name" }) : check(userCreateSchema, body, { displayName: "Enter their full name" });
    return submit({ checked, send: () => saveAdminRecord(API, user, body), to: "/admin/users", flash: `${values.displayName} has been saved.` });
  }

  const bind = (field: "username" | "displayName" | "email" | "password") => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((s) => ({ ...s, [field]: v })); } });
  const set = (field: "role" | "organisationId" | "teamId") => (v: string) => { setValues((s) => ({ ...s, [field]: v, ...(field === "organisationId" ? { teamId: "" } : {}) })); };
  return (
    <AdminFormShell title={title} backTo="/admin/users" backLabel="Back to users" errors={errors} onSubmit={save}>
      {!user && <TextField label="Username" hint="3 to 60 lower-case letters, digits, dots, hyphens or underscores" {...bind("username")} width="20" spellCheck={false} />}
      <TextField label="Full name" {...bind("displayName")} width="30" />
      <TextField label="Email address (optional)" type="email" {...bind("email")} width="30" spellCheck={false} />
      <SelectField name="role" label="Role" hint="The role decides what they can see and do" value={values.role} onChange={set("role")} error={errors.role} options={ROLE_OPTIONS} />
      {!user && <SelectField name="organisationId" label="Organisation" value={values.organisationId} onChange={set("organisationId")} error={errors.organisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
      <SelectField name="teamId" label="Team" value={values.teamId} onChange={set("teamId")} error={errors.teamId} options={teamOptions} />
      <TextField label={user ? "New password (optional)" : "Password (optional)"} hint="At least 12 characters. Leave blank if they sign in with the council account." type="password" autoComplete="new-password" {...bind("password")} width="20" />
      {user && <CheckboxField name="active" label="Active" hint="Untick to deactivate: they are signed out and cannot sign in" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
    </AdminFormShell>
  );
}
