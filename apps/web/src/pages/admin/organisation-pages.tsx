import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from "@family-story/domain";
import { organisationCreateSchema, organisationPatchSchema, type Organisation } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { get } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { AdminFormShell, saveAdminRecord } from "../../components/admin-form.tsx";
import { AdminListPage, type AdminColumn } from "../../components/admin-list.tsx";
import { CheckboxField, SelectField, TextField } from "../../components/fields.tsx";
import { blankToNull, check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { StatusTag } from "./admin-home-page.tsx";

const API = "/api/v1/admin/organisations";
const KIND_OPTIONS = ORGANISATION_KINDS.map((k) => ({ value: k, label: ORGANISATION_KIND_LABELS[k] }));

const COLUMNS: AdminColumn<Organisation>[] = [
  { header: "Name", cell: (o) => o.name },
  { header: "Kind", cell: (o) => ORGANISATION_KIND_LABELS[o.kind] },
  { header: "URN or ODS code", cell: (o) => o.urn ?? o.odsCode ?? "—" },
  { header: "Status", cell: (o) => <StatusTag active={o.active} /> },
];

/** The authority's organisations. */
export function OrganisationListPage() {
  return <AdminListPage title="Organisations" addLabel="Add an organisation" path="/admin/organisations" api={API} columns={COLUMNS} rowName={(o) => o.name} />;
}

/** Add an organisation (no id in the address) or change one. */
export function OrganisationFormPage() {
  const { id } = useParams();
  const [load] = useLoad(async () => (id ? ((await get<Organisation[]>(API)).find((o) => o.id === id) ?? null) : null), [id]);
  return <Loaded load={load}>{(org) => <OrganisationForm key={org?.id ?? "new"} org={org} />}</Loaded>;
}

function OrganisationForm({ org }: { org: Organisation | null }) {
  const [values, setValues] = useState({ kind: org?.kind ?? "school", name: org?.name ?? "", urn: org?.urn ?? "", odsCode: org?.odsCode ?? "", postcode: org?.postcode ?? "", active: org?.active ?? true });
  const { errors, submit } = useFormSubmit();
  const title = org ? `Change ${org.name}` : "Add an organisation";
  usePageTitle(title, Object.keys(errors).length > 0);

  function save() {
    const common = { name: values.name, urn: blankToNull(values.urn), odsCode: blankToNull(values.odsCode), postcode: blankToNull(values.postcode) };
    const body = org ? { ...common, active: values.active } : { ...common, kind: values.kind };
    const checked = org ? check(organisationPatchSchema, body, { name: "Enter the organisation name" }) : check(organisationCreateSchema, body, { name: "Enter the organisation name" });
    return submit({ checked, send: () => saveAdminRecord(API, org, body), to: "/admin/organisations", flash: `${values.name} has been saved.` });
  }

  const bind = (field: "name" | "urn" | "odsCode" | "postcode") => ({ name: field, value: values[field], error: errors[field], onChange: (v: string) => { setValues((s) => ({ ...s, [field]: v })); } });
  return (
    <AdminFormShell title={title} backTo="/admin/organisations" backLabel="Back to organisations" errors={errors} onSubmit={save}>
      {!org && <SelectField name="kind" label="Kind of organisation" value={values.kind} onChange={(v) => { setValues((s) => ({ ...s, kind: v as Organisation["kind"] })); }} error={errors.kind} options={KIND_OPTIONS} />}
      <TextField label="Name" {...bind("name")} />
      <TextField label="School URN (optional)" hint="6 digits" {...bind("urn")} width="10" inputMode="numeric" />
      <TextField label="ODS code (optional)" hint="For NHS organisations" {...bind("odsCode")} width="10" />
      <TextField label="Postcode (optional)" {...bind("postcode")} width="10" />
      {org && <CheckboxField name="active" label="Active" hint="Untick to deactivate: its users can no longer sign in" checked={values.active} onChange={(v) => { setValues((s) => ({ ...s, active: v })); }} />}
    </AdminFormShell>
  );
}
