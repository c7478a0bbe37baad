import { ehStepUpSchema, type EarlyHelpEpisode } from "@family-story/schemas";
import { useState } from "react";
import { changeEpisode } from "../../api/early-help.ts";
import { RadiosField, TextareaField, TextField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { FormFrame, WithEpisode } from "./plan-form-pages.tsx";

/** A team manager steps the family up to social care: a referral per child, one history. */
export function StepUpPage() {
  return <WithEpisode title="Step up to social care">{(ep) => <StepUpForm ep={ep} />}</WithEpisode>;
}

function StepUpForm({ ep }: { ep: EarlyHelpEpisode }) {
  const [v, setV] = useState({ referralDate: new Date().toISOString().slice(0, 10), route: "", reason: "" });
  const { errors, busy, submit } = useFormSubmit();
  const body = { referralDate: v.referralDate, route: v.route, reason: v.reason };
  return (
    <FormFrame
      ep={ep}
      title="Step up to social care"
      errors={errors}
      busy={busy}
      save="Step up"
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ checked: check(ehStepUpSchema, body, { route: "Choose what social care should do", reason: "Say why early help is no longer enough" }), send: () => changeEpisode(ep.caseId, "POST", "/step-up", body), to: `/cases/${ep.caseId}`, flash: "Stepped up: each child has a social care referral, and this episode is closed as stepped up." });
      }}
    >
      <p className="govuk-body">Each child in the family gets a social care referral, and this early help episode closes as stepped up. Its history stays linked to the new cases.</p>
      <TextField name="referralDate" label="Referral date" width="10" value={v.referralDate} error={errors.referralDate} onChange={(x) => { setV({ ...v, referralDate: x }); }} />
      <RadiosField name="route" label="What should social care do?" value={v.route} error={errors.route} options={[{ value: "assessment", label: "A child and family assessment" }, { value: "strategy_discussion", label: "A strategy discussion (risk of significant harm)" }]} onChange={(x) => { setV({ ...v, route: x }); }} />
      <TextareaField name="reason" label="Why early help is no longer enough" value={v.reason} error={errors.reason} onChange={(x) => { setV({ ...v, reason: x }); }} />
    </FormFrame>
  );
}
