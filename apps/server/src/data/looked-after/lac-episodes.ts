import { randomUUID } from "node:crypto";
import {
  LEGAL_STATUSES,
  PLACEMENT_TYPES,
  REASONS_EPISODE_CEASED,
  codeLabel,
  type CategoryOfNeed,
  type Episode,
  type EpisodeResult,
  type LegalStatus,
  type PlacementProvider,
  type PlacementType,
  type ReasonEpisodeCeased,
  type ReasonForNewEpisode,
  type ReasonForPlacementChange,
} from "@family-story/domain";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacEpisodeTable } from "../../db/looked-after-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { recordCaseEvent } from "../casework/case-events.ts";
import { recordVersion } from "../versioning.ts";
import { placementFieldsFor } from "./lac-postcodes.ts";

export type LacEpisodeRow = Selectable<LacEpisodeTable>;
export const EPISODE_ENTITY = "lac_episode";

/**
 * An episode row as the derivation functions read it. Code columns are text (imported history
 * may carry codes a later year retired), so they are taken as recorded, not re-checked here.
 */
export function toEpisode(row: LacEpisodeRow): Episode {
  return {
    start: row.decom,
    rne: (row.rne ?? "S") as ReasonForNewEpisode,
    legalStatus: (row.ls ?? "") as LegalStatus,
    cin: (row.cin ?? "") as CategoryOfNeed,
    placement: { place: (row.place ?? "") as PlacementType, provider: row.place_provider as PlacementProvider | null, postcode: row.pl_post, urn: row.urn, carerId: row.provider_id },
    homePostcode: row.home_post,
    end: row.dec,
    rec: row.rec as ReasonEpisodeCeased | null,
    reasonPlaceChange: row.reason_place_change as ReasonForPlacementChange | null,
  };
}

/** The fields a conflict message and the record history compare. */
export function episodeSnapshot(row: LacEpisodeRow): Record<string, unknown> {
  return { decom: row.decom, rne: row.rne, ls: row.ls, cin: row.cin, place: row.place, placeProvider: row.place_provider, providerId: row.provider_id, dec: row.dec, rec: row.rec, reasonPlaceChange: row.reason_place_change, homePost: row.home_post, plPost: row.pl_post, urn: row.urn };
}

/** A child's episodes, oldest first. */
export function loadEpisodeRows(db: Kysely<Database> | Transaction<Database>, laCode: string, personId: string): Promise<LacEpisodeRow[]> {
  return db.selectFrom("lac_episode").selectAll().where("la_code", "=", laCode).where("person_id", "=", personId).orderBy("decom").execute();
}

/** The columns an episode's fields set, with PL_LA, PL_LOCATION and PL_DISTANCE derived from its postcodes. */
export async function episodeColumns(trx: Transaction<Database>, laCode: string, e: Episode) {
  const derived = await placementFieldsFor(trx, laCode, e.homePostcode, e.placement.postcode);
  return {
    decom: e.start,
    rne: e.rne,
    ls: e.legalStatus,
    cin: e.cin,
    place: e.placement.place,
    place_provider: e.placement.provider,
    provider_id: e.placement.carerId ?? null,
    dec: e.end,
    rec: e.rec,
    reason_place_change: e.reasonPlaceChange,
    home_post: e.homePostcode,
    pl_post: e.placement.postcode,
    urn: e.placement.urn,
    pl_la: derived.PL_LA,
    pl_location: derived.PL_LOCATION,
    pl_distance: derived.PL_DISTANCE,
  };
}

/** A derivation's refusal as a 409 (the record does not allow it) or 422 (a value does not fit). */
export function refusal(result: EpisodeResult, field?: string): asserts result is Extract<EpisodeResult, { ok: true }> {
  if (result.ok) return;
  const conflict = /not looked after|already looked after/.test(result.reason);
  throw new HttpProblem(conflict ? 409 : 422, conflict ? "Not possible as the record stands" : "Check the dates and values", result.reason, field === undefined || conflict ? {} : { errors: [{ field, message: result.reason }] });
}

/** What a persisted change left: the rows written, by kind. */
export interface PersistedChange {
  kind: "opened" | "closed" | "amended" | "removed";
  row: LacEpisodeRow;
}

