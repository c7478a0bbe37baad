import { GOV_WORK_ITEM_KIND_LABELS, type GovCommittee, type GovMeeting, type GovWorkItem } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { errorText } from "../../api/api-client.ts";
import { loadCommittee, updateCommitteeAction } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useAuth } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { formatDate } from "../../components/format.ts";
import { Loaded } from "../../components/status.tsx";
import { Flash } from "./gov-form.tsx";
import { CommitteeStatusTag } from "./governance-tags.tsx";

/** A meeting in words: its round and date, or that the date is to be confirmed. */
export const meetingTitle = (m: GovMeeting): string => `${m.roundLabel}, ${m.meetsOn ? formatDate(m.meetsOn) : "date to be confirmed"}`;

/** A writer's link to a form, named for the record it acts on for screen reader users. */
function FormLink({ to, text, about }: { to: string; text: string; about: string }) {
  return <Link className="govuk-link" to={to}>{text}<span className="govuk-visually-hidden">: {about}</span></Link>;
}

function ItemsTable({ caption, items, kindColumn, moveTo }: { caption: string; items: GovWorkItem[]; kindColumn?: boolean; moveTo?: ((w: GovWorkItem) => string) | undefined }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">{kindColumn ? "Subject" : "Agenda item"}</th>
          <th scope="col" className="govuk-table__header">Reasons and objective</th>
          <th scope="col" className="govuk-table__header">{kindColumn ? "Type" : "Represented by"}</th>
          {moveTo && <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Change</span></th>}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((w) => (
          <tr key={w.id} className="govuk-table__row">
            <td className="govuk-table__cell">{w.title}</td>
            <td className="govuk-table__cell">{w.reasons ?? ""}</td>
            <td className="govuk-table__cell">{kindColumn ? GOV_WORK_ITEM_KIND_LABELS[w.kind] : (w.representedBy ?? "")}</td>
            {moveTo && <td className="govuk-table__cell">{w.kind === "agenda_item" && <FormLink to={moveTo(w)} text="Move" about={w.title} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WorkProgramme({ c, writer }: { c: GovCommittee; writer: boolean }) {
  const agenda = c.workItems.filter((w) => w.kind === "agenda_item");
  const unallocated = agenda.filter((w) => w.meetingId === null);
  const groups = c.workItems.filter((w) => w.kind !== "agenda_item");
  const moveTo = writer ? (w: GovWorkItem) => `/governance/committees/${c.id}/work-items/${w.id}/move` : undefined;
  return (
    <section aria-labelledby="programme-heading" data-testid="work-programme">
      <h2 className="govuk-heading-m" id="programme-heading">Work programme</h2>
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/committees/${c.id}/work-items/new`}>Add to the work programme</Link></p>}
      {c.meetings.map((m) => {
        const items = agenda.filter((w) => w.meetingId === m.id);
        return items.length === 0 ? null : <ItemsTable key={m.id} caption={meetingTitle(m)} items={items} moveTo={moveTo} />;
      })}
      {unallocated.length > 0 && <ItemsTable caption="Unallocated items" items={unallocated} moveTo={moveTo} />}
      {groups.length > 0 && <ItemsTable caption="Task groups and studies" items={groups} kindColumn />}
    </section>
  );
}

function ActionTracker({ c, writer, onChanged }: { c: GovCommittee; writer: boolean; onChanged: (next: GovCommittee) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  // Latest meeting first, as the tracker is read at each meeting.
  const meetings = [...c.meetings].reverse().filter((m) => c.actions.some((a) => a.meetingId === m.id));
  return (
    <section aria-labelledby="tracker-heading" data-testid="action-tracker">
      <h2 className="govuk-heading-m" id="tracker-heading">Action tracker</h2>
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/committees/${c.id}/actions/new`}>Add to the action tracker</Link></p>}
      {problem && <p className="govuk-error-message" role="alert">{problem}</p>}
      {meetings.length === 0 && <p className="govuk-body">No actions have been recorded.</p>}
      {meetings.map((m) => (
        <table key={m.id} className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{meetingTitle(m)}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Agenda item</th>
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Update</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {c.actions.filter((a) => a.meetingId === m.id).map((a) => (
              <tr key={a.id} className="govuk-table__row">
                <td className="govuk-table__cell">{a.agendaItem}</td>
                <td className="govuk-table__cell">{a.action}</td>
                <td className="govuk-table__cell">
                  <CommitteeStatusTag status={a.status} />
                  {a.update && <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{a.update}</p>}
                  {writer && <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0"><FormLink to={`/governance/committees/${c.id}/actions/${a.id}/update`} text="Update" about={a.action} /></p>}
                  {writer && a.status === "in_progress" && (
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0"
                      onClick={() => {
                        updateCommitteeAction(a.id, a.version, { status: "completed" }).then(
                          (next) => {
                            setProblem(null);
                            onChanged(next.body);
                          },
                          (error: unknown) => { setProblem(errorText(error)); },
                        );
                      }}
                    >
                      Mark completed<span className="govuk-visually-hidden">: {a.action}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function RecommendationTracker({ c, writer }: { c: GovCommittee; writer: boolean }) {
  const meetings = c.meetings.filter((m) => c.recommendations.some((r) => r.meetingId === m.id));
  return (
    <section aria-labelledby="recommendations-heading" data-testid="recommendation-tracker">
      <h2 className="govuk-heading-m" id="recommendations-heading">Recommendation tracker</h2>
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/committees/${c.id}/recommendations/new`}>Add a recommendation</Link></p>}
      {meetings.length === 0 && <p className="govuk-body">No recommendations have been made.</p>}
      {meetings.map((m) => (
        <div key={m.id} className="app-gov-meeting">
          <h3 className="govuk-heading-s">Recommendations from {meetingTitle(m)}</h3>
          {c.recommendations.filter((r) => r.meetingId === m.id).map((r) => (
            <div key={r.id}>
              <p className="govuk-body"><strong>Recommendation {r.number}:</strong> {r.text}</p>
              <dl className="govuk-summary-list">
                {r.responses.map((x) => (
                  <div key={x.organisation} className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">{x.organisation}</dt>
                    <dd className="govuk-summary-list__value">{x.response ? <>{x.response} <span className="govuk-body-s">({formatDate(x.respondedOn)})</span></> : "No response yet"}</dd>
                    {writer && (
                      <dd className="govuk-summary-list__actions">
                        <FormLink to={`/governance/committees/${c.id}/recommendations/${r.id}/response?organisation=${encodeURIComponent(x.organisation)}`} text={x.response ? "Change response" : "Record response"} about={`${x.organisation}, recommendation ${String(r.number)}`} />
                      </dd>
                    )}
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function CommitteeBody({ initial }: { initial: GovCommittee }) {
  const { session } = useAuth();
  const [c, setC] = useState(initial);
  usePageTitle(c.name);
  const writer = session.state === "signed-in" && can(session.user, "governance:write");
  return (
    <>
      <Flash />
      <span className="govuk-caption-l">{c.laName}, {c.yearLabel}</span>
      <h1 className="govuk-heading-l">{c.name}</h1>
      {c.remit && <p className="govuk-body">{c.remit}</p>}
      <h2 className="govuk-heading-m">Meetings</h2>
      <ul className="govuk-list govuk-list--bullet" data-testid="meetings">
        {c.meetings.map((m) => <li key={m.id}>{meetingTitle(m)}</li>)}
      </ul>
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/committees/${c.id}/meetings/new`}>Add a meeting</Link></p>}
      <WorkProgramme c={c} writer={writer} />
      <ActionTracker c={c} writer={writer} onChanged={setC} />
      <RecommendationTracker c={c} writer={writer} />
    </>
  );
}

/** A committee: its meetings, work programme by meeting (with unallocated items and task groups), action tracker and recommendation tracker. */
export function CommitteePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadCommittee(id), [id]);
  usePageTitle("Committee");
  return (
    <>
      <Link className="govuk-back-link" to="/governance">Strategy and scrutiny</Link>
      <Loaded load={load}>{(c) => <CommitteeBody initial={c} />}</Loaded>
    </>
  );
}
