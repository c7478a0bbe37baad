import { randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { PersonRelation } from "./permission-fixture.ts";
import { CASEWORK, RECORD_READERS, RESTRICTERS, VISIBLE_TO, ifMatch, req, type SessionCase } from "./permission-support.ts";

const SETTINGS_READERS: readonly Role[] = [...CASEWORK, "performance_analyst", "administrator"];

/** Cases, work trays, tasks and local standards. */
export const CASEWORK_CASES: Record<string, SessionCase> = {
  "GET /api/v1/work-tray": {
    target: "none",
    roles: RECORD_READERS,
    ok: 200,
    build: () => req("/api/v1/work-tray"),
    // Every fixture case is allocated to the practitioner: their tray holds exactly those they may see.
    check: (res, f, role) => {
      const ids = res.json<{ cases: { id: string }[] }>().cases.map((c) => c.id);
      for (const [rel, p] of Object.entries(f.people)) {
        const expected = role === "practitioner" && VISIBLE_TO[rel as PersonRelation].includes(role);
        expect(ids.includes(p.caseId), `${role}'s tray and the ${rel} case`).toBe(expected);
      }
    },
  },
  "GET /api/v1/workers": {
    target: "none",
    roles: RESTRICTERS,
    ok: 200,
    build: () => req("/api/v1/workers"),
    check: (res, f) => {
      const workers = res.json<{ id: string; role: string }[]>();
      expect(workers.map((w) => w.id)).toContain(f.users.practitioner.id);
      expect(workers.filter((w) => ["partner_practitioner", "administrator", "auditor", "performance_analyst"].includes(w.role))).toEqual([]);
      expect(workers.map((w) => w.id)).not.toContain(f.authorities.otherLa.userId);
    },
  },
  "GET /api/v1/cases/:id": { target: "person", roles: RECORD_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/cases/${f.people[rel].caseId}`) },
  "GET /api/v1/people/:id/cases": { target: "person", roles: RECORD_READERS, ok: 200, build: (f, _r, rel) => req(`/api/v1/people/${f.people[rel].id}/cases`) },
  "PUT /api/v1/cases/:id/allocation": {
    target: "person",
    roles: RESTRICTERS,
    ok: 200,
    build: async (f, _r, rel) => req(`/api/v1/cases/${f.people[rel].caseId}/allocation`, { userId: f.users.practitioner.id }, await ifMatch(f, "casework_case", f.people[rel].caseId)),
  },
  "POST /api/v1/tasks": {
    target: "person",
    roles: CASEWORK,
    ok: 201,
    build: (f, role, rel) => req("/api/v1/tasks", { title: `Call school (${role})`, caseId: f.people[rel].caseId, dueDate: "2030-01-07" }),
  },
  "PATCH /api/v1/tasks/:id": {
    target: "person",
    roles: [...CASEWORK, "partner_practitioner"],
    ok: 200,
    // A task of the acting user's own on the person's case: partners may tick off their own actions.
    build: async (f, role, rel) => {
      const p = f.people[rel];
      const id = randomUUID();
      await f.db
        .insertInto("work_item")
        .values({ la_code: p.laCode, id, kind: "task", source_entity: "task", source_id: id, case_id: p.caseId, person_id: p.id, title: "Matrix task", due_date: "2030-01-07", assigned_to: f.users[role].id, team_id: null })
        .execute();
      return req(`/api/v1/tasks/${id}`, { status: "done" }, { "if-match": 'W/"1"' });
    },
  },
  "GET /api/v1/settings/local-standards": { target: "none", roles: SETTINGS_READERS, ok: 200, build: () => req("/api/v1/settings/local-standards") },
  "PUT /api/v1/settings/local-standards": {
    target: "none",
    roles: ["administrator"],
    ok: 200,
    build: async (f) => {
      const row = await f.db.selectFrom("la_setting").select("version").where("la_code", "=", f.home.laCode).executeTakeFirst();
      const body = { earlyHelpReviewWeeks: 8, cpVisitWorkingDays: 10, cinVisitWorkingDays: 20, supervisionWeeks: 4, caseNoteLockHours: 24, contactDecisionWorkingDays: 1 };
      return req("/api/v1/settings/local-standards", body, { "if-match": `W/"${String(row?.version ?? 0)}"` });
    },
  },
};
