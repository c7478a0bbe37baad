import { TEAM_KINDS } from "@family-story/domain";
import { teamCreateSchema, teamPatchSchema, type Organisation, type Team } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { get, request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { StatusTag } from "./admin-home-page.tsx";
import { ScrollTable } from "../../components/scroll-table.tsx";

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

/** The authority's teams. */
export function TeamListPage() {
  const user = useUser();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<Team[]>("/api/v1/admin/teams"), []);
  usePageTitle("Teams");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Teams</h1>
      {can(user, "admin:write") && (
        <Link className="govuk-button" to="/admin/teams/new">
          Add a team
        </Link>
      )}
      <Loaded load={load}>
        {(teams) => (
          <ScrollTable label="Teams"><table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Teams</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Kind</th>
                <th scope="col" className="govuk-table__header">Locality</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Members</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {teams.map((t) => (
                <tr className="govuk-table__row" key={t.id}>
                  <td className="govuk-table__cell">
                    {t.name}
                    {t.sharedService && <strong className="govuk-tag govuk-tag--purple govuk-!-margin-left-1">Shared service</strong>}
                  </td>
                  <td className="govuk-table__cell">{teamKindLabel(t.kind)}</td>
                  <td className="govuk-table__cell">{t.localityName ?? "—"}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{t.memberCount}</td>
                  <td className="govuk-table__cell"><StatusTag active={t.active} /></td>
                  <td className="govuk-table__cell">
                    {can(user, "admin:write") && (
                      <Link className="govuk-link" to={`/admin/teams/${t.id}`}>
                        Change<span className="govuk-visually-hidden"> {t.name}</span>
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

interface TeamFormData {
  team: Team | null;
  organisations: Organisation[];
  localities: Locality[];
}

/** Add a team or change one. */
export function TeamFormPage() {
  const { id } = useParams();
  const [load] = useLoad(async (): Promise<TeamFormData> => {
    const [teams, organisations, localities] = await Promise.all([get<Team[]>("/api/v1/admin/teams"), get<Organisation[]>("/api/v1/admin/organisations"), get<Locality[]>("/api/v1/admin/localities")]);
    return { team: id ? (teams.find((t) => t.id === id) ?? null) : null, organisations, localities };
  }, [id]);
  return <Loaded load={load}>{(data) => <TeamForm key={data.team?.id ?? "new"} {...data} />}</Loaded>;
}

function TeamForm({ team, organisations, localities }: TeamFormData) {
  const navigate = useNavigate();
  const [values, setValues] = useState({ name: team?.name ?? "", kind: team?.kind ?? "locality_social_work", organisationId: team?.organisationId ?? organisations[0]?.id ?? "", localityId: team?.localityId ?? "", active: team?.active ?? true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const title = team ? `Change ${team.name}` : "Add a team";
  usePageTitle(title, Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const localityId = values.localityId || null;
    const body = team ? { name: values.name, kind: values.kind, localityId, active: values.active } : { name: values.name, kind: values.kind, organisationId: values.organisationId, localityId };
    const checked = team ? check(teamPatchSchema, body, { name: "Enter the team name" }) : check(teamCreateSchema, body, { name: "Enter the team name" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      if (team) await request("PATCH", `/api/v1/admin/teams/${team.id}`, { body, ifMatch: etagFor(team.version) });
      else await request("POST", "/api/v1/admin/teams", { body });
      void navigate("/admin/teams", { state: { flash: `${values.name} has been saved.` } });
    } catch (error) {
      setErrors(errorsFromError(error));
    }
  }

  const set = (field: "name" | "kind" | "organisationId" | "localityId") => (v: string) => { setValues((s) => ({ ...s, [field]: v })); };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/admin/teams" className="govuk-back-link">Back to teams</Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField name="name" label="Team name" value={values.name} onChange={set("name")} error={errors.name} />
          <SelectField name="kind" label="Kind of team" value={values.kind} onChange={set("kind")} error={errors.kind} options={KIND_OPTIONS} />
          {!team && <SelectField name="organisationId" label="Organisation" value={values.organisationId} onChange={set("organisationId")} error={errors.organisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
          <SelectField name="localityId" label="Locality (optional)" value={values.localityId} onChange={set("localityId")} error={errors.localityId} options={[{ value: "", label: "No locality" }, ...localities.map((l) => ({ value: l.id, label: l.name }))]} />
          {team && <CheckboxField name="active" label="Active" hint="Untick to deactivate the team" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">Save</button>
        </form>
      </div>
    </div>
  );
}
