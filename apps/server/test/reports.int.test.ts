import { firstLookedAfterReviewDue, isLookedAfterOn, periodsOfCare, placementCountInYear, reviewTimeliness, type Episode, type PlacementProvider, type PlacementType } from "@family-story/domain";
import type { Report, ReportTable } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewTimelinessCounts } from "../src/data/reports/review-queries.ts";
import { stabilityByChild, stabilityWindow } from "../src/data/reports/stability-queries.ts";
import { TEST_PASSWORD, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { addCheck, addEpisode, addPeriod, addReview, addVisit, lacChild, randomHistory, seededRandom, type EpisodeInput } from "./reports-fixture.ts";

/**
 * Reports on children looked after, against small cases worked out by hand (collection year
 * 2018/19: 1 April 2018 to 31 March 2019), and the set-based queries against the domain's own
 * functions child by child on random histories.
 */

const table = (r: Report, id: string): ReportTable => {
  const t = r.tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const rowWhere = (t: ReportTable, key: string, value: string) => t.rows.find((r) => r[key] === value);

/** The fields of one CSV line (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch ?? "";
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch ?? "";
  }
  out.push(field);
  return out;
}

function toDomain(e: EpisodeInput): Episode {
  return {
    start: e.decom,
    rne: (e.rne ?? "S") as Episode["rne"],
    legalStatus: (e.ls ?? "C2") as Episode["legalStatus"],
    cin: (e.cin ?? "N1") as Episode["cin"],
    placement: { place: (e.place ?? "") as PlacementType, provider: (e.provider ?? null) as PlacementProvider | null, postcode: e.plPost ?? null, urn: e.urn ?? null, carerId: null },
    homePostcode: null,
    end: e.dec ?? null,
    rec: (e.rec ?? null) as Episode["rec"],
    reasonPlaceChange: null,
  };
}

describe.each(DATABASE_KINDS)("reports on %s", (kind) => {
  let svc: TestService;

  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());

  /** A fresh authority with a team manager signed in. */
  async function setup(): Promise<{ tenant: Tenant; client: Client }> {
    const tenant = await buildTenant(svc.services);
    const user = await buildUser(svc.services.db, tenant, "team_manager");
    return { tenant, client: await signIn(svc.app, user.username, TEST_PASSWORD) };
  }
  async function report(client: Client, tenant: Tenant, kind = "iro-annual", year = 2018): Promise<Report> {
    const res = await client.get(`/api/v1/reports/${kind}?la=${tenant.laCode}&year=${String(year)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Report>();
  }
  const db = () => svc.services.db;

  it("counts a child who came into care on 31 March as looked after that day and as a starter; one who left that day is not", async () => {
    const { tenant, client } = await setup();
    const arrived = await lacChild(db(), tenant, { dob: "2010-06-01" });
    await addEpisode(db(), arrived, { decom: "2019-03-31" });
    const left = await lacChild(db(), tenant, { dob: "2012-01-15" });
    await addEpisode(db(), left, { decom: "2018-01-10", dec: "2019-03-31", rec: "E4A" });
    const r = await report(client, tenant);
    const a = table(r, "A");
    expect(a.rows.map((x) => x.year)).toEqual(["31 March 2015", "31 March 2016", "31 March 2017", "31 March 2018", "31 March 2019"]);
    expect(rowWhere(a, "year", "31 March 2019")).toMatchObject({ "5-9": 1, total: 1 });
    expect(rowWhere(a, "year", "31 March 2018")).toMatchObject({ "5-9": 1, total: 1 });
    const b = table(r, "B");
    expect(rowWhere(b, "year", "2018/19")).toMatchObject({ "0-5": 0, "6-13": 1, total: 1 });
    expect(rowWhere(b, "year", "2017/18")).toMatchObject({ "0-5": 1, total: 1 });
    expect(rowWhere(table(r, "C"), "code", "la_foster")).toMatchObject({ count: 1, percent: 100 });
    expect(table(r, "G").rows).toEqual([expect.objectContaining({ code: "E4A", count: 1, percent: 100 })]);
  });

  it("puts a child in the next age band on their birthday", async () => {
    const { tenant, client } = await setup();
    // Looked after at 31 March 2019 (Table A) …
    for (const dob of ["2018-04-01", "2018-03-31", "2009-04-01", "2009-03-31", "2003-04-01", "2003-03-31"]) {
      await addEpisode(db(), await lacChild(db(), tenant, { dob }), { decom: "2018-04-02", rne: "S" });
    }
    let a = rowWhere(table(await report(client, tenant), "A"), "year", "31 March 2019");
    expect(a).toMatchObject({ "under-1": 1, "1-4": 1, "5-9": 1, "10-15": 2, "16+": 1, total: 6 });
    // … and starting on 1 June 2018 (Table B), in a tenant of their own.
    const second = await setup();
    for (const dob of ["2012-06-01", "2012-06-02", "2004-06-01", "2004-06-02"]) await addEpisode(db(), await lacChild(db(), second.tenant, { dob }), { decom: "2018-06-01" });
    const b = rowWhere(table(await report(second.client, second.tenant), "B"), "year", "2018/19");
    expect(b).toMatchObject({ "0-5": 1, "6-13": 2, "14+_not_uasc": 1, "14+_uasc": 0, total: 4 });
    a = rowWhere(table(await report(second.client, second.tenant), "A"), "year", "31 March 2019");
    expect(a).toMatchObject({ "5-9": 2, "10-15": 2, total: 4 });
  });

  it("splits starters aged 14 and over by UASC status on the day they started, and counts UASC at each year end", async () => {
    const { tenant, client } = await setup();
    await addEpisode(db(), await lacChild(db(), tenant, { dob: "2002-05-01", uasc: true }), { decom: "2018-09-01", cin: "N8", place: "K3", provider: "PR4" });
    await addEpisode(db(), await lacChild(db(), tenant, { dob: "2003-05-01", uasc: true, uascCeased: "2018-08-01" }), { decom: "2018-09-01", cin: "N5" });
    await addEpisode(db(), await lacChild(db(), tenant, { dob: "2006-05-01", uasc: true }), { decom: "2018-09-01" });
    await addEpisode(db(), await lacChild(db(), tenant, { dob: "2001-06-01", uasc: true, uascCeased: "2019-03-31" }), { decom: "2017-06-01" });
    const r = await report(client, tenant);
    expect(rowWhere(table(r, "B"), "year", "2018/19")).toMatchObject({ "6-13": 1, "14+_not_uasc": 1, "14+_uasc": 1, total: 3 });
    expect(rowWhere(table(r, "B"), "year", "2017/18")).toMatchObject({ "14+_uasc": 1, total: 1 });
    expect(table(r, "F").rows).toEqual([
      { year: "31 March 2017", uasc: 0, all: 0, percent: null },
      { year: "31 March 2018", uasc: 1, all: 1, percent: 100 },
      { year: "31 March 2019", uasc: 2, all: 4, percent: 50 },
    ]);
    const d = table(r, "D");
    expect(d.totals).toMatchObject({ count: 2 });
    expect(rowWhere(d, "code", "supported")).toMatchObject({ count: 1, percent: 50 });
    const e = table(r, "E");
    expect(e.totals).toMatchObject({ count: 2, percent: 100 });
    expect(rowWhere(e, "code", "N8")).toMatchObject({ count: 1, percent: 50 });
    expect(rowWhere(e, "code", "N5")).toMatchObject({ count: 1 });
    expect(table(r, "C").totals).toMatchObject({ count: 1 });
  });

  it("holds a review on its due day on time and a day later late, by the review schedule", async () => {
    const { tenant, client } = await setup();
    // Care started Tuesday 1 May 2018: 20 working days on, skipping the 7 and 28 May bank holidays, is 31 May.
    expect(firstLookedAfterReviewDue("2018-05-01")).toBe("2018-05-31");
    const r1 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addEpisode(db(), r1, { decom: "2018-05-01" });
    await addReview(db(), r1, "2018-05-31", "PN1"); // first: due 31 May, on time
    await addReview(db(), r1, "2018-08-31", "PN0"); // second: due 3 months later, 31 August, on time
    await addReview(db(), r1, "2019-03-01", "PN7"); // third: due 6 months later, 28 February 2019, a day late
    const r2 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addEpisode(db(), r2, { decom: "2018-05-01" });
    await addReview(db(), r2, "2018-06-01", "PN1"); // first, a day late
    const r3 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addReview(db(), r3, "2018-07-01", null); // no period of care on record: not timed
    const r4 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addEpisode(db(), r4, { decom: "2017-01-10" });
    for (const d of ["2017-02-01", "2017-05-01", "2017-10-20"]) await addReview(db(), r4, d);
    await addReview(db(), r4, "2018-04-20", "PN5"); // fourth: 6 months after 20 October, on its due day
    const r = await report(client, tenant);
    expect(table(r, "reviews").rows).toEqual([{ held: 6, onTime: 3, late: 2, notTimed: 1, percentOnTime: 60 }]);
    const h = table(r, "H");
    expect(h.totals).toMatchObject({ count: 6, percent: 100 });
    expect(Object.fromEntries(h.rows.map((x) => [x.code, x.count]))).toMatchObject({ PN0: 1, PN1: 2, PN2: 0, PN5: 1, PN7: 1, "": 1 });
    expect(Math.round(h.rows.reduce((s, x) => s + Number(x.percent), 0) * 10)).toBe(1000);
  });

  it("counts each child who left care once, at the last time in the year, with REC shares adding to 100", async () => {
    const { tenant, client } = await setup();
    await addPeriod(db(), await lacChild(db(), tenant, { dob: "2008-01-01" }), [{ decom: "2017-05-01" }, { decom: "2017-09-01", place: "K2" }], { date: "2018-06-01", rec: "E4A" });
    await addPeriod(db(), await lacChild(db(), tenant, { dob: "2001-01-01" }), [{ decom: "2017-05-01" }], { date: "2018-07-01", rec: "E5" });
    const twice = await lacChild(db(), tenant, { dob: "2005-01-01" });
    await addPeriod(db(), twice, [{ decom: "2016-01-01" }], { date: "2018-05-01", rec: "E8" });
    await addPeriod(db(), twice, [{ decom: "2018-08-01" }], { date: "2019-01-10", rec: "E13" });
    await addPeriod(db(), await lacChild(db(), tenant, { dob: "2005-01-01" }), [{ decom: "2018-01-01" }], { date: "2018-03-31", rec: "E4A" });
    const g = table(await report(client, tenant), "G");
    expect(g.rows.map((x) => [x.code, x.count])).toEqual([["E4A", 1], ["E13", 1], ["E5", 1]]);
    expect(g.rows.map((x) => x.percent)).toEqual([33.4, 33.3, 33.3]);
    expect(g.totals).toMatchObject({ count: 3, percent: 100 });
  });

  it("gives the same figures as CSV as it does as JSON", async () => {
    const { tenant, client } = await setup();
    const c = await lacChild(db(), tenant, { dob: "2006-02-03", uasc: true });
    await addPeriod(db(), c, [{ decom: "2018-05-01", cin: "N8" }, { decom: "2018-10-01", place: "K2", provider: "PR4" }], { date: "2019-02-01", rec: "E5" });
    await addReview(db(), c, "2018-05-30", "PN1");
    for (const kind of ["iro-annual", "placement-stability", "looked-after-timeliness"]) {
      const json = await report(client, tenant, kind);
      const res = await client.get(`/api/v1/reports/${kind}.csv?la=${tenant.laCode}&year=2018`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/csv");
      expect(res.headers["content-disposition"]).toContain(`${kind}-${tenant.laCode}-2018-19.csv`);
      const lines = res.body.split("\r\n").map(csvFields);
      expect(lines[0]).toEqual([json.title]);
      for (const t of json.tables) {
        const at = lines.findIndex((l) => l.length === 1 && l[0] === t.title);
        expect(at, t.title).toBeGreaterThan(0);
        expect(lines[at + 1]).toEqual(t.columns.map((col) => col.label));
        const expected = [...t.rows, ...(t.totals ? [t.totals] : [])].map((row) => t.columns.map((col) => (row[col.key] === null || row[col.key] === undefined ? "" : String(row[col.key]))));
        expect(lines.slice(at + 2, at + 2 + expected.length)).toEqual(expected);
        expect(lines[at + 2 + expected.length]).toEqual([""]);
      }
    }
  });

  it("refuses roles without report:read, authorities out of reach and bad input, and audits each read", async () => {
    const { tenant, client } = await setup();
    const elsewhere = await buildTenant(svc.services, "Elsewhere");
    const practitioner = await signIn(svc.app, (await buildUser(db(), tenant, "practitioner")).username, TEST_PASSWORD);
    const analyst = await signIn(svc.app, (await buildUser(db(), tenant, "performance_analyst")).username, TEST_PASSWORD);
    expect((await practitioner.get(`/api/v1/reports/iro-annual?la=${tenant.laCode}&year=2018`)).statusCode).toBe(403);
    expect((await analyst.get(`/api/v1/reports/placement-stability?la=${tenant.laCode}&year=2018`)).statusCode).toBe(200);
    expect((await client.get(`/api/v1/reports/iro-annual?la=${elsewhere.laCode}&year=2018`)).statusCode).toBe(404);
    const bad = await client.get(`/api/v1/reports/iro-annual?la=nowhere&year=last`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(["la", "year"]);
    const authorities = await client.get("/api/v1/reports/authorities");
    expect(authorities.json<{ code: string }[]>().map((a) => a.code)).toEqual([tenant.laCode]);
    await client.get(`/api/v1/reports/iro-annual.csv?la=${tenant.laCode}&year=2017`);
    const audited = await db().selectFrom("audit_event").select(["entity_id", "details", "person_id"]).where("la_code", "=", tenant.laCode).where("action", "=", "report.read").orderBy("seq").execute();
    expect(audited.map((a) => [a.entity_id, a.details])).toEqual([
      ["placement-stability", { year: 2018, format: "json" }],
      ["iro-annual", { year: 2017, format: "csv" }],
    ]);
    expect(audited.every((a) => a.person_id === null)).toBe(true);
  });

  it("measures placement stability: 3 or more placements in the year, and long-term stability with the adoption rule", async () => {
    const { tenant, client } = await setup();
    const child = (dob: string) => lacChild(db(), tenant, { dob });
    await addPeriod(db(), await child("2008-01-01"), [{ decom: "2015-01-01" }, { decom: "2016-06-01", place: "U4" }]);
    await addPeriod(db(), await child("2008-01-01"), [{ decom: "2015-01-01" }, { decom: "2018-01-01", place: "K2", provider: "PR4" }]);
    await addPeriod(db(), await child("2008-01-01"), [{ decom: "2015-01-01" }, { decom: "2018-06-01", place: "A4", provider: "PR1" }]);
    await addPeriod(db(), await child("2002-01-01"), [{ decom: "2015-01-01" }]);
    await addPeriod(db(), await child("2010-01-01"), [{ decom: "2016-11-01" }]);
    await addPeriod(db(), await child("2012-01-01"), [
      { decom: "2018-02-01", plPost: "W2 1AA" },
      { decom: "2018-05-01", place: "K2", provider: "PR4", plPost: "N1 9GU" },
      { decom: "2018-09-01", place: "U4", plPost: "SW1A 1AA" },
      { decom: "2018-10-01", place: "T1", provider: "PR3", rne: "P" },
      { decom: "2018-10-05", place: "U4", plPost: "sw1a1aa" },
    ]);
    await addPeriod(db(), await child("2012-01-01"), [{ decom: "2018-02-01" }], { date: "2019-03-31", rec: "E4A" });
    const r = await report(client, tenant, "placement-stability");
    expect(rowWhere(table(r, "three-plus"), "year", "31 March 2019")).toEqual({ year: "31 March 2019", cohort: 6, threePlus: 1, percent: 16.7 });
    expect(rowWhere(table(r, "long-term"), "year", "31 March 2019")).toEqual({ year: "31 March 2019", cohort: 3, stable: 2, percent: 66.7 });
    expect(table(r, "placements-in-year").rows.map((x) => [x.placements, x.count])).toEqual([["1", 4], ["2", 1], ["3", 1], ["4", 0], ["5 or more", 0]]);
  });

  it("says whether health assessments, dental checks, PEPs and visits were up to date at 31 March", async () => {
    const { tenant, client } = await setup();
    const t1 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addEpisode(db(), t1, { decom: "2017-01-01", place: "U4" });
    for (const [k, d] of [["health_assessment", "2018-06-01"], ["dental_check", "2018-05-01"], ["pep", "2019-01-15"]] as const) await addCheck(db(), t1, k, d);
    await addVisit(db(), t1, "2019-01-10"); // long-term fostering after a year: next due 10 April
    const t2 = await lacChild(db(), tenant, { dob: "2010-01-01" });
    await addEpisode(db(), t2, { decom: "2017-01-01", place: "U6" });
    await addCheck(db(), t2, "health_assessment", "2018-02-01");
    await addCheck(db(), t2, "pep", "2018-09-01");
    await addVisit(db(), t2, "2019-02-01"); // six-weekly: due 15 March, overdue
    const t3 = await lacChild(db(), tenant, { dob: "2017-06-01" });
    await addEpisode(db(), t3, { decom: "2018-10-01" });
    await addCheck(db(), t3, "health_assessment", "2018-10-20"); // under 5: due 6 months later
    const r = await report(client, tenant, "looked-after-timeliness");
    const up = table(r, "up-to-date");
    expect(rowWhere(up, "measure", "Health assessment")).toMatchObject({ counted: 3, upToDate: 2, overdue: 1, percent: 66.7 });
    expect(rowWhere(up, "measure", "Dental check")).toMatchObject({ counted: 3, upToDate: 2, overdue: 1 });
    expect(rowWhere(up, "measure", "Personal education plan")).toMatchObject({ counted: 2, upToDate: 1, overdue: 1, percent: 50 });
    expect(rowWhere(up, "measure", "Social worker visit")).toMatchObject({ counted: 3, upToDate: 1, overdue: 2 });
    const oc2 = table(r, "oc2");
    expect(rowWhere(oc2, "measure", "Health assessment")).toMatchObject({ cohort: 2, count: 1, percent: 50 });
    expect(rowWhere(oc2, "measure", "Dental check")).toMatchObject({ cohort: 2, count: 1, percent: 50 });
  });

  it("agrees with the domain's review schedule and placement count child by child on random histories", async () => {
    const tenant = await buildTenant(svc.services);
    const rand = seededRandom(kind === "postgres" ? 903 : 2018);
    const histories = new Map<string, ReturnType<typeof randomHistory>>();
    for (let i = 0; i < 60; i++) {
      const h = randomHistory(rand);
      const c = await lacChild(db(), tenant, { dob: "2006-03-15" });
      for (const e of h.episodes) await addEpisode(db(), c, e);
      for (const d of h.reviews) await addReview(db(), c, d);
      histories.set(c.personId, h);
    }
    for (const year of [2016, 2017, 2018]) {
      const from = `${String(year)}-04-01`;
      const to = `${String(year + 1)}-03-31`;
      const expected = { held: 0, onTime: 0, late: 0, notTimed: 0 };
      const placements = new Map<string, number>();
      for (const [personId, h] of histories) {
        const episodes = h.episodes.map(toDomain);
        const periods = periodsOfCare(episodes);
        for (const date of h.reviews.filter((d) => d >= from && d <= to)) {
          expected.held += 1;
          const i = periods.findLastIndex((p) => p.start <= date);
          const period = periods[i];
          if (!period) {
            expected.notTimed += 1;
            continue;
          }
          const next = periods[i + 1];
          const own = h.reviews.filter((d) => d >= period.start && (next === undefined || d < next.start));
          if (reviewTimeliness(period.start, own).find((x) => x.date === date)?.onTime === true) expected.onTime += 1;
          else expected.late += 1;
        }
        if (isLookedAfterOn(episodes, to)) placements.set(personId, placementCountInYear(episodes, from, to));
      }
      expect(await reviewTimelinessCounts(db(), tenant.laCode, from, to), `reviews ${String(year)}`).toEqual(expected);
      const byChild = await stabilityByChild(db(), tenant.laCode, stabilityWindow(from, to));
      expect(new Map(byChild.map((c) => [c.personId, c.placements])), `placements ${String(year)}`).toEqual(placements);
      expect(expected.held).toBeGreaterThan(20);
    }
  });
});
