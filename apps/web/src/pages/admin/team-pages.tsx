import { TEAM_KINDS } from "@family-story/domain";
import { teamCreateSchema, teamPatchSchema, type Organisation, type Team } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { AdminFormShell, saveAdminRecord } from "../../components/admin-form.tsx";
import { AdminListPage, type AdminColumn } from "../../components/admin-list.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { StatusTag } from "./admin-home-page.tsx";

const API = "/api/v1/admin/teams";

/** "locality_social_work" → "Locality social work". */
export function teamKindLabel(kind: string): string {
  const words = kind.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const KIND_OPTIONS = TEAM_KINDS.map((k) => ({ value: k, label: teamKindLabel(k) }));

interface Locality {
  id: string;
  name: string;
}

const COLUMNS: AdminColumn<Team>[] = [
  {
    header: "Name",
    cell: (t) => (
      <>
        {t.name}
        {t.sharedService && <strong className="govuk-tag govuk-tag--purple govuk-!-margin-left-1">Shared service</strong>}
      </>
    ),
  },
  { header: "Kind", cell: (t) => teamKindLabel(t.kind) },
  { header: "Locality", cell: (t) => t.localityName ?? "—" },
  { header: "Members", numeric: true, cell: (t) => t.memberCount },
  { header: "Status", cell: (t) => <StatusTag active={t.active} /> },
];

/** The authority's teams. */
export function TeamListPage() {
  return <AdminListPage title="Teams" addLabel="Add a team" path="/admin/teams" api={API} columns={COLUMNS} rowName={(t) => t.name} />;
}

interface TeamFormData {
  team: Team | null;
  organisations: Organisation[];
  localities: Locality[];
}

/** Add a team or change one. */
export function TeamFormPage() {
  const { id } = useParams();
  const [load] = useLoad(async (): Promise<TeamFormData> => {
    const [teams, organisations, localities] = await Promise.all([get<Team[]>(API), get<Organisation[]>("/api/v1/admin/organisations"), get<Locality[]>("/api/v1/admin/localities")]);
    return { team: id ? (teams.find((t) => t.id === id) ?? null) : null, organisations, localities };
  }, [id]);
  return <Loaded load={load}>{(data) => <TeamForm key={data.team?.id ?? "new"} {...data} />}</Loaded>;
}

function TeamForm({ team, organisations, localities }: TeamFormData) {
  const [values, setValues] = useState({ name: team?.name ?? "", kind: team?.kind ?? "locality_social_work", organisationId: team?.organisationId ?? organisations[0]?.id ?? "", localityId: team?.localityId ?? "", active: team?.active ?? true });
  const { errors, submit } = useFormSubmit();
  const title = team ? `Change ${team.name}` : "Add a team";
  usePageTitle(title, Object.keys(errors).length > 0);

  function save() {
    const localityId = values.localityId || null;
    const body = team ? { name: values.name, kind: values.kind, localityId, active: values.active } : { name: values.name, kind: values.kind, organisationId: values.organisationId, localityId };
    const checked = team ? check(teamPatchSchema, body, { name: "Enter the team name" }) : check(teamCreateSchema, body, { name: "Enter the team name" });
    return submit({ checked, send: () => saveAdminRecord(API, team, body), to: "/admin/teams", flash: `${values.name} has been saved.` });
  }

  const set = (field: "name" | "kind" | "organisationId" | "localityId") => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };
  return (
    <AdminFormShell title={title} backTo="/admin/teams" backLabel="Back to teams" errors={errors} onSubmit={save}>
      <TextField name="name" label="Team name" value={values.name} onChange={set("name")} error={errors.name} />
      <SelectField name="kind" label="Kind of team" value={values.kind} onChange={set("kind")} error={errors.kind} options={KIND_OPTIONS} />
      {!team && <SelectField name="organisationId" label="Organisation" value={values.organisationId} onChange={set("organisationId")} error={errors.organisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
      <SelectField name="localityId" label="Locality (optional)" value={values.localityId} onChange={set("localityId")} error={errors.localityId} options={[{ value: "", label: "No locality" }, ...localities.map((l) => ({ value: l.id, label: l.name }))]} />
      {team && <CheckboxField name="active" label="Active" hint="Untick to deactivate the team" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
    </AdminFormShell>
  );
}
