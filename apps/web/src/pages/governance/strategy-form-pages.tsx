import { govPriorityCreateSchema, govPriorityUpdateSchema, govStrategyCreateSchema, type GovAuthority, type GovStrategy } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { addPriority, createStrategy, loadGovAuthorities, loadStrategy, updatePriority } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { GovFormPage, orNull, useGovSave } from "./gov-form.tsx";

const DATE_HINT = "For example, 2019-04-01";

/** Record a strategy (such as the Children and Young People's Plan) for an authority the user works. */
export function AddStrategyPage() {
  usePageTitle("Add a strategy");
  const [authorities] = useLoad(() => loadGovAuthorities(), []);
  return <Loaded load={authorities}>{(list) => <StrategyForm authorities={list} />}</Loaded>;
}

function StrategyForm({ authorities }: { authorities: GovAuthority[] }) {
  const [v, setV] = useState({ la: authorities.length === 1 ? (authorities[0]?.code ?? "") : "", title: "", periodLabel: "", startsOn: "", endsOn: "", summary: "" });
  const { errors, busy, save } = useGovSave();
  const set = (field: keyof typeof v) => (x: string) => { setV({ ...v, [field]: x }); };
  const body = { la: v.la, title: v.title.trim(), periodLabel: v.periodLabel.trim(), startsOn: orNull(v.startsOn), endsOn: orNull(v.endsOn), summary: orNull(v.summary) };
  const checked = check(govStrategyCreateSchema, body, { la: "Choose the authority whose strategy it is", title: "Enter the strategy's title", periodLabel: "Enter the years it covers" });
  return (
    <GovFormPage
      caption="Strategy and scrutiny"
      title="Add a strategy"
      button="Add strategy"
      cancelTo="/governance"
      errors={errors}
      busy={busy}
      onSubmit={() => {
        void save({ checked, send: () => createStrategy(body), to: (saved) => `/governance/strategies/${saved.body.id}`, flash: "Strategy added. Add its priorities next." });
      }}
    >
      <RadiosField name="la" label="Whose strategy is it?" value={v.la} error={errors.la} options={authorities.map((a) => ({ value: a.code, label: a.name }))} onChange={set("la")} />
      <TextField name="title" label="Title" hint="For example, Children and Young People's Plan" value={v.title} error={errors.title} onChange={set("title")} />
      <TextField name="periodLabel" label="Years it covers" hint="For example, 2019–22" width="10" value={v.periodLabel} error={errors.periodLabel} onChange={set("periodLabel")} />
      <TextField name="startsOn" label="Starts (optional)" hint={DATE_HINT} width="10" value={v.startsOn} error={errors.startsOn} onChange={set("startsOn")} />
      <TextField name="endsOn" label="Ends (optional)" hint="For example, 2022-03-31" width="10" value={v.endsOn} error={errors.endsOn} onChange={set("endsOn")} />
      <TextareaField name="summary" label="Summary (optional)" value={v.summary} error={errors.summary} onChange={set("summary")} />
    </GovFormPage>
  );
}

/** Add a priority (what the strategy said it would do) at the end of the strategy's list. */
export function AddPriorityPage() {
  const { id = "" } = useParams();
  usePageTitle("Add a priority");
  const [strategy] = useLoad(() => loadStrategy(id), [id]);
  return <Loaded load={strategy}>{(s) => <PriorityForm s={s} />}</Loaded>;
}

function PriorityForm({ s }: { s: GovStrategy }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const { errors, busy, save } = useGovSave();
  const body = { title: title.trim(), description: orNull(description) };
  const back = `/governance/strategies/${s.id}`;
  return (
    <GovFormPage
      caption={`${s.title} ${s.periodLabel}`}
      title="Add a priority"
      button="Add priority"
      cancelTo={back}
      errors={errors}
      busy={busy}
      onSubmit={() => {
        void save({ checked: check(govPriorityCreateSchema, body, { title: "Enter what the strategy said it would do" }), send: () => addPriority(s.id, body), to: back, flash: `Priority added: ${body.title}` });
      }}
    >
      <TextField name="title" label="What the strategy said it would do" hint="For example, Transform the pre-birth to five programme" value={title} error={errors.title} onChange={setTitle} />
      <TextareaField name="description" label="More about it (optional)" value={description} error={errors.description} onChange={setDescription} />
    </GovFormPage>
  );
}

/** Change a priority's wording (If-Match on the strategy it belongs to). */
export function EditPriorityPage() {
  const { id = "", priorityId = "" } = useParams();
  usePageTitle("Change the priority");
  const [strategy] = useLoad(() => loadStrategy(id), [id]);
  return <Loaded load={strategy}>{(s) => <EditPriorityForm initial={s} priorityId={priorityId} />}</Loaded>;
}

function EditPriorityForm({ initial, priorityId }: { initial: GovStrategy; priorityId: string }) {
  const [s, setS] = useState(initial);
  const priority = s.priorities.find((p) => p.id === priorityId);
  const [title, setTitle] = useState(priority?.title ?? "");
  const [description, setDescription] = useState(priority?.description ?? "");
  const { errors, setErrors, conflict, busy, save } = useGovSave();
  if (!priority) return <p className="govuk-body">This strategy has no such priority.</p>;
  // Only what this user changed is sent, so a save never undoes someone else's change to the other field.
  const body = {
    ...(title.trim() !== priority.title && { title: title.trim() }),
    ...(orNull(description) !== priority.description && { description: orNull(description) }),
  };
  const back = `/governance/strategies/${s.id}`;
  return (
    <GovFormPage
      caption={`${s.title} ${s.periodLabel}`}
      title="Change the priority"
      button="Save changes"
      cancelTo={back}
      errors={errors}
      conflict={conflict}
      busy={busy}
      onSubmit={() => {
        if (Object.keys(body).length === 0) {
          setErrors({ form: "You have not changed anything" });
          return;
        }
        void save({
          checked: check(govPriorityUpdateSchema, body, { title: "Enter what the strategy said it would do" }),
          send: () => updatePriority(priority.id, s.version, body),
          to: back,
          flash: `Priority changed: ${title.trim()}`,
          // The form keeps this user's answers; the fields they did not touch take the newest values.
          reload: async () => {
            const latest = await loadStrategy(s.id);
            const fresh = latest.priorities.find((p) => p.id === priority.id);
            setS(latest);
            if (fresh && body.title === undefined) setTitle(fresh.title);
            if (fresh && body.description === undefined) setDescription(fresh.description ?? "");
          },
        });
      }}
    >
      <TextField name="title" label="What the strategy said it would do" value={title} error={errors.title} onChange={setTitle} />
      <TextareaField name="description" label="More about it (optional)" value={description} error={errors.description} onChange={setDescription} />
    </GovFormPage>
  );
}
