import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from "@family-story/domain";
import { organisationCreateSchema, organisationPatchSchema, type Organisation } from "@family-story/schemas";
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
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { StatusTag } from "./admin-home-page.tsx";
import { ScrollTable } from "../../components/scroll-table.tsx";

const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }));

/** The authority's organisations. */
export function OrganisationListPage() {
  const user = useUser();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const [load] = useLoad(() => get<Organisation[]>("/api/v1/admin/organisations"), []);
  usePageTitle("Organisations");
  return (
    <>
      {flash && <SuccessBanner title="Success">{flash}</SuccessBanner>}
      <h1 className="govuk-heading-l">Organisations</h1>
      {can(user, "admin:write") && (
        <Link className="govuk-button" to="/admin/organisations/new">
          Add an organisation
        </Link>
      )}
      <Loaded load={load}>
        {(orgs) => (
          <ScrollTable label="Organisations"><table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Organisations</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Kind</th>
                <th scope="col" className="govuk-table__header">URN or ODS code</th>
                <th scope="col" className="govuk-table__header">Status</th>
                <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {orgs.map((o) => (
                <tr className="govuk-table__row" key={o.id}>
                  <td className="govuk-table__cell">{o.name}</td>
                  <td className="govuk-table__cell">{ORGANISATION_KIND_LABELS[o.kind]}</td>
                  <td className="govuk-table__cell">{o.urn ?? o.odsCode ?? "—"}</td>
                  <td className="govuk-table__cell"><StatusTag active={o.active} /></td>
                  <td className="govuk-table__cell">
                    {can(user, "admin:write") && (
                      <Link className="govuk-link" to={`/admin/organisations/${o.id}`}>
                        Change<span className="govuk-visually-hidden"> {o.name}</span>
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

/** Add an organisation (no id in the address) or change one. */
export function OrganisationFormPage() {
  const { id } = useParams();
  const [load] = useLoad(async () => (id ? ((await get<Organisation[]>("/api/v1/admin/organisations")).find((o) => o.id === id) ?? null) : null), [id]);
  return <Loaded load={load}>{(org) => <OrganisationForm key={org?.id ?? "new"} org={org} />}</Loaded>;
}

function OrganisationForm({ org }: { org: Organisation | null }) {
  const navigate = useNavigate();
  const [values, setValues] = useState({ kind: org?.kind ?? "school", name: org?.name ?? "", urn: org?.urn ?? "", odsCode: org?.odsCode ?? "", postcode: org?.postcode ?? "", active: org?.active ?? true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const title = org ? `Change ${org.name}` : "Add an organisation";
  usePageTitle(title, Object.keys(errors).length > 0);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    const common = { name: values.name, urn: blankToNull(values.urn), odsCode: blankToNull(values.odsCode), postcode: blankToNull(values.postcode) };
    const body = org ? { ...common, active: values.active } : { ...common, kind: values.kind };
    const checked = org ? check(organisationPatchSchema, body, { name: "Enter the organisation name" }) : check(organisationCreateSchema, body, { name: "Enter the organisation name" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    try {
      if (org) await request("PATCH", `/api/v1/admin/organisations/${org.id}`, { body, ifMatch: etagFor(org.version) });
      else await request("POST", "/api/v1/admin/organisations", { body });
      void navigate("/admin/organisations", { state: { flash: `${values.name} has been saved.` } });
    } catch (error) {
      setErrors(errorsFromError(error));
    }
  }

  const bind = (field: "name" | "urn" | "odsCode" | "postcode") => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((s) => ({ ...s, [field]: v })); } });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/admin/organisations" className="govuk-back-link">Back to organisations</Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{title}</h1>
        <form onSubmit={(e) => void submit(e)} noValidate>
          {!org && <SelectField name="kind" label="Kind of organisation" value={values.kind} onChange={(v) => { setValues((s) => ({ ...s, kind: v as Organisation["kind"] })); }} error={errors.kind} options={KIND_OPTIONS} />}
          <TextField label="Name" {...bind("name")} />
          <TextField label="School URN (optional)" hint="6 digits" {...bind("urn")} width="10" inputMode="numeric" />
          <TextField label="ODS code (optional)" hint="For NHS organisations" {...bind("odsCode")} width="10" />
          <TextField label="Postcode (optional)" {...bind("postcode")} width="10" />
          {org && <CheckboxField name="active" label="Active" hint="Untick to deactivate: its users can no longer sign in" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
          <button type="submit" className="govuk-button" data-module="govuk-button">Save</button>
        </form>
      </div>
    </div>
  );
}
