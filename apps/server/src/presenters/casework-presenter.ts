import { describeDue, dueStatus, todayIso } from "@family-story/domain";
import type { CaseKind, CaseSummary, NamedRef, WorkItem } from "@family-story/schemas";
import type { CaseRow, WorkItemRow } from "../db/database-types.ts";

/** Names resolved for a batch of rows, so presenting stays free of queries. */
export interface NameMaps {
  users: Map<string, string>;
  people: Map<string, { name: string; dob: string | null }>;
}

function ref(id: string | null, names: Map<string, string>): NamedRef | null {
  if (id === null) return null;
  return { id, name: names.get(id) ?? "Unknown" };
}

/** The moment a batch is presented at: due statuses of a whole tray are judged at one instant. */
export interface Clock {
  now: Date;
  today: string;
}

/** Now, and today's date in London. */
export function clockNow(): Clock {
  const now = new Date();
  return { now, today: todayIso(now) };
}

/** A work item with its due status worked out for today (and, for timed items, for now). */
export function presentWorkItem(row: WorkItemRow, names: NameMaps, clock: Clock = clockNow()): WorkItem {
  const { now, today } = clock;
  const open = row.status === "open";
  let status: WorkItem["dueStatus"] = row.due_date === null || !open ? "none" : dueStatus(row.due_date, today);
  let text = row.due_date === null || !open ? "" : describeDue(row.due_date, today);
  if (open && row.due_at !== null && row.due_at.getTime() < now.getTime()) {
    status = "overdue";
    text = "Overdue";
  }
  const person = row.person_id === null ? null : { id: row.person_id, name: names.people.get(row.person_id)?.name ?? "Unknown" };
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    caseId: row.case_id,
    source: { entity: row.source_entity, id: row.source_id },
    person,
    dueDate: row.due_date,
    dueAt: row.due_at === null ? null : row.due_at.toISOString(),
    dueStatus: status,
    dueText: text,
    assignedTo: ref(row.assigned_to, names.users),
    teamId: row.team_id,
    status: row.status === "done" || row.status === "cancelled" ? row.status : "open",
    completedAt: row.completed_at === null ? null : row.completed_at.toISOString(),
    version: row.version,
  };
}

/** A case as lists show it, with its most pressing open item. */
export function presentCaseSummary(row: CaseRow, names: NameMaps, openItems: WorkItemRow[], clock: Clock = clockNow()): CaseSummary {
  const items = openItems.map((i) => presentWorkItem(i, names, clock));
  const sorted = [...items].sort(compareWorkItems);
  return {
    id: row.id,
    laCode: row.la_code,
    kind: row.kind as CaseKind,
    title: row.title,
    status: row.status === "closed" ? "closed" : "open",
    subject: { id: row.subject_person_id, name: names.people.get(row.subject_person_id)?.name ?? "Unknown" },
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    closureReason: row.closure_reason,
    thresholdLevel: row.threshold_level,
    allocatedTo: ref(row.allocated_to, names.users),
    teamId: row.team_id,
    localityId: row.locality_id,
    contactId: row.contact_id,
    previousCaseId: row.previous_case_id,
    lastSupervisedOn: row.last_supervised_on,
    nextDue: sorted[0] ?? null,
    overdueCount: items.filter((i) => i.dueStatus === "overdue").length,
    version: row.version,
  };
}

const URGENCY: Record<WorkItem["dueStatus"], number> = { overdue: 0, due_today: 1, due_soon: 2, not_due: 3, none: 4 };

/** Overdue first, then by due date (timed items by their instant), then by title. */
export function compareWorkItems(a: WorkItem, b: WorkItem): number {
  return URGENCY[a.dueStatus] - URGENCY[b.dueStatus] || (a.dueAt ?? a.dueDate ?? "9999").localeCompare(b.dueAt ?? b.dueDate ?? "9999") || a.title.localeCompare(b.title);
}

/** Cases ordered as a work tray wants them: those with overdue work first, then by next due. */
export function compareCases(a: CaseSummary, b: CaseSummary): number {
  const an = a.nextDue;
  const bn = b.nextDue;
  if (an && bn) return compareWorkItems(an, bn);
  if (an) return -1;
  if (bn) return 1;
  return a.openedOn.localeCompare(b.openedOn);
}
