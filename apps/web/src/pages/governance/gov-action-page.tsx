import { GOV_ACTION_STATUS_LABELS, GOV_ACTION_STATUSES, govActionProgressSchema, type GovAction, type GovActionStatus, type MeasureValues } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import type { Versioned } from "../../api/api-client.ts";
import { latestMeasureValue, loadGovAction, recordProgress } from "../../api/governance.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useAuth } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { RadiosField, TextareaField } from "../../components/fields.tsx";
import { check, errorsFromError, type FieldErrors } from "../../components/form-errors.ts";
import { formatDate, formatDateTime } from "../../components/format.ts";
import { Loaded, SuccessBanner } from "../../components/status.tsx";
import { Flash } from "./gov-form.tsx";
import { GovStatusTag } from "./governance-tags.tsx";
import { LinkedMeasures, actionDates } from "./strategy-page.tsx";

function showValue(v: MeasureValues): string {
  const value = v.value.value;
  if (value === null) return "No figure for the period";
  const shown = v.measure.unit === "percent" ? `${value.toFixed(1)}%` : value.toLocaleString("en-GB");
  return `${shown} (${v.value.label})`;
}

/** Each linked measure's latest value for the action's authority, when the measures service has one. */
function MeasureValuesList({ action }: { action: GovAction }) {
  // Only measures the catalogue holds are asked for, so an unknown id is never a failed request.
  const known = action.measures.filter((m) => m.title !== null);
  const [values] = useLoad(() => Promise.all(known.map((m) => latestMeasureValue(m.id, action.laCode))), [action.id]);
  if (known.length === 0) return null;
  return (
    <Loaded load={values}>
      {(list) => (
        <ul className="govuk-list" data-testid="measure-values">
          {known.map((m, i) => {
            const v = list[i];
            return <li key={m.id}>{m.title}: {v ? showValue(v) : "no value yet"}</li>;
          })}
        </ul>
      )}
    </Loaded>
  );
}

function ProgressForm({ action, etag, onSaved }: { action: GovAction; etag: string | null; onSaved: (saved: Versioned<GovAction>) => void }) {
  const [status, setStatus] = useState<GovActionStatus>(action.status);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const checked = check(govActionProgressSchema, { status, note }, { note: "Describe the progress made" });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    recordProgress(action.id, etag, checked.data).then(
      (saved) => {
        setErrors({});
        setNote("");
        setBusy(false);
        onSaved(saved);
      },
      (error: unknown) => {
        setErrors(errorsFromError(error));
        setBusy(false);
      },
    );
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="progress-title">
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m" id="progress-title">Record progress</h2>
      <RadiosField name="status" label="Status now" value={status} error={errors.status} options={GOV_ACTION_STATUSES.map((s) => ({ value: s, label: GOV_ACTION_STATUS_LABELS[s] }))} onChange={(v) => { setStatus(v as GovActionStatus); }} />
      <TextareaField name="note" label="What has been done" hint="This note is kept, dated and with your name, in the action's history." value={note} error={errors.note} onChange={setNote} />
      <button type="submit" className="govuk-button" disabled={busy}>Save progress</button>
    </form>
  );
}

function ActionBody({ initial }: { initial: Versioned<GovAction> }) {
  const { session } = useAuth();
  const [current, setCurrent] = useState(initial);
  const [saved, setSaved] = useState(false);
  const a = current.body;
  usePageTitle(a.title);
  const writer = session.state === "signed-in" && can(session.user, "governance:write");
  return (
    <>
      <Link className="govuk-back-link" to={`/governance/strategies/${a.strategyId}`}>{a.strategyTitle}</Link>
      {saved ? <SuccessBanner title="Success">Progress recorded.</SuccessBanner> : <Flash />}
      <span className="govuk-caption-l">{a.priorityTitle}</span>
      <h1 className="govuk-heading-l">{a.title}</h1>
      {a.description && <p className="govuk-body">{a.description}</p>}
      {writer && <p className="govuk-body"><Link className="govuk-link" to={`/governance/actions/${a.id}/edit`}>Change the action</Link></p>}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Status</dt><dd className="govuk-summary-list__value" data-testid="action-status"><GovStatusTag status={a.status} /></dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Owner</dt><dd className="govuk-summary-list__value">{a.owner}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Dates</dt><dd className="govuk-summary-list__value">{actionDates(a)}</dd></div>
        <div className="govuk-summary-list__row"><dt className="govuk-summary-list__key">Evidenced by</dt><dd className="govuk-summary-list__value"><LinkedMeasures measures={a.measures} /><MeasureValuesList action={a} /></dd></div>
      </dl>
      <h2 className="govuk-heading-m">Progress</h2>
      {a.notes.length === 0 ? (
        <p className="govuk-body">No progress has been recorded yet.</p>
      ) : (
        <ol className="govuk-list app-gov-history" reversed data-testid="progress-history">
          {a.notes.map((n) => (
            <li key={n.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body govuk-!-margin-bottom-1"><strong>{formatDate(n.notedOn)}</strong> <GovStatusTag status={n.status} /></p>
              <p className="govuk-body govuk-!-margin-bottom-1">{n.note}</p>
              <p className="govuk-body-s">Recorded by {n.recordedBy}, {formatDateTime(n.recordedAt)}</p>
            </li>
          ))}
        </ol>
      )}
      {writer && (
        <ProgressForm
          key={current.body.version}
          action={a}
          etag={current.etag}
          onSaved={(next) => {
            setCurrent(next);
            setSaved(true);
          }}
        />
      )}
    </>
  );
}

/** One action of a strategy: its details, the measures that evidence it, its progress history and (for writers) a progress form. */
export function GovActionPage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => loadGovAction(id), [id]);
  usePageTitle("Action");
  return <Loaded load={load}>{(v) => <ActionBody initial={v} />}</Loaded>;
}
