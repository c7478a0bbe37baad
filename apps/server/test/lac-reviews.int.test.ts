import { inflateSync } from "node:zlib";
import type { LacIro, LacReview, LacReviews, WorkTray } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshReviewDue } from "../src/data/looked-after/lac-review-schedule.ts";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildSharing, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { buildLookedAfterChild, type LookedAfterOptions } from "./lac-review-fixture.ts";

interface Problem { title: string; detail?: string; errors?: { field: string; message: string }[] }

/**
 * The text a PDF shows, read back without a PDF library: each content stream is inflated
 * (node:zlib) and the strings of its TJ operators joined. pdfkit writes the standard fonts'
 * text as hex strings in WinAnsi, which is ASCII for the letters these tests use.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString("latin1");
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      out.push([...(tj[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1")).join(""));
    }
  }
  return out.join(" ").replace(/\s+/g, " ");
}

describe.each(DATABASE_KINDS)("looked-after reviews and the letter to the child on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  /** A fresh authority with an IRO, a second IRO, a social worker and a manager, signed in. */
  async function world() {
    const tenant = await buildTenant(svc.services);
    const iroTeam = await buildTeam(db(), tenant, "locality_social_work");
    const iro = await buildUser(db(), tenant, "iro", { teamId: iroTeam });
    const iro2 = await buildUser(db(), tenant, "iro", { teamId: iroTeam });
    const sw = await buildUser(db(), tenant, "practitioner");
    return {
      tenant,
      iroTeam,
      iro,
      iro2,
      sw,
      asIro: await signIn(svc.app, iro.username, TEST_PASSWORD),
      asSw: await signIn(svc.app, sw.username, TEST_PASSWORD),
    };
  }
  type World = Awaited<ReturnType<typeof world>>;
  const child = (w: World, options: Partial<LookedAfterOptions> = {}) => buildLookedAfterChild(db(), w.tenant, { start: "2024-12-16", iroId: w.iro.id, allocatedTo: w.sw.id, person: { givenName: "Sunita", preferredName: "Sunny" }, ...options });

  async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  }
  async function refused(res: Promise<LightMyRequestResponse>, status: number): Promise<Problem> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    return r.json<Problem>();
  }
  const list = (c: Client, personId: string) => ok<LacReviews>(c.get(`/api/v1/people/${personId}/lac-reviews`));
  const schedule = (c: Client, personId: string, plannedDate: string) => ok<LacReview>(c.post(`/api/v1/people/${personId}/lac-reviews`, { plannedDate }), 201);
  const held = (reviewDate: string, extra: Record<string, unknown> = {}) => ({ reviewDate, participationCode: "PN1", viewsMethods: ["in_meeting"], childViews: "I like my foster home", summary: "Placement is settled.", ...extra });
  async function reviewDue(tenant: Tenant, personId: string) {
    return db().selectFrom("work_item").select(["due_date", "status", "assigned_to", "team_id", "title"]).where("la_code", "=", tenant.laCode).where("kind", "=", "lac_review_due").where("source_id", "=", personId).executeTakeFirst();
  }

  it("schedules the first review 20 working days from the period's start, skipping bank holidays, then 3 and 6 months, marking reviews on time or late", async () => {
    const w = await world();
    const c = await child(w, { placementChangeOn: "2025-02-10" });
    // The item exists once something recomputes it (starting the period does, in the looked-after module).
    await db().transaction().execute((trx) => refreshReviewDue(trx, c.laCode, c.personId));
    // 16 December 2024 + 20 working days, skipping 25 and 26 December and 1 January.
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ due_date: "2025-01-16", status: "open", assigned_to: w.iro.id, team_id: w.iroTeam, title: "Hold the first looked-after review" });
    let overview = await list(w.asSw, c.personId);
    expect(overview).toMatchObject({ lookedAfter: true, periodStart: "2024-12-16", nextReviewDue: "2025-01-16", nextReviewDueStatus: "overdue", iro: { id: w.iro.id } });

    // Held on its due day: on time. The second is due 3 months later.
    const first = await schedule(w.asIro, c.personId, "2025-01-16");
    expect(first).toMatchObject({ status: "scheduled", plannedDate: "2025-01-16", timeliness: null, letterDraft: null });
    const r1 = await ok<LacReview>(w.asIro.post(`/api/v1/lac-reviews/${first.id}/held`, held("2025-01-16")));
    expect(r1).toMatchObject({ status: "held", reviewDate: "2025-01-16", dueBy: "2025-01-16", timeliness: "on_time", participationCode: "PN1", chair: { id: w.iro.id } });
    expect(r1.participationLabel).toMatch(/attended and spoke/i);
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ due_date: "2025-04-16", status: "open", title: "Hold the second looked-after review" });

    // A day late: late; the next runs 6 months from the review actually held.
    const second = await schedule(w.asIro, c.personId, "2025-04-10");
    const r2 = await ok<LacReview>(w.asIro.post(`/api/v1/lac-reviews/${second.id}/held`, held("2025-04-17", { participationCode: "PN7", viewsMethods: [] })));
    expect(r2).toMatchObject({ timeliness: "late", dueBy: "2025-04-16" });
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ due_date: "2025-10-17", status: "open" });
    overview = await list(w.asSw, c.personId);
    expect(overview.reviews.map((r) => [r.reviewDate, r.timeliness])).toEqual([["2025-04-17", "late"], ["2025-01-16", "on_time"]]);
    expect(overview.nextReviewDue).toBe("2025-10-17");

    // The chronology carries each review.
    const events = await db().selectFrom("case_event").select(["kind", "occurred_on", "service"]).where("la_code", "=", c.laCode).where("person_id", "=", c.personId).where("kind", "=", "lac_review").orderBy("occurred_on").execute();
    expect(events).toEqual([{ kind: "lac_review", occurred_on: "2025-01-16", service: "looked_after" }, { kind: "lac_review", occurred_on: "2025-04-17", service: "looked_after" }]);

    // Care ends: nothing more is due.
    await db().updateTable("lac_episode").set({ dec: "2025-05-01", rec: "E13" }).where("la_code", "=", c.laCode).where("person_id", "=", c.personId).where("decom", "=", "2025-02-10").execute();
    await db().transaction().execute((trx) => refreshReviewDue(trx, c.laCode, c.personId));
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ status: "cancelled" });
    await refused(w.asIro.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2025-06-01" }), 409);
  });

  it("turns decisions into tasks on their owners' trays and names people outside the system", async () => {
    const w = await world();
    const c = await child(w);
    const review = await schedule(w.asIro, c.personId, "2025-01-10");
    const r = await ok<LacReview>(
      w.asIro.post(`/api/v1/lac-reviews/${review.id}/held`, held("2025-01-10", { decisions: [{ decision: "Arrange weekly contact with her brother", ownerId: w.sw.id, dueDate: "2025-02-01" }, { decision: "Apply for the football club", ownerName: "Foster carer (Mrs Khan)", dueDate: "2025-01-31" }] })),
    );
    expect(r.decisions).toEqual([
      expect.objectContaining({ decision: "Arrange weekly contact with her brother", owner: { id: w.sw.id, name: expect.any(String) as string }, ownerName: null, dueDate: "2025-02-01", status: "open" }),
      expect.objectContaining({ decision: "Apply for the football club", owner: null, ownerName: "Foster carer (Mrs Khan)", dueDate: "2025-01-31" }),
    ]);
    const items = await db().selectFrom("work_item").selectAll().where("la_code", "=", c.laCode).where("kind", "=", "lac_review_action").execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ assigned_to: w.sw.id, due_date: "2025-02-01", case_id: c.caseId, person_id: c.personId, status: "open", source_entity: "lac_review_decision" });
    const tray = await ok<WorkTray>(w.asSw.get("/api/v1/work-tray?scope=mine"));
    expect(tray.items.find((i) => i.kind === "lac_review_action")).toMatchObject({ title: "Review decision: Arrange weekly contact with her brother", dueDate: "2025-02-01", dueStatus: "overdue", person: { id: c.personId } });
    // The owner ticks the action off on their tray, and the decision is done with it.
    const action = tray.items.find((i) => i.kind === "lac_review_action");
    const ticked = await w.asSw.patch(`/api/v1/tasks/${action?.id ?? ""}`, { status: "done" }, { "if-match": `W/"${String(action?.version ?? 0)}"` });
    expect(ticked.statusCode).toBe(200);
    const decision = await db().selectFrom("lac_review_decision").select(["status", "done_on"]).where("la_code", "=", c.laCode).where("id", "=", items[0]?.source_id ?? "").executeTakeFirstOrThrow();
    expect(decision.status).toBe("done");
    expect(decision.done_on).not.toBeNull();
    // The IRO's tray has the next review.
    const iroTray = await ok<WorkTray>(w.asIro.get("/api/v1/work-tray?scope=mine"));
    expect(iroTray.items.find((i) => i.kind === "lac_review_due")).toMatchObject({ dueDate: "2025-04-10", person: { id: c.personId } });
    const audit = await db().selectFrom("audit_event").select(["action", "person_id"]).where("la_code", "=", c.laCode).where("action", "=", "lac_review.held").execute();
    expect(audit).toEqual([{ action: "lac_review.held", person_id: c.personId }]);
  });

  it("drafts the letter from the review, saves the IRO's edit and produces an accessible PDF", async () => {
    const w = await world();
    const c = await child(w);
    const review = await schedule(w.asIro, c.personId, "2025-01-14");
    const r = await ok<LacReview>(w.asIro.post(`/api/v1/lac-reviews/${review.id}/held`, held("2025-01-14", { decisions: [{ decision: "Join the swimming club", ownerId: w.sw.id, dueDate: "2025-03-01" }] })));
    expect(r.letter).toBeNull();
    expect(r.letterDraft).toContain("Dear Sunny,");
    expect(r.letterDraft).toContain("We met for your review on 14 January 2025");
    expect(r.letterDraft).toContain("You told us: I like my foster home.");
    expect(r.letterDraft).toContain("- Join the swimming club.");
    expect(r.letterDraft).toContain("Your next review will be by 14 April 2025");
    await refused(w.asIro.get(`/api/v1/lac-reviews/${review.id}/letter.pdf`), 409);

    const letter = "Dear Sunny,\n\nThank you for talking to me at your review on 14 January 2025.\n\n# What we agreed\n\n- You will join the swimming club by 1 March.\n- Your social worker will visit every six weeks.\n\n# Your next review\n\nYour next review will be by 14 April 2025.\n\nFrom Pat";
    await refused(w.asIro.put(`/api/v1/lac-reviews/${review.id}/letter`, { letter }), 428);
    await refused(w.asIro.put(`/api/v1/lac-reviews/${review.id}/letter`, { letter }, { "if-match": `W/"${String(r.version - 1)}"` }), 412);
    const saved = await w.asIro.put(`/api/v1/lac-reviews/${review.id}/letter`, { letter }, { "if-match": `W/"${String(r.version)}"` });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe(`W/"${String(r.version + 1)}"`);
    const back = await ok<LacReview>(w.asSw.get(`/api/v1/lac-reviews/${review.id}`));
    expect(back).toMatchObject({ letter, letterDraft: letter });
    expect(back.letterUpdatedAt).not.toBeNull();
    const event = await db().selectFrom("case_event").select(["kind", "service", "title"]).where("la_code", "=", c.laCode).where("person_id", "=", c.personId).where("kind", "=", "lac_review_letter").executeTakeFirst();
    expect(event).toMatchObject({ service: "looked_after", title: "Letter to the child after their review on 14 January 2025" });

    // The social worker can download it to give to the child.
    const pdf = await w.asSw.get(`/api/v1/lac-reviews/${review.id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["content-disposition"]).toBe('attachment; filename="review-letter-2025-01-14.pdf"');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = bytes.toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/Lang (en-GB)");
    expect(raw).toContain("/MarkInfo");
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ["/H1", "/H2", "/P", "/L", "/LI", "/LBody"]) expect(raw).toContain(`/S ${tag}`);
    const text = pdfText(bytes);
    expect(text).toContain("Your review on 14 January 2025");
    expect(text).toContain("Thank you for talking to me at your review on 14 January 2025.");
    expect(text).toContain("What we agreed");
    expect(text).toContain("You will join the swimming club by 1 March.");
    expect(text).toContain("Your next review will be by 14 April 2025.");
    // Reading order: the title, then the letter from top to bottom.
    expect(text.indexOf("Your review on")).toBeLessThan(text.indexOf("Dear Sunny"));
    expect(text.indexOf("Dear Sunny")).toBeLessThan(text.indexOf("What we agreed"));
    expect(text.indexOf("What we agreed")).toBeLessThan(text.indexOf("Your next review will be"));
    const downloads = await db().selectFrom("audit_event").select(["action", "person_id", "actor_user_id"]).where("la_code", "=", c.laCode).where("action", "=", "lac_review.letter.download").execute();
    expect(downloads).toEqual([{ action: "lac_review.letter.download", person_id: c.personId, actor_user_id: w.sw.id }]);
  });

  it("assigns the child's IRO with If-Match and moves the next review to them", async () => {
    const w = await world();
    const c = await child(w);
    await db().transaction().execute((trx) => refreshReviewDue(trx, c.laCode, c.personId));
    const before = await list(w.asIro, c.personId);
    const url = `/api/v1/people/${c.personId}/looked-after/iro`;
    await refused(w.asIro.put(url, { iroId: w.iro2.id }), 428);
    const notIro = await refused(w.asIro.put(url, { iroId: w.sw.id }, { "if-match": `W/"${String(before.lacVersion)}"` }), 422);
    expect(notIro.errors?.[0]?.field).toBe("iroId");
    const elsewhere = await buildTenant(svc.services, "Elsewhere");
    const foreignIro = await buildUser(db(), elsewhere, "iro");
    expect((await refused(w.asIro.put(url, { iroId: foreignIro.id }, { "if-match": `W/"${String(before.lacVersion)}"` }), 422)).errors?.[0]?.field).toBe("iroId");
    const done = await ok<LacIro>(w.asIro.put(url, { iroId: w.iro2.id }, { "if-match": `W/"${String(before.lacVersion)}"` }));
    expect(done).toMatchObject({ personId: c.personId, iro: { id: w.iro2.id }, version: before.lacVersion + 1 });
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ assigned_to: w.iro2.id, status: "open" });
    const stale = await refused(w.asIro.put(url, { iroId: w.iro.id }, { "if-match": `W/"${String(before.lacVersion)}"` }), 412);
    expect(stale.detail).toMatch(/iroId/);
    expect((await list(w.asSw, c.personId)).iro?.id).toBe(w.iro2.id);
  });

  it("refuses bad input naming the field, a review outside a period of care, and stale edits", async () => {
    const w = await world();
    const c = await child(w, { start: "2025-01-06" });
    await refused(w.asIro.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2025-02-30" }), 400);
    expect((await refused(w.asIro.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2024-12-01" }), 422)).errors?.[0]?.field).toBe("plannedDate");
    const review = await schedule(w.asIro, c.personId, "2025-01-30");
    await refused(w.asIro.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2025-02-03" }), 409);
    const heldUrl = `/api/v1/lac-reviews/${review.id}/held`;
    const fields = async (body: unknown, status = 400) => (await refused(w.asIro.post(heldUrl, body), status)).errors?.map((e) => e.field);
    expect(await fields(held("2025-01-30", { participationCode: "PN9" }))).toEqual(["participationCode"]);
    expect(await fields(held("2025-01-30", { viewsMethods: ["carrier_pigeon"] }))).toEqual(["viewsMethods.0"]);
    expect(await fields(held("2025-01-30", { summary: "" }))).toEqual(["summary"]);
    expect(await fields(held("2025-01-30", { decisions: [{ decision: "Both owners", ownerId: w.sw.id, ownerName: "Someone", dueDate: "2025-03-01" }] }))).toEqual(["decisions.0.ownerId"]);
    expect(await fields(held("2025-01-30", { decisions: [{ decision: "No owner", dueDate: "2025-03-01" }] }))).toEqual(["decisions.0.ownerId"]);
    expect(await fields(held("2025-01-30", { chair: "me" }))).toEqual(["chair"]);
    expect(await fields(held("2099-01-30"), 422)).toEqual(["reviewDate"]);
    const admin = await buildUser(db(), w.tenant, "administrator", { teamId: null });
    expect(await fields(held("2025-01-30", { decisions: [{ decision: "Admin owns it", ownerId: admin.id, dueDate: "2025-03-01" }] }), 422)).toEqual(["decisions.0.ownerId"]);
    // Before the period of care started: not looked after that day.
    expect(await fields(held("2025-01-03"), 409)).toEqual(["reviewDate"]);

    const r = await ok<LacReview>(w.asIro.post(heldUrl, held("2025-01-30")));
    await refused(w.asIro.post(heldUrl, held("2025-01-31")), 409);
    // Correcting a held review: If-Match, and the next review moves with its date.
    await refused(w.asIro.patch(`/api/v1/lac-reviews/${review.id}`, { reviewDate: "2025-01-29" }, { "if-match": `W/"${String(r.version + 5)}"` }), 412);
    await refused(w.asIro.patch(`/api/v1/lac-reviews/${review.id}`, { plannedDate: "2025-02-01" }, { "if-match": `W/"${String(r.version)}"` }), 409);
    await refused(w.asIro.patch(`/api/v1/lac-reviews/${review.id}`, {}, { "if-match": `W/"${String(r.version)}"` }), 400);
    const corrected = await ok<LacReview>(w.asIro.patch(`/api/v1/lac-reviews/${review.id}`, { reviewDate: "2025-01-29", participationCode: "PN2" }, { "if-match": `W/"${String(r.version)}"` }));
    expect(corrected).toMatchObject({ reviewDate: "2025-01-29", participationCode: "PN2", version: r.version + 1 });
    expect(await reviewDue(w.tenant, c.personId)).toMatchObject({ due_date: "2025-04-29" });

    // A scheduled review can be moved and cancelled.
    const next = await schedule(w.asIro, c.personId, "2025-04-20");
    const moved = await ok<LacReview>(w.asIro.patch(`/api/v1/lac-reviews/${next.id}`, { plannedDate: "2025-04-22" }, { "if-match": `W/"${String(next.version)}"` }));
    expect(moved.plannedDate).toBe("2025-04-22");
    const cancelled = await ok<LacReview>(w.asIro.patch(`/api/v1/lac-reviews/${next.id}`, { cancel: true }, { "if-match": `W/"${String(moved.version)}"` }));
    expect(cancelled.status).toBe("cancelled");
    await refused(w.asIro.post(`/api/v1/lac-reviews/${next.id}/held`, held("2025-04-22")), 409);
  });

  it("scopes reviews: another authority gets 404, a partner 403, a social worker reads but cannot record", async () => {
    const w = await world();
    const c = await child(w);
    const review = await schedule(w.asIro, c.personId, "2025-01-10");
    const other = await buildTenant(svc.services, "Other");
    const otherIro = await signIn(svc.app, (await buildUser(db(), other, "iro")).username, TEST_PASSWORD);
    expect((await otherIro.get(`/api/v1/people/${c.personId}/lac-reviews`)).statusCode).toBe(404);
    expect((await otherIro.get(`/api/v1/lac-reviews/${review.id}`)).statusCode).toBe(404);
    expect((await otherIro.post(`/api/v1/lac-reviews/${review.id}/held`, held("2025-01-10"))).statusCode).toBe(404);
    expect((await otherIro.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2025-01-12" })).statusCode).toBe(404);

    // Even when the child is shared with their school, a partner has no looked-after access.
    const school = await buildPartnerOrg(db(), w.tenant);
    const partner = await buildUser(db(), w.tenant, "partner_practitioner", { orgId: school, teamId: await buildTeam(db(), w.tenant, "partner", school) });
    await buildSharing(db(), w.tenant, c.personId, school, w.sw.id);
    const asPartner = await signIn(svc.app, partner.username, TEST_PASSWORD);
    expect((await asPartner.get(`/api/v1/people/${c.personId}/lac-reviews`)).statusCode).toBe(403);
    expect((await asPartner.get(`/api/v1/lac-reviews/${review.id}/letter.pdf`)).statusCode).toBe(403);

    // Recording is the IRO's (iro:write); the social worker reads.
    expect((await w.asSw.post(`/api/v1/lac-reviews/${review.id}/held`, held("2025-01-10"))).statusCode).toBe(403);
    expect((await w.asSw.post(`/api/v1/people/${c.personId}/lac-reviews`, { plannedDate: "2025-01-12" })).statusCode).toBe(403);
    expect((await w.asSw.put(`/api/v1/people/${c.personId}/looked-after/iro`, { iroId: w.iro2.id }, { "if-match": 'W/"1"' })).statusCode).toBe(403);
    expect((await list(w.asSw, c.personId)).reviews).toHaveLength(1);
    const denied = await db().selectFrom("audit_event").select("action").where("la_code", "=", w.tenant.laCode).where("action", "=", "access.denied").execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
    // A child who has never been looked after has no reviews.
    expect((await w.asIro.get(`/api/v1/people/${await buildPerson(db(), w.tenant)}/lac-reviews`)).statusCode).toBe(404);
  });
});
