import type { CaseDetail, Worker } from "@family-story/schemas";
import { useState, type SyntheticEvent } from "react";
import { Link, useParams } from "react-router";
import { allocateCase, loadCase, loadWorkers } from "../../api/casework.ts";
import type { Versioned } from "../../api/api-client.ts";
import { useLoad } from "../../api/use-api.ts";
import { usePageTitle } from "../../app/page-title.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { RadiosField, TextareaField } from "../../components/fields.tsx";
import { blankToNull } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";

/** A manager allocates (or reallocates) a case, choosing a worker by their caseload. */
export function AllocatePage() {
  const { id = "" } = useParams();
  const [load] = useLoad(() => Promise.all([loadCase(id), loadWorkers()]), [id]);
  usePageTitle("Allocate a case");
  return <Loaded load={load}>{([c, workers]) => <AllocateForm current={c} workers={workers} />}</Loaded>;
}

function AllocateForm({ current, workers }: { current: Versioned<CaseDetail>; workers: Worker[] }) {
  const c = current.body;
  const [userId, setUserId] = useState(c.allocatedTo?.id ?? "");
  const [reason, setReason] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  const chosen = workers.find((w) => w.id === userId);
  function onSubmit(event: SyntheticEvent) {
    event.preventDefault();
    void submit({
      checked: userId === "" ? { ok: false, errors: { userId: "Choose who to allocate the case to" } } : { ok: true, data: null },
      send: () => allocateCase(c.id, current.etag, userId, blankToNull(reason)),
      to: "/work?tab=team",
      flash: `${c.subject.name}'s case is allocated to ${chosen?.name ?? "the worker"}.`,
    });
  }
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{c.subject.name}</span>
      <h1 className="govuk-heading-l">{c.allocatedTo ? "Reallocate the case" : "Allocate the case"}</h1>
      <p className="govuk-body">
        {c.title}. {c.allocatedTo ? `Allocated to ${c.allocatedTo.name} now; their open work on the case moves to the new worker.` : "Not allocated yet."}
      </p>
      <form noValidate onSubmit={onSubmit}>
        <RadiosField
          name="userId"
          label="Who should hold this case?"
          hint="Your team first, with each worker's open caseload."
          error={errors.userId}
          value={userId}
          onChange={setUserId}
          options={workers.map((w) => ({ value: w.id, label: `${w.name} (${String(w.openCases)} open ${w.openCases === 1 ? "case" : "cases"})` }))}
        />
        <TextareaField name="reason" label="Reason (optional)" error={errors.reason} value={reason} onChange={setReason} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy}>Allocate</button>
          <Link className="govuk-link" to={`/cases/${c.id}`}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
