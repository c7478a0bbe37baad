import { ASSESSMENT_FACTORS, CIN_CLOSURE_REASONS, CP_CATEGORIES, PRIMARY_NEEDS, REFERRAL_SOURCES, S47_OUTCOMES, codeLabel } from "@family-story/domain";
import type { CaseDetail, SocialCareRecord } from "@family-story/schemas";
import { useState } from "react";
import { Link } from "react-router";
import { errorText } from "../../api/api-client.ts";
import { loadSocialCare, recordSocialCareStep } from "../../api/social-care.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { STEPS } from "./social-care-steps.ts";


const label = (list: readonly { code: string; label: string }[], code: string | null) => (code === null ? "Not recorded" : codeLabel(list, code));

/** One dated step of the child's social care story. */
interface Entry { date: string; step: string; detail: string }

/** The record's steps in date order, for the timeline. */
export function timeline(r: SocialCareRecord): Entry[] {
  const entries: Entry[] = [];
  if (r.referral) entries.push({ date: r.referral.referralDate, step: "Referral", detail: label(REFERRAL_SOURCES, r.referral.referralSource) });
  for (const a of r.assessments) {
    entries.push({ date: a.startDate, step: "Assessment started", detail: "" });
    if (a.completedDate) entries.push({ date: a.completedDate, step: "Assessment completed", detail: `${label(PRIMARY_NEEDS, a.primaryNeed)}; factors: ${a.factors.map((f) => codeLabel(ASSESSMENT_FACTORS, f)).join(", ")}` });
    if (a.authorisedDate) entries.push({ date: a.authorisedDate, step: "Assessment authorised", detail: a.authorisedBy ?? "" });
  }
  for (const s of r.strategyDiscussions) entries.push({ date: s.discussionDate, step: "Strategy discussion", detail: `${s.decision === "s47" ? "Section 47 enquiry to start" : "No section 47 enquiry"} (${s.attendees})` });
  for (const s of r.s47s) {
    entries.push({ date: s.startDate, step: "Section 47 enquiry started", detail: "" });
    if (s.outcome && s.outcomeDate) entries.push({ date: s.outcomeDate, step: "Section 47 outcome", detail: codeLabel(S47_OUTCOMES, s.outcome) });
  }
  for (const k of r.conferences) {
    const outcome = { plan: "Child protection plan", no_plan: "No plan", continue: "Plan continues", end: "Plan ends" }[k.outcome] ?? k.outcome;
    entries.push({ date: k.conferenceDate, step: k.kind === "initial" ? "Initial child protection conference" : "Review conference", detail: `${outcome}${k.category ? `: ${codeLabel(CP_CATEGORIES, k.category)}` : ""}` });
  }
  for (const p of r.cpPlans) if (p.endDate) entries.push({ date: p.endDate, step: "Child protection plan ended", detail: "" });
  for (const p of r.cinPlans) {
    entries.push({ date: p.startDate, step: "Child in need plan started", detail: "" });
    for (const v of p.reviews) entries.push({ date: v.reviewDate, step: "Child in need plan reviewed", detail: v.notes ?? "" });
    if (p.endDate) entries.push({ date: p.endDate, step: "Child in need plan ended", detail: "" });
  }
  if (r.referral?.closureDate) entries.push({ date: r.referral.closureDate, step: "Case closed", detail: label(CIN_CLOSURE_REASONS, r.referral.closureReason) });
  return entries.sort((a, b) => a.date.localeCompare(b.date));
}

/** What the case page shows of a social care case (children in need, child protection). */
export function SocialCareSections({ detail, reload }: { detail: CaseDetail; reload: () => void }) {
  const [load, reloadRecord] = useLoad(() => loadSocialCare(detail.id), [detail.id, detail.version]);
  return (
    <section aria-labelledby="social-care-heading">
      <h2 className="govuk-heading-m" id="social-care-heading">Children in need and child protection</h2>
      <Loaded load={load}>{(record) => <RecordView detail={detail} record={record} reload={() => { reload(); reloadRecord(); }} />}</Loaded>
    </section>
  );
}

function RecordView({ detail, record, reload }: { detail: CaseDetail; record: SocialCareRecord; reload: () => void }) {
  const user = useUser();
  const [error, setError] = useState<string | null>(null);
  const plan = record.cpPlans.find((p) => p.endDate === null);
  const links = Object.entries(STEPS).filter(([, s]) => record.actions.includes(s.action) && (s.action === "authorise_assessment" ? can(user, "case:authorise") : can(user, "case:write")));
  async function requestAuthorisation() {
    const a = record.assessments.find((x) => x.completedDate !== null && x.authorisationRequestedOn === null && x.authorisedDate === null);
    if (!a) return;
    try {
      await recordSocialCareStep(detail.id, `/assessments/${a.id}/authorisation-request`, undefined);
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  }
  if (!record.referral) return <p className="govuk-body">No referral has been recorded on this case.</p>;
  return (
    <>
      {error && <div className="govuk-error-summary" role="alert"><div className="govuk-error-summary__body"><p className="govuk-body">{error}</p></div></div>}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Referral</dt><dd className="govuk-summary-list__value">{`${formatDate(record.referral.referralDate)}: ${label(REFERRAL_SOURCES, record.referral.referralSource)}`}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Primary need</dt><dd className="govuk-summary-list__value">{label(PRIMARY_NEEDS, record.referral.primaryNeed)}</dd></div>
        {plan && (
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Child protection plan</dt><dd className="govuk-summary-list__value">{`Since ${formatDate(plan.startDate)}: ${codeLabel(CP_CATEGORIES, plan.latestCategory)}`}</dd></div>
        )}
      </dl>
      {detail.status === "open" && (links.length > 0 || record.actions.includes("request_authorisation")) && (
        <>
          <h3 className="govuk-heading-s">Record the next step</h3>
          <ul className="govuk-list">
            {links.map(([path, s]) => (
              <li key={path}><Link className="govuk-link" to={`/cases/${detail.id}/social-care/${path}`}>{s.title}</Link></li>
            ))}
            {record.actions.includes("request_authorisation") && can(user, "case:write") && (
              <li><button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => { void requestAuthorisation(); }}>Ask a manager to authorise the assessment</button></li>
            )}
          </ul>
        </>
      )}
      <h3 className="govuk-heading-s">Timeline</h3>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Social care steps in date order</caption>
        <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Date</th><th scope="col" className="govuk-table__header">Step</th><th scope="col" className="govuk-table__header">Detail</th></tr></thead>
        <tbody className="govuk-table__body">
          {timeline(record).map((e, i) => (
            <tr className="govuk-table__row" key={`${e.date}-${String(i)}`}><td className="govuk-table__cell">{formatDate(e.date)}</td><td className="govuk-table__cell">{e.step}</td><td className="govuk-table__cell">{e.detail}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
