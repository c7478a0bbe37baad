import { isTemporaryPlacement, needsReasonForPlacementChange, reasonForNewEpisode, type Episode } from "@family-story/domain";
import type { EpisodePatch } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "../versioning.ts";
import { EPISODE_ENTITY, episodeColumns, episodeEventTitle, episodeSnapshot, toEpisode, type LacEpisodeRow } from "./lac-episodes.ts";
import { placementFrom, unprocessable } from "./lac-placement-input.ts";

interface Ctx {
  laCode: string;
  personId: string;
  caseId: string;
}

/** True when `next` carries on the period `previous` is in (closed X1 the day next started). */
function continuesInto(previous: Episode, next: Episode): boolean {
  return next.rne !== "S" && previous.rec === "X1" && previous.end === next.start;
}

/** Whether the carers stayed the same across a change: from the carer records when both are known, else from the RNE recorded. */
function sameCarers(from: Episode, to: Episode): boolean {
  const a = from.placement.carerId ?? null;
  const b = to.placement.carerId ?? null;
  return a !== null && b !== null ? a === b : to.rne === "T" || to.rne === "U";
}

/** The episode with the patch applied (a new carer record brings its own provider, postcode and URN unless given). */
async function applyPatch(trx: Transaction<Database>, laCode: string, old: Episode, input: EpisodePatch): Promise<Episode> {
  const touched = [input.place, input.placeProvider, input.providerId, input.placementPostcode, input.urn].some((v) => v !== undefined);
  const newCarer = input.providerId !== undefined && input.providerId !== (old.placement.carerId ?? null);
  const pick = <T>(given: T | undefined, previous: T): T | null => (given !== undefined ? given : newCarer ? null : previous);
  const placement = touched
    ? await placementFrom(trx, laCode, {
        place: input.place ?? old.placement.place,
        placeProvider: pick(input.placeProvider, old.placement.provider),
        providerId: input.providerId !== undefined ? input.providerId : (old.placement.carerId ?? null),
        placementPostcode: pick(input.placementPostcode, old.placement.postcode),
        urn: pick(input.urn, old.placement.urn),
      })
    : old.placement;
  return {
    ...old,
    legalStatus: input.legalStatus ?? old.legalStatus,
    cin: input.categoryOfNeed ?? old.cin,
    placement,
    homePostcode: input.homePostcode !== undefined ? input.homePostcode : old.homePostcode,
  };
}

/**
 * The child's episodes with the correction applied: the target's own fields, and a corrected
 * placement on every episode of the same placement (joined by legal-status-only changes, RNE
 * L), since they are one placement. Then each continuing pair's RNE is derived again and the
 * reason for placement change kept only where the DfE wants one. 422 when the result does not
 * follow (nothing changed between two episodes, a placement change with no reason).
 */
function corrected(episodes: Episode[], index: number, target: Episode, placementTouched: boolean, reasonGiven: EpisodePatch["reasonPlaceChange"]): Episode[] {
  const out = [...episodes];
  out[index] = reasonGiven !== undefined ? { ...target, reasonPlaceChange: reasonGiven } : target;
  if (placementTouched) {
    for (let i = index; i > 0 && (episodes[i] as Episode).rne === "L" && continuesInto(episodes[i - 1] as Episode, episodes[i] as Episode); i--) out[i - 1] = { ...(out[i - 1] as Episode), placement: target.placement };
    for (let i = index + 1; i < episodes.length && (episodes[i] as Episode).rne === "L" && continuesInto(episodes[i - 1] as Episode, episodes[i] as Episode); i++) out[i] = { ...(out[i] as Episode), placement: target.placement };
  }
  // Only pairs the correction touched are derived again: imported history elsewhere stays as it came.
  const touched = out.map((e, i) => JSON.stringify(e) !== JSON.stringify(episodes[i]));
  for (let i = 0; i < out.length; i++) {
    if (touched[i] !== true && touched[i - 1] !== true) continue;
    const e = out[i] as Episode;
    const continues = i > 0 && continuesInto(episodes[i - 1] as Episode, episodes[i] as Episode);
    if (!continues && isTemporaryPlacement(e.placement.place)) throw unprocessable("place", "A period of care cannot start in a temporary placement (T0–T4).");
    if (e.end !== null && e.rec !== "X1" && isTemporaryPlacement(e.placement.place)) throw unprocessable("place", "A period of care cannot end in a temporary placement (T0–T4).");
    if (!continues) continue;
    const prev = out[i - 1] as Episode;
    const derived = reasonForNewEpisode(prev, e, sameCarers(prev, e));
    if (!derived.ok) throw unprocessable("legalStatus", `${derived.reason} Correct the episodes so each follows from a change, or record what happened instead.`);
    const needs = needsReasonForPlacementChange(prev.placement, e.placement);
    const reason = !needs ? null : i - 1 === index && reasonGiven !== undefined ? reasonGiven : (episodes[i - 1] as Episode).reasonPlaceChange;
    if (needs && reason === null) {
      throw i - 1 === index ? unprocessable("reasonPlaceChange", "Say why the placement changed") : unprocessable("place", "This makes an episode a change of placement: record it as a change, with why the placement changed, instead of correcting it.");
    }
    out[i - 1] = { ...prev, reasonPlaceChange: reason };
    out[i] = { ...e, rne: derived.rne };
  }
  const continuesOn = index + 1 < out.length && continuesInto(episodes[index] as Episode, episodes[index + 1] as Episode);
  if (!continuesOn && reasonGiven !== undefined && reasonGiven !== null) throw unprocessable("reasonPlaceChange", "Only an episode that ended with a change of placement has a reason for placement change");
  return out;
}

