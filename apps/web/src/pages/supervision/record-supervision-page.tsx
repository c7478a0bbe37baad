import { supervisionCreateSchema, type CaseSummary, type Worker } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { request } from "../../api/api-client.ts";
import { loadWorkTray, loadWorkers } from "../../api/casework.ts";
import { useLoad } from "../../api/use-api.ts";
import { useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";

interface ActionRow {
  title: string;
  ownerId: string;
  dueDate: string;
  caseId: string;
}

/** Record a supervision: the worker, the date, reflections, the cases discussed and the actions agreed. */
export function RecordSupervisionPage() {
  const [load] = useLoad(() => Promise.all([loadWorkers(), loadWorkTray("team")]), []);
  usePageTitle("Record supervision");
  return <Loaded load={load}>{([workers, tray]) => <SupervisionForm workers={workers} cases={tray.cases} />}</Loaded>;
}

function SupervisionForm({ workers, cases }: { workers: Worker[]; cases: CaseSummary[] }) {
  const user = useUser();
  const [params] = useSearchParams();
  const supervisable = workers.filter((w) => w.id !== user.id);
  const [workerId, setWorkerId] = useState(params.get("workerId") ?? "");
  const [supervisedOn, setSupervisedOn] = useState(new Date().toISOString().slice(0, 10));
  const [reflections, setReflections] = useState("");
  const [discussed, setDiscussed] = useState<Record<string, string>>({});
  const [actions, setActions] = useState<ActionRow[]>([{ title: "", ownerId: "", dueDate: "", caseId: "" }]);
  const { errors, busy, submit } = useFormSubmit();
  const theirCases = cases.filter((c) => c.allocatedTo?.id === workerId);
  const worker = workers.find((w) => w.id === workerId);

  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    const body = {
      workerId,
      supervisedOn,
      reflections,
      cases: Object.entries(discussed).filter(([caseId]) => theirCases.some((c) => c.id === caseId)).map(([caseId, note]) => ({ caseId, note })),
      actions: actions.filter((a) => a.title.trim() !== "").map((a) => ({ title: a.title, ownerId: a.ownerId || workerId, dueDate: a.dueDate, ...(a.caseId !== "" && { caseId: a.caseId }) })),
    };
    void submit({
      checked: workerId === "" ? { ok: false, errors: { workerId: "Choose who you supervised" } } : check(supervisionCreateSchema, body, { reflections: "Enter the reflections from the supervision" }),
      send: () => request("POST", "/api/v1/supervisions", { body }),
      to: "/supervision",
      flash: `Supervision with ${worker?.name ?? "the worker"} recorded.`,
    });
  }

  const setAction = (i: number, patch: Partial<ActionRow>) => { setActions(actions.map((a, j) => (j === i ? { ...a, ...patch } : a))); };
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Record supervision</h1>
      <form noValidate onSubmit={onSubmit}>
        <SelectField name="workerId" label="Worker" error={errors.workerId} value={workerId} onChange={(v) => { setWorkerId(v); setDiscussed({}); }} options={[{ value: "", label: "Choose a worker" }, ...supervisable.map((w) => ({ value: w.id, label: `${w.name} (${String(w.openCases)} open cases)` }))]} />
        <TextField name="supervisedOn" label="Date of supervision" hint="For example, 2025-04-23" width="10" error={errors.supervisedOn} value={supervisedOn} onChange={setSupervisedOn} />
        <TextareaField name="reflections" label="Reflections" hint="What you explored together: hypotheses, what is working, what worries you." error={errors.reflections} value={reflections} onChange={setReflections} />
        {workerId !== "" && (
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Cases discussed</legend>
              {theirCases.length === 0 && <p className="govuk-body">{worker?.name ?? "This worker"} has no open cases in your team.</p>}
              <div className="govuk-checkboxes govuk-checkboxes--small">
                {theirCases.map((c) => {
                  const checked = c.id in discussed;
                  return (
                    <div key={c.id}>
                      <div className="govuk-checkboxes__item">
                        <input
                          className="govuk-checkboxes__input"
                          id={`case-${c.id}`}
                          type="checkbox"
                          checked={checked}
                          onChange={(e) => {
                            setDiscussed(e.target.checked ? { ...discussed, [c.id]: "" } : Object.fromEntries(Object.entries(discussed).filter(([k]) => k !== c.id)));
                          }}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`case-${c.id}`}>
                          {c.subject.name}: {c.title}
                        </label>
                      </div>
                      {checked && (
                        <div className="govuk-checkboxes__conditional">
                          <TextareaField name={`note-${c.id}`} label={`What was agreed for ${c.subject.name}`} value={discussed[c.id] ?? ""} onChange={(v) => { setDiscussed({ ...discussed, [c.id]: v }); }} />
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
              {Object.keys(errors).some((k) => k.startsWith("cases")) && <p className="govuk-error-message">Write a note for each case discussed.</p>}
            </fieldset>
          </div>
        )}
        <h2 className="govuk-heading-m">Actions agreed</h2>
        {actions.map((a, i) => (
          <div className="app-action-row" key={i}>
            <TextField name={`actions.${String(i)}.title`} label={`Action ${String(i + 1)}`} error={errors[`actions.${String(i)}.title`]} value={a.title} onChange={(v) => { setAction(i, { title: v }); }} />
            <SelectField name={`actions.${String(i)}.ownerId`} label="Owner" error={errors[`actions.${String(i)}.ownerId`]} value={a.ownerId || workerId} onChange={(v) => { setAction(i, { ownerId: v }); }} options={[{ value: "", label: "Choose an owner" }, ...workers.map((w) => ({ value: w.id, label: w.name }))]} />
            <SelectField name={`actions.${String(i)}.caseId`} label="Case (optional)" error={errors[`actions.${String(i)}.caseId`]} value={a.caseId} onChange={(v) => { setAction(i, { caseId: v }); }} options={[{ value: "", label: "Not about one case" }, ...theirCases.map((c) => ({ value: c.id, label: `${c.subject.name}: ${c.title}` }))]} />
            <TextField name={`actions.${String(i)}.dueDate`} label="Due date" hint="For example, 2025-04-23" width="10" error={errors[`actions.${String(i)}.dueDate`]} value={a.dueDate} onChange={(v) => { setAction(i, { dueDate: v }); }} />
          </div>
        ))}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => { setActions([...actions, { title: "", ownerId: "", dueDate: "", caseId: "" }]); }}>
          Add another action
        </button>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>Save supervision</button>
          <Link className="govuk-link" to="/supervision">Cancel</Link>
        </div>
      </form>
    </>
  );
}
