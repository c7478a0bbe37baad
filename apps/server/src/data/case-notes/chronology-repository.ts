import { CASE_NOTE_TYPES, codeLabel, isCaseNoteType } from "@family-story/domain";
import type { Chronology, ChronologyEntry, ChronologyQuery } from "@family-story/schemas";
import type { ExpressionBuilder, Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import type { PersonRepository } from "../person-repository.ts";
import { visibleNotes } from "./note-scope.ts";

const SUMMARY_LENGTH = 400;

/** "assessment_authorised" → "Assessment authorised". */
export function humanise(kind: string): string {
  const words = kind.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeLabel(type: string): string {
  return isCaseNoteType(type) ? codeLabel(CASE_NOTE_TYPES, type) : humanise(type);
}

function excerpt(body: string): string {
  return body.length <= SUMMARY_LENGTH ? body : `${body.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…`;
}

/**
 * A child's chronology: the key events every module records (case_event) merged with case
 * notes, across early help and social care, newest first. Notes are the person's own and
 * those on the cases they are the child of, each only if its person is visible to the reader.
 * The read is audited.
 */
export class ChronologyRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly people: PersonRepository,
  ) {}

  async get(personId: string, query: ChronologyQuery): Promise<Chronology> {
    const person = await this.people.requireVisibleRow(personId);
    const la = person.la_code;
    const [events, notes] = await Promise.all([
      this.db.selectFrom("case_event").selectAll().where("la_code", "=", la).where("person_id", "=", personId).execute(),
      this.db
        .selectFrom("case_note")
        .leftJoin("casework_case", (j) => j.onRef("casework_case.la_code", "=", "case_note.la_code").onRef("casework_case.id", "=", "case_note.case_id"))
        .selectAll("case_note")
        .select("casework_case.kind as case_kind")
        .where("case_note.la_code", "=", la)
        .where((eb) =>
          eb.or([
            eb("case_note.person_id", "=", personId),
            eb("case_note.case_id", "in", eb.selectFrom("casework_case").select("id").where("la_code", "=", la).where("subject_person_id", "=", personId)),
          ]),
        )
        // Notes on the child's cases may be about a family member the reader cannot see.
        .where((eb) => visibleNotes(this.actor)(eb as unknown as ExpressionBuilder<Database, "case_note">))
        .execute(),
    ]);
    const names = await loadUserNames(this.db, [...events.map((e) => e.recorded_by), ...notes.map((n) => n.created_by)]);
    const all: ChronologyEntry[] = [
      ...events.map((e) => ({
        id: e.id,
        source: "event" as const,
        date: e.occurred_on,
        type: e.kind,
        typeLabel: humanise(e.kind),
        service: e.service,
        title: e.title,
        summary: e.summary,
        caseId: e.case_id,
        noteId: null,
        childSeen: null,
        recordedBy: e.recorded_by === null ? null : (names.get(e.recorded_by) ?? null),
      })),
      ...notes.map((n) => ({
        id: n.id,
        source: "note" as const,
        date: n.note_date,
        type: n.note_type,
        typeLabel: typeLabel(n.note_type),
        service: n.case_kind ?? null,
        title: n.person_id === personId ? typeLabel(n.note_type) : `${typeLabel(n.note_type)} (family member)`,
        summary: excerpt(n.body),
        caseId: n.case_id,
        noteId: n.id,
        childSeen: n.child_seen,
        recordedBy: n.created_by === null ? null : (names.get(n.created_by) ?? null),
      })),
    ];
    const counts = new Map<string, { label: string; count: number }>();
    for (const e of all) counts.set(e.type, { label: e.typeLabel, count: (counts.get(e.type)?.count ?? 0) + 1 });
    const wanted = query.types === undefined ? null : new Set(query.types.split(","));
    const entries = all
      .filter((e) => (wanted === null || wanted.has(e.type)) && (query.from === undefined || e.date >= query.from) && (query.to === undefined || e.date <= query.to))
      // Newest first; on the same day events (a referral) come before the notes recorded under them.
      .sort((a, b) => b.date.localeCompare(a.date) || a.source.localeCompare(b.source) || a.title.localeCompare(b.title));
    await this.audit.record(actorForAudit(this.actor), [{ laCode: la, action: "chronology.read", personId, entity: "person", entityId: personId, details: { entries: entries.length, types: query.types ?? null, from: query.from ?? null, to: query.to ?? null } }]);
    return {
      person: { id: person.id, name: `${person.preferred_name ?? person.given_name} ${person.family_name}`, dob: person.dob },
      entries,
      types: [...counts].map(([code, v]) => ({ code, label: v.label, count: v.count })).sort((a, b) => a.label.localeCompare(b.label)),
    };
  }
}
