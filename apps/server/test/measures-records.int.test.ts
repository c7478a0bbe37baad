import { randomUUID } from "node:crypto";
import type { MeasureSubjects, MeasureValues } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildCase, buildPerson, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { addEpisode, lacChild } from "./reports-fixture.ts";

/**
 * Measures read through the API from records, end to end: the records are written, the facts
 * are worked out by the refresh before the read, and a later write shows in the next read.
 * Definitions in docs/measures.md.
 */

describe.each(DATABASE_KINDS)("measures from records on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  async function setup(): Promise<{ tenant: Tenant; client: Client }> {
    const tenant = await buildTenant(svc.services, "Measures Records");
    const user = await buildUser(db(), tenant, "leader");
    return { tenant, client: await signIn(svc.app, user.username, TEST_PASSWORD) };
  }

  async function values(client: Client, url: string): Promise<MeasureValues> {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MeasureValues>();
  }
  const byPoint = (v: MeasureValues) => v.trend.map((p) => [p.label, p.value]);

  it("counts children looked after at each month end and follows later writes", async () => {
    const { tenant, client } = await setup();
    // X enters care on 31 March 2024 (counted at that month end); Y is in care from 10 January to
    // 30 April 2024 (leaving on the month's last day: not counted at 30 April); Z has short breaks only.
    const x = await lacChild(db(), tenant, { dob: "2012-02-29" });
    await addEpisode(db(), x, { decom: "2024-03-31" });
    const y = await lacChild(db(), tenant, { dob: "2010-05-05" });
    await addEpisode(db(), y, { decom: "2024-01-10", dec: "2024-04-30", rec: "E11" });
    const z = await lacChild(db(), tenant, { dob: "2011-07-07" });
    await addEpisode(db(), z, { decom: "2024-02-01", ls: "V3" });
    const url = `/api/v1/measures/lac-count?la=${tenant.laCode}&from=2024-01-01&to=2024-05-31&interval=month`;
    expect(byPoint(await values(client, url))).toEqual([
      ["Jan 2024", 1],
      ["Feb 2024", 1],
      ["Mar 2024", 2],
      ["Apr 2024", 1],
      ["May 2024", 1],
    ]);

    // W comes into care on 15 May; Y's end is corrected to 31 May (counted at 30 April, not at 31 May).
    const w = await lacChild(db(), tenant, { dob: "2013-01-01" });
    await addEpisode(db(), w, { decom: "2024-05-15" });
    await db().updateTable("lac_episode").set({ dec: "2024-05-31" }).where("la_code", "=", tenant.laCode).where("person_id", "=", y.personId).execute();
    const after = await values(client, url);
    expect(byPoint(after)).toEqual([
      ["Jan 2024", 1],
      ["Feb 2024", 1],
      ["Mar 2024", 2],
      ["Apr 2024", 2],
      ["May 2024", 2],
    ]);
    expect([after.value.value, after.value.denominator]).toEqual([2, null]);
  });

  it("counts referrals and assessments in 45 working days by team, and drills into them", async () => {
    const { tenant, client } = await setup();
    const other = await buildTeam(db(), tenant);
    // R1 (team A): referred 2 April 2024, assessed by 10 May, in time. R2 (other team): referred
    // the same day, assessed 31 July, late (45 working days from 2 April end in early June).
    const r1 = await buildPerson(db(), tenant, { givenName: "Rae", familyName: "One" });
    const r2 = await buildPerson(db(), tenant, { givenName: "Rob", familyName: "Two" });
    const refer = async (personId: string, teamId: string, completed: string): Promise<string> => {
      const caseId = await buildCase(db(), tenant, personId, { teamId, openedOn: "2024-04-02", dueDate: null });
      await db().insertInto("cin_referral").values({ la_code: tenant.laCode, case_id: caseId, person_id: personId, referral_date: "2024-04-02", referral_source: "1A", contact_id: null, primary_need: "N1", closure_date: null, closure_reason: null, created_by: null }).execute();
      const id = randomUUID();
      await db().insertInto("cin_assessment").values({ la_code: tenant.laCode, id, case_id: caseId, person_id: personId, start_date: "2024-04-02", completed_date: completed, factors: JSON.stringify([]), primary_need: "N1", summary: null, authorisation_requested_on: null, authorised_date: null, authorised_by: null, created_by: null }).execute();
      return id;
    };
    await refer(r1, tenant.teamId, "2024-05-10");
    const late = await refer(r2, other, "2024-07-31");
    const period = "from=2024-04-01&to=2025-03-31";

    const referrals = await values(client, `/api/v1/measures/referrals-csc?la=${tenant.laCode}&${period}`);
    expect([referrals.value.numerator, referrals.value.denominator, referrals.value.value]).toEqual([2, null, 2]);
    const all = await values(client, `/api/v1/measures/assessments-45-days?la=${tenant.laCode}&${period}&interval=quarter`);
    expect(all.trend.map((p) => [p.label, p.numerator, p.denominator, p.value])).toEqual([
      ["2024/25 Q1", 1, 1, 100],
      ["2024/25 Q2", 0, 1, 0],
      ["2024/25 Q3", 0, 0, null],
      ["2024/25 Q4", 0, 0, null],
    ]);
    expect(all.value.value).toBe(50);
    const teamA = await values(client, `/api/v1/measures/assessments-45-days?team=${tenant.teamId}&${period}`);
    expect([teamA.value.numerator, teamA.value.denominator]).toEqual([1, 1]);

    const res = await client.get(`/api/v1/measures/assessments-45-days/subjects?la=${tenant.laCode}&${period}&part=denominator`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<MeasureSubjects>().children.map((c) => [c.name, c.numerator, c.denominator, c.months])).toEqual([
      ["Rae One", 1, 1, ["2024-05"]],
      ["Rob Two", 0, 1, ["2024-07"]],
    ]);

    // Correcting R2's completion to 20 May puts it in time, in the first quarter.
    await db().updateTable("cin_assessment").set({ completed_date: "2024-05-20" }).where("la_code", "=", tenant.laCode).where("id", "=", late).execute();
    const corrected = await values(client, `/api/v1/measures/assessments-45-days?la=${tenant.laCode}&${period}`);
    expect([corrected.value.numerator, corrected.value.denominator, corrected.value.value]).toEqual([2, 2, 100]);
  });
});
