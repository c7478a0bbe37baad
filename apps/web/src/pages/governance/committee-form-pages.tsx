import { GOV_WORK_ITEM_KIND_LABELS, GOV_WORK_ITEM_KINDS, govMeetingCreateSchema, govWorkItemCreateSchema, govWorkItemUpdateSchema, type GovCommittee, type GovWorkItemKind } from "@family-story/schemas";
import { useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { addMeeting, addWorkItem, loadCommittee, updateWorkItem } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { meetingTitle } from "./committee-page.tsx";
import { GovFormPage, orNull, useGovSave } from "./gov-form.tsx";

/** The value the meeting choices use for "no meeting yet". */
export const UNALLOCATED = "unallocated";

/** Loads the committee for a form page and titles it. */
export function WithCommittee({ title, children }: { title: string; children: (c: GovCommittee) => ReactNode }) {
  const { id = "" } = useParams();
  usePageTitle(title);
  const [committee] = useLoad(() => loadCommittee(id), [id]);
  return <Loaded load={committee}>{children}</Loaded>;
}

export const committeeCaption = (c: GovCommittee): string => `${c.name} ${c.yearLabel}`;
export const committeeHref = (c: GovCommittee): string => `/governance/committees/${c.id}`;

/** The committee's meetings as choices, in programme order. */
export const meetingOptions = (c: GovCommittee) => c.meetings.map((m) => ({ value: m.id, label: meetingTitle(m) }));

/** Add a meeting (a round) to the committee's programme; its date may be to be confirmed. */
export function AddMeetingPage() {
  return <WithCommittee title="Add a meeting">{(c) => <MeetingForm c={c} />}</WithCommittee>;
}

function MeetingForm({ c }: { c: GovCommittee }) {
  const [roundLabel, setRoundLabel] = useState("");
  const [meetsOn, setMeetsOn] = useState("");
  const { errors, busy, save } = useGovSave();
  const body = { roundLabel: roundLabel.trim(), meetsOn: orNull(meetsOn) };
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Add a meeting"
      button="Add meeting"
      cancelTo={committeeHref(c)}
      errors={errors}
      busy={busy}
      onSubmit={() => {
        void save({ checked: check(govMeetingCreateSchema, body, { roundLabel: "Enter the meeting's name, such as Round four" }), send: () => addMeeting(c.id, body), to: committeeHref(c), flash: `Meeting added: ${body.roundLabel}` });
      }}
    >
      <TextField name="roundLabel" label="Meeting" hint="For example, Round four" width="20" value={roundLabel} error={errors.roundLabel} onChange={setRoundLabel} />
      <TextField name="meetsOn" label="Date (optional)" hint="For example, 2020-01-20. Leave it blank while the date is to be confirmed." width="10" value={meetsOn} error={errors.meetsOn} onChange={setMeetsOn} />
    </GovFormPage>
  );
}

/** Add to the work programme: an agenda item for a meeting or unallocated, a task group or a study. */
export function AddWorkItemPage() {
  return <WithCommittee title="Add to the work programme">{(c) => <WorkItemForm c={c} />}</WithCommittee>;
}

function WorkItemForm({ c }: { c: GovCommittee }) {
  const [v, setV] = useState({ kind: "agenda_item" as GovWorkItemKind, meeting: UNALLOCATED, title: "", reasons: "", representedBy: "" });
  const { errors, busy, save } = useGovSave();
  const agenda = v.kind === "agenda_item";
  // Only an agenda item goes to a meeting; a task group or study is never given one.
  const body = { kind: v.kind, meetingId: agenda && v.meeting !== UNALLOCATED ? v.meeting : null, title: v.title.trim(), reasons: orNull(v.reasons), representedBy: orNull(v.representedBy) };
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Add to the work programme"
      button="Add to the programme"
      cancelTo={committeeHref(c)}
      errors={errors}
      busy={busy}
      onSubmit={() => {
        void save({ checked: check(govWorkItemCreateSchema, body, { title: "Enter the subject" }), send: () => addWorkItem(c.id, body), to: committeeHref(c), flash: `Added to the work programme: ${body.title}` });
      }}
    >
      <RadiosField name="kind" label="What is it?" value={v.kind} error={errors.kind} options={GOV_WORK_ITEM_KINDS.map((k) => ({ value: k, label: GOV_WORK_ITEM_KIND_LABELS[k] }))} onChange={(x) => { setV({ ...v, kind: x as GovWorkItemKind }); }} />
      {agenda && <SelectField name="meetingId" label="Which meeting?" hint="Leave it unallocated until a meeting is chosen" value={v.meeting} error={errors.meetingId} options={[{ value: UNALLOCATED, label: "Unallocated" }, ...meetingOptions(c)]} onChange={(x) => { setV({ ...v, meeting: x }); }} />}
      <TextField name="title" label="Subject" value={v.title} error={errors.title} onChange={(x) => { setV({ ...v, title: x }); }} />
      <TextareaField name="reasons" label="Reasons and objective (optional)" value={v.reasons} error={errors.reasons} onChange={(x) => { setV({ ...v, reasons: x }); }} />
      {agenda && <TextField name="representedBy" label="Represented by (optional)" hint="Who will attend for it, such as the Cabinet Member for Children" value={v.representedBy} error={errors.representedBy} onChange={(x) => { setV({ ...v, representedBy: x }); }} />}
    </GovFormPage>
  );
}

/** Move an agenda item to another meeting, or back to unallocated (If-Match on the item). */
export function MoveWorkItemPage() {
  const { itemId = "" } = useParams();
  return <WithCommittee title="Move an agenda item">{(c) => <MoveForm initial={c} itemId={itemId} />}</WithCommittee>;
}

function MoveForm({ initial, itemId }: { initial: GovCommittee; itemId: string }) {
  const [c, setC] = useState(initial);
  const item = c.workItems.find((w) => w.id === itemId);
  const [meeting, setMeeting] = useState(item?.meetingId ?? UNALLOCATED);
  const { errors, conflict, busy, save } = useGovSave();
  if (!item) return <p className="govuk-body">The committee has no such agenda item.</p>;
  const body = { meetingId: meeting === UNALLOCATED ? null : meeting };
  const where = meeting === UNALLOCATED ? "Unallocated items" : meetingOptions(c).find((m) => m.value === meeting)?.label ?? "the meeting";
  return (
    <GovFormPage
      caption={committeeCaption(c)}
      title="Move an agenda item"
      button="Move item"
      cancelTo={committeeHref(c)}
      errors={errors}
      conflict={conflict}
      busy={busy}
      intro={<p className="govuk-body">Agenda item: <strong>{item.title}</strong></p>}
      onSubmit={() => {
        void save({
          checked: check(govWorkItemUpdateSchema, body),
          send: () => updateWorkItem(item.id, item.version, body),
          to: committeeHref(c),
          flash: `${item.title}: moved to ${where}.`,
          reload: async () => { setC(await loadCommittee(c.id)); },
        });
      }}
    >
      <SelectField name="meetingId" label="Which meeting?" value={meeting} error={errors.meetingId} options={[{ value: UNALLOCATED, label: "Unallocated" }, ...meetingOptions(c)]} onChange={setMeeting} />
    </GovFormPage>
  );
}
