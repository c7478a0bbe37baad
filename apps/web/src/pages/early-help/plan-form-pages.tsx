import { EARLY_HELP_CLOSURE_REASONS, SUPPORTING_FAMILIES_OUTCOMES } from "@family-story/domain";
import { ehClosureCreateSchema, ehDecisionSchema, ehGoalCreateSchema, ehReviewCreateSchema, tafActionCreateSchema, type EarlyHelpEpisode } from "@family-story/schemas";
import { useState, type ReactNode, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { changeEpisode, loadEpisode } from "../../api/early-help.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { RadiosField, SelectField, TextareaField, TextField } from "../../components/fields.tsx";
import { check, type Checked } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";

const today = () => new Date().toISOString().slice(0, 10);
const orNull = (v: string) => (v.trim() === "" ? null : v);

/** Loads the episode for a form page and titles it. */
export function WithEpisode({ title, children }: { title: string; children: (ep: EarlyHelpEpisode) => ReactNode }) {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadEpisode(id), [id]);
  usePageTitle(title);
  return <Loaded load={load}>{children}</Loaded>;
}

/** A form's frame: errors, caption, heading, save and cancel. */
export function FormFrame({ ep, title, errors, busy, onSubmit, save, children }: { ep: EarlyHelpEpisode; title: string; errors: Record<string, string>; busy: boolean; onSubmit: (e: SyntheticEvent) => void; save: string; children: ReactNode }) {
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{ep.title}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <form noValidate onSubmit={onSubmit}>
        {children}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>{save}</button>
          <Link className="govuk-link" to={`/cases/${ep.caseId}`}>Cancel</Link>
        </div>
      </form>
    </>
  );
}

/** Add a goal under one of the ten Supporting Families outcomes. */
export function AddGoalPage() {
  return <WithEpisode title="Add a goal">{(ep) => <GoalForm ep={ep} />}</WithEpisode>;
}
function GoalForm({ ep }: { ep: EarlyHelpEpisode }) {
  const [v, setV] = useState({ outcome: "", description: "", targetDate: "" });
  const { errors, busy, submit } = useFormSubmit();
  const body = { outcome: v.outcome, description: v.description, targetDate: orNull(v.targetDate) };
  return (
    <FormFrame ep={ep} title="Add a goal" errors={errors} busy={busy} save="Add goal" onSubmit={(e) => { e.preventDefault(); void submit({ checked: check(ehGoalCreateSchema, body, { description: "Describe the goal" }), send: () => changeEpisode(ep.caseId, "POST", "/goals", body), to: `/cases/${ep.caseId}`, flash: "Goal added." }); }}>
      <RadiosField name="outcome" label="Which Supporting Families outcome is it about?" value={v.outcome} error={errors.outcome} options={SUPPORTING_FAMILIES_OUTCOMES.map((o) => ({ value: o.code, label: o.label }))} onChange={(x) => { setV({ ...v, outcome: x }); }} />
      <TextareaField name="description" label="What will be different?" value={v.description} error={errors.description} onChange={(x) => { setV({ ...v, description: x }); }} />
      <TextField name="targetDate" label="Target date (optional)" hint="For example, 2025-06-30" width="10" value={v.targetDate} error={errors.targetDate} onChange={(x) => { setV({ ...v, targetDate: x }); }} />
    </FormFrame>
  );
}

/** Add an action to a goal, owned by a Team Around the Family member. */
export function AddActionPage() {
  const { goalId = "" } = useParams();
  return <WithEpisode title="Add an action">{(ep) => <ActionForm ep={ep} goalId={goalId} />}</WithEpisode>;
}
function ActionForm({ ep, goalId }: { ep: EarlyHelpEpisode; goalId: string }) {
  const [v, setV] = useState({ ownerMemberId: "", description: "", targetDate: "" });
  const { errors, busy, submit } = useFormSubmit();
  const goal = ep.plan.goals.find((g) => g.id === goalId);
  return (
    <FormFrame ep={ep} title="Add an action" errors={errors} busy={busy} save="Add action" onSubmit={(e) => { e.preventDefault(); void submit({ checked: check(tafActionCreateSchema, v, { ownerMemberId: "Choose who will do it", description: "Describe the action", targetDate: "Enter the date it is due by" }), send: () => changeEpisode(ep.caseId, "POST", `/goals/${goalId}/actions`, v), to: `/cases/${ep.caseId}`, flash: "Action added." }); }}>
      {goal && <p className="govuk-body">Goal: <strong>{goal.description}</strong> ({goal.outcomeLabel})</p>}
      <SelectField name="ownerMemberId" label="Who will do it?" value={v.ownerMemberId} error={errors.ownerMemberId} options={[{ value: "", label: "Choose a member" }, ...ep.taf.map((m) => ({ value: m.id, label: `${m.name}${m.organisationName ? `, ${m.organisationName}` : ""}` }))]} onChange={(x) => { setV({ ...v, ownerMemberId: x }); }} />
      <TextareaField name="description" label="What will they do?" value={v.description} error={errors.description} onChange={(x) => { setV({ ...v, description: x }); }} />
      <TextField name="targetDate" label="By when?" hint="For example, 2025-06-30" width="10" value={v.targetDate} error={errors.targetDate} onChange={(x) => { setV({ ...v, targetDate: x }); }} />
    </FormFrame>
  );
}

