import { readCinXml, readSsda903Files } from "@family-story/returns";
import type { ReturnRun } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPerson, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

/**
 * Statutory returns generated from casework recorded through the API (collection year 2024:
 * 1 April 2024 to 31 March 2025): a child coming into care, a placement change, a review and a
 * missing episode in the SSDA903; a referral with an assessment, s47 and CP plan in the CIN census;
 * validation findings that go away when the record is fixed; and who may ask, with what.
 */

interface Problem { title: string; errors?: { field: string; message: string }[] }

describe.each(DATABASE_KINDS)("statutory returns on %s", (kind) => {
  let svc: TestService;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());

  const db = () => svc.services.db;
  async function ok(res: Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r;
  }
  async function refused(res: Promise<LightMyRequestResponse>, status: number): Promise<Problem> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    return r.json<Problem>();
  }
  /** A fresh authority with a social worker, a team manager, an IRO and a performance analyst signed in. */
  async function world(): Promise<{ tenant: Tenant; sw: Client; manager: Client; iro: Client; iroId: string; analyst: Client; swId: string }> {
    const tenant = await buildTenant(svc.services);
    const swUser = await buildUser(db(), tenant, "practitioner");
    const iroUser = await buildUser(db(), tenant, "iro");
    return {
      tenant,
      swId: swUser.id,
      iroId: iroUser.id,
      sw: await signIn(svc.app, swUser.username, TEST_PASSWORD),
      manager: await signIn(svc.app, (await buildUser(db(), tenant, "team_manager")).username, TEST_PASSWORD),
      iro: await signIn(svc.app, iroUser.username, TEST_PASSWORD),
      analyst: await signIn(svc.app, (await buildUser(db(), tenant, "performance_analyst")).username, TEST_PASSWORD),
    };
  }
  const run = async (c: Client, tenant: Tenant, k: "ssda903" | "cin", year = 2024): Promise<ReturnRun> => (await ok(c.get(`/api/v1/returns/${k}?la=${tenant.laCode}&year=${String(year)}`))).json<ReturnRun>();
  const file = async (c: Client, tenant: Tenant, k: "ssda903" | "cin", name: string): Promise<string> => (await ok(c.get(`/api/v1/returns/${k}/files/${name}?la=${tenant.laCode}&year=2024`))).body;

  it("generates the SSDA903 from a child's care: episodes S and P, a review, a missing episode, and links findings to the child", async () => {
    const w = await world();
    const personId = await buildPerson(db(), w.tenant, { dob: "2012-05-01", upn: "A123456789012" });
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after`, { startDate: "2024-06-03", legalStatus: "C2", categoryOfNeed: "N1", place: "U1", placeProvider: "PR1", homePostcode: "W2 1AA", placementPostcode: "W9 2BB" }), 201);
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after/changes`, { changeDate: "2024-09-02", place: "K2", placeProvider: "PR4", placementPostcode: "E7 5YR", urn: "SC123456", reasonPlaceChange: "CHILD" }));
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after/missing`, { missingType: "M", startDate: "2024-10-01", endDate: "2024-10-03" }), 201);
    const review = (await ok(w.iro.post(`/api/v1/people/${personId}/lac-reviews`, { plannedDate: "2024-06-28" }), 201)).json<{ id: string }>();
    await ok(w.iro.post(`/api/v1/lac-reviews/${review.id}/held`, { reviewDate: "2024-06-28", participationCode: "PN1", viewsMethods: ["in_meeting"], childViews: "Fine", summary: "Settled." }));

    const result = await run(w.analyst, w.tenant, "ssda903");
    expect(result).toMatchObject({ kind: "ssda903", la: w.tenant.laCode, year: 2024, ruleset: "lac2026_27" });
    const rows = Object.fromEntries(result.files.map((f) => [f.table, f.rows]));
    expect(rows).toMatchObject({ Header: 1, Episodes: 2, Reviews: 1, Missing: 1, PrevPerm: 1, UASC: 0, AD1: 0, OC3: 0 });
    expect(result.rulesRun).toBeGreaterThan(0);
    expect(result.findingCount).toBe(result.rules.reduce((n, r) => n + r.count, 0));

    const files = await Promise.all(result.files.map(async (f) => ({ name: f.name, text: await file(w.analyst, w.tenant, "ssda903", f.name) })));
    const tables = readSsda903Files(files).tables;
    const child = personId; // no LA child id on record: CHILD is the person's id
    expect(tables.Header?.rows.map((r) => r.values)).toEqual([{ CHILD: child, SEX: "U", DOB: "01/05/2012", ETHNIC: null, UPN: "A123456789012", MOTHER: null, MC_DOB: null }]);
    expect(tables.Episodes?.rows.map((r) => [r.values.DECOM, r.values.RNE, r.values.LS, r.values.PLACE, r.values.DEC, r.values.REC, r.values.REASON_PLACE_CHANGE])).toEqual([
      ["03/06/2024", "S", "C2", "U1", "02/09/2024", "X1", "CHILD"],
      ["02/09/2024", "P", "C2", "K2", null, null, null],
    ]);
    expect(tables.Reviews?.rows.map((r) => r.values)).toEqual([{ CHILD: child, DOB: "01/05/2012", REVIEW: "28/06/2024", REVIEW_CODE: "PN1" }]);
    expect(tables.Missing?.rows.map((r) => r.values)).toEqual([{ CHILD: child, DOB: "01/05/2012", MISSING: "M", MIS_START: "01/10/2024", MIS_END: "03/10/2024" }]);
    // The year before has none of it; the next year has the child still in care, and the review is not returned again.
    expect((await run(w.analyst, w.tenant, "ssda903", 2023)).files.find((f) => f.table === "Header")?.rows).toBe(0);
    const next = Object.fromEntries((await run(w.analyst, w.tenant, "ssda903", 2025)).files.map((f) => [f.table, f.rows]));
    expect(next).toMatchObject({ Header: 1, Episodes: 1, Reviews: 0, Missing: 0 });

    // Findings name the child and link to the person; sex unknown (232) is one of them, and it goes when the record is fixed.
    const sexFinding = (r: ReturnRun) => r.rules.find((x) => x.rule === "232")?.findings.filter((f) => f.personId === personId) ?? [];
    expect(sexFinding(result)).toEqual([{ table: "Header", row: 0, childId: child, columns: expect.arrayContaining(["SEX"]) as string[], personId }]);
    const version = (await db().selectFrom("person").select("version").where("id", "=", personId).executeTakeFirstOrThrow()).version;
    await ok(w.sw.patch(`/api/v1/people/${personId}`, { sex: "female" }, { "if-match": `W/"${String(version)}"` }));
    const fixed = await run(w.analyst, w.tenant, "ssda903");
    expect(sexFinding(fixed)).toEqual([]);
    // Other rules may now apply to her (a mother's details): the fix changes what is found, not only how much.
    expect(fixed.rules.map((r) => r.rule)).not.toContain("232");

    const csv = (await ok(w.analyst.get(`/api/v1/returns/ssda903/findings.csv?la=${w.tenant.laCode}&year=2024`))).body;
    expect(csv.split("\n")[0]).toBe("rule_code,table,row_id,child_id,columns,message");
    expect(csv.trim().split("\n")).toHaveLength(fixed.findingCount + 1);

    const audit = await db().selectFrom("audit_event").select(["action", "entity_id"]).where("la_code", "=", w.tenant.laCode).where("entity", "=", "return").execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["return.prepare", "return.download", "return.findings"]));
  });

  it("returns every care leaver with a 17th to 21st birthday in the year in OC3, blank until their contact is recorded", async () => {
    const w = await world();
    // In care from 15 until 17½: the 17th birthday (2023) was in care, the 18th (1 August 2024) is owed OC3.
    const personId = await buildPerson(db(), w.tenant, { dob: "2006-08-01" });
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after`, { startDate: "2021-09-01", legalStatus: "C2", categoryOfNeed: "N1", place: "U1", placeProvider: "PR1", homePostcode: "W2 1AA", placementPostcode: "W9 2BB" }), 201);
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after/cease`, { endDate: "2024-02-01", reasonCeased: "E8" }));
    const oc3 = async (year: number) => {
      const result = await run(w.analyst, w.tenant, "ssda903", year);
      const files = await Promise.all(result.files.map(async (f) => ({ name: f.name, text: (await ok(w.analyst.get(`/api/v1/returns/ssda903/files/${f.name}?la=${w.tenant.laCode}&year=${String(year)}`))).body })));
      const tables = readSsda903Files(files).tables;
      return { result, oc3: tables.OC3?.rows.map((r) => r.values) ?? [], header: tables.Header?.rows.map((r) => r.values.CHILD) ?? [] };
    };
    expect((await oc3(2023)).oc3).toEqual([]);
    const blank = await oc3(2024);
    expect(blank.oc3).toEqual([{ CHILD: personId, DOB: "01/08/2006", IN_TOUCH: null, ACTIV: null, ACCOM: null }]);
    expect(blank.header).toEqual([personId]);
    const onOc3 = blank.result.rules.flatMap((r) => r.findings).filter((f) => f.table === "OC3");
    expect(onOc3.every((f) => f.personId === personId)).toBe(true);

    await ok(w.sw.put(`/api/v1/people/${personId}/looked-after/care-leaver/oc3/2024`, { inTouch: "NO", recordedOn: "2024-08-05" }));
    expect((await oc3(2024)).oc3).toEqual([{ CHILD: personId, DOB: "01/08/2006", IN_TOUCH: "NO", ACTIV: null, ACCOM: null }]);
  });

  it("includes a restricted child in the return, with the DfE fields only, and a finding's link still goes through the people rule", async () => {
    const w = await world();
    const personId = await buildPerson(db(), w.tenant, { dob: "2012-05-01", givenName: "Secretive", familyName: "Restrictedname", restricted: true });
    await grantNamedAccess(db(), w.tenant, personId, w.swId);
    await ok(w.sw.post(`/api/v1/people/${personId}/looked-after`, { startDate: "2024-06-03", legalStatus: "C2", categoryOfNeed: "N1", place: "U1", placeProvider: "PR1", homePostcode: "W2 1AA", placementPostcode: "W9 2BB" }), 201);
    const res = await ok(w.analyst.get(`/api/v1/returns/ssda903?la=${w.tenant.laCode}&year=2024`));
    expect(res.body).not.toMatch(/Secretive|Restrictedname/);
    const result = res.json<ReturnRun>();
    expect(result.files.find((f) => f.table === "Header")?.rows).toBe(1);
    expect(result.rules.flatMap((r) => r.findings).some((f) => f.personId === personId)).toBe(true);
    const header = await file(w.analyst, w.tenant, "ssda903", "header.csv");
    expect(header).not.toMatch(/Secretive|Restrictedname/);
    expect(header).toContain(personId);
    // The analyst holds no named access: following the link is refused like any restricted record.
    await refused(w.analyst.get(`/api/v1/people/${personId}`), 404);
  });

  it("generates the CIN census from a referral with an assessment, a section 47 and a CP plan", async () => {
    const w = await world();
    const personId = await buildPerson(db(), w.tenant, { dob: "2016-02-03" });
    const caseId = await buildCase(db(), w.tenant, personId, { allocatedTo: w.swId, dueDate: null, openedOn: "2025-01-06" });
    const sc = (rest: string) => `/api/v1/cases/${caseId}/social-care${rest}`;
    type Rec = { assessments: { id: string }[]; strategyDiscussions: { id: string }[]; s47s: { id: string }[] };
    await ok(w.sw.post(sc("/referral"), { referralDate: "2025-01-06", referralSource: "2A", route: "assessment" }));
    const assessmentId = (await ok(w.sw.post(sc("/assessments"), { startDate: "2025-01-07" }))).json<Rec>().assessments[0]?.id ?? "";
    const sdId = (await ok(w.sw.post(sc("/strategy-discussions"), { discussionDate: "2025-01-08", attendees: "Police, school", decision: "s47" }))).json<Rec>().strategyDiscussions[0]?.id ?? "";
    const s47Id = (await ok(w.sw.post(sc("/s47-enquiries"), { strategyDiscussionId: sdId, startDate: "2025-01-08" }))).json<Rec>().s47s[0]?.id ?? "";
    await ok(w.sw.post(sc(`/s47-enquiries/${s47Id}/outcome`), { outcome: "icpc", outcomeDate: "2025-01-20" }));
    await ok(w.sw.post(sc(`/assessments/${assessmentId}/completion`), { completedDate: "2025-01-24", factors: ["3B", "16A"], primaryNeed: "N1" }));
    await ok(w.sw.post(sc(`/assessments/${assessmentId}/authorisation-request`)));
    await ok(w.manager.post(sc(`/assessments/${assessmentId}/authorisation`), { authorisedDate: "2025-01-27" }));
    await ok(w.sw.post(sc("/conferences"), { kind: "initial", s47Id, conferenceDate: "2025-01-27", outcome: "plan", category: "NEG" }));

    const result = await run(w.analyst, w.tenant, "cin");
    expect(result).toMatchObject({ kind: "cin", ruleset: "cin2025_26", files: [{ name: "cin-census.xml", table: "CINcensus", rows: 1 }] });
    const xml = await file(w.analyst, w.tenant, "cin", "cin-census.xml");
    const t = readCinXml({ name: "cin-census.xml", text: xml }).tables;
    expect(t.Header?.rows[0]).toMatchObject({ Collection: "CIN", Year: "2025", ReferenceDate: "2025-03-31", LEA: w.tenant.laCode });
    expect(t.ChildIdentifiers?.rows[0]).toMatchObject({ LAchildID: personId, PersonBirthDate: "2016-02-03", Sex: "U" });
    expect(t.CINdetails?.rows[0]).toMatchObject({ CINreferralDate: "2025-01-06", ReferralSource: "2A", PrimaryNeedCode: "N1", DateOfInitialCPC: "2025-01-27", ReferralNFA: "false" });
    expect(t.CINdetails?.rows[0]?.CINclosureDate ?? null).toBeNull();
    expect(xml).toContain("<AssessmentActualStartDate>2025-01-07</AssessmentActualStartDate>");
    expect(xml).toContain("<AssessmentAuthorisationDate>2025-01-27</AssessmentAuthorisationDate>");
    expect(xml).toMatch(/<FactorsIdentifiedAtAssessment>\s*<AssessmentFactors>3B<\/AssessmentFactors>\s*<AssessmentFactors>16A<\/AssessmentFactors>/);
    expect(t.Section47?.rows[0]).toMatchObject({ S47ActualStartDate: "2025-01-08", InitialCPCtarget: "2025-01-29", DateOfInitialCPC: "2025-01-27", ICPCnotRequired: "false" });
    expect(t.ChildProtectionPlans?.rows[0]?.CPPendDate ?? null).toBeNull();
    expect(t.ChildProtectionPlans?.rows[0]).toMatchObject({ CPPstartDate: "2025-01-27", InitialCategoryOfAbuse: "NEG", LatestCategoryOfAbuse: "NEG", NumberOfPreviousCPP: "0" });
    // Findings on the child link to the person.
    const mine = result.rules.flatMap((r) => r.findings).filter((f) => f.childId === personId);
    expect(mine.every((f) => f.personId === personId)).toBe(true);
    // The census is as at 31 March: a death after it is not in that year's census, and is in the next.
    await db().updateTable("person").set({ deceased_date: "2025-05-10" }).where("la_code", "=", w.tenant.laCode).where("id", "=", personId).execute();
    expect(await file(w.analyst, w.tenant, "cin", "cin-census.xml")).not.toContain("PersonDeathDate>2025-05-10");
    const next = (await ok(w.analyst.get(`/api/v1/returns/cin/files/cin-census.xml?la=${w.tenant.laCode}&year=2025`))).body;
    expect(next).toContain("<PersonDeathDate>2025-05-10</PersonDeathDate>");
    // The year before the referral has nobody in need.
    expect((await run(w.analyst, w.tenant, "cin", 2023)).files[0]?.rows).toBe(0);
  });

  it("is for performance analysts of the authority only, and names the field of a bad request", async () => {
    const w = await world();
    const other = await buildTenant(svc.services, "Other Borough");
    await refused(w.sw.get(`/api/v1/returns/ssda903?la=${w.tenant.laCode}&year=2024`), 403);
    await refused(w.sw.get(`/api/v1/returns/cin/files/cin-census.xml?la=${w.tenant.laCode}&year=2024`), 403);
    await refused(w.analyst.get(`/api/v1/returns/ssda903?la=${other.laCode}&year=2024`), 404);
    expect((await refused(w.analyst.get(`/api/v1/returns/ssda903?la=nonsense&year=2024`), 400)).errors?.map((e) => e.field)).toEqual(["la"]);
    expect((await refused(w.analyst.get(`/api/v1/returns/ssda903?la=${w.tenant.laCode}&year=17`), 400)).errors?.map((e) => e.field)).toEqual(["year"]);
    expect((await refused(w.analyst.get(`/api/v1/returns/ssda903?la=${w.tenant.laCode}`), 400)).errors?.map((e) => e.field)).toEqual(["year"]);
    expect((await refused(w.analyst.get(`/api/v1/returns/lac?la=${w.tenant.laCode}&year=2024`), 400)).errors?.map((e) => e.field)).toEqual(["kind"]);
    await refused(w.analyst.get(`/api/v1/returns/ssda903/files/nothing.csv?la=${w.tenant.laCode}&year=2024`), 404);
    // The 2025/26 collection is validated by its own ruleset.
    expect((await run(w.analyst, w.tenant, "ssda903", 2025)).ruleset).toBe("lac2025_26");
  });
});
