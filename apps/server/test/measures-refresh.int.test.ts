import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildMeasures } from "../src/data/measures/measure-rebuild.ts";
import { dirtyCount, ensureMeasuresFresh, refreshDirty } from "../src/data/measures/measure-refresh.ts";
import { loadSubjects } from "../src/data/measures/subject-loader.ts";
import { TEST_PASSWORD, buildCase, buildPerson, buildTeam, buildTenant, buildUser } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type TestService } from "./harness.ts";
import { buildMixedChildren, measureSnapshot } from "./measure-engine-fixture.ts";
import { addEpisode, lacChild } from "./reports-fixture.ts";

/**
 * The engine with the real catalogue of computed measures: what the loader hands the fact
 * functions, that a write through the service marks its child, and that a refresh after writes
 * leaves what a full rebuild makes (whatever measures the catalogue holds).
 */
describe.each(DATABASE_KINDS)("measure refresh on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  it("loads each child's records from every table a measure reads, and no one else's", async () => {
    const tenant = await buildTenant(svc.services);
    const today = "2025-06-15";
    const [child, sibling] = await buildMixedChildren(db(), tenant, [tenant.teamId], 2, 7, today);
    if (!child || !sibling) throw new Error("two children expected");
    const la = tenant.laCode;
    // A looked-after case, an early help episode led by the child, and a case the child is only a member of.
    const lacCase = randomUUID();
    await db().insertInto("casework_case").values({ la_code: la, id: lacCase, kind: "looked_after", subject_person_id: child.personId, title: "LAC", opened_on: "2024-02-01", team_id: null }).execute();
    await db().insertInto("lac_episode").values({ la_code: la, id: randomUUID(), person_id: child.personId, case_id: lacCase, decom: "2024-02-01", rne: "S", ls: "C2", cin: "N1", place: "U4", place_provider: "PR1", provider_id: null, dec: null, rec: null, reason_place_change: null, home_post: null, pl_post: null, urn: null, pl_la: null, pl_location: null, pl_distance: null }).execute();
    await db().insertInto("lac_check").values({ la_code: la, id: randomUUID(), person_id: child.personId, kind: "sdq", check_date: "2024-03-01", sdq_score: 14, outcome: null, notes: null, created_by: null }).execute();
    await db().insertInto("lac_oc3").values({ la_code: la, person_id: child.personId, year: 2019, in_touch: "YES", activ: "F1", accom: "S", recorded_on: "2020-04-20" }).execute();
    const ehCase = randomUUID();
    await db().insertInto("casework_case").values({ la_code: la, id: ehCase, kind: "early_help", subject_person_id: child.personId, title: "EH", opened_on: "2024-05-01", status: "closed", closed_on: "2024-09-30", closure_reason: "outcomes_achieved", team_id: tenant.teamId }).execute();
    const goal = randomUUID();
    await db().insertInto("eh_goal").values({ la_code: la, id: goal, case_id: ehCase, outcome: "housing", person_id: null, description: "Stable home", target_date: null, status: "met", created_by: null, updated_at: new Date() }).execute();
    await db().insertInto("eh_closure").values({ la_code: la, id: randomUUID(), case_id: ehCase, reason: "outcomes_achieved", closed_on: "2024-09-30", summary: null, goal_outcomes: JSON.stringify([{ goalId: goal, status: "met" }]), status: "returned", requested_by: randomUUID(), decided_by: null, decided_at: new Date("2024-09-29T09:00:00Z") }).execute();
    await db().insertInto("eh_closure").values({ la_code: la, id: randomUUID(), case_id: ehCase, reason: "outcomes_achieved", closed_on: "2024-09-30", summary: null, goal_outcomes: JSON.stringify([{ goalId: goal, status: "met" }]), status: "authorised", requested_by: randomUUID(), decided_by: null, decided_at: new Date("2024-10-01T09:00:00Z") }).execute();
    await db().insertInto("case_member").values({ la_code: la, case_id: sibling.caseId, person_id: child.personId, role: "sibling" }).execute();
    const contactId = randomUUID();
    // 23:30 UTC on 31 July is 00:30 on 1 August in London (BST).
    await db().insertInto("contact").values({ la_code: la, id: contactId, received_at: new Date("2024-07-31T23:30:00Z"), referral_source: "2A", contact_name: "GP", via: "staff", submitted_by: randomUUID(), concerns: "c", described_children: "[]", consent_sharing: "yes", consent_early_help: "yes", due_at: new Date("2024-08-01T23:30:00Z"), updated_at: new Date() }).execute();
    await db().insertInto("contact_child").values({ la_code: la, contact_id: contactId, person_id: child.personId, repeat_referral: true }).execute();

    const [loaded, other] = await loadSubjects(db(), la, [child.personId, sibling.personId, randomUUID()]).then((list) => [list.find((s) => s.personId === child.personId), list.find((s) => s.personId === sibling.personId)]);
    if (!loaded || !other) throw new Error("both children expected");
    expect(loaded.laCode).toBe(la);
    expect(loaded.cases.map((c) => c.id)).toEqual(expect.arrayContaining([child.caseId, sibling.caseId, lacCase, ehCase]));
    expect(other.cases.map((c) => c.id)).not.toContain(lacCase);
    expect(loaded.referrals).toHaveLength(1);
    expect(loaded.referrals[0]?.caseId).toBe(child.caseId);
    expect(loaded.assessments.every((a) => a.caseId === child.caseId)).toBe(true);
    expect(loaded.episodes).toContainEqual({ caseId: lacCase, decom: "2024-02-01", rne: "S", ls: "C2", cin: "N1", place: "U4", dec: null, rec: null, reasonPlaceChange: null, placeProvider: "PR1", plPost: null, urn: null, providerId: null });
    expect(loaded.checks).toContainEqual({ kind: "sdq", checkDate: "2024-03-01", sdqScore: 14, outcome: null });
    expect(loaded.oc3).toContainEqual({ year: 2019, inTouch: "YES", activ: "F1", accom: "S", recordedOn: "2020-04-20" });
    expect(loaded.earlyHelp.find((e) => e.caseId === ehCase)).toEqual({
      caseId: ehCase,
      teamId: tenant.teamId,
      openedOn: "2024-05-01",
      closedOn: "2024-09-30",
      goals: [{ outcome: "housing", status: "met" }],
      closure: { closedOn: "2024-09-30", reason: "outcomes_achieved", goalOutcomes: { [goal]: "met" } },
    });
    expect(loaded.contacts).toContainEqual({ receivedOn: "2024-08-01", decision: null, decidedOn: null, repeatReferral: true, teamId: null });
    // The sibling's case lists the child as a member, but its records stay the sibling's.
    expect(other.referrals.map((r) => r.caseId)).toEqual([sibling.caseId]);
    expect(other.earlyHelp.some((e) => e.caseId === ehCase)).toBe(false);
  });

  it("a write through the service marks its child, and the next read's refresh takes it", async () => {
    const tenant = await buildTenant(svc.services);
    const user = await buildUser(db(), tenant, "practitioner");
    const sw = await signIn(svc.app, user.username, TEST_PASSWORD);
    await rebuildMeasures(db(), tenant.laCode);
    const child = await buildPerson(db(), tenant);
    const caseId = await buildCase(db(), tenant, child, { allocatedTo: user.id, dueDate: null, openedOn: "2025-01-06" });
    await ensureMeasuresFresh(db(), [tenant.laCode]);
    expect(await dirtyCount(db(), tenant.laCode)).toBe(0);

    const res = await sw.post(`/api/v1/cases/${caseId}/social-care/referral`, { referralDate: "2025-01-06", referralSource: "2A", route: "assessment" });
    expect(res.statusCode, res.body).toBe(200);
    expect(await dirtyCount(db(), tenant.laCode, [child])).toBe(1);
    await ensureMeasuresFresh(db(), [tenant.laCode]);
    expect(await dirtyCount(db(), tenant.laCode)).toBe(0);
  });

  it("deciding a contact marks the children it is about, so contacts decided on time follow the decision and its team", async () => {
    const tenant = await buildTenant(svc.services);
    const la = tenant.laCode;
    const [child] = await buildMixedChildren(db(), tenant, [tenant.teamId], 1, 3, "2025-06-15");
    if (!child) throw new Error("a child expected");
    const contactId = randomUUID();
    await db().insertInto("contact").values({ la_code: la, id: contactId, received_at: new Date("2025-03-03T09:00:00Z"), referral_source: "2A", contact_name: "GP", via: "staff", submitted_by: randomUUID(), concerns: "c", described_children: "[]", consent_sharing: "yes", consent_early_help: "yes", due_at: new Date("2025-03-04T09:00:00Z"), updated_at: new Date() }).execute();
    await db().insertInto("contact_child").values({ la_code: la, contact_id: contactId, person_id: child.personId, repeat_referral: false }).execute();
    await rebuildMeasures(db(), la);
    expect(await dirtyCount(db(), la)).toBe(0);

    await db().updateTable("contact").set({ decision: "early_help", decided_at: new Date("2025-03-04T10:00:00Z"), team_id: tenant.teamId }).where("la_code", "=", la).where("id", "=", contactId).execute();
    expect(await dirtyCount(db(), la, [child.personId])).toBe(1);
    await ensureMeasuresFresh(db(), [la]);
    const row = await db().selectFrom("measure_fact").select(["numerator", "denominator", "team_id", "month"]).where("la_code", "=", la).where("measure_id", "=", "contacts-decided-on-time").where("person_id", "=", child.personId).execute();
    expect(row).toEqual([{ numerator: 1, denominator: 1, team_id: tenant.teamId, month: "2025-03-01" }]);
  });

  it("counts referrals to children's social care by team and month, and children looked after at month ends", async () => {
    const tenant = await buildTenant(svc.services);
    const teamB = await buildTeam(db(), tenant);
    const today = "2025-06-15";
    const referred = async (teamId: string, date: string): Promise<string> => {
      const person = await buildPerson(db(), tenant);
      const caseId = await buildCase(db(), tenant, person, { teamId, openedOn: date, dueDate: null });
      await db().insertInto("cin_referral").values({ la_code: tenant.laCode, case_id: caseId, person_id: person, referral_date: date, referral_source: "2A", created_by: null }).execute();
      return person;
    };
    await referred(tenant.teamId, "2025-01-06");
    await referred(tenant.teamId, "2025-01-20");
    await referred(teamB, "2025-01-31");
    await referred(teamB, "2025-02-01");
    // Enters care on 31 March (counted at that month end), leaves on 31 May (not counted then).
    const child = await lacChild(db(), tenant, { dob: "2012-02-29" });
    await addEpisode(db(), child, { decom: "2025-03-31", dec: "2025-05-31", rec: "E13" });
    await rebuildMeasures(db(), tenant.laCode, { today });
    const month = async (measureId: string, teamId: string, m: string) =>
      db().selectFrom("measure_month").select(["numerator", "subjects"]).where("la_code", "=", tenant.laCode).where("measure_id", "=", measureId).where("team_id", "=", teamId).where("month", "=", m).executeTakeFirst();
    expect(await month("referrals-csc", tenant.teamId, "2025-01-01")).toEqual({ numerator: 2, subjects: 2 });
    expect(await month("referrals-csc", teamB, "2025-01-01")).toEqual({ numerator: 1, subjects: 1 });
    expect(await month("referrals-csc", teamB, "2025-02-01")).toEqual({ numerator: 1, subjects: 1 });
    expect(await month("lac-count", tenant.teamId, "2025-02-01")).toBeUndefined();
    expect(await month("lac-count", tenant.teamId, "2025-03-01")).toEqual({ numerator: 1, subjects: 1 });
    expect(await month("lac-count", tenant.teamId, "2025-04-01")).toEqual({ numerator: 1, subjects: 1 });
    expect(await month("lac-count", tenant.teamId, "2025-05-01")).toBeUndefined();

    await referred(tenant.teamId, "2025-01-08");
    await refreshDirty(db(), [tenant.laCode], { today });
    expect(await month("referrals-csc", tenant.teamId, "2025-01-01")).toEqual({ numerator: 3, subjects: 3 });
  });

  it("a new month counts a care leaver's birthday in it, with no write to their records", async () => {
    const tenant = await buildTenant(svc.services);
    // In care from 14 to 17 (left on 1 September 2024): a care leaver, 18 on 10 July 2025.
    const leaver = await lacChild(db(), tenant, { dob: "2007-07-10" });
    await addEpisode(db(), leaver, { decom: "2021-08-01", dec: "2024-09-01", rec: "E13" });
    await rebuildMeasures(db(), tenant.laCode, { today: "2025-06-15" });
    const birthday = () =>
      db().selectFrom("measure_fact").select(["measure_id", "numerator", "denominator"]).where("la_code", "=", tenant.laCode).where("person_id", "=", leaver.personId).where("month", "=", "2025-07-01").orderBy("measure_id").execute();
    expect(await birthday()).toEqual([]);
    await refreshDirty(db(), [tenant.laCode], { today: "2025-07-20" });
    // No OC3 recorded for the birthday: in each denominator, not known.
    expect(await birthday()).toEqual([
      { measure_id: "care-leavers-eet", numerator: 0, denominator: 1 },
      { measure_id: "care-leavers-suitable-accommodation", numerator: 0, denominator: 1 },
    ]);
    const incremental = await measureSnapshot(db(), tenant.laCode);
    await rebuildMeasures(db(), tenant.laCode, { today: "2025-07-20" });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(incremental);
  });

  it("with the real measures, a refresh after writes and deletes leaves what a full rebuild makes", async () => {
    const tenant = await buildTenant(svc.services);
    const teamB = await buildTeam(db(), tenant);
    const today = "2025-06-15";
    const children = await buildMixedChildren(db(), tenant, [tenant.teamId, teamB, null], 25, 101, today);
    await rebuildMeasures(db(), tenant.laCode, { today });
    await buildMixedChildren(db(), tenant, [teamB, null], 10, 102, today);
    for (const c of children.slice(0, 5)) {
      await db().updateTable("casework_case").set({ team_id: teamB }).where("la_code", "=", tenant.laCode).where("id", "=", c.caseId).execute();
      await db().deleteFrom("cin_assessment").where("la_code", "=", tenant.laCode).where("person_id", "=", c.personId).execute();
    }
    await db().deleteFrom("lac_episode").where("la_code", "=", tenant.laCode).where("person_id", "=", children[6]?.personId ?? "").execute();
    await db().updateTable("eh_closure").set({ status: "returned" }).where("la_code", "=", tenant.laCode).execute();
    await refreshDirty(db(), [tenant.laCode], { today, batchSize: 7 });
    const incremental = await measureSnapshot(db(), tenant.laCode);
    await rebuildMeasures(db(), tenant.laCode, { today });
    expect(await measureSnapshot(db(), tenant.laCode)).toEqual(incremental);
  });
});
