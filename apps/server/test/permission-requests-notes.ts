import { randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { MatrixFixture, PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, RESTRICTERS, req, type SessionCase } from "./permission-support.ts";

/** Case notes and the chronology are practitioners' records: staff read them, partners never do. */
const NOTE_READERS: readonly Role[] = [...CASEWORK, "performance_analyst"];

/** A note about the fixture person on their case, written by the acting user, still editable. */
async function noteFor(f: MatrixFixture, role: Role, rel: PersonRelation): Promise<string> {
  const p = f.people[rel];
  const id = randomUUID();
  await f.db
    .insertInto("case_note")
    .values({ la_code: p.laCode, id, person_id: p.id, case_id: p.caseId, note_date: "2025-03-03", note_type: "phone_call", present: null, child_seen: null, seen_alone: null, body: "Matrix note", locks_at: new Date(Date.now() + 86_400_000), created_by: f.users[role].id, updated_at: new Date(), updated_by: f.users[role].id })
    .execute();
  return id;
}

const note = { noteDate: "2025-03-03", noteType: "phone_call", body: "Called the school." };

/** Case notes, chronology and supervision. */
export const NOTES_CASES: Record<string, SessionCase> = {
  "POST /api/v1/people/:id/case-notes": { target: "person", roles: CASEWORK, ok: 201, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/case-notes`, { ...note, caseId: f.people[rel].caseId }) },
  "GET /api/v1/people/:id/case-notes": { target: "person", roles: NOTE_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/case-notes`) },
  "GET /api/v1/cases/:id/case-notes": { target: "person", roles: NOTE_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/cases/${f.people[rel].caseId}/case-notes`) },
  "GET /api/v1/case-notes/:id": { target: "person", roles: NOTE_READERS, ok: 200, build: async (f, role, rel) => req(`/api/v1/case-notes/${await noteFor(f, role, rel)}`) },
  "PUT /api/v1/case-notes/:id": {
    target: "person",
    roles: CASEWORK,
    ok: 200,
    build: async (f, role, rel) => req(`/api/v1/case-notes/${await noteFor(f, role, rel)}`, { ...note, body: "Edited by the author" }, { "if-match": 'W/"1"' }),
  },
  "GET /api/v1/people/:id/chronology": { target: "person", roles: NOTE_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/chronology?from=2020-01-01`) },
  "POST /api/v1/supervisions": {
    target: "none",
    roles: RESTRICTERS,
    ok: 201,
    build: (f) => req("/api/v1/supervisions", { workerId: f.users.practitioner.id, supervisedOn: "2025-03-03", reflections: "Matrix supervision", cases: [{ caseId: f.people.sameLa.caseId, note: "Discussed" }] }),
  },
  "GET /api/v1/supervisions": { target: "none", roles: CASEWORK, ok: 200, build: () => req("/api/v1/supervisions") },
  "GET /api/v1/supervisions/:id": {
    target: "none",
    roles: CASEWORK,
    ok: 200,
    // A supervision of the acting user: workers read their own records.
    build: async (f, role) => {
      const id = randomUUID();
      await f.db.insertInto("supervision").values({ la_code: f.home.laCode, id, worker_id: f.users[role].id, manager_id: f.users.team_manager.id, supervised_on: "2025-03-03", reflections: "Matrix" }).execute();
      return req(`/api/v1/supervisions/${id}`);
    },
  },
  "GET /api/v1/supervision/team": {
    target: "none",
    roles: RESTRICTERS,
    ok: 200,
    build: () => req("/api/v1/supervision/team"),
    check: (res, f) => {
      const ids = res.json<{ workers: { id: string }[] }>().workers.map((w) => w.id);
      expect(ids).toContain(f.users.practitioner.id);
      expect(ids).not.toContain(f.users.partner_practitioner.id);
    },
  },
};
