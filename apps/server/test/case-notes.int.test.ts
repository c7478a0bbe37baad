import { randomUUID } from "node:crypto";
import { addCalendarDays, todayIso } from "@family-story/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPartnerOrg, buildPerson, buildSharing, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Note {
  id: string;
  version: number;
  locked: boolean;
  body: string;
  caseId: string | null;
  childSeen: boolean | null;
  createdBy: string | null;
}
interface NoteWithHistory extends Note {
  history: { version: number; kind: string; reason: string | null; body: string; changedBy: string | null }[];
}
interface Chronology {
  entries: { source: string; type: string; date: string; title: string; service: string | null }[];
  types: { code: string; count: number }[];
}

const visit = (over: Record<string, unknown> = {}) => ({ noteDate: "2025-03-03", noteType: "home_visit", present: "Mother, child", childSeen: true, seenAlone: true, body: "Saw Sam in his room.", ...over });

describe.each(DATABASE_KINDS)("case notes and chronology on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let other: Tenant;
  let sw: Client;
  let sw2: Client;
  let analyst: Client;
  let partner: Client;
  let swId: string;
  let partnerOrg: string;

  beforeAll(async () => {
    svc = await createTestService(kind);
    tenant = await buildTenant(svc.services);
    other = await buildTenant(svc.services, "Other Borough");
    const a = await buildUser(svc.services.db, tenant, "practitioner");
    const b = await buildUser(svc.services.db, tenant, "practitioner");
    const an = await buildUser(svc.services.db, tenant, "performance_analyst");
    partnerOrg = await buildPartnerOrg(svc.services.db, tenant);
    const p = await buildUser(svc.services.db, tenant, "partner_practitioner", { orgId: partnerOrg, teamId: null });
    swId = a.id;
    sw = await signIn(svc.app, a.username, TEST_PASSWORD);
    sw2 = await signIn(svc.app, b.username, TEST_PASSWORD);
    analyst = await signIn(svc.app, an.username, TEST_PASSWORD);
    partner = await signIn(svc.app, p.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  const lockNow = (id: string) => svc.services.db.updateTable("case_note").set({ locks_at: new Date(Date.now() - 1000) }).where("id", "=", id).execute();

  it("records a visit, validates what a visit must say, and audits it", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    const noSeen = await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, childSeen: null, seenAlone: null }));
    expect(noSeen.statusCode).toBe(400);
    expect(noSeen.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("childSeen");
    const aloneNotSeen = await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, childSeen: false, seenAlone: true }));
    expect(aloneNotSeen.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["seenAlone"]);
    expect((await sw.post(`/api/v1/people/${child}/case-notes`, visit({ noteType: "lunch" }))).statusCode).toBe(400);

    const res = await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId }));
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('W/"1"');
    const note = res.json<Note>();
    expect(note).toMatchObject({ caseId, childSeen: true, locked: false, version: 1 });
    const row = await svc.services.db.selectFrom("case_note").selectAll().where("id", "=", note.id).executeTakeFirstOrThrow();
    // Default local standard: 24 hours to edit.
    expect(Math.round((row.locks_at.getTime() - row.created_at.getTime()) / 3_600_000)).toBe(24);
    const audit = await svc.services.db.selectFrom("audit_event").select(["action", "person_id"]).where("entity_id", "=", note.id).execute();
    expect(audit).toEqual([{ action: "case-note.create", person_id: child }]);

    // A person who is not on the case cannot be noted on it.
    const stranger = await buildPerson(svc.services.db, tenant);
    expect((await sw.post(`/api/v1/people/${stranger}/case-notes`, visit({ caseId }))).statusCode).toBe(422);
  });

  it("lets the author edit before the lock, then only amend with a reason; history keeps every version", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    const note = (await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId }))).json<Note>();
    const url = `/api/v1/case-notes/${note.id}`;

    expect((await sw.put(url, visit({ body: "Edited" }))).statusCode).toBe(428);
    const edited = await sw.put(url, visit({ body: "Saw Sam in his room; tidy." }), { "if-match": 'W/"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<Note>()).toMatchObject({ version: 2, locked: false });
    // Someone else's note before the lock: an amendment, so a reason is needed.
    expect((await sw2.put(url, visit({ body: "Not mine" }), { "if-match": 'W/"2"' })).statusCode).toBe(422);

    const stale = await sw.put(url, visit({ body: "Stale" }), { "if-match": 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ changes: { field: string }[] }>().changes.map((c) => c.field)).toEqual(["body"]);

    await lockNow(note.id);
    const noReason = await sw.put(url, visit({ body: "After lock" }), { "if-match": 'W/"2"' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("reason");
    const amended = await sw.put(url, visit({ body: "Saw Sam alone in his room; tidy.", reason: "Seen alone was left out" }), { "if-match": 'W/"2"' });
    expect(amended.statusCode).toBe(200);
    expect(amended.json<Note>()).toMatchObject({ version: 3, locked: true });

    const full = await sw.get(url);
    expect(full.statusCode).toBe(200);
    const history = full.json<NoteWithHistory>().history;
    expect(history.map((h) => [h.version, h.kind, h.reason])).toEqual([
      [1, "original", null],
      [2, "edit", null],
      [3, "amendment", "Seen alone was left out"],
    ]);
    expect(history.map((h) => h.body)).toEqual(["Saw Sam in his room.", "Saw Sam in his room; tidy.", "Saw Sam alone in his room; tidy."]);
    const actions = (await svc.services.db.selectFrom("audit_event").select("action").where("entity_id", "=", note.id).orderBy("seq").execute()).map((r) => r.action);
    expect(actions).toEqual(["case-note.create", "case-note.update", "case-note.amend", "case-note.read"]);
  });

  it("lists notes by person and case, honours the local standard's lock hours, and hides notes out of scope", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    await svc.services.db.insertInto("la_setting").values({ la_code: tenant.laCode, local_standards: JSON.stringify({ caseNoteLockHours: 1 }), updated_at: new Date() }).onConflict((oc) => oc.column("la_code").doUpdateSet({ local_standards: JSON.stringify({ caseNoteLockHours: 1 }) })).execute();
    const a = (await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, noteDate: "2025-03-01" }))).json<Note & { locksAt: string; createdAt: string }>();
    expect(Math.round((Date.parse(a.locksAt) - Date.parse(a.createdAt)) / 60_000)).toBe(60);
    await sw.post(`/api/v1/people/${child}/case-notes`, { noteDate: "2025-03-05", noteType: "phone_call", body: "Called school." });
    const byPerson = (await sw.get(`/api/v1/people/${child}/case-notes`)).json<Note[]>();
    expect(byPerson.map((n) => n.caseId)).toEqual([null, caseId]);
    expect((await sw.get(`/api/v1/people/${child}/case-notes?caseId=${caseId}`)).json<Note[]>()).toHaveLength(1);
    expect((await sw.get(`/api/v1/cases/${caseId}/case-notes`)).json<Note[]>()).toHaveLength(1);
    expect((await analyst.get(`/api/v1/cases/${caseId}/case-notes`)).statusCode).toBe(200);
    expect((await analyst.put(`/api/v1/case-notes/${a.id}`, visit(), { "if-match": 'W/"1"' })).statusCode).toBe(403);
    // Partners never read practitioners' notes, even about a child shared with them.
    await buildSharing(svc.services.db, tenant, child, partnerOrg, swId);
    expect((await partner.get(`/api/v1/people/${child}/case-notes`)).statusCode).toBe(403);
    expect((await partner.get(`/api/v1/people/${child}/chronology`)).statusCode).toBe(403);

    const restricted = await buildPerson(svc.services.db, tenant, { restricted: true });
    expect((await sw.get(`/api/v1/people/${restricted}/case-notes`)).statusCode).toBe(404);
    const elsewhere = await buildPerson(svc.services.db, other);
    expect((await sw.post(`/api/v1/people/${elsewhere}/case-notes`, visit())).statusCode).toBe(404);
    expect((await sw.get(`/api/v1/case-notes/${randomUUID()}`)).statusCode).toBe(404);
  });

  it("merges key events and notes across services into a chronology, filtered by type and date", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const mother = await buildPerson(svc.services.db, tenant, { givenName: "Jo", dob: "1990-01-01" });
    const eh = await buildCase(svc.services.db, tenant, child, { kind: "early_help", allocatedTo: swId, openedOn: "2024-05-01" });
    await svc.services.db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: eh, person_id: mother, role: "parent" }).execute();
    const sc = await buildCase(svc.services.db, tenant, child, { kind: "social_care", allocatedTo: swId, openedOn: "2025-01-10" });
    const event = (kindName: string, on: string, service: string, caseId: string) => ({ la_code: tenant.laCode, id: randomUUID(), person_id: child, case_id: caseId, occurred_on: on, kind: kindName, service, title: kindName, source_entity: "test", source_id: randomUUID() });
    await svc.services.db.insertInto("case_event").values([event("referral", "2025-01-10", "social_care", sc), event("step_up", "2025-01-10", "early_help", eh), event("eh_review", "2024-07-01", "early_help", eh)]).execute();
    await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId: sc, noteDate: "2025-02-01" }));
    await sw.post(`/api/v1/people/${mother}/case-notes`, { caseId: eh, noteDate: "2024-06-01", noteType: "meeting", body: "TAF meeting with mum." });
    await sw.post(`/api/v1/people/${child}/case-notes`, { noteDate: "2024-05-02", noteType: "phone_call", body: "Call." });

    const all = await sw.get(`/api/v1/people/${child}/chronology`);
    expect(all.statusCode).toBe(200);
    const body = all.json<Chronology>();
    expect(body.entries.map((e) => [e.date, e.source, e.type])).toEqual([
      ["2025-02-01", "note", "home_visit"],
      ["2025-01-10", "event", "referral"],
      ["2025-01-10", "event", "step_up"],
      ["2024-07-01", "event", "eh_review"],
      ["2024-06-01", "note", "meeting"],
      ["2024-05-02", "note", "phone_call"],
    ]);
    expect(body.entries.find((e) => e.type === "meeting")).toMatchObject({ service: "early_help", title: "Meeting (family member)" });
    expect(body.types.map((t) => t.code).sort()).toEqual(["eh_review", "home_visit", "meeting", "phone_call", "referral", "step_up"]);

    const visits = (await sw.get(`/api/v1/people/${child}/chronology?types=home_visit,referral`)).json<Chronology>();
    expect(visits.entries.map((e) => e.type)).toEqual(["home_visit", "referral"]);
    const range = (await sw.get(`/api/v1/people/${child}/chronology?from=2024-06-01&to=2024-12-31`)).json<Chronology>();
    expect(range.entries.map((e) => e.date)).toEqual(["2024-07-01", "2024-06-01"]);
    expect((await sw.get(`/api/v1/people/${child}/chronology?from=2025-01-01&to=2024-01-01`)).statusCode).toBe(400);
    expect((await sw.get(`/api/v1/people/${child}/chronology?types=DROP TABLE`)).statusCode).toBe(400);
    const audited = await svc.services.db.selectFrom("audit_event").select("action").where("person_id", "=", child).where("action", "=", "chronology.read").execute();
    expect(audited).toHaveLength(3);

    const restricted = await buildPerson(svc.services.db, tenant, { restricted: true });
    expect((await sw.get(`/api/v1/people/${restricted}/chronology`)).statusCode).toBe(404);
  });
  it("keeps a note about a restricted family member from readers of the child's case and chronology", async () => {
    const named = await buildUser(svc.services.db, tenant, "practitioner");
    const namedClient = await signIn(svc.app, named.username, TEST_PASSWORD);
    const child = await buildPerson(svc.services.db, tenant);
    const mother = await buildPerson(svc.services.db, tenant, { restricted: true, givenName: "Hidden" });
    await grantNamedAccess(svc.services.db, tenant, mother, named.id);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId });
    await svc.services.db.insertInto("case_member").values({ la_code: tenant.laCode, case_id: caseId, person_id: mother, role: "parent" }).execute();
    const secret = await namedClient.post(`/api/v1/people/${mother}/case-notes`, { caseId, noteDate: "2025-03-02", noteType: "meeting", body: "Mother's new address is in the refuge." });
    expect(secret.statusCode, secret.body).toBe(201);
    await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId }));

    const onCase = await sw.get(`/api/v1/cases/${caseId}/case-notes`);
    expect(onCase.statusCode).toBe(200);
    expect(onCase.json<Note[]>().map((n) => n.body)).toEqual(["Saw Sam in his room."]);
    const chronology = await sw.get(`/api/v1/people/${child}/chronology`);
    expect(chronology.statusCode).toBe(200);
    expect(chronology.json<Chronology>().entries.map((e) => e.type)).toEqual(["home_visit"]);
    expect(chronology.body).not.toContain("refuge");
    expect((await sw.get(`/api/v1/case-notes/${secret.json<Note>().id}`)).statusCode).toBe(404);
    // The named user sees both notes in both places.
    expect((await namedClient.get(`/api/v1/cases/${caseId}/case-notes`)).json<Note[]>()).toHaveLength(2);
    expect((await namedClient.get(`/api/v1/people/${child}/chronology`)).json<Chronology>().entries.map((e) => e.type)).toEqual(["home_visit", "meeting"]);
  });

  it("refuses a note dated in the future or before its case opened", async () => {
    const child = await buildPerson(svc.services.db, tenant);
    const caseId = await buildCase(svc.services.db, tenant, child, { allocatedTo: swId, openedOn: "2025-01-10" });
    const fields = (body: string) => (JSON.parse(body) as { errors: { field: string }[] }).errors.map((e) => e.field);
    const tomorrow = await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, noteDate: addCalendarDays(todayIso(), 1) }));
    expect(tomorrow.statusCode).toBe(422);
    expect(fields(tomorrow.body)).toEqual(["noteDate"]);
    const early = await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, noteDate: "2025-01-09" }));
    expect(early.statusCode).toBe(422);
    expect(fields(early.body)).toEqual(["noteDate"]);
    expect(await svc.services.db.selectFrom("case_note").select("id").where("person_id", "=", child).execute()).toEqual([]);
    // Today and the day the case opened are fine; so is an older note on no case.
    expect((await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, noteDate: "2025-01-10" }))).statusCode).toBe(201);
    expect((await sw.post(`/api/v1/people/${child}/case-notes`, { noteDate: "2024-12-01", noteType: "phone_call", body: "Call." })).statusCode).toBe(201);
    const note = (await sw.post(`/api/v1/people/${child}/case-notes`, visit({ caseId, noteDate: todayIso() }))).json<Note>();
    // A correction is held to the same rules.
    const moved = await sw.put(`/api/v1/case-notes/${note.id}`, visit({ noteDate: addCalendarDays(todayIso(), 7) }), { "if-match": 'W/"1"' });
    expect(moved.statusCode).toBe(422);
    expect(fields(moved.body)).toEqual(["noteDate"]);
    expect(fields((await sw.put(`/api/v1/case-notes/${note.id}`, visit({ noteDate: "2024-12-31" }), { "if-match": 'W/"1"' })).body)).toEqual(["noteDate"]);
  });
});
