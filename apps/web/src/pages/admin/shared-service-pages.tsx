import type { Team } from "@family-story/schemas";
import { useState } from "react";
import { get, request } from "../../api/api-client.ts";
import { etagFor } from "../../api/people.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";

interface SharedService {
  id: string;
  name: string;
  fromDate: string;
  toDate: string | null;
  authorities: string[];
  teamIds: string[];
  version: number;
}

/** Shared-service arrangements (such as a bi-borough service) and which of our teams they name. */
export function SharedServicesPage() {
  const [load, reload] = useLoad(async () => {
    const [services, teams, authorities] = await Promise.all([
      get<SharedService[]>("/api/v1/admin/shared-services"),
      get<Team[]>("/api/v1/admin/teams"),
      get<{ laCode: string; name: string }[]>("/api/v1/admin/authorities"),
    ]);
    const names = new Map(authorities.map((a) => [a.laCode, a.name]));
    return { services: services.map((s) => ({ ...s, authorities: s.authorities.map((code) => names.get(code) ?? code) })), teams: teams.filter((t) => t.active) };
  }, []);
  const [saved, setSaved] = useState<string | null>(null);
  usePageTitle("Shared services");
  return (
    <>
      {saved && <SuccessBanner title="Success">{saved}</SuccessBanner>}
      <h1 className="govuk-heading-l">Shared services</h1>
      <p className="govuk-body">Teams named in a shared service can open the records of every authority in it. Choose which of your teams work in each.</p>
      <Loaded load={load}>
        {({ services, teams }) =>
          services.length === 0 ? (
            <p className="govuk-body">Your authority is not part of any shared service.</p>
          ) : (
            <>
              {services.map((s) => (
                <SharedServiceForm
                  key={`${s.id}-${s.version}`}
                  service={s}
                  teams={teams}
                  onSaved={() => {
                    setSaved(`${s.name} has been saved.`);
                    reload();
                  }}
                />
              ))}
            </>
          )
        }
      </Loaded>
    </>
  );
}

function SharedServiceForm({ service, teams, onSaved }: { service: SharedService; teams: Team[]; onSaved: () => void }) {
  const user = useUser();
  const ours = new Set(teams.map((t) => t.id));
  const [chosen, setChosen] = useState(() => new Set(service.teamIds.filter((id) => ours.has(id))));
  const [errors, setErrors] = useState<FieldErrors>({});
  const editable = can(user, "admin:write");

  async function save() {
    // Other authorities' teams stay as they are: only our own can be changed here.
    const teamIds = [...service.teamIds.filter((id) => !ours.has(id)), ...chosen];
    try {
      await request("PUT", `/api/v1/admin/shared-services/${service.id}/teams`, { body: { teamIds }, ifMatch: etagFor(service.version) });
      onSaved();
    } catch (error) {
      setErrors(errorsFromError(error));
    }
  }

  const legendId = `service-${service.id}`;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={legendId}>
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m" id={legendId}>
        {service.name}
      </h2>
      <p className="govuk-body">
        Since {formatDate(service.fromDate)}
        {service.toDate ? ` until ${formatDate(service.toDate)}` : ""}. Authorities: {service.authorities.join(" and ")}.
      </p>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Your teams in {service.name}</legend>
          <div className="govuk-checkboxes govuk-checkboxes--small">
            {teams.map((t) => (
              <div className="govuk-checkboxes__item" key={t.id}>
                <input
                  className="govuk-checkboxes__input"
                  id={`${service.id}-${t.id}`}
                  type="checkbox"
                  disabled={!editable}
                  checked={chosen.has(t.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(t.id);
                    else next.delete(t.id);
                    setChosen(next);
                  }}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={`${service.id}-${t.id}`}>
                  {t.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {editable && (
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => void save()}>
          Save teams<span className="govuk-visually-hidden"> for {service.name}</span>
        </button>
      )}
    </section>
  );
}