/** The chronology entry for an episode: what happened on its start day. */
export function episodeEventTitle(row: LacEpisodeRow): string {
  const ls = row.ls === null ? "not recorded" : `${row.ls} ${codeLabel<string>(LEGAL_STATUSES, row.ls)}`;
  const place = row.place === null ? "not recorded" : `${row.place} ${codeLabel<string>(PLACEMENT_TYPES, row.place)}`;
  if (row.rne === "S") return `Started to be looked after: ${ls}; ${place}`;
  if (row.rne === "L") return `Legal status changed: ${ls}`;
  if (row.rne === "U" || row.rne === "B") return `Legal status and placement changed: ${ls}; ${place}`;
  return `Placement changed: ${place}`;
}

/**
 * Writes what a derivation changed: removes dropped episodes, updates closed and amended ones
 * (matched by start day, unique per child), inserts opened ones, keeps each version and the
 * chronology in step. Runs in the caller's transaction; the caller audits.
 */
export async function persistEpisodes(trx: Transaction<Database>, actor: Actor, ctx: { laCode: string; personId: string; caseId: string }, rows: LacEpisodeRow[], result: Extract<EpisodeResult, { ok: true }>): Promise<PersistedChange[]> {
  const byStart = new Map(rows.map((r) => [r.decom, r]));
  const out: PersistedChange[] = [];
  const event = async (row: LacEpisodeRow, kind: string, on: string, title: string) =>
    recordCaseEvent(trx, actor.userId, { laCode: ctx.laCode, personId: ctx.personId, caseId: ctx.caseId, occurredOn: on, kind, service: "looked_after", title, sourceEntity: EPISODE_ENTITY, sourceId: row.id });
  const ordered = [...result.changed].sort((a, b) => (a.kind === "removed" ? -1 : 0) - (b.kind === "removed" ? -1 : 0));
  for (const change of ordered) {
    if (change.kind === "removed") {
      const row = byStart.get(change.episode.start);
      if (!row) continue;
      await trx.deleteFrom("lac_episode").where("la_code", "=", ctx.laCode).where("id", "=", row.id).execute();
      await trx.deleteFrom("case_event").where("la_code", "=", ctx.laCode).where("person_id", "=", ctx.personId).where("source_entity", "=", EPISODE_ENTITY).where("source_id", "=", row.id).execute();
      out.push({ kind: "removed", row });
      continue;
    }
    const columns = await episodeColumns(trx, ctx.laCode, change.episode);
    if (change.kind === "opened") {
      const row = await trx.insertInto("lac_episode").values({ la_code: ctx.laCode, id: randomUUID(), person_id: ctx.personId, case_id: ctx.caseId, ...columns, created_by: actor.userId }).returningAll().executeTakeFirstOrThrow();
      await recordVersion(trx, actor, ctx.laCode, EPISODE_ENTITY, row.id, row.version, episodeSnapshot(row));
      await event(row, "lac_episode", row.decom, episodeEventTitle(row));
      out.push({ kind: "opened", row });
      continue;
    }
    const before = byStart.get(change.before.start);
    if (!before) throw new Error(`episode starting ${change.before.start} not loaded`);
    const row = await trx
      .updateTable("lac_episode")
      .set((eb) => ({ ...columns, updated_at: new Date(), version: eb("version", "+", 1) }))
      .where("la_code", "=", ctx.laCode)
      .where("id", "=", before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordVersion(trx, actor, ctx.laCode, EPISODE_ENTITY, row.id, row.version, episodeSnapshot(row));
    await event(row, "lac_episode", row.decom, episodeEventTitle(row));
    // Care ending is its own event in the child's story; an episode reopened loses it.
    if (row.dec !== null && row.rec !== null && row.rec !== "X1") await event(row, "lac_ceased", row.dec, `Stopped being looked after: ${row.rec} ${codeLabel<string>(REASONS_EPISODE_CEASED, row.rec)}`);
    else await trx.deleteFrom("case_event").where("la_code", "=", ctx.laCode).where("person_id", "=", ctx.personId).where("kind", "=", "lac_ceased").where("source_entity", "=", EPISODE_ENTITY).where("source_id", "=", row.id).execute();
    out.push({ kind: change.kind, row });
  }
  return out;
}
