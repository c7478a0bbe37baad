import type { CareLeaverRecord, LacHealthRecord, LacPermanence, Oc2Summary } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildSharing, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { buildLookedAfterChild, openItem } from "./looked-after-health-fixture.ts";

interface Problem { title: string; errors?: { field: string; message: string }[] }
const im = (v: number | string) => ({ "if-match": `W/"${String(v)}"` });

describe.each(DATABASE_KINDS)("looked-after health, education, permanence and leaving care on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let sw: Client;
  let swId: string;
  let otherSw: Client;
  let partner: Client;
  let schoolOrg: string;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());

  // A fresh authority per test: its worker, a worker elsewhere, and a partner in it.
  beforeEach(async () => {
    const db = svc.services.db;
    tenant = await buildTenant(svc.services);
    const other = await buildTenant(svc.services, "Other Borough");
    const u = await buildUser(db, tenant, "practitioner");
    swId = u.id;
    sw = await signIn(svc.app, u.username, TEST_PASSWORD);
    otherSw = await signIn(svc.app, (await buildUser(db, other, "practitioner")).username, TEST_PASSWORD);
    schoolOrg = await buildPartnerOrg(db, tenant, "school");
    partner = await signIn(svc.app, (await buildUser(db, tenant, "partner_practitioner", { orgId: schoolOrg, teamId: null })).username, TEST_PASSWORD);
  });

  const db = () => svc.services.db;
  const url = (personId: string, rest: string) => `/api/v1/people/${personId}/looked-after${rest}`;
  async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<T>();
  }
  async function refused(res: Promise<LightMyRequestResponse>, status: number, field?: string): Promise<Problem> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    const p = r.json<Problem>();
    if (field !== undefined) expect(p.errors?.map((e) => e.field)).toContain(field);
    return p;
  }
  const child = (options: Parameters<typeof buildLookedAfterChild>[2] = {}) => buildLookedAfterChild(db(), tenant, { allocatedTo: swId, ...options });
  const due = (rec: LacHealthRecord, kind: string) => rec.due.find((d) => d.kind === kind);

  it("sets each due date from the timescales, 6-monthly health assessments under 5 and yearly from 5, and moves them with a corrected date", async () => {
    const { personId, caseId } = await child({ dob: "2021-05-10", episodes: [{ decom: "2024-01-08" }] });
    let rec = await ok<LacHealthRecord>(sw.get(url(personId, "/checks")));
    // Initial assessment in time for the first review: 20 working days after care began.
    expect(due(rec, "lac_health_due")).toMatchObject({ dueDate: "2024-02-05", status: "overdue", dueText: expect.stringMatching(/^Overdue by/) as unknown });
    expect(rec.childName).toMatch(/^Robin Carer/);
    expect(due(rec, "lac_dental_due")?.dueDate).toBe("2025-01-08");
    // PEP from the 3rd birthday; SDQ 12 months into care but not before 4.
    expect(due(rec, "lac_pep_due")?.dueDate).toBe("2024-05-10");
    expect(due(rec, "lac_sdq_due")?.dueDate).toBe("2025-05-10");

    // An assessment the day before the 5th birthday: the next is 6 months on.
    rec = await ok<LacHealthRecord>(sw.post(url(personId, "/checks"), { kind: "health_assessment", checkDate: "2026-05-09", notes: "Well." }), 201);
    expect(due(rec, "lac_health_due")?.dueDate).toBe("2026-11-09");
    expect(await openItem(db(), tenant, personId, "lac_health_due")).toMatchObject({ due_date: "2026-11-09", assigned_to: swId, case_id: caseId, team_id: tenant.teamId });
    expect(await openItem(db(), tenant, personId, "lac_pep_due")).toMatchObject({ due_date: "2024-05-10" });

    // Corrected to the 5th birthday itself: yearly. Stale or missing If-Match is refused first.
    const check = rec.checks[0];
    if (!check) throw new Error("no check");
    await refused(sw.patch(url(personId, `/checks/${check.id}`), { kind: "health_assessment", checkDate: "2026-05-10" }), 428);
    await refused(sw.patch(url(personId, `/checks/${check.id}`), { kind: "health_assessment", checkDate: "2026-05-10" }, im(7)), 412);
    await refused(sw.patch(url(personId, `/checks/${check.id}`), { kind: "dental_check", checkDate: "2026-05-10" }, im(check.version)), 422, "kind");
    rec = await ok<LacHealthRecord>(sw.patch(url(personId, `/checks/${check.id}`), { kind: "health_assessment", checkDate: "2026-05-10" }, im(check.version)));
    expect(rec.checks[0]).toMatchObject({ checkDate: "2026-05-10", version: 2 });
    expect(await openItem(db(), tenant, personId, "lac_health_due")).toMatchObject({ due_date: "2027-05-10" });

    // A PEP and a dental check move their own items.
    await ok(sw.post(url(personId, "/checks"), { kind: "pep", checkDate: "2026-09-01", pepType: "initial" }), 201);
    rec = await ok<LacHealthRecord>(sw.post(url(personId, "/checks"), { kind: "dental_check", checkDate: "2026-03-01" }), 201);
    expect(await openItem(db(), tenant, personId, "lac_pep_due")).toMatchObject({ due_date: "2027-01-01" });
    expect(await openItem(db(), tenant, personId, "lac_dental_due")).toMatchObject({ due_date: "2027-03-01" });
    expect(rec.checks.map((c) => c.kind)).toEqual(["pep", "health_assessment", "dental_check"]);

    const actions = await db().selectFrom("audit_event").select("action").where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["looked-after.health.read", "looked-after.check.create", "looked-after.check.update"]));
  });

  it("asks for SDQs only from 4 to 16, and drops the item at 17", async () => {
    const { personId } = await child({ dob: "2009-12-01", episodes: [{ decom: "2024-01-08" }] });
    await ok(sw.post(url(personId, "/checks"), { kind: "immunisations", checkDate: "2024-02-01", upToDate: true }), 201);
    expect(await openItem(db(), tenant, personId, "lac_sdq_due")).toMatchObject({ due_date: "2025-01-08" });
    // The next falls the day before the 17th birthday: still due.
    await ok(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-11-30", score: 12 }), 201);
    expect(await openItem(db(), tenant, personId, "lac_sdq_due")).toMatchObject({ due_date: "2026-11-30" });
    // On the 17th birthday: none.
    const rec = await ok<LacHealthRecord>(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-12-01", reason: "SDQ5" }), 201);
    expect(await openItem(db(), tenant, personId, "lac_sdq_due")).toBeUndefined();
    expect(due(rec, "lac_sdq_due")).toMatchObject({ dueDate: null, status: "not_required" });
    expect(rec.checks[0]).toMatchObject({ kind: "sdq", score: null, reason: "SDQ5" });

    // Under 4: the first SDQ waits for the 4th birthday.
    const young = await child({ dob: "2023-03-01", episodes: [{ decom: "2024-01-08" }] });
    const r2 = await ok<LacHealthRecord>(sw.get(url(young.personId, "/checks")));
    expect(due(r2, "lac_sdq_due")?.dueDate).toBe("2027-03-01");
  });

  it("refuses bad input with 400 naming the field, and a check before birth with 422", async () => {
    const { personId } = await child({ dob: "2015-06-01" });
    await refused(sw.post(url(personId, "/checks"), { kind: "dental_check", checkDate: "2999-01-01" }), 400, "checkDate");
    await refused(sw.post(url(personId, "/checks"), { kind: "dental_check", checkDate: "2025-02-30" }), 400, "checkDate");
    await refused(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-02-01", score: 41 }), 400, "score");
    await refused(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-02-01" }), 400, "score");
    await refused(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-02-01", score: 10, reason: "SDQ2" }), 400, "reason");
    await refused(sw.post(url(personId, "/checks"), { kind: "sdq", checkDate: "2025-02-01", reason: "SDQ9" }), 400, "reason");
    await refused(sw.post(url(personId, "/checks"), { kind: "immunisations", checkDate: "2025-02-01" }), 400, "upToDate");
    await refused(sw.post(url(personId, "/checks"), { kind: "x-ray", checkDate: "2025-02-01" }), 400, "kind");
    await refused(sw.post(url(personId, "/checks"), { kind: "pep", checkDate: "2025-02-01", pepType: "initial", extra: 1 }), 400);
    await refused(sw.post(url(personId, "/checks"), { kind: "health_assessment", checkDate: "2014-01-01" }), 422, "checkDate");
    await refused(sw.get(url(personId, "/oc2?year=last")), 400, "year");
    expect(await db().selectFrom("lac_check").select("id").where("la_code", "=", tenant.laCode).execute()).toEqual([]);
  });

  it("derives OC2 for children looked after 12 months at 31 March: a start on 1 April counts, on 31 March it does not; an imported year wins", async () => {
    const a = await child({ dob: "2012-06-01", episodes: [{ decom: "2024-04-01" }] });
    await ok(sw.post(url(a.personId, "/checks"), { kind: "health_assessment", checkDate: "2024-10-01" }), 201);
    await ok(sw.post(url(a.personId, "/checks"), { kind: "sdq", checkDate: "2024-11-01", score: 15 }), 201);
    await ok(sw.post(url(a.personId, "/checks"), { kind: "substance_misuse", checkDate: "2025-01-15", interventionReceived: false, interventionOffered: true }), 201);
    await ok(sw.post(url(a.personId, "/checks"), { kind: "dental_check", checkDate: "2025-04-01" }), 201); // the next year
    const oc2 = await ok<Oc2Summary>(sw.get(url(a.personId, "/oc2?year=2024")));
    expect(oc2).toMatchObject({ year: 2024, yearStart: "2024-04-01", yearEnd: "2025-03-31", continuouslyLookedAfter: true, ageAtYearEnd: 12, source: "derived", imported: null });
    expect(oc2.values).toEqual({ sdqScore: "15", sdqReason: null, convicted: "0", healthCheck: null, immunisations: "0", teethCheck: "0", healthAssessment: "1", substanceMisuse: "1", interventionReceived: "0", interventionOffered: "1" });

    const b = await child({ dob: "2012-06-01", episodes: [{ decom: "2025-03-31" }] });
    expect(await ok<Oc2Summary>(sw.get(url(b.personId, "/oc2?year=2024")))).toMatchObject({ continuouslyLookedAfter: false, source: "none", values: null });
    expect(await ok<Oc2Summary>(sw.get(url(b.personId, "/oc2?year=2025")))).toMatchObject({ continuouslyLookedAfter: true, source: "derived" });
    const c = await child({ dob: "2012-06-01", episodes: [{ decom: "2024-04-02" }] });
    expect((await ok<Oc2Summary>(sw.get(url(c.personId, "/oc2?year=2024")))).continuouslyLookedAfter).toBe(false);

    // A year brought in by an SSDA903 import is shown as imported, beside what the checks give.
    await db().insertInto("lac_oc2").values({ la_code: tenant.laCode, person_id: b.personId, year: 2025, sdq_score: "9", sdq_reason: null, convicted: "0", health_check: null, immunisations: "1", teeth_check: "1", health_assessment: "1", substance_misuse: "0", intervention_received: null, intervention_offered: null }).execute();
    const imported = await ok<Oc2Summary>(sw.get(url(b.personId, "/oc2?year=2025")));
    expect(imported).toMatchObject({ source: "imported", values: { sdqScore: "9", teethCheck: "1" }, imported: { sdqScore: "9" }, derived: { teethCheck: "0", sdqScore: null } });
    const reads = await db().selectFrom("audit_event").select("details").where("la_code", "=", tenant.laCode).where("action", "=", "looked-after.oc2.read").where("person_id", "=", b.personId).execute();
    expect(reads).toHaveLength(3);
  });

  it("scopes to the people rule: another authority gets 404, a partner 403, a child never looked after 404", async () => {
    const { personId } = await child();
    const before = await ok<LacHealthRecord>(sw.get(url(personId, "/checks")));
    expect(before.canWrite).toBe(true);
    await refused(otherSw.get(url(personId, "/checks")), 404);
    await refused(otherSw.post(url(personId, "/checks"), { kind: "dental_check", checkDate: "2025-01-01" }), 404);
    await refused(otherSw.get(url(personId, "/permanence")), 404);
    await refused(otherSw.get(url(personId, "/care-leaver")), 404);
    // Shared with the partner's organisation or not, a partner holds no lac:read.
    await buildSharing(db(), tenant, personId, schoolOrg, swId);
    await refused(partner.get(url(personId, "/checks")), 403);
    await refused(partner.get(url(personId, "/oc2?year=2024")), 403);
    await refused(partner.post(url(personId, "/dolo"), { doloStart: "2025-01-01" }), 403);
    const plain = await buildPerson(db(), tenant);
    await refused(sw.get(url(plain, "/checks")), 404);
    expect(await db().selectFrom("lac_check").select("id").where("la_code", "in", [tenant.laCode]).execute()).toEqual([]);
  });

  it("records adoption (AD1), decisions to place for adoption, previous permanence, social worker episodes and DoLo with If-Match", async () => {
    const { personId } = await child({ dob: "2019-02-01", episodes: [{ decom: "2024-01-08" }] });
    let p = await ok<LacPermanence>(sw.get(url(personId, "/permanence")));
    expect(p).toMatchObject({ ad1: null, placedForAdoption: [], swEpisodes: [], dolo: [], previousPermanence: { prevPerm: null, version: 1 } });

    await refused(sw.put(url(personId, "/permanence/ad1"), { dateInt: "2024-03-01", dateMatch: "2024-02-01" }), 400, "dateMatch");
    await refused(sw.put(url(personId, "/permanence/ad1"), { dateInt: "2024-03-01", nbAdoptr: 2, sexAdoptr: "M1" }), 400, "sexAdoptr");
    await refused(sw.put(url(personId, "/permanence/ad1"), { dateInt: "2023-12-01" }), 422, "dateInt");
    p = await ok<LacPermanence>(sw.put(url(personId, "/permanence/ad1"), { dateInt: "2024-03-01" }));
    expect(p.ad1).toMatchObject({ dateInt: "2024-03-01", dateMatch: null, version: 1 });
    const ad1 = { dateInt: "2024-03-01", dateMatch: "2024-06-01", fosterCare: true, nbAdoptr: 2, sexAdoptr: "MF", lsAdoptr: "L11" };
    await refused(sw.put(url(personId, "/permanence/ad1"), ad1), 428);
    await refused(sw.put(url(personId, "/permanence/ad1"), ad1, im(5)), 412);
    p = await ok<LacPermanence>(sw.put(url(personId, "/permanence/ad1"), ad1, im(1)));
    expect(p.ad1).toMatchObject({ dateMatch: "2024-06-01", fosterCare: true, nbAdoptr: 2, sexAdoptr: "MF", version: 2 });
    expect((await db().selectFrom("lac_ad1").select(["foster_care", "nb_adoptr"]).where("la_code", "=", tenant.laCode).where("person_id", "=", personId).executeTakeFirstOrThrow())).toEqual({ foster_care: "1", nb_adoptr: "2" });

    await refused(sw.put(url(personId, "/permanence/previous"), { prevPerm: "Z1", laPerm: "204" }, im(1)), 400, "laPerm");
    await refused(sw.put(url(personId, "/permanence/previous"), { prevPerm: "P2", datePerm: "xx/10/2011" }, im(1)), 400, "datePerm");
    await refused(sw.put(url(personId, "/permanence/previous"), { prevPerm: "P2", laPerm: "204" }, im(9)), 412);
    p = await ok<LacPermanence>(sw.put(url(personId, "/permanence/previous"), { prevPerm: "P2", laPerm: "204", datePerm: "ZZ/05/2021" }, im(1)));
    expect(p.previousPermanence).toEqual({ prevPerm: "P2", laPerm: "204", datePerm: "ZZ/05/2021", version: 2 });

    // Decisions to place for adoption: one open at a time, reversed with a reason (RD1–RD4).
    p = await ok<LacPermanence>(sw.post(url(personId, "/placed-for-adoption"), { datePlaced: "2024-03-01" }), 201);
    const decision = p.placedForAdoption[0];
    if (!decision) throw new Error("no decision");
    await refused(sw.post(url(personId, "/placed-for-adoption"), { datePlaced: "2024-06-01" }), 409);
    await refused(sw.patch(url(personId, `/placed-for-adoption/${decision.id}`), { datePlaced: "2024-03-01", datePlacedCeased: "2024-05-01" }, im(1)), 400, "reasonPlacedCeased");
    p = await ok<LacPermanence>(sw.patch(url(personId, `/placed-for-adoption/${decision.id}`), { datePlaced: "2024-03-01", datePlacedCeased: "2024-05-01", reasonPlacedCeased: "RD3" }, im(1)));
    expect(p.placedForAdoption[0]).toMatchObject({ datePlacedCeased: "2024-05-01", reasonPlacedCeased: "RD3", version: 2 });
    await refused(sw.post(url(personId, "/placed-for-adoption"), { datePlaced: "2024-04-01" }), 422, "datePlaced");
    p = await ok<LacPermanence>(sw.post(url(personId, "/placed-for-adoption"), { datePlaced: "2024-06-01" }), 201);
    expect(p.placedForAdoption.map((d) => d.datePlaced)).toEqual(["2024-03-01", "2024-06-01"]);

    // Social worker episodes: versions kept in the record history.
    p = await ok<LacPermanence>(sw.post(url(personId, "/sw-episodes"), { swId: "SW123", swDecom: "2024-01-08" }), 201);
    const first = p.swEpisodes[0];
    if (!first) throw new Error("no episode");
    expect(first.version).toBe(1);
    await refused(sw.post(url(personId, "/sw-episodes"), { swId: "SW456", swDecom: "2024-05-01" }), 409, "swDecom");
    const ended = { swId: "SW123", swDecom: "2024-01-08", swDec: "2024-04-30", swReason: "LEFTRL" };
    p = await ok<LacPermanence>(sw.patch(url(personId, `/sw-episodes/${first.id}`), ended, im(1)));
    expect(p.swEpisodes[0]).toMatchObject({ swDec: "2024-04-30", swReason: "LEFTRL", version: 2 });
    const stale = await refused(sw.patch(url(personId, `/sw-episodes/${first.id}`), { ...ended, swReason: "MANAGE" }, im(1)), 412);
    expect(stale.title).toMatch(/changed by someone else/);
    p = await ok<LacPermanence>(sw.post(url(personId, "/sw-episodes"), { swId: "SW456", swDecom: "2024-05-01" }), 201);
    expect(p.swEpisodes.map((s) => s.swId)).toEqual(["SW123", "SW456"]);

    // DoLo: the end after the start (rule 702), one at a time (rule 705).
    await refused(sw.post(url(personId, "/dolo"), { doloStart: "2025-02-01", doloEnd: "2025-02-01" }), 400, "doloEnd");
    p = await ok<LacPermanence>(sw.post(url(personId, "/dolo"), { doloStart: "2025-02-01" }), 201);
    const order = p.dolo[0];
    if (!order) throw new Error("no order");
    await refused(sw.post(url(personId, "/dolo"), { doloStart: "2025-03-01" }), 409);
    p = await ok<LacPermanence>(sw.patch(url(personId, `/dolo/${order.id}`), { doloStart: "2025-02-01", doloEnd: "2025-05-01" }, im(1)));
    expect(p.dolo[0]).toMatchObject({ doloEnd: "2025-05-01", version: 2 });

    const events = await db().selectFrom("case_event").select("kind").where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(events.map((e) => e.kind).sort()).toEqual(["lac_adoption_decision", "lac_adoption_decision", "lac_adoption_match", "lac_adoption_reversed", "lac_dolo"]);
  });

  it("follows a care leaver around each birthday from 17 to 21 and keeps the next contact and the pathway plan review on the tray", async () => {
    const { personId, caseId } = await child({ dob: "2006-06-15", episodes: [{ decom: "2020-01-01", dec: "2024-07-01", rec: "E17", ls: "V2" }] });
    let rec = await ok<CareLeaverRecord>(sw.get(url(personId, "/care-leaver")));
    expect(rec.careLeaver).toBe(true);
    expect(rec.birthdays.map((b) => [b.age, b.year, b.required])).toEqual([[17, 2023, false], [18, 2024, false], [19, 2025, true], [20, 2026, true], [21, 2027, true]]);
    expect(rec.birthdays[2]).toMatchObject({ birthday: "2025-06-15", windowFrom: "2025-03-15", windowTo: "2025-07-15", oc3: null });
    expect(rec.nextContact).toMatchObject({ kind: "lac_oc3_due", dueDate: "2025-07-15", status: "overdue" });

    await refused(sw.put(url(personId, "/care-leaver/oc3/2024"), { inTouch: "YES", activity: "F2", accommodation: "D1", recordedOn: "2024-06-20" }), 422, "year");
    await refused(sw.put(url(personId, "/care-leaver/oc3/2031"), { inTouch: "NO", recordedOn: "2025-06-20" }), 422, "year");
    await refused(sw.put(url(personId, "/care-leaver/oc3/2025"), { inTouch: "YES", recordedOn: "2025-06-20" }), 400, "activity");
    await refused(sw.put(url(personId, "/care-leaver/oc3/2025"), { inTouch: "DIED", accommodation: "D1", recordedOn: "2025-06-20" }), 400, "accommodation");
    await refused(sw.put(url(personId, "/care-leaver/oc3/2025"), { inTouch: "YES", activity: "F2", accommodation: "Q9", recordedOn: "2025-06-20" }), 400, "accommodation");

    rec = await ok<CareLeaverRecord>(sw.put(url(personId, "/care-leaver/oc3/2025"), { inTouch: "YES", activity: "F2", accommodation: "D2", recordedOn: "2025-06-20" }));
    expect(rec.birthdays[2]?.oc3).toMatchObject({ inTouch: "YES", activity: "F2", accommodation: "D2", suitable: false, version: 1 });
    expect(rec.nextContact).toMatchObject({ dueDate: "2026-07-15" });
    expect(await openItem(db(), tenant, personId, "lac_oc3_due")).toMatchObject({ due_date: "2026-07-15", case_id: caseId, assigned_to: swId });
    const change = { inTouch: "YES", activity: "F2", accommodation: "D1", recordedOn: "2025-06-20" };
    await refused(sw.put(url(personId, "/care-leaver/oc3/2025"), change), 428);
    await refused(sw.put(url(personId, "/care-leaver/oc3/2025"), change, im(3)), 412);
    rec = await ok<CareLeaverRecord>(sw.put(url(personId, "/care-leaver/oc3/2025"), change, im(1)));
    expect(rec.birthdays[2]?.oc3).toMatchObject({ suitable: true, version: 2 });

    rec = await ok<CareLeaverRecord>(sw.post(url(personId, "/pathway-plans"), { planDate: "2026-10-01", personalAdviser: "Sam Adeyemi", summary: "Staying at college; looking for a flat." }), 201);
    const plan = rec.pathwayPlans[0];
    if (!plan) throw new Error("no plan");
    expect(plan).toMatchObject({ nextReviewDue: "2027-04-01", personalAdviser: "Sam Adeyemi", version: 1 });
    expect(await openItem(db(), tenant, personId, "lac_pathway_review_due")).toMatchObject({ due_date: "2027-04-01" });
    await refused(sw.post(url(personId, "/pathway-plans"), { planDate: "2026-10-01", nextReviewDue: "2026-09-01" }), 400, "nextReviewDue");
    await refused(sw.patch(url(personId, `/pathway-plans/${plan.id}`), { planDate: "2026-10-01", nextReviewDue: "2026-12-01" }, im(4)), 412);
    rec = await ok<CareLeaverRecord>(sw.patch(url(personId, `/pathway-plans/${plan.id}`), { planDate: "2026-10-01", nextReviewDue: "2026-12-01" }, im(1)));
    expect(rec.nextPlanReview).toMatchObject({ dueDate: "2026-12-01" });
    expect(await openItem(db(), tenant, personId, "lac_pathway_review_due")).toMatchObject({ due_date: "2026-12-01" });
  });

  it("keeps nothing due for a child no longer looked after", async () => {
    const { personId } = await child({ dob: "2015-06-01", episodes: [{ decom: "2023-01-09", dec: "2024-01-09", rec: "E4A" }] });
    const rec = await ok<LacHealthRecord>(sw.post(url(personId, "/checks"), { kind: "dental_check", checkDate: "2023-06-01" }), 201);
    expect(rec.lookedAfterNow).toBe(false);
    expect(rec.due.every((d) => d.status === "not_required")).toBe(true);
    expect(await db().selectFrom("work_item").select("kind").where("la_code", "=", tenant.laCode).where("person_id", "=", personId).where("status", "=", "open").execute()).toEqual([]);
  });
});