/** Writes one corrected episode, checking its version when given (the edited one), and keeps the version. */
async function writeEpisode(trx: Transaction<Database>, actor: Actor, ctx: Ctx, row: LacEpisodeRow, episode: Episode, version: number | null): Promise<LacEpisodeRow> {
  await ensureVersionRecorded(trx, ctx.laCode, EPISODE_ENTITY, row.id, row.version, episodeSnapshot(row));
  let q = trx
    .updateTable("lac_episode")
    .set((eb) => ({ updated_at: new Date(), version: eb("version", "+", 1) }))
    .set(await episodeColumns(trx, ctx.laCode, episode))
    .where("la_code", "=", ctx.laCode)
    .where("id", "=", row.id);
  if (version !== null) q = q.where("version", "=", version);
  const updated = await q.returningAll().executeTakeFirst();
  if (!updated) throw await conflictProblem(trx, ctx.laCode, EPISODE_ENTITY, row.id, version ?? row.version, episodeSnapshot(row), row.version);
  await recordVersion(trx, actor, ctx.laCode, EPISODE_ENTITY, updated.id, updated.version, episodeSnapshot(updated));
  return updated;
}

/**
 * Corrects one episode's recorded fields (If-Match: 412 when stale). Its dates and REC stay: they
 * follow from what happened and are changed by recording it. Episodes around it follow (see
 * `corrected`). Returns the rows written. The caller audits.
 */
export async function correctEpisode(trx: Transaction<Database>, actor: Actor, ctx: Ctx, rows: LacEpisodeRow[], episodeId: string, version: number, input: EpisodePatch): Promise<LacEpisodeRow[]> {
  const index = rows.findIndex((r) => r.id === episodeId);
  const row = rows[index];
  if (!row) throw new HttpProblem(404, "Episode not found", "This child has no episode with that identifier.");
  if (row.version !== version) {
    await ensureVersionRecorded(trx, ctx.laCode, EPISODE_ENTITY, row.id, row.version, episodeSnapshot(row));
    throw await conflictProblem(trx, ctx.laCode, EPISODE_ENTITY, row.id, version, episodeSnapshot(row), row.version);
  }
  const episodes = rows.map(toEpisode);
  const touched = [input.place, input.placeProvider, input.providerId, input.placementPostcode, input.urn].some((v) => v !== undefined);
  const target = await applyPatch(trx, ctx.laCode, episodes[index] as Episode, input);
  const after = corrected(episodes, index, target, touched, input.reasonPlaceChange);
  const written: LacEpisodeRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as LacEpisodeRow;
    if (i !== index && JSON.stringify(after[i]) === JSON.stringify(episodes[i])) continue;
    written.push(await writeEpisode(trx, actor, ctx, r, after[i] as Episode, i === index ? version : null));
  }
  // The chronology says what happened on each corrected episode's start day.
  for (const r of written) await recordCaseEvent(trx, actor.userId, { laCode: ctx.laCode, personId: ctx.personId, caseId: ctx.caseId, occurredOn: r.decom, kind: "lac_episode", service: "looked_after", title: episodeEventTitle(r), sourceEntity: EPISODE_ENTITY, sourceId: r.id });
  return written;
}
