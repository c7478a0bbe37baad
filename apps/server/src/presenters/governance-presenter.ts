import { measureById } from "@family-story/domain";
import type { GovAction, GovActionNote, GovCommitteeAction, GovCommitteeSummary, GovMeeting, GovRecommendation, GovStatusCounts, GovStrategySummary, GovWorkItem } from "@family-story/schemas";
import type {
  GovActionNoteRow,
  GovActionRow,
  GovCommitteeActionRow,
  GovCommitteeRow,
  GovMeetingRow,
  GovRecommendationResponseRow,
  GovRecommendationRow,
  GovStrategyRow,
  GovWorkItemRow,
} from "../db/governance-types.ts";

/** Counts of actions by status, with the total. */
export function countStatuses(actions: readonly { status: GovActionRow["status"] }[]): GovStatusCounts {
  const counts: GovStatusCounts = { not_started: 0, in_progress: 0, complete: 0, total: actions.length };
  for (const a of actions) counts[a.status]++;
  return counts;
}

/** A strategy without its priorities. */
export function presentStrategySummary(row: GovStrategyRow, laName: string, counts: GovStatusCounts): GovStrategySummary {
  return { id: row.id, laCode: row.la_code, laName, title: row.title, periodLabel: row.period_label, startsOn: row.starts_on, endsOn: row.ends_on, summary: row.summary, counts, version: row.version };
}

/** A progress note as history shows it. */
export function presentNote(row: GovActionNoteRow): GovActionNote {
  return { id: row.id, notedOn: row.noted_on, status: row.status, note: row.note, recordedBy: row.recorded_by_name, recordedAt: new Date(row.recorded_at).toISOString() };
}

/** The measure ids stored with an action (jsonb comes back parsed, but be safe with text). */
export function measureIdsOf(row: Pick<GovActionRow, "measure_ids">): string[] {
  const value: unknown = typeof row.measure_ids === "string" ? JSON.parse(row.measure_ids) : row.measure_ids;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** An action with its notes (newest first) and linked measures, titled from the catalogue when it holds them. */
export function presentAction(row: GovActionRow, names: { strategy: string; priority: string }, notes: GovActionNoteRow[]): GovAction {
  return {
    id: row.id,
    laCode: row.la_code,
    strategyId: row.strategy_id,
    strategyTitle: names.strategy,
    priorityId: row.priority_id,
    priorityTitle: names.priority,
    title: row.title,
    description: row.description,
    status: row.status,
    owner: row.owner,
    startDate: row.start_date,
    dueDate: row.due_date,
    measures: measureIdsOf(row).map((id) => ({ id, title: measureById(id)?.title ?? null })),
    notes: notes.map(presentNote),
    version: row.version,
  };
}

export function presentCommitteeSummary(row: GovCommitteeRow, laName: string): GovCommitteeSummary {
  return { id: row.id, laCode: row.la_code, laName, name: row.name, yearLabel: row.year_label, remit: row.remit };
}

export function presentMeeting(row: GovMeetingRow): GovMeeting {
  return { id: row.id, roundLabel: row.round_label, meetsOn: row.meets_on, version: row.version };
}

export function presentWorkItem(row: GovWorkItemRow): GovWorkItem {
  return { id: row.id, meetingId: row.meeting_id, kind: row.kind, title: row.title, reasons: row.reasons, representedBy: row.represented_by, version: row.version };
}

export function presentCommitteeAction(row: GovCommitteeActionRow): GovCommitteeAction {
  return { id: row.id, meetingId: row.meeting_id, agendaItem: row.agenda_item, action: row.action, status: row.status, update: row.update_note, version: row.version };
}

/** A recommendation with each organisation's response, in the order they were asked. */
export function presentRecommendation(row: GovRecommendationRow, responses: GovRecommendationResponseRow[]): GovRecommendation {
  const mine = responses.filter((r) => r.recommendation_id === row.id).sort((a, b) => a.position - b.position);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    number: row.number,
    text: row.text,
    responses: mine.map((r) => ({ organisation: r.organisation, response: r.response, respondedOn: r.responded_on })),
    version: row.version,
  };
}
