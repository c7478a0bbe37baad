/**
 * SSDA903 episodes derived from what the practitioner records. They say "started to be looked
 * after", "the legal status or placement changed" or "left care"; these functions close and
 * open episodes with the right reason for new episode (RNE), reason episode ceased (REC) and
 * reason for placement change, so the return is right by construction. Pure: the input list is
 * never changed, and a refusal comes back as a plain-English reason, not an exception.
 */
import { isIsoDate } from "./dates.ts";
import {
  isTemporaryPlacement,
  type CareEndingReason,
  type CategoryOfNeed,
  type LegalStatus,
  type PlacementProvider,
  type PlacementType,
  type ReasonEpisodeCeased,
  type ReasonForNewEpisode,
  type ReasonForPlacementChange,
} from "./looked-after-codes.ts";

/** Where and with whom the child lives. */
export interface Placement {
  readonly place: PlacementType;
  /** PLACE_PROVIDER; null for temporary (T0–T4) and other (Z11–Z14) placements, which leave it blank. */
  readonly provider: PlacementProvider | null;
  readonly postcode: string | null;
  /** Ofsted unique reference number of the setting, when it has one. */
  readonly urn: string | null;
  /** Our id of the carer (foster carer, connected person), when known: tells P from T. */
  readonly carerId?: string | null;
}

/** One SSDA903 episode. */
export interface Episode {
  /** DECOM: the day the episode started. */
  readonly start: string;
  readonly rne: ReasonForNewEpisode;
  readonly legalStatus: LegalStatus;
  readonly cin: CategoryOfNeed;
  readonly placement: Placement;
  readonly homePostcode: string | null;
  /** DEC: the day the episode ceased; null while it is open. */
  readonly end: string | null;
  readonly rec: ReasonEpisodeCeased | null;
  readonly reasonPlaceChange: ReasonForPlacementChange | null;
}

/**
 * What a call did to the list. `index` is the episode's position in the result's `episodes`
 * (the input sorted by start); for "removed", the position it had before it was dropped.
 */
export type EpisodeChange =
  | { readonly kind: "opened"; readonly index: number; readonly episode: Episode }
  | { readonly kind: "closed" | "amended"; readonly index: number; readonly before: Episode; readonly episode: Episode }
  /** The last episode was dropped (a same-day change undone, or care ending the day it began). */
  | { readonly kind: "removed"; readonly index: number; readonly episode: Episode };

export type EpisodeResult =
  | { readonly ok: true; readonly episodes: readonly Episode[]; readonly changed: readonly EpisodeChange[] }
  | { readonly ok: false; readonly reason: string };

type Refusal = { readonly ok: false; readonly reason: string };

function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

function normalisePostcode(postcode: string | null): string | null {
  return postcode === null ? null : postcode.replace(/\s+/g, "").toUpperCase();
}

/** True when two placements are the same placement: type, provider, postcode, URN and carer. */
export function samePlacement(a: Placement, b: Placement): boolean {
  return (
    a.place === b.place &&
    a.provider === b.provider &&
    normalisePostcode(a.postcode) === normalisePostcode(b.postcode) &&
    a.urn === b.urn &&
    (a.carerId ?? null) === (b.carerId ?? null)
  );
}

/**
 * True when moving between these placements needs a reason for placement change on the episode
 * that closes: the DfE wants one unless either placement is temporary (rules 225 and 226).
 */
export function needsReasonForPlacementChange(from: Placement, to: Placement): boolean {
  return !samePlacement(from, to) && !isTemporaryPlacement(from.place) && !isTemporaryPlacement(to.place);
}

/** The parts of an episode a change can alter. */
export interface EpisodeState {
  readonly legalStatus: LegalStatus;
  readonly placement: Placement;
}

/**
 * The RNE for moving from one state to another: L (legal status only), P (placement and carers),
 * T (placement, same carers), U (legal status and placement, same carers) or B (legal status,
 * placement and carers). `sameCarers` is what the practitioner said; when both placements
 * name a carer, the two must agree.
 */
