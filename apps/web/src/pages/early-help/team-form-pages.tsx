import type { EarlyHelpEpisode, TafActionView, TafCandidate } from "@family-story/schemas";
import { tafActionUpdateSchema, tafMemberCreateSchema } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { get, type Versioned } from "../../api/api-client.ts";
import { changeEpisode, loadAction, updateAction } from "../../api/early-help.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { CheckboxField, RadiosField, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { StatusTag } from "./early-help-sections.tsx";
import { FormFrame, WithEpisode } from "./plan-form-pages.tsx";

/** Add a Team Around the Family member (a user of any organisation, or someone outside the system); name the lead. */
export function TafPage() {
  const [load] = useLoad(() => get<TafCandidate[]>("/api/v1/early-help/taf-candidates"), []);
  return <WithEpisode title="Team Around the Family">{(ep) => <Loaded load={load}>{(candidates) => <TafForm ep={ep} candidates={candidates} />}</Loaded>}</WithEpisode>;
}
function TafForm({ ep, candidates }: { ep: EarlyHelpEpisode; candidates: TafCandidate[] }) {
  const [v, setV] = useState({ userId: "", name: "", organisationName: "", role: "", isLead: false, familyConsents: false });
  const partner = candidates.find((c) => c.id === v.userId)?.role === "partner_practitioner";
  const { errors, busy, submit } = useFormSubmit();
  const body = v.userId !== "" ? { userId: v.userId, role: v.role, isLead: v.isLead, ...(v.organisationName && { organisationName: v.organisationName }), ...(partner && v.familyConsents && { familyConsents: true }) } : { name: v.name, role: v.role, isLead: v.isLead, organisationName: v.organisationName || null };
  return (
    <FormFrame ep={ep} title="Add a member to the Team Around the Family" errors={errors} busy={busy} save="Add member" onSubmit={(e) => { e.preventDefault(); void submit({ checked: v.userId === "" && v.name.trim() === "" ? { ok: false, errors: { userId: "Choose a user, or enter the name of someone outside the system" } } : check(tafMemberCreateSchema, body, { role: "Enter their role with the family" }), send: () => changeEpisode(ep.caseId, "POST", "/taf-members", body), to: `/cases/${ep.caseId}`, flash: "Member added to the Team Around the Family." }); }}>
      {ep.taf.length > 0 && <TeamList ep={ep} busy={busy} change={(send, flash) => void submit({ checked: { ok: true, data: null }, send, to: `/cases/${ep.caseId}`, flash })} />}
      <SelectField name="userId" label="A practitioner or partner who signs in" hint="Partners from schools, health and others can be members and lead professional" value={v.userId} error={errors.userId} options={[{ value: "", label: "Someone outside the system" }, ...candidates.map((c) => ({ value: c.id, label: `${c.name}, ${c.organisationName}` }))]} onChange={(x) => { setV({ ...v, userId: x }); }} />
      {v.userId === "" && <TextField name="name" label="Their name (someone outside the system)" value={v.name} error={errors.name} onChange={(x) => { setV({ ...v, name: x }); }} />}
      <TextField name="organisationName" label="Organisation (optional)" value={v.organisationName} onChange={(x) => { setV({ ...v, organisationName: x }); }} />
      <TextField name="role" label="Their role with the family" value={v.role} error={errors.role} onChange={(x) => { setV({ ...v, role: x }); }} />
      <CheckboxField name="isLead" label="Make them the lead professional" checked={v.isLead} onChange={(x) => { setV({ ...v, isLead: x }); }} />
      {partner && (
        <CheckboxField name="familyConsents" label="The family agrees to share their children’s records with this partner" hint="Needed unless the family consented to sharing when they came through the front door. The partner then sees the children’s records for a year." checked={v.familyConsents} onChange={(x) => { setV({ ...v, familyConsents: x }); }} />
      )}
    </FormFrame>
  );
}

