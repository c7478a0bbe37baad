import { SUPPORTING_FAMILIES_OUTCOMES } from "@family-story/domain";
import { ehAssessmentContentSchema, type EhAssessmentContentInput, type EhAssessmentView, type EhPrefill } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import type { Versioned } from "../../api/api-client.ts";
import { changeEpisode, loadAssessment } from "../../api/early-help.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";

const OUTCOMES = SUPPORTING_FAMILIES_OUTCOMES.map((o) => ({ value: o.code, label: o.label }));

/** The whole-family assessment: what is known is shown to check; each member's needs, strengths and own words. */
export function AssessmentPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadAssessment(id), [id]);
  usePageTitle("Whole-family assessment");
  return <Loaded load={load}>{(view) => <AssessmentForm caseId={id} view={view} />}</Loaded>;
}

/** Starts each member's part from the saved assessment, or empty for those not yet assessed. */
function initial(view: EhAssessmentView): EhAssessmentContentInput {
  const saved = view.assessment?.content;
  const members = view.prefill.members.map((m) => saved?.members.find((s) => s.personId === m.personId) ?? { personId: m.personId, needs: [], strengths: "", ownWords: "", checkedFacts: "" });
  return { members, familyStrengths: saved?.familyStrengths ?? "", familyViews: saved?.familyViews ?? "", householdNotes: saved?.householdNotes ?? "", summary: saved?.summary ?? "" };
}

function KnownFacts({ prefill }: { prefill: EhPrefill }) {
  return (
    <div className="govuk-inset-text" data-testid="known-facts">
      <h2 className="govuk-heading-m">What we already know — check it with the family</h2>
      <p className="govuk-body">This comes from the family’s record. Ask the family whether it is right, and note anything they correct, rather than asking them to tell it again.</p>
      <dl className="govuk-summary-list">
        {prefill.members.map((m) => (
          <div className="govuk-summary-list__row" key={m.personId}>
            <dt className="govuk-summary-list__key">{m.name} <span className="govuk-hint">({m.role})</span></dt>
            <dd className="govuk-summary-list__value">
              {m.dob ? `Born ${formatDate(m.dob)} (age ${String(m.age)})` : "Date of birth not known"}
              {m.firstLanguage && `; first language ${m.firstLanguage}`}
              <br />{m.address ?? "No current address"}
              {m.organisations.length > 0 && <><br />Working with: {m.organisations.join(", ")}</>}
              {m.relationships.length > 0 && <><br />{m.relationships.join("; ")}</>}
            </dd>
          </div>
        ))}
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Household</dt><dd className="govuk-summary-list__value">{prefill.household.length === 0 ? "No one recorded at the family’s addresses" : prefill.household.map((h) => `${h.name} (${h.address})`).join("; ")}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Other open involvement</dt><dd className="govuk-summary-list__value">{prefill.openInvolvements.length === 0 ? "None" : prefill.openInvolvements.map((o) => `${o.title} for ${o.person}${o.allocatedTo ? ` (${o.allocatedTo})` : ""}`).join("; ")}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Earlier assessments</dt><dd className="govuk-summary-list__value">{prefill.previousAssessments.length === 0 ? "None" : prefill.previousAssessments.map((p) => `${p.caseTitle} (${formatDate(p.openedOn)}): ${p.summary || "no summary"}; needs: ${p.needs.map((n) => `${n.person} – ${n.outcome}`).join(", ") || "none"}`).join(" | ")}</dd></div>
      </dl>
    </div>
  );
}

function AssessmentForm({ caseId, view }: { caseId: string; view: Versioned<EhAssessmentView> }) {
  const user = useUser();
  const a = view.body.assessment;
  const editable = can(user, "case:write") && a?.status !== "awaiting_authorisation";
  const [values, setValues] = useState(() => initial(view.body));
  const { errors, busy, submit } = useFormSubmit();
  const names = new Map(view.body.prefill.members.map((m) => [m.personId, m.name]));
  const setMember = (i: number, patch: Partial<EhAssessmentContentInput["members"][number]>) => {
    setValues((v) => ({ ...v, members: v.members.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  };
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    void submit({
      checked: check(ehAssessmentContentSchema, values, { "members.0.needs.0.description": "Describe the need" }),
      send: () => changeEpisode(caseId, "PUT", "/assessment", values, view.etag ?? 'W/"0"'),
      to: `/cases/${caseId}`,
      flash: "Assessment saved.",
    });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Whole-family assessment</h1>
      {a && <p className="govuk-body">Status: <strong>{a.status.replaceAll("_", " ")}</strong> (version {a.version})</p>}
      <KnownFacts prefill={view.body.prefill} />
      <form noValidate onSubmit={onSubmit}>
        {values.members.map((m, i) => (
          <fieldset className="govuk-fieldset" key={m.personId}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m"><h2 className="govuk-fieldset__heading">{names.get(m.personId) ?? "Family member"}</h2></legend>
            <TextareaField name={`members.${String(i)}.checkedFacts`} label="What the family confirmed or corrected of what we knew" value={m.checkedFacts} onChange={(v) => { setMember(i, { checkedFacts: v }); }} error={errors[`members.${String(i)}.checkedFacts`]} />
            <h3 className="govuk-heading-s">Needs</h3>
            {m.needs.map((n, k) => (
              <div key={k}>
                <SelectField name={`members.${String(i)}.needs.${String(k)}.outcome`} label={`Need ${String(k + 1)}: outcome`} value={n.outcome} options={OUTCOMES} onChange={(v) => { setMember(i, { needs: m.needs.map((x, y) => (y === k ? { ...x, outcome: v as typeof x.outcome } : x)) }); }} />
                <TextField name={`members.${String(i)}.needs.${String(k)}.description`} label={`Need ${String(k + 1)}: what is the need?`} value={n.description} error={errors[`members.${String(i)}.needs.${String(k)}.description`]} onChange={(v) => { setMember(i, { needs: m.needs.map((x, y) => (y === k ? { ...x, description: v } : x)) }); }} />
              </div>
            ))}
            {editable && <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setMember(i, { needs: [...m.needs, { outcome: "education", description: "" }] }); }}>Add a need<span className="govuk-visually-hidden"> for {names.get(m.personId)}</span></button>}
            <TextareaField name={`members.${String(i)}.strengths`} label="Strengths" value={m.strengths} onChange={(v) => { setMember(i, { strengths: v }); }} />
            <TextareaField name={`members.${String(i)}.ownWords`} label="In their own words" value={m.ownWords} onChange={(v) => { setMember(i, { ownWords: v }); }} />
          </fieldset>
        ))}
        <TextareaField name="familyStrengths" label="The family’s strengths" value={values.familyStrengths} onChange={(v) => { setValues({ ...values, familyStrengths: v }); }} />
        <TextareaField name="familyViews" label="The family’s views" value={values.familyViews} onChange={(v) => { setValues({ ...values, familyViews: v }); }} />
        <TextareaField name="householdNotes" label="Household" value={values.householdNotes} onChange={(v) => { setValues({ ...values, householdNotes: v }); }} />
        <TextareaField name="summary" label="Summary of the assessment" value={values.summary} onChange={(v) => { setValues({ ...values, summary: v }); }} />
        <div className="govuk-button-group">
          {editable && <button type="submit" className="govuk-button" disabled={busy}>Save assessment</button>}
          <Link className="govuk-link" to={`/cases/${caseId}`}>Back to the case</Link>
        </div>
      </form>
    </>
  );
}