/** Record a review of the family plan. */
export function AddReviewPage() {
  return <WithEpisode title="Record a review">{(ep) => <ReviewForm ep={ep} />}</WithEpisode>;
}
function ReviewForm({ ep }: { ep: EarlyHelpEpisode }) {
  const [v, setV] = useState({ reviewDate: today(), progress: "", familyViews: "" });
  const { errors, busy, submit } = useFormSubmit();
  const body = { ...v, familyViews: orNull(v.familyViews) };
  return (
    <FormFrame ep={ep} title="Record a review" errors={errors} busy={busy} save="Save review" onSubmit={(e) => { e.preventDefault(); void submit({ checked: check(ehReviewCreateSchema, body, { progress: "Describe the progress" }), send: () => changeEpisode(ep.caseId, "POST", "/reviews", body), to: `/cases/${ep.caseId}`, flash: "Review recorded; the next review date has moved." }); }}>
      <TextField name="reviewDate" label="Date of the review" width="10" value={v.reviewDate} error={errors.reviewDate} onChange={(x) => { setV({ ...v, reviewDate: x }); }} />
      <TextareaField name="progress" label="Progress against the plan" value={v.progress} error={errors.progress} onChange={(x) => { setV({ ...v, progress: x }); }} />
      <TextareaField name="familyViews" label="The family’s views" value={v.familyViews} onChange={(x) => { setV({ ...v, familyViews: x }); }} />
    </FormFrame>
  );
}

/** Ask to close the episode: a reason, and each goal met or not met. */
export function ClosurePage() {
  return <WithEpisode title="Close the episode">{(ep) => <ClosureForm ep={ep} />}</WithEpisode>;
}
function ClosureForm({ ep }: { ep: EarlyHelpEpisode }) {
  const [reason, setReason] = useState("");
  const [closedOn, setClosedOn] = useState(today());
  const [summary, setSummary] = useState("");
  const [rated, setRated] = useState<Record<string, string>>({});
  const { errors, busy, submit } = useFormSubmit();
  const body = { reason, closedOn, summary: orNull(summary), goalOutcomes: ep.plan.goals.filter((g) => rated[g.id]).map((g) => ({ goalId: g.id, status: rated[g.id] })) };
  const unrated = ep.plan.goals.filter((g) => !rated[g.id]);
  const checked: Checked<unknown> = unrated.length > 0 ? { ok: false, errors: Object.fromEntries(unrated.map((g) => [`goal-${g.id}`, `Say whether “${g.description}” was met`])) } : check(ehClosureCreateSchema, body, { reason: "Choose a reason for closing" });
  return (
    <FormFrame ep={ep} title="Close the episode" errors={errors} busy={busy} save="Ask the manager to authorise closure" onSubmit={(e) => { e.preventDefault(); void submit({ checked, send: () => changeEpisode(ep.caseId, "POST", "/closure", body), to: `/cases/${ep.caseId}`, flash: "Closure sent to the team manager." }); }}>
      <RadiosField name="reason" label="Why is the episode closing?" value={reason} error={errors.reason} options={EARLY_HELP_CLOSURE_REASONS.filter((r) => r.code !== "stepped_up").map((r) => ({ value: r.code, label: r.label }))} onChange={setReason} />
      <TextField name="closedOn" label="Closure date" width="10" value={closedOn} error={errors.closedOn} onChange={setClosedOn} />
      {ep.plan.goals.map((g) => (
        <RadiosField key={g.id} name={`goal-${g.id}`} label={`Goal: ${g.description} (${g.outcomeLabel})`} inline value={rated[g.id] ?? ""} error={errors[`goal-${g.id}`] ?? errors.goalOutcomes} options={[{ value: "met", label: "Met" }, { value: "not_met", label: "Not met" }]} onChange={(x) => { setRated({ ...rated, [g.id]: x }); }} />
      ))}
      <TextareaField name="summary" label="Closing summary" value={summary} onChange={setSummary} />
    </FormFrame>
  );
}

/** The team manager authorises (or returns) the assessment, plan or closure. */
export function DecisionPage() {
  const { what = "" } = useParams();
  const label = what === "plan" ? "family plan" : what === "closure" ? "closure" : "assessment";
  return <WithEpisode title={`Authorise the ${label}`}>{(ep) => <DecisionForm ep={ep} what={what} label={label} />}</WithEpisode>;
}
function DecisionForm({ ep, what, label }: { ep: EarlyHelpEpisode; what: string; label: string }) {
  const [decision, setDecision] = useState("");
  const [note, setNote] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  const body = { decision, note: orNull(note) };
  const version = what === "plan" ? ep.plan.version : (ep.assessment?.version ?? 0);
  return (
    <FormFrame ep={ep} title={`Authorise the ${label}`} errors={errors} busy={busy} save="Record decision" onSubmit={(e) => { e.preventDefault(); void submit({ checked: check(ehDecisionSchema, body), send: () => changeEpisode(ep.caseId, "POST", `/${what === "closure" ? "closure" : what === "plan" ? "plan" : "assessment"}/decision`, body, what === "closure" ? null : `W/"${String(version)}"`), to: `/cases/${ep.caseId}`, flash: decision === "authorise" ? `The ${label} is authorised.` : `The ${label} was returned.` }); }}>
      {what === "closure" && ep.closure && <p className="govuk-body">{ep.closure.reasonLabel}; {ep.closure.outcomesMetPercent ?? 0}% of goals met. {ep.closure.summary}</p>}
      <RadiosField name="decision" label="Your decision" value={decision} error={errors.decision} options={[{ value: "authorise", label: "Authorise" }, { value: "return", label: "Return it with a note" }]} onChange={setDecision} />
      <TextareaField name="note" label="Note (optional)" value={note} onChange={setNote} />
    </FormFrame>
  );
}
