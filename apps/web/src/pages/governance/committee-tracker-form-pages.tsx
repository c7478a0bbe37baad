import {
  GOV_COMMITTEE_ACTION_STATUS_LABELS,
  GOV_COMMITTEE_ACTION_STATUSES,
  govCommitteeActionCreateSchema,
  govCommitteeActionUpdateSchema,
  govRecommendationCreateSchema,
  govResponseInputSchema,
  type GovCommittee,
  type GovCommitteeActionStatus,
} from "@family-story/schemas";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { addCommitteeAction, addRecommendation, loadCommittee, recordResponse, updateCommitteeAction } from "../../api/governance.ts";
import { RadiosField, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { meetingTitle } from "./committee-page.tsx";
import { WithCommittee, committeeCaption, committeeHref, meetingOptions } from "./committee-form-pages.tsx";
import { GovFormPage, onListFields, orNull, todayText, useGovSave } from "./gov-form.tsx";

const statusOptions = GOV_COMMITTEE_ACTION_STATUSES.map((s) => ({ value: s, label: GOV_COMMITTEE_ACTION_STATUS_LABELS[s] }));
const chooseMeeting = { value: "", label: "Choose a meeting" };

/** Add to the action tracker: what a meeting asked for, under which agenda item. */
export function AddCommitteeActionPage() {
  return <WithCommittee title="Add to the action tracker">{(c) => <TrackerActionForm c={c} />}</WithCommittee>;
}

function TrackerActionForm({ c }: { c: GovCommittee }) {
  const last = c.meetings.at(-1);
  const [v, setV] = useState({ meetingId: "", agendaItem: "", action: "", status: "in_progress" as GovCommitteeActionStatus, update: "" });
  const { errors, busy, save } = useGovSave();
  const body = { meetingId: v.meetingId, agendaItem: v.agendaItem.trim(), action: v.action.trim(), status: v.status, update: orNull(v.update) };
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Add to the action tracker"
      button="Add action"
      cancelTo={committeeHref(c)}
      errors={errors}
      busy={busy}
      onSubmit={() => {
        void save({
          checked: check(govCommitteeActionCreateSchema, body, { meetingId: "Choose the meeting that asked for it", agendaItem: "Enter the agenda item", action: "Enter what the meeting asked for" }),
          send: () => addCommitteeAction(c.id, body),
          to: committeeHref(c),
          flash: "Action added to the tracker.",
        });
      }}
    >
      <SelectField name="meetingId" label="Which meeting asked for it?" hint={last ? `The latest is ${meetingTitle(last)}` : undefined} value={v.meetingId} error={errors.meetingId} options={[chooseMeeting, ...meetingOptions(c)]} onChange={(x) => { setV({ ...v, meetingId: x }); }} />
      <TextField name="agendaItem" label="Agenda item" hint="For example, Item 4: Cabinet Member update" value={v.agendaItem} error={errors.agendaItem} onChange={(x) => { setV({ ...v, agendaItem: x }); }} />
      <TextareaField name="action" label="Action" value={v.action} error={errors.action} onChange={(x) => { setV({ ...v, action: x }); }} />
      <RadiosField name="status" label="Where it stands" value={v.status} error={errors.status} options={statusOptions} onChange={(x) => { setV({ ...v, status: x as GovCommitteeActionStatus }); }} />
      <TextareaField name="update" label="Update (optional)" value={v.update} error={errors.update} onChange={(x) => { setV({ ...v, update: x }); }} />
    </GovFormPage>
  );
}

/** Update a tracked action: its update text and In progress or Completed (If-Match). */
export function UpdateCommitteeActionPage() {
  const { actionId = "" } = useParams();
  return <WithCommittee title="Update a tracked action">{(c) => <UpdateTrackerActionForm initial={c} actionId={actionId} />}</WithCommittee>;
}

function UpdateTrackerActionForm({ initial, actionId }: { initial: GovCommittee; actionId: string }) {
  const [c, setC] = useState(initial);
  const action = c.actions.find((a) => a.id === actionId);
  const [status, setStatus] = useState<GovCommitteeActionStatus>(action?.status ?? "in_progress");
  const [update, setUpdate] = useState(action?.update ?? "");
  const { errors, conflict, busy, save } = useGovSave();
  if (!action) return <p className="govuk-body">The committee has no such tracked action.</p>;
  const meeting = c.meetings.find((m) => m.id === action.meetingId);
  const body = { status, update: orNull(update) };
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Update a tracked action"
      button="Save update"
      cancelTo={committeeHref(c)}
      errors={errors}
      conflict={conflict}
      busy={busy}
      intro={
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Meeting</dt><dd className="govuk-summary-list__value">{meeting ? meetingTitle(meeting) : ""}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Agenda item</dt><dd className="govuk-summary-list__value">{action.agendaItem}</dd></div>
          <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Action</dt><dd className="govuk-summary-list__value">{action.action}</dd></div>
        </dl>
      }
      onSubmit={() => {
        void save({
          checked: check(govCommitteeActionUpdateSchema, body),
          send: () => updateCommitteeAction(action.id, action.version, body),
          to: committeeHref(c),
          flash: `Tracked action updated: ${GOV_COMMITTEE_ACTION_STATUS_LABELS[status]}.`,
          reload: async () => { setC(await loadCommittee(c.id)); },
        });
      }}
    >
      <RadiosField name="status" label="Where it stands" value={status} error={errors.status} options={statusOptions} onChange={(x) => { setStatus(x as GovCommitteeActionStatus); }} />
      <TextareaField name="update" label="Update" hint="What has been done, for the committee's next meeting" value={update} error={errors.update} onChange={setUpdate} />
    </GovFormPage>
  );
}

