import { addCalendarDays, addCalendarMonths, contactDecisionDue, todayIso } from "@family-story/domain";
import type { ContactDetail, ContactSummary, MyRequest } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPartnerOrg, buildPerson, buildTeam, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

const child = (givenName: string, familyName: string) => ({ givenName, familyName, dob: "2016-03-04" });
const fields = (body: string) => (JSON.parse(body) as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [];

describe.each(DATABASE_KINDS)("front door on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let other: Tenant;
  let frontDoorTeamId: string;
  let earlyHelpTeamId: string;
  let schoolOrg: string;
  let gpOrg: string;
  let manager: Client;
  let managerId: string;
  let sw: Client;
  let school: Client;
  let gp: Client;
  let otherManager: Client;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
    const db = svc.services.db;
    tenant = await buildTenant(svc.services);
    other = await buildTenant(svc.services, "Other Borough");
    frontDoorTeamId = await buildTeam(db, tenant, "front_door");
    earlyHelpTeamId = await buildTeam(db, tenant, "early_help");
    schoolOrg = await buildPartnerOrg(db, tenant, "school");
    gpOrg = await buildPartnerOrg(db, tenant, "gp_practice");
    const m = await buildUser(db, tenant, "team_manager", { teamId: frontDoorTeamId });
    managerId = m.id;
    manager = await signIn(svc.app, m.username, TEST_PASSWORD);
    sw = await signIn(svc.app, (await buildUser(db, tenant, "practitioner", { teamId: frontDoorTeamId })).username, TEST_PASSWORD);
    school = await signIn(svc.app, (await buildUser(db, tenant, "partner_practitioner", { orgId: schoolOrg, teamId: null })).username, TEST_PASSWORD);
    gp = await signIn(svc.app, (await buildUser(db, tenant, "partner_practitioner", { orgId: gpOrg, teamId: null })).username, TEST_PASSWORD);
    otherManager = await signIn(svc.app, (await buildUser(db, other, "team_manager")).username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  const db = () => svc.services.db;
  const actions = async (entityId: string) => (await db().selectFrom("audit_event").select(["action", "person_id", "reason"]).where("entity_id", "=", entityId).orderBy("seq").execute());

  async function request(consentSharing: "yes" | "no" | "not_asked", consentEarlyHelp: "yes" | "no" | "not_asked" = "yes", from: Client = school): Promise<MyRequest> {
    const res = await from.post("/api/v1/requests-for-support", { contactRole: "Designated safeguarding lead", concerns: "Attendance has dropped and the child says there is no food at home.", children: [child("Ava", "Request")], consentSharing, consentEarlyHelp });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<MyRequest>();
  }

  async function link(contactId: string, personId: string, as: Client = manager): Promise<ContactDetail> {
    const res = await as.post(`/api/v1/contacts/${contactId}/children`, { personId });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ContactDetail>();
  }

  async function decide(contactId: string, body: Record<string, unknown>, as: Client = manager) {
    const current = await as.get(`/api/v1/contacts/${contactId}`);
    return as.post(`/api/v1/contacts/${contactId}/decision`, body, { "if-match": current.headers.etag as string });
  }

  it("takes a partner's request for support into the queue, due within one working day, and shows the partner only status and outcome", async () => {
    const submitted = await request("yes");
    expect(submitted).toMatchObject({ status: "awaiting_decision", outcome: null, children: ["Ava Request"] });

    const queue = await manager.get("/api/v1/contacts");
    expect(queue.statusCode).toBe(200);
    const entry = queue.json<ContactSummary[]>().find((c) => c.id === submitted.id);
    expect(entry).toMatchObject({ via: "partner_request", referralSource: "2A", status: "awaiting_decision", childNames: ["Ava Request"], repeatReferral: false });
    expect(entry?.dueAt).toBe(contactDecisionDue(submitted.receivedAt));
    expect(entry?.dueText).toMatch(/^Due by /);

    const item = await db().selectFrom("work_item").selectAll().where("la_code", "=", tenant.laCode).where("source_id", "=", submitted.id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind: "contact_decision", team_id: frontDoorTeamId, status: "open", person_id: null });
    expect(item.due_at?.toISOString()).toBe(entry?.dueAt);
    // It is on the front-door team's tray, due at its instant.
    const tray = (await manager.get("/api/v1/work-tray?scope=team")).json<{ items: { kind: string; dueAt: string | null; title: string }[] }>();
    expect(tray.items.find((i) => i.kind === "contact_decision" && i.dueAt === entry?.dueAt)?.title).toMatch(/^Decide on a request for support from /);

    // Partners cannot read the queue or open the contact; they see their own requests only.
    expect((await school.get("/api/v1/contacts")).statusCode).toBe(403);
    expect((await school.get(`/api/v1/contacts/${submitted.id}`)).statusCode).toBe(403);
    const mine = await school.get("/api/v1/requests-for-support");
    expect(mine.json<MyRequest[]>().map((r) => r.id)).toContain(submitted.id);
    expect(Object.keys(mine.json<MyRequest[]>()[0] ?? {}).sort()).toEqual(["children", "decidedAt", "id", "outcome", "receivedAt", "status"]);
    expect((await gp.get("/api/v1/requests-for-support")).json<MyRequest[]>().map((r) => r.id)).not.toContain(submitted.id);
    // Another authority's front door does not see it.
    expect((await otherManager.get(`/api/v1/contacts/${submitted.id}`)).statusCode).toBe(404);
    expect((await otherManager.get("/api/v1/contacts")).json<ContactSummary[]>().map((c) => c.id)).not.toContain(submitted.id);
    expect((await actions(submitted.id)).map((a) => a.action)).toContain("request.submit");
  });

  it("refuses a request without a child or without the consent questions answered", async () => {
    const none = await school.post("/api/v1/requests-for-support", { concerns: "Worried", children: [], consentSharing: "yes", consentEarlyHelp: "yes" });
    expect(none.statusCode).toBe(400);
    expect(fields(none.body)).toContain("children");
    const noConsent = await school.post("/api/v1/requests-for-support", { concerns: "Worried", children: [child("A", "B")], consentEarlyHelp: "maybe" });
    expect(noConsent.statusCode).toBe(400);
    expect(fields(noConsent.body)).toEqual(expect.arrayContaining(["consentSharing", "consentEarlyHelp"]));
  });

  it("records a staff contact with its source and children, and puts it in each child's chronology", async () => {
    const personId = await buildPerson(db(), tenant, { givenName: "Noah", familyName: "Contact" });
    const future = await sw.post("/api/v1/contacts", { referralSource: "6", contactName: "PC Smith", concerns: "Domestic incident", consentSharing: "not_asked", consentEarlyHelp: "not_asked", receivedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(400);
    expect(fields(future.body)).toEqual(["receivedAt"]);
    const badSource = await sw.post("/api/v1/contacts", { referralSource: "11", contactName: "PC Smith", concerns: "x", consentSharing: "no", consentEarlyHelp: "no" });
    expect(fields(badSource.body)).toEqual(["referralSource"]);
    const elsewhere = await buildPerson(db(), other);
    const wrongChild = await sw.post("/api/v1/contacts", { referralSource: "6", contactName: "PC Smith", concerns: "x", consentSharing: "no", consentEarlyHelp: "no", childIds: [elsewhere] });
    expect(wrongChild.statusCode).toBe(422);

    const receivedAt = "2025-03-28T16:30:00.000Z";
    const res = await sw.post("/api/v1/contacts", { referralSource: "6", contactName: "PC Smith", contactRole: "Officer", contactOrganisation: "Metropolitan Police", concerns: "Domestic incident at the home overnight.", consentSharing: "not_asked", consentEarlyHelp: "not_asked", receivedAt, childIds: [personId] });
    expect(res.statusCode, res.body).toBe(201);
    const contact = res.json<ContactDetail>();
    expect(contact).toMatchObject({ via: "staff", referralSource: "6", referralSourceLabel: "Police", dueAt: "2025-03-31T15:30:00.000Z", dueStatus: "overdue", children: [{ person: { id: personId, name: "Noah Contact" }, repeatReferral: false }] });
    expect(contact.dueText).toMatch(/^Overdue: was due by 4:30pm on 31 March 2025/);
    const events = await db().selectFrom("case_event").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(events).toMatchObject([{ kind: "contact", service: "front_door", occurred_on: "2025-03-28", source_id: contact.id }]);

    // Opening it is audited against the child.
    expect((await manager.get(`/api/v1/contacts/${contact.id}`)).statusCode).toBe(200);
    expect(await actions(contact.id)).toEqual(expect.arrayContaining([expect.objectContaining({ action: "contact.create" }), expect.objectContaining({ action: "contact.read", person_id: personId })]));

    // The queue puts the overdue contact before one due later.
    const queue = (await manager.get("/api/v1/contacts")).json<ContactSummary[]>();
    expect(queue[0]?.id).toBe(contact.id);
  });

  it("links and unlinks children only where the rules allow", async () => {
    const submitted = await request("yes");
    const personId = await buildPerson(db(), tenant);
    const restricted = await buildPerson(db(), tenant, { restricted: true });
    const elsewhere = await buildPerson(db(), other);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/children`, { personId: restricted })).statusCode).toBe(404);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/children`, { personId: elsewhere })).statusCode).toBe(404);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/children`, { personId: "nope" })).statusCode).toBe(400);
    expect((await school.post(`/api/v1/contacts/${submitted.id}/children`, { personId })).statusCode).toBe(403);
    const linked = await link(submitted.id, personId);
    expect(linked.children.map((c) => c.person.id)).toEqual([personId]);
    expect(linked.childNames).toHaveLength(1);
    // Linking again (a retry, or two people at once) is a no-op: one link, one chronology entry, no new version.
    const again = await Promise.all([link(submitted.id, personId), link(submitted.id, personId)]);
    expect(again.map((c) => [c.children.length, c.version])).toEqual([[1, linked.version], [1, linked.version]]);
    expect(await db().selectFrom("case_event").select("id").where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute()).toHaveLength(1);

    const unlinked = await manager.delete(`/api/v1/contacts/${submitted.id}/children/${personId}`);
    expect(unlinked.statusCode).toBe(200);
    expect(unlinked.json<ContactDetail>().children).toEqual([]);
    expect(await db().selectFrom("case_event").select("id").where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute()).toEqual([]);
    expect((await manager.delete(`/api/v1/contacts/${submitted.id}/children/${personId}`)).statusCode).toBe(404);

    // A restricted child the reader is not named on is counted, never named; what was said about the family is withheld.
    await grantNamedAccess(db(), tenant, restricted, managerId);
    const secret = (await school.post("/api/v1/requests-for-support", { contactPhone: "07700 900123", concerns: "Mum has fled to the Elm Street refuge.", familyDetails: "Dad must not learn the address.", children: [child("Zara", "Hidden")], consentSharing: "yes", consentEarlyHelp: "yes" })).json<MyRequest>();
    await link(secret.id, restricted);
    const seenBySw = await sw.get(`/api/v1/contacts/${secret.id}`);
    expect(seenBySw.json<ContactDetail>()).toMatchObject({ children: [], hiddenChildren: 1, concerns: "Restricted: ask a named colleague", familyDetails: "Restricted: ask a named colleague", contactPhone: null, childNames: ["A child whose record you cannot open"], describedChildren: [{ givenName: "A child whose record you cannot open", dob: null }] });
    const queued = (await sw.get("/api/v1/contacts")).json<ContactSummary[]>().find((c) => c.id === secret.id);
    for (const body of [seenBySw.body, JSON.stringify(queued)]) for (const leak of [restricted, "Zara", "Hidden", "refuge", "Dad", "07700"]) expect(body).not.toContain(leak);
    expect((await manager.get(`/api/v1/contacts/${secret.id}`)).json<ContactDetail>()).toMatchObject({ concerns: "Mum has fled to the Elm Street refuge.", contactPhone: "07700 900123", childNames: [expect.stringContaining("Alex")] });
  });

  it("flags a repeat referral: a previous referral of the child within 12 months", async () => {
    const recent = await buildPerson(db(), tenant);
    const longAgo = await buildPerson(db(), tenant);
    const today = todayIso();
    for (const [personId, date] of [[recent, addCalendarMonths(today, -3)], [longAgo, addCalendarMonths(today, -13)]] as const) {
      const caseId = await buildCase(db(), tenant, personId, { status: "closed", openedOn: date, dueDate: null });
      await db().insertInto("cin_referral").values({ la_code: tenant.laCode, case_id: caseId, person_id: personId, referral_date: date, referral_source: "2A", contact_id: null }).execute();
    }
    const submitted = await request("yes");
    await link(submitted.id, recent);
    const detail = await link(submitted.id, longAgo);
    expect(detail.children.find((c) => c.person.id === recent)).toMatchObject({ repeatReferral: true, previousReferralDate: addCalendarMonths(today, -3) });
    expect(detail.children.find((c) => c.person.id === longAgo)).toMatchObject({ repeatReferral: false, previousReferralDate: addCalendarMonths(today, -13) });
    expect(detail.repeatReferral).toBe(true);
    expect((await manager.get("/api/v1/contacts")).json<ContactSummary[]>().find((c) => c.id === submitted.id)?.repeatReferral).toBe(true);
  });

  it("refuses illegal decisions: not a manager, no child, a level that does not fit, refused early help, stale or missing If-Match", async () => {
    const submitted = await request("yes", "no");
    const decision = { decision: "early_help", thresholdLevel: 2, reasons: "Needs family support" };
    expect((await decide(submitted.id, decision, sw)).statusCode).toBe(403);
    const noChild = await decide(submitted.id, decision);
    expect(noChild.statusCode).toBe(422);
    expect(fields(noChild.body)).toEqual(["children"]);
    const personId = await buildPerson(db(), tenant);
    await link(submitted.id, personId);
    const level = await decide(submitted.id, { decision: "strategy_discussion", thresholdLevel: 2, reasons: "x" });
    expect(level.statusCode).toBe(422);
    expect(fields(level.body)).toEqual(["thresholdLevel"]);
    const badLevel = await decide(submitted.id, { decision: "nfa_signpost", thresholdLevel: 5, reasons: "x" });
    expect(badLevel.statusCode).toBe(400);
    expect(fields(badLevel.body)).toEqual(["thresholdLevel"]);
    const refused = await decide(submitted.id, decision);
    expect(refused.statusCode).toBe(422);
    expect(fields(refused.body)).toEqual(["decision"]);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/decision`, { decision: "nfa_signpost", thresholdLevel: 1, reasons: "x" })).statusCode).toBe(428);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/decision`, { decision: "nfa_signpost", thresholdLevel: 1, reasons: "x" }, { "if-match": 'W/"1"' })).statusCode).toBe(412);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/decision`, { decision: "nfa_signpost", thresholdLevel: 1 }, { "if-match": 'W/"2"' })).statusCode).toBe(400);
    expect((await db().selectFrom("contact").select("status").where("id", "=", submitted.id).executeTakeFirstOrThrow()).status).toBe("awaiting_decision");
  });

  it("decides early help with consent: opens the family's case, shares with the requesting school, and decides only once", async () => {
    const submitted = await request("yes");
    const personId = await buildPerson(db(), tenant, { givenName: "Ava", familyName: "Request" });
    await link(submitted.id, personId);
    expect((await school.get(`/api/v1/people/${personId}`)).statusCode).toBe(404);

    const res = await decide(submitted.id, { decision: "early_help", thresholdLevel: 3, reasons: "Several needs; a Team Around the Family will help." });
    expect(res.statusCode, res.body).toBe(200);
    const decided = res.json<ContactDetail>();
    expect(decided).toMatchObject({ status: "decided", decision: "early_help", decisionLabel: "Early help", thresholdLevel: 3, decidedBy: { id: managerId }, dueStatus: "none", override: null });
    const caseRow = await db().selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("contact_id", "=", submitted.id).executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({ kind: "early_help", subject_person_id: personId, threshold_level: 3, team_id: earlyHelpTeamId });
    expect(decided.children[0]?.caseId).toBe(caseRow.id);
    const item = await db().selectFrom("work_item").select(["status", "completed_by"]).where("source_id", "=", submitted.id).executeTakeFirstOrThrow();
    expect(item).toEqual({ status: "done", completed_by: managerId });
    const sharing = await db().selectFrom("sharing").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(sharing).toHaveLength(1);
    expect(sharing[0]).toMatchObject({ organisation_id: schoolOrg, basis: "consent", granted_by: managerId, to_date: addCalendarMonths(todayIso(), 12) });
    const events = (await db().selectFrom("case_event").select("kind").where("person_id", "=", personId).execute()).map((e) => e.kind);
    expect(events).toEqual(expect.arrayContaining(["contact", "contact_decision", "early_help_start"]));
    expect((await actions(submitted.id)).map((a) => a.action)).toContain("contact.decide");
    expect((await actions(caseRow.id)).map((a) => a.action)).toContain("case.open");

    // The partner now sees the child (consent) and the outcome, but not the reasons.
    expect((await school.get(`/api/v1/people/${personId}`)).statusCode).toBe(200);
    expect((await gp.get(`/api/v1/people/${personId}`)).statusCode).toBe(404);
    const mine = (await school.get("/api/v1/requests-for-support")).json<MyRequest[]>().find((r) => r.id === submitted.id);
    expect(mine).toMatchObject({ status: "decided", outcome: "Early help" });
    expect(JSON.stringify(mine)).not.toContain("Team Around the Family will help");

    const again = await decide(submitted.id, { decision: "nfa_signpost", thresholdLevel: 1, reasons: "x" });
    expect(again.statusCode).toBe(409);
    expect((await manager.post(`/api/v1/contacts/${submitted.id}/children`, { personId: await buildPerson(db(), tenant) })).statusCode).toBe(409);

    // A second early help decision for a child with an open early help case is refused.
    const second = await request("yes");
    await link(second.id, personId);
    expect((await decide(second.id, { decision: "early_help", thresholdLevel: 2, reasons: "x" })).statusCode).toBe(409);
  });

  it("shares nothing when consent is refused", async () => {
    const submitted = await request("no", "yes");
    const personId = await buildPerson(db(), tenant);
    await link(submitted.id, personId);
    const res = await decide(submitted.id, { decision: "early_help", thresholdLevel: 2, reasons: "Family agree to early help but not to sharing." });
    expect(res.statusCode, res.body).toBe(200);
    expect(await db().selectFrom("sharing").select("id").where("person_id", "=", personId).execute()).toEqual([]);
    expect((await school.get(`/api/v1/people/${personId}`)).statusCode).toBe(404);
    expect((await school.get("/api/v1/requests-for-support")).json<MyRequest[]>().find((r) => r.id === submitted.id)?.outcome).toBe("Early help");
  });

  it("lets a safeguarding override share without consent, only with the organisations chosen, for a limited time, recording who and why", async () => {
    const submitted = await request("no", "no");
    const personId = await buildPerson(db(), tenant);
    await link(submitted.id, personId);
    const until = addCalendarDays(todayIso(), 30);
    const base = { decision: "strategy_discussion", thresholdLevel: 4, reasons: "Disclosure of harm." };
    const la = await decide(submitted.id, { ...base, override: { reason: "Risk of significant harm", organisationIds: [tenant.orgId], until } });
    expect(la.statusCode).toBe(422);
    expect(fields(la.body)).toEqual(["override.organisationIds"]);
    const tooLong = await decide(submitted.id, { ...base, override: { reason: "Risk", organisationIds: [gpOrg], until: addCalendarMonths(todayIso(), 13) } });
    expect(fields(tooLong.body)).toEqual(["override.until"]);
    const noReason = await decide(submitted.id, { ...base, override: { reason: " ", organisationIds: [gpOrg], until } });
    expect(fields(noReason.body)).toEqual(["override.reason"]);

    const res = await decide(submitted.id, { ...base, override: { reason: "Risk of significant harm: the GP must see the plan.", organisationIds: [gpOrg], until } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ContactDetail>().override).toMatchObject({ by: { id: managerId }, reason: "Risk of significant harm: the GP must see the plan.", organisations: [{ id: gpOrg }], until });
    const sharing = await db().selectFrom("sharing").selectAll().where("person_id", "=", personId).execute();
    expect(sharing).toHaveLength(1);
    expect(sharing[0]).toMatchObject({ organisation_id: gpOrg, basis: "safeguarding_override", to_date: until });
    expect((await gp.get(`/api/v1/people/${personId}`)).statusCode).toBe(200);
    expect((await school.get(`/api/v1/people/${personId}`)).statusCode).toBe(404);
    expect((await actions(submitted.id)).find((a) => a.action === "contact.safeguarding_override")?.reason).toBe("Risk of significant harm: the GP must see the plan.");
    // Staff see the override basis on the record's sharing list.
    const list = await manager.get(`/api/v1/people/${personId}/sharing`);
    expect(list.json<{ basis: string }[]>()[0]?.basis).toBe("safeguarding_override");

    // The strategy discussion route opened a social care case with its CIN referral.
    const referral = await db().selectFrom("cin_referral").selectAll().where("person_id", "=", personId).executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ contact_id: submitted.id, route: "strategy_discussion", referral_source: "2A" });
  });

  it("refuses an override where the family consented, and a social care referral for a child with an open social care case", async () => {
    const submitted = await request("yes");
    const personId = await buildPerson(db(), tenant);
    await link(submitted.id, personId);
    const consented = await decide(submitted.id, { decision: "social_care_assessment", thresholdLevel: 3, reasons: "x", override: { reason: "y", organisationIds: [gpOrg], until: todayIso() } });
    expect(consented.statusCode).toBe(422);
    expect(fields(consented.body)).toEqual(["override"]);
    await buildCase(db(), tenant, personId, { kind: "social_care", dueDate: null });
    expect((await decide(submitted.id, { decision: "social_care_assessment", thresholdLevel: 3, reasons: "x" })).statusCode).toBe(409);
    const ok = await decide(submitted.id, { decision: "nfa_signpost", thresholdLevel: 2, reasons: "Already open to social care; signposted to the allocated worker." });
    expect(ok.statusCode).toBe(200);
  });

  it("opens one social care case per child on a section 17 referral", async () => {
    const a = await buildPerson(db(), tenant);
    const b = await buildPerson(db(), tenant);
    const res = await sw.post("/api/v1/contacts", { referralSource: "3A", contactName: "Dr Patel", concerns: "Injuries", consentSharing: "yes", consentEarlyHelp: "not_asked", childIds: [a, b] });
    const contact = res.json<ContactDetail>();
    const decided = await decide(contact.id, { decision: "social_care_assessment", thresholdLevel: 3, reasons: "Needs assessment" });
    expect(decided.statusCode, decided.body).toBe(200);
    const cases = await db().selectFrom("casework_case").select(["subject_person_id", "kind"]).where("contact_id", "=", contact.id).execute();
    expect(cases.map((c) => c.subject_person_id).sort()).toEqual([a, b].sort());
    expect(cases.every((c) => c.kind === "social_care")).toBe(true);
    // A staff contact shares with no partner even with consent: nobody asked.
    expect(await db().selectFrom("sharing").select("id").where("person_id", "in", [a, b]).execute()).toEqual([]);
    const decidedQueue = (await manager.get("/api/v1/contacts?status=decided")).json<ContactSummary[]>();
    expect(decidedQueue.find((c) => c.id === contact.id)?.decision).toBe("social_care_assessment");
  });
});