export function reasonForNewEpisode(from: EpisodeState, to: EpisodeState, sameCarers: boolean): { ok: true; rne: Exclude<ReasonForNewEpisode, "S"> } | Refusal {
  const legalChanged = from.legalStatus !== to.legalStatus;
  const placementChanged = !samePlacement(from.placement, to.placement);
  if (!placementChanged) return legalChanged ? { ok: true, rne: "L" } : refuse("Nothing has changed: the legal status and placement are the same as before.");
  const fromCarer = from.placement.carerId ?? null;
  const toCarer = to.placement.carerId ?? null;
  if (fromCarer !== null && toCarer !== null && (fromCarer === toCarer) !== sameCarers) {
    return refuse(sameCarers ? "The new placement names a different carer, so the carers did not stay the same." : "The new placement names the same carer, so the carers stayed the same.");
  }
  if (legalChanged) return { ok: true, rne: sameCarers ? "U" : "B" };
  return { ok: true, rne: sameCarers ? "T" : "P" };
}

function checkDate(date: string): Refusal | null {
  return isIsoDate(date) ? null : refuse(`"${date}" is not a date: use YYYY-MM-DD.`);
}

function sortedCopy(episodes: readonly Episode[]): Episode[] {
  return [...episodes].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

function openEpisodeOf(list: readonly Episode[]): Episode | undefined {
  const last = list.at(-1);
  return last !== undefined && last.end === null ? last : undefined;
}

/** Start a period of care: a new episode with RNE S. Refused while the child is looked after. */
export function startPeriodOfCare(
  episodes: readonly Episode[],
  start: { date: string; legalStatus: LegalStatus; cin: CategoryOfNeed; placement: Placement; homePostcode?: string | null },
): EpisodeResult {
  const bad = checkDate(start.date);
  if (bad) return bad;
  const list = sortedCopy(episodes);
  const open = openEpisodeOf(list);
  if (open) return refuse(`The child is already looked after (since ${open.start}): record a change or end care instead.`);
  const lastEnd = list.at(-1)?.end ?? null;
  if (lastEnd !== null && start.date < lastEnd) return refuse(`A new period of care cannot start before ${lastEnd}, when the last one ended.`);
  // Rule 431: a new period on the day the last one ended means the care did not really stop.
  if (lastEnd !== null && start.date === lastEnd) return refuse(`The last period of care ended on ${lastEnd}: a new one cannot start the same day. Correct the ending instead.`);
  if (isTemporaryPlacement(start.placement.place)) return refuse("A period of care cannot start in a temporary placement (T0–T4): record the usual placement.");
  const episode: Episode = {
    start: start.date,
    rne: "S",
    legalStatus: start.legalStatus,
    cin: start.cin,
    placement: start.placement,
    homePostcode: start.homePostcode ?? null,
    end: null,
    rec: null,
    reasonPlaceChange: null,
  };
  return { ok: true, episodes: [...list, episode], changed: [{ kind: "opened", index: list.length, episode }] };
}

/** A change of legal status and/or placement on a day. Omitted fields stay as they are. */
export interface EpisodeChangeInput {
  readonly date: string;
  readonly legalStatus?: LegalStatus;
  readonly placement?: Placement;
  /** Whether the child stayed with the same carer(s); only read when the placement changes. */
  readonly sameCarers: boolean;
  /** Needed when the placement changes and neither placement is temporary; ignored otherwise. */
  readonly reasonPlaceChange?: ReasonForPlacementChange;
}

/**
 * Record a change of legal status and/or placement: the open episode closes on `date` with REC
 * X1 (and a reason for placement change when the DfE wants one) and the next opens with the
 * derived RNE. A change dated the day the open episode started amends that episode instead of
 * leaving one of no length; if that puts things back as they were, the open episode is dropped
 * and the one before reopened.
 */
export function recordChange(episodes: readonly Episode[], change: EpisodeChangeInput): EpisodeResult {
  const bad = checkDate(change.date);
  if (bad) return bad;
  const list = sortedCopy(episodes);
  const open = openEpisodeOf(list);
  if (!open) return refuse("The child is not looked after at the moment: start a period of care first.");
  if (change.date < open.start) return refuse(`The change cannot be dated before ${open.start}, when the current episode started.`);
  const target: EpisodeState = { legalStatus: change.legalStatus ?? open.legalStatus, placement: change.placement ?? open.placement };
  if (target.legalStatus === open.legalStatus && samePlacement(target.placement, open.placement)) {
    return refuse("Nothing has changed: the legal status and placement are the same as now.");
  }
  const openIndex = list.length - 1;
  if (change.date === open.start) return amendSameDay(list, openIndex, target, change);

  const derived = reasonForNewEpisode(open, target, change.sameCarers);
  if (!derived.ok) return derived;
  const needsReason = needsReasonForPlacementChange(open.placement, target.placement);
  if (needsReason && change.reasonPlaceChange === undefined) return refuse("Say why the placement changed.");
  const closed: Episode = { ...open, end: change.date, rec: "X1", reasonPlaceChange: needsReason ? (change.reasonPlaceChange ?? null) : null };
  const next: Episode = { ...open, start: change.date, rne: derived.rne, ...target, end: null, rec: null, reasonPlaceChange: null };
  return {
    ok: true,
    episodes: [...list.slice(0, openIndex), closed, next],
    changed: [
      { kind: "closed", index: openIndex, before: open, episode: closed },
      { kind: "opened", index: openIndex + 1, episode: next },
    ],
  };
}

function amendSameDay(list: Episode[], openIndex: number, target: EpisodeState, change: EpisodeChangeInput): EpisodeResult {
  const open = list[openIndex] as Episode;
  const previous = open.rne === "S" ? undefined : list[openIndex - 1];
  if (!previous) {
    // The period started today: correct its first episode.
    if (isTemporaryPlacement(target.placement.place)) return refuse("A period of care cannot start in a temporary placement (T0–T4): record the usual placement.");
    const amended: Episode = { ...open, ...target };
    return { ok: true, episodes: [...list.slice(0, openIndex), amended], changed: [{ kind: "amended", index: openIndex, before: open, episode: amended }] };
  }
  if (target.legalStatus === previous.legalStatus && samePlacement(target.placement, previous.placement)) {
    // Back to how things were before today's change: drop today's episode, reopen the previous.
    const reopened: Episode = { ...previous, end: null, rec: null, reasonPlaceChange: null };
    return {
      ok: true,
      episodes: [...list.slice(0, openIndex - 1), reopened],
      changed: [
        { kind: "removed", index: openIndex, episode: open },
        { kind: "amended", index: openIndex - 1, before: previous, episode: reopened },
      ],
    };
  }
  const derived = reasonForNewEpisode(previous, target, change.sameCarers);
  if (!derived.ok) return derived;
  const needsReason = needsReasonForPlacementChange(previous.placement, target.placement);
  const reason = needsReason ? (change.reasonPlaceChange ?? previous.reasonPlaceChange) : null;
  if (needsReason && reason === null) return refuse("Say why the placement changed.");
  const closed: Episode = { ...previous, reasonPlaceChange: reason };
  const amended: Episode = { ...open, rne: derived.rne, ...target };
  const changed: EpisodeChange[] = [];
  if (closed.reasonPlaceChange !== previous.reasonPlaceChange) changed.push({ kind: "amended", index: openIndex - 1, before: previous, episode: closed });
  changed.push({ kind: "amended", index: openIndex, before: open, episode: amended });
  return { ok: true, episodes: [...list.slice(0, openIndex - 1), closed, amended], changed };
}

/**
 * End the period of care on `date` with a reason other than X1. Care ending the day a change
 * took effect ends the episode before that change instead, so no episode has no length.
 */
export function ceaseCare(episodes: readonly Episode[], cease: { date: string; rec: CareEndingReason | "X1" }): EpisodeResult {
  const bad = checkDate(cease.date);
  if (bad) return bad;
  if (cease.rec === "X1") return refuse("X1 continues care in a new episode: choose the reason care ended, or record a change instead.");
  const rec = cease.rec;
  const list = sortedCopy(episodes);
  const open = openEpisodeOf(list);
  if (!open) return refuse("The child is not looked after at the moment, so care cannot end.");
  if (cease.date < open.start) return refuse(`Care cannot end before ${open.start}, when the current episode started.`);
  const openIndex = list.length - 1;
  const previous = list[openIndex - 1];
  if (cease.date === open.start && open.rne !== "S" && previous) {
    if (isTemporaryPlacement(previous.placement.place)) return refuse("A period of care cannot end in a temporary placement (T0–T4): record the return to the usual placement first.");
    const ended: Episode = { ...previous, rec, reasonPlaceChange: null };
    return {
      ok: true,
      episodes: [...list.slice(0, openIndex - 1), ended],
      changed: [
        { kind: "removed", index: openIndex, episode: open },
        { kind: "amended", index: openIndex - 1, before: previous, episode: ended },
      ],
    };
  }
  // Rule 381: the last placement of a period is never a temporary one.
  if (isTemporaryPlacement(open.placement.place)) return refuse("A period of care cannot end in a temporary placement (T0–T4): record the return to the usual placement first.");
  const closed: Episode = { ...open, end: cease.date, rec, reasonPlaceChange: null };
  return { ok: true, episodes: [...list.slice(0, openIndex), closed], changed: [{ kind: "closed", index: openIndex, before: open, episode: closed }] };
}