/** The organisations as typed, one a line. */
const organisationsFrom = (text: string): string[] => text.split("\n").map((s) => s.trim()).filter((s) => s !== "");

/** Add a meeting's recommendation and the organisations asked to respond to it. */
export function AddRecommendationPage() {
  return <WithCommittee title="Add a recommendation">{(c) => <RecommendationForm c={c} />}</WithCommittee>;
}

function RecommendationForm({ c }: { c: GovCommittee }) {
  const [v, setV] = useState({ meetingId: "", text: "", organisations: "" });
  const { errors, busy, save } = useGovSave();
  const body = { meetingId: v.meetingId, text: v.text.trim(), organisations: organisationsFrom(v.organisations) };
  const shown = onListFields(errors, ["organisations"]);
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Add a recommendation"
      button="Add recommendation"
      cancelTo={committeeHref(c)}
      errors={shown}
      busy={busy}
      onSubmit={() => {
        void save({ checked: check(govRecommendationCreateSchema, body, { meetingId: "Choose the meeting that made it", text: "Enter the recommendation" }), send: () => addRecommendation(c.id, body), to: committeeHref(c), flash: "Recommendation added." });
      }}
    >
      <SelectField name="meetingId" label="Which meeting made it?" value={v.meetingId} error={shown.meetingId} options={[chooseMeeting, ...meetingOptions(c)]} onChange={(x) => { setV({ ...v, meetingId: x }); }} />
      <TextareaField name="text" label="Recommendation" value={v.text} error={shown.text} onChange={(x) => { setV({ ...v, text: x }); }} />
      <TextareaField name="organisations" label="Organisations asked to respond" hint="One a line, for example NHS England" value={v.organisations} error={shown.organisations} onChange={(x) => { setV({ ...v, organisations: x }); }} />
    </GovFormPage>
  );
}

/** Record one organisation's response to a recommendation (If-Match on the recommendation). */
export function RecordResponsePage() {
  const { recommendationId = "" } = useParams();
  return <WithCommittee title="Record a response">{(c) => <ResponseForm initial={c} recommendationId={recommendationId} />}</WithCommittee>;
}

function ResponseForm({ initial, recommendationId }: { initial: GovCommittee; recommendationId: string }) {
  const [query] = useSearchParams();
  const [c, setC] = useState(initial);
  const r = c.recommendations.find((x) => x.id === recommendationId);
  const asked = query.get("organisation");
  const first = r?.responses.find((x) => x.organisation === asked) ?? (r?.responses.length === 1 ? r.responses[0] : undefined);
  const [v, setV] = useState({ organisation: first?.organisation ?? "", response: first?.response ?? "", respondedOn: first?.respondedOn ?? todayText() });
  const { errors, conflict, busy, save } = useGovSave();
  if (!r) return <p className="govuk-body">The committee has no such recommendation.</p>;
  const meeting = c.meetings.find((m) => m.id === r.meetingId);
  const body = { organisation: v.organisation, response: v.response.trim(), respondedOn: v.respondedOn.trim() };
  const pick = (organisation: string) => {
    // Choosing an organisation that has answered shows its response, to correct it.
    const existing = r.responses.find((x) => x.organisation === organisation);
    setV({ organisation, response: existing?.response ?? "", respondedOn: existing?.respondedOn ?? todayText() });
  };
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Record a response"
      button="Save response"
      cancelTo={committeeHref(c)}
      errors={errors}
      conflict={conflict}
      busy={busy}
      intro={<p className="govuk-body"><strong>Recommendation {r.number}{meeting ? ` (${meetingTitle(meeting)})` : ""}:</strong> {r.text}</p>}
      onSubmit={() => {
        void save({
          checked: check(govResponseInputSchema, body, { organisation: "Choose the organisation that responded", response: "Enter the response", respondedOn: "Enter the date of the response" }),
          send: () => recordResponse(r.id, r.version, body),
          to: committeeHref(c),
          flash: `Response recorded from ${body.organisation}.`,
          reload: async () => { setC(await loadCommittee(c.id)); },
        });
      }}
    >
      <RadiosField
        name="organisation"
        label="Which organisation responded?"
        value={v.organisation}
        error={errors.organisation}
        options={r.responses.map((x) => ({ value: x.organisation, label: x.response ? `${x.organisation} (responded ${formatDate(x.respondedOn)})` : x.organisation }))}
        onChange={pick}
      />
      <TextareaField name="response" label="Their response" value={v.response} error={errors.response} onChange={(x) => { setV({ ...v, response: x }); }} />
      <TextField name="respondedOn" label="Date of the response" hint="For example, 2020-01-10" width="10" value={v.respondedOn} error={errors.respondedOn} onChange={(x) => { setV({ ...v, respondedOn: x }); }} />
    </GovFormPage>
  );
}