/** The current team: name another lead professional or remove a member, under the case's version (If-Match). */
function TeamList({ ep, busy, change }: { ep: EarlyHelpEpisode; busy: boolean; change: (send: () => Promise<unknown>, flash: string) => void }) {
  const version = `W/"${String(ep.caseVersion)}"`;
  return (
    <>
      <h2 className="govuk-heading-s">Already in the team</h2>
      <ul className="govuk-list">
        {ep.taf.map((m) => (
          <li key={m.id}>
            {m.name}{m.organisationName && `, ${m.organisationName}`} ({m.role}){m.isLead && <> — <strong>lead professional</strong></>}
            {!m.isLead && (
              <div className="govuk-button-group">
                <button type="button" className="govuk-button govuk-button--secondary" disabled={busy} onClick={() => { change(() => changeEpisode(ep.caseId, "PUT", "/lead-professional", { memberId: m.id }, version), `${m.name} is now the lead professional.`); }}>Make lead professional<span className="govuk-visually-hidden">: {m.name}</span></button>
                <button type="button" className="govuk-button govuk-button--warning" disabled={busy} onClick={() => { change(() => changeEpisode(ep.caseId, "DELETE", `/taf-members/${m.id}`, undefined, version), `${m.name} was removed from the Team Around the Family.`); }}>Remove<span className="govuk-visually-hidden"> {m.name}</span></button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Place the episode in a family hub or locality. */
export function LocalityPage() {
  return <WithEpisode title="Family hub or locality">{(ep) => <LocalityForm ep={ep} />}</WithEpisode>;
}
function LocalityForm({ ep }: { ep: EarlyHelpEpisode }) {
  const [localityId, setLocalityId] = useState(ep.locality?.id ?? "");
  const { errors, busy, submit } = useFormSubmit();
  return (
    <FormFrame ep={ep} title="Family hub or locality" errors={errors} busy={busy} save="Save" onSubmit={(e) => { e.preventDefault(); void submit({ checked: { ok: true, data: null }, send: () => changeEpisode(ep.caseId, "PUT", "/locality", { localityId: localityId || null }, `W/"${String(ep.caseVersion)}"`), to: `/cases/${ep.caseId}`, flash: "Locality saved." }); }}>
      <SelectField name="localityId" label="Which family hub or locality works with the family?" value={localityId} error={errors.localityId} options={[{ value: "", label: "Not placed" }, ...ep.localities.map((l) => ({ value: l.id, label: l.name }))]} onChange={setLocalityId} />
    </FormFrame>
  );
}

/** An action's owner (a partner included) records progress from their own sign-in. */
export function ActionUpdatePage() {
  const { id = "", actionId = "" } = useParams();
  const [load] = useLoad(() => loadAction(actionId), [actionId]);
  usePageTitle("Update an action");
  return <Loaded load={load}>{(action) => <ActionUpdateForm caseId={id} current={action} />}</Loaded>;
}
function ActionUpdateForm({ caseId, current }: { caseId: string; current: Versioned<TafActionView> }) {
  const a = current.body;
  const [v, setV] = useState({ status: a.status === "not_started" ? "in_progress" : a.status, progress: "" });
  const { errors, busy, submit } = useFormSubmit();
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{a.caseTitle}</span>
      <h1 className="govuk-heading-l">Update an action</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Action</dt><dd className="govuk-summary-list__value">{a.description}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Goal</dt><dd className="govuk-summary-list__value">{a.goal} ({a.outcomeLabel})</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Owner and due</dt><dd className="govuk-summary-list__value">{a.owner.name}, by {formatDate(a.targetDate)}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Status</dt><dd className="govuk-summary-list__value"><StatusTag status={a.status} /></dd></div>
      </dl>
      {a.updates.length > 0 && <ul className="govuk-list">{a.updates.map((u, i) => <li key={i}>{formatDateTime(u.recordedAt)} – {u.recordedBy}: {u.progress}</li>)}</ul>}
      {a.canUpdate ? (
        <form noValidate onSubmit={(e) => { e.preventDefault(); void submit({ checked: check(tafActionUpdateSchema, v, { progress: "Describe the progress" }), send: () => updateAction(a.id, current.etag, v), to: `/cases/${caseId}`, flash: "Action updated." }); }}>
          <RadiosField name="status" label="Where is it now?" value={v.status} error={errors.status} options={[{ value: "in_progress", label: "In progress" }, { value: "done", label: "Done" }, { value: "not_done", label: "Not done (it will not happen)" }]} onChange={(x) => { setV({ ...v, status: x as typeof v.status }); }} />
          <TextareaField name="progress" label="Progress" value={v.progress} error={errors.progress} onChange={(x) => { setV({ ...v, progress: x }); }} />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={busy}>Save update</button>
            <Link className="govuk-link" to={`/cases/${caseId}`}>Cancel</Link>
          </div>
        </form>
      ) : <p className="govuk-body">Only the action’s owner or the family’s workers can update it.</p>}
    </>
  );
}
