import {
  CATEGORIES_OF_NEED,
  LEGAL_STATUSES,
  MISSING_TYPES,
  PLACEMENT_PROVIDERS,
  PLACEMENT_TYPES,
  REASONS_EPISODE_CEASED,
  REASONS_FOR_NEW_EPISODE,
  REASONS_FOR_PLACEMENT_CHANGE,
  addCalendarMonths,
  ageOn,
  periodsOfCare,
  placementsOf,
  returnHomeInterviewDueDate,
  type CodedValue,
  type Episode,
} from "@family-story/domain";
import type { LookedAfterEpisode, LookedAfterRecord, MissingEpisode, NamedRef, PlacementProviderOut } from "@family-story/schemas";
import type { Selectable } from "kysely";
import type { CaseRow, PersonRow } from "../db/database-types.ts";
import type { LacChildTable, LacEpisodeTable, LacMissingTable, PlacementProviderTable } from "../db/looked-after-types.ts";

type EpisodeRow = Selectable<LacEpisodeTable>;
type MissingRow = Selectable<LacMissingTable>;

/** A code with its label; an unknown code (retired, imported) keeps the code as its label. */
function coded(list: readonly CodedValue[], code: string | null): { code: string; label: string } | null {
  if (code === null || code === "") return null;
  return { code, label: list.find((e) => e.code === code)?.label ?? code };
}

function named(id: string | null, names: Map<string, string>): NamedRef | null {
  return id === null ? null : { id, name: names.get(id) ?? "Unknown" };
}

function location(value: string | null): "IN" | "OUT" | null {
  return value === "IN" || value === "OUT" ? value : null;
}

/** One episode with its codes' meanings. */
export function presentEpisode(row: EpisodeRow, providers: Map<string, string>): LookedAfterEpisode {
  return {
    id: row.id,
    startDate: row.decom,
    endDate: row.dec,
    reasonNewEpisode: coded(REASONS_FOR_NEW_EPISODE, row.rne),
    legalStatus: coded(LEGAL_STATUSES, row.ls),
    categoryOfNeed: coded(CATEGORIES_OF_NEED, row.cin),
    place: coded(PLACEMENT_TYPES, row.place),
    placeProvider: coded(PLACEMENT_PROVIDERS, row.place_provider),
    provider: named(row.provider_id, providers),
    reasonCeased: coded(REASONS_EPISODE_CEASED, row.rec),
    reasonPlaceChange: coded(REASONS_FOR_PLACEMENT_CHANGE, row.reason_place_change),
    homePostcode: row.home_post,
    placementPostcode: row.pl_post,
    urn: row.urn,
    placementLa: row.pl_la,
    placementLocation: location(row.pl_location),
    distanceMiles: row.pl_distance === null ? null : Number(row.pl_distance),
    source: row.source,
    version: row.version,
  };
}

/** A missing or away episode, with when the return home interview is due (3 days after the return). */
export function presentMissing(row: MissingRow, today: string): MissingEpisode {
  const rhiDue = row.end_date === null ? null : returnHomeInterviewDueDate(row.end_date);
  return {
    id: row.id,
    missingType: coded(MISSING_TYPES, row.missing_type),
    startDate: row.start_date,
    endDate: row.end_date,
    rhiDue,
    rhiOfferedOn: row.rhi_offered_on,
    rhiAccepted: row.rhi_accepted,
    rhiOverdue: rhiDue !== null && row.rhi_offered_on === null && rhiDue < today,
    notes: row.notes,
    version: row.version,
  };
}

/** A carer or provider. */
export function presentProvider(row: Selectable<PlacementProviderTable>): PlacementProviderOut {
  return { id: row.id, laCode: row.la_code, name: row.name, kind: row.kind as PlacementProviderOut["kind"], placeProvider: row.place_provider, urn: row.urn, postcode: row.postcode, active: row.active, version: row.version };
}

/** Everything a looked-after record is presented from (loaded by the data layer). */
export interface LookedAfterRecordInput {
  person: PersonRow;
  lac: Selectable<LacChildTable> | undefined;
  caseRow: CaseRow | undefined;
  rows: EpisodeRow[];
  episodes: Episode[];
  missing: MissingRow[];
  providers: Map<string, string>;
  users: Map<string, string>;
  visit: { last: string | null; nextDue: string | null };
  today: string;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The child's whole looked-after record: periods, episodes, placements, missing episodes and visits. */
export function presentLookedAfterRecord(input: LookedAfterRecordInput): LookedAfterRecord {
  const { person, lac, caseRow, rows, episodes, today } = input;
  const byStart = new Map(rows.map((r) => [r.decom, r]));
  const open = rows.at(-1)?.dec === null ? rows.at(-1) : undefined;
  const periods = periodsOfCare(episodes);
  const spells = placementsOf(episodes);
  const currentPeriod = periods.at(-1);
  const yearAgo = addCalendarMonths(today, -12);
  return {
    child: {
      id: person.id,
      laCode: person.la_code,
      name: `${person.preferred_name ?? person.given_name} ${person.family_name}`,
      dob: person.dob,
      ageYears: person.dob === null ? null : ageOn(person.dob, today),
      uasc: person.uasc,
      uascCeased: lac?.uasc_ceased ?? null,
    },
    status: rows.length === 0 ? "never" : open ? "looked_after" : "ceased",
    caseId: caseRow?.id ?? null,
    caseStatus: caseRow ? (caseRow.status === "closed" ? "closed" : "open") : null,
    allocatedTo: named(caseRow?.allocated_to ?? null, input.users),
    iro: named(lac?.iro_id ?? null, input.users),
    version: lac?.version ?? null,
    currentEpisode: open ? presentEpisode(open, input.providers) : null,
    periods: periods.map((p) => ({
      startDate: p.start,
      endDate: p.end,
      reasonCeased: coded(REASONS_EPISODE_CEASED, p.rec),
      episodes: p.episodes.length,
      placements: placementsOf(p.episodes).length,
      days: daysBetween(p.start, p.end ?? today),
    })),
    episodes: rows.map((r) => presentEpisode(r, input.providers)),
    placements: spells.map((s) => {
      const first = byStart.get(s.start);
      return {
        startDate: s.start,
        endDate: s.end,
        place: coded(PLACEMENT_TYPES, s.placement.place),
        provider: named(s.placement.carerId ?? null, input.providers),
        placementPostcode: s.placement.postcode,
        placementLocation: location(first?.pl_location ?? null),
        distanceMiles: first?.pl_distance === null || first === undefined ? null : Number(first.pl_distance),
        episodes: s.episodes.length,
      };
    }),
    placementCounts: {
      total: spells.length,
      currentPeriod: currentPeriod ? placementsOf(currentPeriod.episodes).length : 0,
      lastTwelveMonths: spells.filter((s) => s.end === null || s.end > yearAgo).length,
    },
    missing: input.missing.map((m) => presentMissing(m, today)),
    visits: { last: input.visit.last, nextDue: input.visit.nextDue, overdue: input.visit.nextDue !== null && input.visit.nextDue < today },
  };
}
