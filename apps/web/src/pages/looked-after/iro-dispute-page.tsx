import { DISPUTE_STAGES, todayIso } from "@family-story/domain";
import { disputeActionSchema, type Dispute, type LookedAfterRecord } from "@family-story/schemas";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { actOnDispute, loadDispute } from "../../api/iro.ts";
import { loadLookedAfter } from "../../api/looked-after.ts";
import { useLoad } from "../../api/use-api.ts";
import { can, useUser } from "../../app/auth-context.tsx";
import { usePageTitle } from "../../app/page-title.ts";
import { RadiosField, TextField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { Loaded } from "../../components/status.tsx";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { DisputeHistory, DisputeSummary } from "./iro-dispute-history.tsx";
import { IroForm, iroPath } from "./iro-form-shell.tsx";

/** One dispute with its stages and, for the IRO while it is open, the outcome of the current stage. */
export function DisputePage() {
  const { id = "", disputeId = "" } = useParams();
  const [load] = useLoad(() => Promise.all([loadLookedAfter(id), loadDispute(disputeId)]), [id, disputeId]);
  return <Loaded load={load}>{([record, dispute]) => <DisputeView record={record} dispute={dispute} />}</Loaded>;
}

function DisputeView({ record, dispute }: { record: LookedAfterRecord; dispute: Dispute }) {
  const user = useUser();
  if (can(user, "iro:write") && dispute.actions.length > 0) return <OutcomeForm record={record} dispute={dispute} />;
  return <ReadOnly record={record} dispute={dispute} />;
}

function ReadOnly({ record, dispute }: { record: LookedAfterRecord; dispute: Dispute }) {
  usePageTitle(`Dispute: ${dispute.themeLabel}`);
  return (
    <>
      <span className="govuk-caption-l">{record.child.name}</span>
      <h1 className="govuk-heading-l">Dispute: {dispute.themeLabel}</h1>
      <DisputeSummary dispute={dispute} />
      <DisputeHistory dispute={dispute} />
      <Link className="govuk-link" to={iroPath(record.child.id)}>Back to the IRO page</Link>
    </>
  );
}

const escalatedTo = (stage: string) => DISPUTE_STAGES.find((s) => s.code === stage)?.escalatedTo ?? "";

function OutcomeForm({ record, dispute }: { record: LookedAfterRecord; dispute: Dispute }) {
  const personId = record.child.id;
  const [outcome, setOutcome] = useState("");
  const [date, setDate] = useState(todayIso());
  const [notes, setNotes] = useState("");
  const { errors, busy, submit } = useFormSubmit();
  const next = dispute.nextStage;
  const labels: Record<string, string> = {
    resolved: `Resolved at ${dispute.stageLabel.toLowerCase()}`,
    escalated: next ? `Escalate to ${next.label.toLowerCase()} (${escalatedTo(next.stage)})` : "Escalate",
    unresolved: "Close it unresolved",
  };
  function onSubmit() {
    const body = { outcome, date, notes, ...(outcome === "escalated" && next ? { toStage: next.stage } : {}) };
    void submit({
      checked: check(disputeActionSchema, body, { notes: "Enter what happened at this stage", outcome: "Choose what came of this stage" }),
      send: () => actOnDispute(dispute.id, dispute.version, body),
      to: iroPath(personId),
      flash: outcome === "escalated" && next ? `Dispute escalated to ${next.label.toLowerCase()}.` : outcome === "resolved" ? "Dispute resolved." : "Dispute closed unresolved.",
    });
  }
  return (
    <IroForm
      personId={personId}
      childName={record.child.name}
      title={`Dispute: ${dispute.themeLabel}`}
      button="Save the outcome"
      errors={errors}
      busy={busy}
      onSubmit={onSubmit}
      intro={
        <>
          <DisputeSummary dispute={dispute} />
          <DisputeHistory dispute={dispute} />
          <h2 className="govuk-heading-m">Outcome of the {dispute.stageLabel.toLowerCase()}</h2>
        </>
      }
    >
      <RadiosField name="outcome" label="What came of this stage?" error={errors.outcome} value={outcome} onChange={setOutcome} options={dispute.actions.map((a) => ({ value: a, label: labels[a] ?? a }))} />
      <TextField name="date" label="Date" hint="For example, 2025-04-23" width="10" error={errors.date} value={date} onChange={setDate} />
      <TextareaField name="notes" label="Notes" hint="What was agreed or refused, and by whom." error={errors.notes} value={notes} onChange={setNotes} />
    </IroForm>
  );
}
