import { measurePeriod, todayIso } from "@family-story/domain";
import type { MeasureSubjects, MeasureValues } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, createTestService, type Client, type TestService } from "./harness.ts";
import { ASSESSMENTS, LAC_COUNT, buildPinnedWorld, external } from "./measures-api-fixture.ts";

/**
 * The measures API against facts pinned by hand (measures-api-fixture.ts): values and trends by
 * year and quarter, stock measures read at the period's last month, shared services combined,
 * team scope, external figures, targets and RAG, drill-down through the people rule, audit,
 * CSV and dashboards. Every expected number is worked out in the comments.
 */

const points = (v: MeasureValues) => v.trend.map((p) => [p.label, p.numerator, p.denominator, p.value]);

describe.each(DATABASE_KINDS)("measures API on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  async function get<T>(client: Client, url: string, status = 200): Promise<T> {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  }

  const world = () => buildPinnedWorld(svc.services, svc.app);

  const PERIOD = "from=2023-04-01&to=2025-03-31";

  it("sums a flow measure over years and quarters, for an authority and for a team", async () => {
    const { w } = await world();
    const leader = w.users.leader.client;
    const v = await get<MeasureValues>(leader, `/api/v1/measures/${ASSESSMENTS}?la=${w.a.laCode}&${PERIOD}`);
    expect(v.scope).toEqual({ kind: "authority", id: w.a.laCode, name: w.a.name, authorities: [w.a.laCode] });
    expect([v.from, v.to, v.interval, v.drillDown]).toEqual(["2023-04-01", "2025-03-31", "year", true]);
    // 2023/24: p1 met, p2 not, p3 met = 2/3; 2024/25: p1 met, p2 not, p3 met, p4 not = 2/4; p5's are outside.
    expect(points(v)).toEqual([
      ["2023/24", 2, 3, 66.7],
      ["2024/25", 2, 4, 50],
    ]);
    expect(v.trend.map((t) => [t.from, t.to, t.complete])).toEqual([
      ["2023-04-01", "2024-03-31", true],
      ["2024-04-01", "2025-03-31", true],
    ]);
    expect([v.value.label, v.value.numerator, v.value.denominator, v.value.value]).toEqual(["Apr 2023 to Mar 2025", 4, 7, 57.1]);
    expect([v.target, v.rag]).toEqual([null, null]);

    const q = await get<MeasureValues>(leader, `/api/v1/measures/${ASSESSMENTS}?la=${w.a.laCode}&${PERIOD}&interval=quarter`);
    expect(points(q)).toEqual([
      ["2023/24 Q1", 1, 2, 50],
      ["2023/24 Q2", 0, 0, null],
      ["2023/24 Q3", 1, 1, 100],
      ["2023/24 Q4", 0, 0, null],
      ["2024/25 Q1", 1, 1, 100],
      ["2024/25 Q2", 0, 1, 0],
      ["2024/25 Q3", 0, 0, null],
      ["2024/25 Q4", 1, 2, 50],
    ]);

    // Team A: p1 and p2 in 2023/24 (1/2), p1 and p4 in 2024/25 (1/2); p2's 2024 fact has no team.
    const t = await get<MeasureValues>(leader, `/api/v1/measures/${ASSESSMENTS}?team=${w.a.teamId}&${PERIOD}`);
    expect(t.scope.kind).toBe("team");
    expect(t.scope.authorities).toEqual([w.a.laCode]);
    expect(points(t)).toEqual([
      ["2023/24", 1, 2, 50],
      ["2024/25", 1, 2, 50],
    ]);
    expect(t.value.value).toBe(50);
  });

  it("reads a stock measure at the last month of each step", async () => {
    const { w } = await world();
    // Month ends: Jan–Feb 2024 p1; Mar 2024 p1, p2; Apr 2024 p2; May 2024 p2, p3; Jun 2024 p2.
    const v = await get<MeasureValues>(w.users.analyst.client, `/api/v1/measures/${LAC_COUNT}?la=${w.a.laCode}&from=2023-10-01&to=2024-06-30&interval=quarter`);
    expect(points(v)).toEqual([
      ["2023/24 Q3", 0, null, 0],
      ["2023/24 Q4", 2, null, 2],
      ["2024/25 Q1", 1, null, 1],
    ]);
    expect([v.value.numerator, v.value.denominator, v.value.value]).toEqual([1, null, 1]);
    const may = await get<MeasureValues>(w.users.analyst.client, `/api/v1/measures/${LAC_COUNT}?la=${w.a.laCode}&from=2024-05-15&to=2024-05-15`);
    expect([may.from, may.to, may.value.value, points(may)]).toEqual(["2024-05-01", "2024-05-31", 2, [["2024/25", 2, null, 2]]]);
    // Facts are built from April 2014 (the fixture's window) to this month: a step wholly outside is blank, not 0.
    const early = await get<MeasureValues>(w.users.analyst.client, `/api/v1/measures/${LAC_COUNT}?la=${w.a.laCode}&from=2013-01-01&to=2014-06-30`);
    expect([points(early), early.value.value]).toEqual([
      [
        ["2012/13", null, null, null],
        ["2013/14", null, null, null],
        ["2014/15", 0, null, 0],
      ],
      0,
    ]);
    const future = await get<MeasureValues>(w.users.analyst.client, `/api/v1/measures/${ASSESSMENTS}?la=${w.a.laCode}&from=2099-01-01&to=2099-02-28`);
    expect([future.value.value, future.value.numerator, future.value.complete]).toEqual([null, null, false]);
    // Team B's children: p2 (Mar–Jun) and p3 (May).
    const t = await get<MeasureValues>(w.users.analyst.client, `/api/v1/measures/${LAC_COUNT}?team=${w.teamB}&from=2024-03-01&to=2024-05-31&interval=month`);
    expect(points(t)).toEqual([
      ["Mar 2024", 1, null, 1],
      ["Apr 2024", 1, null, 1],
      ["May 2024", 2, null, 2],
    ]);
  });

  it("combines a shared service's authorities: Σ numerators over Σ denominators", async () => {
    const { w } = await world();
    // B: 2023/24 q1 met, q2 met (Jun), q1 met, q2 not (Feb) = 3/4; 2024/25 q1 not = 0/1.
    const v = await get<MeasureValues>(w.users.leader.client, `/api/v1/measures/${ASSESSMENTS}?service=${w.serviceId}&${PERIOD}`);
    expect(v.scope.kind).toBe("shared-service");
    expect(v.scope.authorities).toEqual([w.a.laCode, w.b.laCode].sort());
    // 2023/24: (2 + 3) / (3 + 4) = 5/7; 2024/25: (2 + 0) / (4 + 1) = 2/5; whole 7/12.
    expect(points(v)).toEqual([
      ["2023/24", 5, 7, 71.4],
      ["2024/25", 2, 5, 40],
    ]);
    expect([v.value.numerator, v.value.denominator, v.value.value, v.target, v.rag]).toEqual([7, 12, 58.3, null, null]);
    const readers = await db().selectFrom("audit_event").select(["la_code", "details"]).where("la_code", "in", [w.a.laCode, w.b.laCode]).where("action", "=", "measure.read").execute();
    expect(readers.map((r) => r.la_code).sort()).toEqual([w.a.laCode, w.b.laCode].sort());
    expect(readers[0]?.details).toEqual({ scope: "shared-service", scopeId: w.serviceId, from: "2023-04-01", to: "2025-03-31", interval: "year", format: "json" });
  });

  it("takes the latest external figure ending in each step and combines like periods only", async () => {
    const { w } = await world();
    const pct = external("percent");
    const count = external("count");
    const fig = (la: string, measureId: string, start: string, end: string, value: number, numerator: number | null, denominator: number | null, source = "DfE statistics", sourceDate = "2024-09-01") => ({
      la_code: la,
      measure_id: measureId,
      period_start: start,
      period_end: end,
      value,
      numerator,
      denominator,
      source,
      source_date: sourceDate,
    });
    await db()
      .insertInto("measure_value")
      .values([
        fig(w.a.laCode, pct.id, "2023-04-01", "2023-12-31", 10, 1, 10),
        fig(w.a.laCode, pct.id, "2023-04-01", "2024-03-31", 60, 30, 50),
        fig(w.a.laCode, pct.id, "2024-04-01", "2025-03-31", 70, 35, 50, "DfE statistics", "2025-09-01"),
        fig(w.b.laCode, pct.id, "2023-04-01", "2024-03-31", 80, 40, 50, "Local survey", "2024-10-01"),
        fig(w.a.laCode, count.id, "2023-04-01", "2024-03-31", 12, null, null),
        fig(w.b.laCode, count.id, "2023-04-01", "2024-03-31", 8, null, null),
      ])
      .execute();
    const leader = w.users.leader.client;
    const a = await get<MeasureValues>(leader, `/api/v1/measures/${pct.id}?la=${w.a.laCode}&${PERIOD}`);
    expect(points(a)).toEqual([
      ["2023/24", 30, 50, 60],
      ["2024/25", 35, 50, 70],
    ]);
    expect([a.value.value, a.value.source, a.value.sourceDate, a.drillDown]).toEqual([70, "DfE statistics", "2025-09-01", false]);
    // 2023/24 both have 2023/24 figures: (30 + 40) / (50 + 50) = 70.0; 2024/25 only A: none.
    const s = await get<MeasureValues>(leader, `/api/v1/measures/${pct.id}?service=${w.serviceId}&${PERIOD}`);
    expect(points(s)).toEqual([
      ["2023/24", 70, 100, 70],
      ["2024/25", null, null, null],
    ]);
    expect([s.trend[0]?.source, s.trend[0]?.sourceDate]).toEqual(["DfE statistics; Local survey", "2024-10-01"]);
    // The whole period's latest figures are for different years: not combined.
    expect(s.value.value).toBeNull();
    const c = await get<MeasureValues>(leader, `/api/v1/measures/${count.id}?service=${w.serviceId}&from=2023-04-01&to=2024-03-31`);
    expect(c.value.value).toBe(20);
    // A team has no figures of its own.
    const t = await get<MeasureValues>(leader, `/api/v1/measures/${pct.id}?team=${w.a.teamId}&${PERIOD}`);
    expect(t.trend.every((x) => x.value === null)).toBe(true);
  });

  it("answers 404 outside the actor's scope and 400 naming the field at fault", async () => {
    const { w } = await world();
    const { leader, manager, managerB, analyst } = w.users;
    const m = `/api/v1/measures/${ASSESSMENTS}`;
    await get(leader.client, `${m}?la=${w.c.laCode}`, 404);
    await get(leader.client, `${m}?service=${w.foreignServiceId}`, 404);
    await get(leader.client, `/api/v1/measures/no-such-measure?la=${w.a.laCode}`, 404);
    // A team manager reads their own team only; leaders and analysts any team of their authorities.
    await get(manager.client, `${m}?team=${w.a.teamId}`, 200);
    await get(manager.client, `${m}?team=${w.teamB}`, 404);
    await get(managerB.client, `${m}?team=${w.teamB}`, 200);
    await get(analyst.client, `${m}?team=${w.teamB}`, 200);
    await get(leader.client, `${m}?team=${w.c.teamId}`, 404);
    // Practitioners do not hold measure:read.
    await get(w.users.practitioner.client, `${m}?la=${w.a.laCode}`, 403);
    const fields = async (query: string) => (await get<{ errors: { field: string }[] }>(leader.client, `${m}?${query}`, 400)).errors.map((e) => e.field);
    expect(await fields(`la=${w.a.laCode}&service=${w.serviceId}`)).toEqual(["la"]);
    expect(await fields("")).toEqual(["la"]);
    expect(await fields(`la=${w.a.laCode}&from=2024-05-01&to=2024-04-30`)).toEqual(["to"]);
    expect(await fields(`la=${w.a.laCode}&interval=week`)).toEqual(["interval"]);
    expect(await fields(`la=${w.a.laCode}&from=2024-02-30`)).toEqual(["from"]);
    expect(await fields(`la=${w.a.laCode}&colour=red`)).toEqual(["colour"]);
    // A period of centuries would build a trend too large to answer (it once exhausted the heap).
    expect(await fields(`la=${w.a.laCode}&from=0001-01-01&to=9999-12-31&interval=month`)).toEqual(["from"]);
    expect(await fields(`la=${w.a.laCode}&from=1990-01-01`)).toEqual(["from"]);
    // `to` alone, before the default start (five financial years back from today).
    expect(await fields(`la=${w.a.laCode}&to=2001-01-01`)).toEqual(["to"]);
    await get(leader.client, `${m}?la=${w.a.laCode}&from=2005-04-01&to=2025-03-31&interval=month`, 200);
  });

  it("defaults to the five financial years to today, by year", async () => {
    const { w } = await world();
    const v = await get<MeasureValues>(w.users.leader.client, `/api/v1/measures/${ASSESSMENTS}?la=${w.a.laCode}`);
    const period = measurePeriod(undefined, undefined, todayIso());
    expect([v.from, v.to, v.trend.length, v.trend.at(-1)?.complete]).toEqual([period.from, period.to, 5, false]);
  });

  it("lists the children behind a number through the people rule, counting the rest, and audits it", async () => {
    const { w, p } = await world();
    const leader = w.users.leader.client;
    const base = `/api/v1/measures/${ASSESSMENTS}/subjects?la=${w.a.laCode}&from=2023-04-01&to=2024-03-31`;
    // 2023/24 numerator: p1 (May) and p3 (Nov); p3 is restricted.
    const num = await get<MeasureSubjects>(leader, base);
    expect([num.part, num.total, num.hidden]).toEqual(["numerator", 2, 1]);
    expect(num.children).toEqual([{ personId: p.p1, laCode: w.a.laCode, name: "Ava Adams", dateOfBirth: "2015-06-01", numerator: 1, denominator: 1, months: ["2023-05"] }]);
    const den = await get<MeasureSubjects>(leader, `${base}&part=denominator`);
    expect([den.total, den.hidden, den.children.map((c) => c.name)]).toEqual([3, 1, ["Ava Adams", "Ben Brown"]]);
    expect(JSON.stringify(den)).not.toContain(p.p3);
    // Team A over both years: p1 met twice; p2 not (denominator only).
    const team = await get<MeasureSubjects>(leader, `/api/v1/measures/${ASSESSMENTS}/subjects?team=${w.a.teamId}&${PERIOD}`);
    expect(team.children.map((c) => [c.name, c.numerator, c.denominator, c.months])).toEqual([["Ava Adams", 2, 2, ["2023-05", "2024-04"]]]);
    // A stock measure's children are those at the period's last month end: June 2024, p2.
    const stock = await get<MeasureSubjects>(leader, `/api/v1/measures/${LAC_COUNT}/subjects?la=${w.a.laCode}&from=2024-01-01&to=2024-06-30`);
    expect(stock.children.map((c) => [c.name, c.months])).toEqual([["Ben Brown", ["2024-06"]]]);
    // An external measure has no children here.
    await get(leader, `/api/v1/measures/${external("percent").id}/subjects?la=${w.a.laCode}`, 400);

    const audited = await db().selectFrom("audit_event").select(["entity_id", "details"]).where("la_code", "=", w.a.laCode).where("action", "=", "measure.drill-down").orderBy("seq").execute();
    expect(audited[0]).toEqual({ entity_id: ASSESSMENTS, details: { scope: "authority", scopeId: w.a.laCode, from: "2023-04-01", to: "2024-03-31", part: "numerator", personIds: [p.p1], hidden: 1 } });
    expect(audited).toHaveLength(4);
  });

  it("sets targets with If-Match and rates the value against them", async () => {
    const { w } = await world();
    const analyst = w.users.analyst.client;
    const url = `/api/v1/measures/${ASSESSMENTS}/targets/${w.a.laCode}`;
    const body = { baselineValue: 48.5, baselineLabel: "2022/23", targetValue: 60, targetDate: "2025-03-31", note: "Plan target" };
    const first = await analyst.put(url, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('W/"1"');
    expect(first.json()).toEqual({ ...body, amberTolerance: 5, version: 1 });
    // Whole period 57.1 against 60 upwards: 2.9 short, within 5% of 60 (3): amber.
    const read = () => get<MeasureValues>(w.users.leader.client, `/api/v1/measures/${ASSESSMENTS}?la=${w.a.laCode}&${PERIOD}`);
    expect([(await read()).target?.targetValue, (await read()).rag]).toEqual([60, "amber"]);

    expect((await analyst.put(url, { ...body, targetValue: 65 })).statusCode).toBe(428);
    const second = await analyst.put(url, { ...body, targetValue: 65 }, { "if-match": 'W/"1"' });
    expect(second.statusCode, second.body).toBe(200);
    expect((await read()).rag).toBe("red"); // 7.9 short of 65, beyond 3.25
    const stale = await analyst.put(url, { ...body, targetValue: 50 }, { "if-match": 'W/"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ currentVersion: number }>().currentVersion).toBe(2);
    await analyst.put(url, { ...body, targetValue: 55, amberTolerance: 10 }, { "if-match": 'W/"2"' });
    expect((await read()).rag).toBe("green");
    // A team reads its authority's target; a shared service has none.
    const team = await get<MeasureValues>(w.users.leader.client, `/api/v1/measures/${ASSESSMENTS}?team=${w.a.teamId}&${PERIOD}`);
    expect([team.target?.targetValue, team.value.value, team.rag]).toEqual([55, 50, "amber"]); // 5 short of 55, within 10% (5.5)
    const service = await get<MeasureValues>(w.users.leader.client, `/api/v1/measures/${ASSESSMENTS}?service=${w.serviceId}&${PERIOD}`);
    expect([service.target, service.rag]).toEqual([null, null]);

    const bad = await analyst.put(url, { ...body, amberTolerance: 101, targetValue: "high" }, { "if-match": 'W/"3"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort()).toEqual(["amberTolerance", "targetValue"]);
    expect((await w.users.manager.client.put(url, body, { "if-match": 'W/"3"' })).statusCode).toBe(403);
    expect((await analyst.put(`/api/v1/measures/${ASSESSMENTS}/targets/${w.c.laCode}`, body)).statusCode).toBe(404);
    expect((await analyst.put(`/api/v1/measures/no-such-measure/targets/${w.a.laCode}`, body)).statusCode).toBe(404);
    const audited = await db().selectFrom("audit_event").select(["entity_id", "details"]).where("la_code", "=", w.a.laCode).where("action", "=", "measure.target.update").orderBy("seq").execute();
    expect(audited.map((a) => (a.details.to as { targetValue: number }).targetValue)).toEqual([60, 65, 55]);
    expect(audited[1]?.details.from).toMatchObject({ targetValue: 60, version: 1 });
  });
});
