import { GOV_ACTION_STATUS_LABELS, GOV_ACTION_STATUSES, govActionCreateSchema, govActionUpdateSchema, type GovAction, type GovActionStatus, type GovActionUpdate, type GovStrategy } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { Versioned } from "../../api/api-client.ts";
import { addGovAction, loadGovAction, loadStrategy, updateGovAction } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, TextareaField, TextField } from "../../components/fields.tsx";
import { check, type FieldErrors } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { GovFormPage, onListFields, orNull, useGovSave } from "./gov-form.tsx";
import { MeasurePicker } from "./measure-picker.tsx";

/** What the action forms hold: text as typed, measures as chosen. */
interface ActionValues {
  title: string;
  description: string;
  owner: string;
  startDate: string;
  dueDate: string;
  measureIds: string[];
}

const EMPTY_MESSAGES = { title: "Enter what will be done", owner: "Enter who is accountable for it", status: "Choose the action's status" };

const valuesOf = (a: GovAction): ActionValues => ({ title: a.title, description: a.description ?? "", owner: a.owner, startDate: a.startDate ?? "", dueDate: a.dueDate ?? "", measureIds: a.measures.map((m) => m.id) });

const bodyOf = (v: ActionValues) => ({ title: v.title.trim(), description: orNull(v.description), owner: v.owner.trim(), startDate: orNull(v.startDate), dueDate: orNull(v.dueDate), measureIds: v.measureIds });

/** The fields both forms share: what, who, when, and the measures that evidence it. */
function ActionFields({ v, setV, errors }: { v: ActionValues; setV: (v: ActionValues) => void; errors: FieldErrors }) {
  const set = (field: Exclude<keyof ActionValues, "measureIds">) => (x: string) => { setV({ ...v, [field]: x }); };
  const shown = onListFields(errors, ["measureIds"]);
  return (
    <>
      <TextField name="title" label="What will be done" value={v.title} error={errors.title} onChange={set("title")} />
      <TextareaField name="description" label="More about it (optional)" value={v.description} error={errors.description} onChange={set("description")} />
      <TextField name="owner" label="Owner" hint="Who is accountable: a post or a name, such as Head of Early Years" value={v.owner} error={errors.owner} onChange={set("owner")} />
      <TextField name="startDate" label="Start date (optional)" hint="For example, 2020-04-01" width="10" value={v.startDate} error={errors.startDate} onChange={set("startDate")} />
      <TextField name="dueDate" label="Due date (optional)" hint="For example, 2021-03-31" width="10" value={v.dueDate} error={errors.dueDate} onChange={set("dueDate")} />
      <MeasurePicker value={v.measureIds} error={shown.measureIds} onChange={(ids) => { setV({ ...v, measureIds: ids }); }} />
    </>
  );
}

/** Add an action under one of a strategy's priorities. */
export function AddGovActionPage() {
  const { id = "", priorityId = "" } = useParams();
  usePageTitle("Add an action");
  const [strategy] = useLoad(() => loadStrategy(id), [id]);
  return <Loaded load={strategy}>{(s) => <AddActionForm s={s} priorityId={priorityId} />}</Loaded>;
}

function AddActionForm({ s, priorityId }: { s: GovStrategy; priorityId: string }) {
  const [v, setV] = useState<ActionValues>({ title: "", description: "", owner: "", startDate: "", dueDate: "", measureIds: [] });
  const [status, setStatus] = useState<GovActionStatus>("not_started");
  const { errors, busy, save } = useGovSave();
  const priority = s.priorities.find((p) => p.id === priorityId);
  const back = `/governance/strategies/${s.id}`;
  if (!priority) return <p className="govuk-body">This strategy has no such priority. <Link className="govuk-link" to={back}>Back to the strategy</Link></p>;
  const body = { ...bodyOf(v), status };
  return (
    <GovFormPage
      caption={`${s.title} ${s.periodLabel}`}
      title="Add an action"
      button="Add action"
      cancelTo={back}
      errors={onListFields(errors, ["measureIds"])}
      busy={busy}
      intro={<p className="govuk-body">Priority: <strong>{priority.title}</strong></p>}
      onSubmit={() => {
        void save({ checked: check(govActionCreateSchema, body, EMPTY_MESSAGES), send: () => addGovAction(priority.id, body), to: (saved) => `/governance/actions/${saved.body.id}`, flash: "Action added." });
      }}
    >
      <ActionFields v={v} setV={setV} errors={errors} />
      <RadiosField name="status" label="Status" value={status} error={errors.status} options={GOV_ACTION_STATUSES.map((x) => ({ value: x, label: GOV_ACTION_STATUS_LABELS[x] }))} onChange={(x) => { setStatus(x as GovActionStatus); }} />
    </GovFormPage>
  );
}

/** Change an action's details (If-Match); its status moves with progress notes, so they stay its history. */
export function EditGovActionPage() {
  const { id = "" } = useParams();
  usePageTitle("Change the action");
  const [action] = useLoad(() => loadGovAction(id), [id]);
  return <Loaded load={action}>{(a) => <EditActionForm initial={a} />}</Loaded>;
}

function EditActionForm({ initial }: { initial: Versioned<GovAction> }) {
  const [current, setCurrent] = useState(initial);
  const [original, setOriginal] = useState<ActionValues>(valuesOf(initial.body));
  const [v, setV] = useState<ActionValues>(original);
  const { errors, setErrors, conflict, busy, save } = useGovSave();
  const a = current.body;
  const back = `/governance/actions/${a.id}`;
  // Only what this user changed is sent, so a save never undoes someone else's change to another field.
  const changed = (Object.keys(original) as (keyof ActionValues)[]).filter((k) => JSON.stringify(v[k]) !== JSON.stringify(original[k]));
  const full = bodyOf(v);
  const body = Object.fromEntries(changed.map((k) => [k, full[k]])) as GovActionUpdate;
  return (
    <GovFormPage
      caption={a.priorityTitle}
      title="Change the action"
      button="Save changes"
      cancelTo={back}
      errors={onListFields(errors, ["measureIds"])}
      conflict={conflict}
      busy={busy}
      intro={<p className="govuk-body">To change its status, record progress on the action’s page: the status is kept with each dated note.</p>}
      onSubmit={() => {
        if (changed.length === 0) {
          setErrors({ form: "You have not changed anything" });
          return;
        }
        void save({
          checked: check(govActionUpdateSchema, body, EMPTY_MESSAGES),
          send: () => updateGovAction(a.id, current.etag, body),
          to: back,
          flash: "The action has been changed.",
          // The newest version, with this user's changes put back on top to check and save again.
          reload: async () => {
            const latest = await loadGovAction(a.id);
            const fresh = valuesOf(latest.body);
            setCurrent(latest);
            setOriginal(fresh);
            setV({ ...fresh, ...Object.fromEntries(changed.map((k) => [k, v[k]])) });
          },
        });
      }}
    >
      <ActionFields v={v} setV={setV} errors={errors} />
    </GovFormPage>
  );
}
