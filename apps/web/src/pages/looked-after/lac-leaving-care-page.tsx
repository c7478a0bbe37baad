import { CARE_LEAVER_ACCOMMODATION, CARE_LEAVER_ACTIVITIES, CARE_LEAVER_IN_TOUCH, ordinal, todayIso } from "@family-story/domain";
import type { CareLeaverRecord } from "@family-story/schemas";
import { Link, useParams } from "react-router";
import { loadCareLeaver } from "../../api/looked-after-health.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { SummaryRow } from "../../components/summary-row.tsx";
import { LacDueTag, LacSection, codeText, lacPath } from "./lac-health-parts.tsx";

/** A care leaver's contact around each birthday from 17 to 21 and pathway plans, at /people/:id/looked-after/leaving-care. */
export function LacLeavingCarePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadCareLeaver(id), [id]);
  return <Loaded load={load}>{(record) => <LeavingCareView record={record} />}</Loaded>;
}

type Birthday = CareLeaverRecord["birthdays"][number];

/** Where a birthday stands: recorded, not needed, or its window (open, past or to come). */
function BirthdayStatus({ b, today }: { b: Birthday; today: string }) {
  if (b.oc3) return <strong className="govuk-tag govuk-tag--green">Recorded</strong>;
  if (!b.required) return <strong className="govuk-tag govuk-tag--grey">Not needed</strong>;
  if (today > b.windowTo) return <strong className="govuk-tag govuk-tag--red">Not recorded</strong>;
  if (today >= b.windowFrom) return <strong className="govuk-tag govuk-tag--orange">Window open</strong>;
  return <strong className="govuk-tag govuk-tag--grey">To come</strong>;
}

function LeavingCareView({ record }: { record: CareLeaverRecord }) {
  const user = useUser();
  const write = record.canWrite && can(user, "lac:write");
  const base = lacPath(record.personId, "leaving-care");
  const today = todayIso();
  return (
    <LacSection personId={record.personId} childName={record.childName} title="Leaving care">
      <dl className="govuk-summary-list">
        <SummaryRow label="Care leaver">{record.careLeaver ? "Yes: left care at 16 or over after 13 weeks looked after since 14" : "No, or not yet"}</SummaryRow>
        <SummaryRow label="Next contact due">
          {record.nextContact ? (
            <>
              {`${record.nextContact.title}, by ${formatDate(record.nextContact.dueDate)}`} <LacDueTag due={record.nextContact} />
              <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">{record.nextContact.why}</p>
            </>
          ) : (
            "None due"
          )}
        </SummaryRow>
        <SummaryRow label="Pathway plan review">
          {record.nextPlanReview ? <>{`By ${formatDate(record.nextPlanReview.dueDate)}`} <LacDueTag due={record.nextPlanReview} /></> : "No pathway plan recorded"}
        </SummaryRow>
      </dl>
      {record.dob === null && <p className="govuk-body">Their date of birth is not recorded, so the birthdays cannot be worked out.</p>}

      <h2 className="govuk-heading-m">Around each birthday (OC3)</h2>
      {record.birthdays.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Contact, activity and accommodation around each birthday from 17 to 21</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Birthday</th>
              <th scope="col" className="govuk-table__header">Window</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">In touch</th>
              <th scope="col" className="govuk-table__header">Activity</th>
              <th scope="col" className="govuk-table__header">Accommodation</th>
              {write && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {record.birthdays.map((b) => (
              <tr className="govuk-table__row" key={b.age}>
                <th scope="row" className="govuk-table__header">{`${ordinal(b.age)}: ${formatDate(b.birthday)}`}</th>
                <td className="govuk-table__cell">{`${formatDate(b.windowFrom)} to ${formatDate(b.windowTo)}`}</td>
                <td className="govuk-table__cell"><BirthdayStatus b={b} today={today} />{!b.required && <span className="govuk-hint govuk-!-margin-bottom-0">{b.why}</span>}</td>
                <td className="govuk-table__cell">{b.oc3 ? codeText(CARE_LEAVER_IN_TOUCH, b.oc3.inTouch) : ""}</td>
                <td className="govuk-table__cell">{b.oc3 ? codeText(CARE_LEAVER_ACTIVITIES, b.oc3.activity, "") : ""}</td>
                <td className="govuk-table__cell">
                  {b.oc3 ? codeText(CARE_LEAVER_ACCOMMODATION, b.oc3.accommodation, "") : ""}
                  {b.oc3?.suitable === false && <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Not suitable</strong>}
                </td>
                {write && (
                  <td className="govuk-table__cell">
                    {b.required && <Link className="govuk-link" to={`${base}/oc3/${String(b.year)}`}>{b.oc3 ? "Change" : "Record"}<span className="govuk-visually-hidden"> the contact around the {ordinal(b.age)} birthday</span></Link>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {record.otherOc3.length > 0 && <p className="govuk-body">{`Imported OC3 for other years: ${record.otherOc3.map((o) => String(o.year)).join(", ")}.`}</p>}

      <h2 className="govuk-heading-m">Pathway plans</h2>
      {write && <Link className="govuk-button govuk-button--secondary" to={`${base}/pathway-plans/new`}>Record a pathway plan</Link>}
      {record.pathwayPlans.length === 0 ? <p className="govuk-body">None recorded.</p> : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Pathway plans, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Date</th>
              <th scope="col" className="govuk-table__header">Review due</th>
              <th scope="col" className="govuk-table__header">Personal adviser</th>
              <th scope="col" className="govuk-table__header">Summary</th>
              {write && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Actions</span></th>}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {record.pathwayPlans.map((p) => (
              <tr className="govuk-table__row" key={p.id}>
                <td className="govuk-table__cell">{formatDate(p.planDate)}</td>
                <td className="govuk-table__cell">{p.nextReviewDue ? formatDate(p.nextReviewDue) : ""}</td>
                <td className="govuk-table__cell">{p.personalAdviser ?? ""}</td>
                <td className="govuk-table__cell">{p.summary ?? ""}</td>
                {write && <td className="govuk-table__cell"><Link className="govuk-link" to={`${base}/pathway-plans/${p.id}`}>Change<span className="govuk-visually-hidden"> the plan of {formatDate(p.planDate)}</span></Link></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </LacSection>
  );
}
