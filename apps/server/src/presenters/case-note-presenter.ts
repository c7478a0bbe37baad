import { CASE_NOTE_TYPES, codeLabel, type CaseNoteType } from "@family-story/domain";
import type { CaseNote, CaseNoteVersion } from "@family-story/schemas";
import type { CaseNoteRow } from "../db/database-types.ts";

/** The fields of a note kept in each version's snapshot (and compared in a conflict). */
export function caseNoteSnapshot(row: CaseNoteRow): Record<string, unknown> {
  return { noteDate: row.note_date, noteType: row.note_type, present: row.present, childSeen: row.child_seen, seenAlone: row.seen_alone, body: row.body };
}

/** A note as the API shows it; `names` resolves the author and last editor. */
export function presentCaseNote(row: CaseNoteRow, names: Map<string, string>, canEdit: boolean, now = new Date()): CaseNote {
  const type = row.note_type as CaseNoteType;
  return {
    id: row.id,
    laCode: row.la_code,
    personId: row.person_id,
    caseId: row.case_id,
    noteDate: row.note_date,
    noteType: type,
    noteTypeLabel: codeLabel(CASE_NOTE_TYPES, type),
    present: row.present,
    childSeen: row.child_seen,
    seenAlone: row.seen_alone,
    body: row.body,
    locksAt: row.locks_at.toISOString(),
    locked: row.locks_at.getTime() <= now.getTime(),
    canEdit,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by === null ? null : (names.get(row.created_by) ?? "Unknown"),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by === null ? null : (names.get(row.updated_by) ?? "Unknown"),
  };
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);
const boolOrNull = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);

/** One version from record_history: the note as it stood, and why it changed. */
export function presentCaseNoteVersion(h: { version: number; data: Record<string, unknown>; changed_by_name: string | null; changed_at: Date }): CaseNoteVersion {
  const kind = h.data.changeKind === "amendment" ? "amendment" : h.data.changeKind === "edit" || h.version > 1 ? "edit" : "original";
  return {
    version: h.version,
    kind,
    reason: strOrNull(h.data.reason),
    changedBy: h.changed_by_name,
    changedAt: new Date(h.changed_at).toISOString(),
    noteDate: str(h.data.noteDate),
    noteType: str(h.data.noteType),
    present: strOrNull(h.data.present),
    childSeen: boolOrNull(h.data.childSeen),
    seenAlone: boolOrNull(h.data.seenAlone),
    body: str(h.data.body),
  };
}
