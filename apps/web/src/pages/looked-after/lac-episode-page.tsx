import { CATEGORIES_OF_NEED, LEGAL_STATUSES, REASONS_FOR_PLACEMENT_CHANGE } from "@family-story/domain";
import { episodePatchSchema, type LookedAfterEpisode, type LookedAfterRecord } from "@family-story/schemas";
import { useState } from "react";
import { useParams } from "react-router";
import { correctEpisode } from "../../api/looked-after.ts";
import { SelectField, TextField, TextareaField } from "../../components/fields.tsx";
import { check } from "../../components/form-errors.ts";
import { formatDate } from "../../components/format.ts";
import { useFormSubmit } from "../../components/use-form-submit.ts";
import { NotFoundPage } from "../not-found-page.tsx";
import { PlacementFields, codeOptions, placementBody, type PlacementValues } from "./lac-form-fields.tsx";
import { LacForm, WithLacRecord, recordPath } from "./lac-form-shell.tsx";

/** Correct one episode's recorded fields, at /people/:id/looked-after/episodes/:episodeId. */
export function CorrectEpisodePage() {
  const { episodeId = "" } = useParams();
  return (
    <WithLacRecord>
      {(record) => {
        const episode = record.episodes.find((e) => e.id === episodeId);
        return episode ? <CorrectForm record={record} episode={episode} /> : <NotFoundPage />;
      }}
    </WithLacRecord>
  );
}

function placementOf(e: LookedAfterEpisode): PlacementValues {
  return { place: e.place?.code ?? "", providerId: e.provider?.id ?? "", placeProvider: e.placeProvider?.code ?? "", placementPostcode: e.placementPostcode ?? "", urn: e.urn ?? "" };
}

/** Only what the worker changed is sent, so the server keeps the rest (and derives the episodes around it). */
function changedBody(e: LookedAfterEpisode, v: { legalStatus: string; categoryOfNeed: string; homePostcode: string; reasonPlaceChange: string; reason: string }, p: PlacementValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (v.legalStatus !== (e.legalStatus?.code ?? "")) body.legalStatus = v.legalStatus;
  if (v.categoryOfNeed !== (e.categoryOfNeed?.code ?? "")) body.categoryOfNeed = v.categoryOfNeed;
  if (v.homePostcode.trim() !== (e.homePostcode ?? "")) body.homePostcode = v.homePostcode.trim() === "" ? null : v.homePostcode;
  if (v.reasonPlaceChange !== (e.reasonPlaceChange?.code ?? "")) body.reasonPlaceChange = v.reasonPlaceChange === "" ? null : v.reasonPlaceChange;
  const before = placementOf(e);
  const after = placementBody(p);
  for (const k of ["place", "providerId", "placeProvider", "placementPostcode", "urn"] as const) {
    if (p[k].trim() !== before[k]) body[k] = after[k] ?? null;
  }
  if (v.reason.trim() !== "") body.reason = v.reason.trim();
  return body;
}

function CorrectForm({ record, episode }: { record: LookedAfterRecord; episode: LookedAfterEpisode }) {
  const [v, setV] = useState({ legalStatus: episode.legalStatus?.code ?? "", categoryOfNeed: episode.categoryOfNeed?.code ?? "", homePostcode: episode.homePostcode ?? "", reasonPlaceChange: episode.reasonPlaceChange?.code ?? "", reason: "" });
  const [placement, setPlacement] = useState(placementOf(episode));
  const { errors, setErrors, busy, submit } = useFormSubmit();
  const set = (k: keyof typeof v) => (value: string) => { setV({ ...v, [k]: value }); };
  const endedWithChange = episode.reasonCeased?.code === "X1";
  function onSubmit() {
    const body = changedBody(episode, v, placement);
    if (Object.keys(body).filter((k) => k !== "reason").length === 0) {
      setErrors({ form: "Nothing has been changed." });
      return;
    }
    void submit({ checked: check(episodePatchSchema, body), send: () => correctEpisode(record.child.id, episode.id, episode.version, body), to: recordPath(record.child.id), flash: "The episode has been corrected" });
  }
  const period = `${formatDate(episode.startDate)} to ${episode.endDate ? formatDate(episode.endDate) : "now"}`;
  return (
    <LacForm record={record} title="Correct an episode" button="Save the correction" errors={errors} busy={busy} onSubmit={onSubmit}
      intro={<p className="govuk-body">{`The episode from ${period} (${episode.reasonNewEpisode?.label ?? "reason not recorded"}). Its dates follow from what happened: to change them, record what happened. A corrected placement applies to the whole placement.`}</p>}>
      <SelectField name="legalStatus" label="Legal status (LS)" error={errors.legalStatus} value={v.legalStatus} options={codeOptions(LEGAL_STATUSES, "Not recorded")} onChange={set("legalStatus")} />
      <SelectField name="categoryOfNeed" label="Category of need" error={errors.categoryOfNeed} value={v.categoryOfNeed} options={codeOptions(CATEGORIES_OF_NEED, "Not recorded")} onChange={set("categoryOfNeed")} />
      <PlacementFields values={placement} onChange={setPlacement} errors={errors} />
      <TextField name="homePostcode" label="Home postcode" width="10" error={errors.homePostcode} value={v.homePostcode} onChange={set("homePostcode")} />
      {endedWithChange && <SelectField name="reasonPlaceChange" label="Why the placement changed at the end of this episode" error={errors.reasonPlaceChange} value={v.reasonPlaceChange} options={codeOptions(REASONS_FOR_PLACEMENT_CHANGE, "No change of placement")} onChange={set("reasonPlaceChange")} />}
      <TextareaField name="reason" label="Why it is being corrected (optional)" error={errors.reason} value={v.reason} onChange={set("reason")} />
    </LacForm>
  );
}
