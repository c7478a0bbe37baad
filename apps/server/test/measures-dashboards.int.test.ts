import { MEASURES, MEASURE_GROUPS, type MeasureFramework } from "@family-story/domain";
import type { MeasureDashboard, MeasureScopeOptions, MeasureValues } from "@family-story/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildUser } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";
import { ASSESSMENTS, buildPinnedWorld, csvFields, external } from "./measures-api-fixture.ts";

/**
 * Dashboards (leaders, early-help, team), the CSV exports and the scope list, over the facts
 * pinned by measures-api-fixture.ts.
 */

/** The groups of frameworks in catalogue order, each with the ids of the measures placed in it. */
function expectedGroups(frameworks: readonly MeasureFramework[]): [string, string[]][] {
  return frameworks.flatMap((fw) =>
    MEASURE_GROUPS.filter((g) => g.framework === fw).map((g): [string, string[]] => [g.key, MEASURES.filter((m) => m.placements.some((p) => p.framework === fw && p.group === g.key)).map((m) => m.id)]),
  );
}

const groupsOf = (d: MeasureDashboard): [string, string[]][] => d.groups.map((g) => [g.key, g.measures.map((m) => m.measure.id)]);

describe.each(DATABASE_KINDS)("measure dashboards and exports on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;
  const PERIOD = "from=2023-04-01&to=2025-03-31";

  async function get<T>(client: Client, url: string, status = 200): Promise<T> {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  }

  it("shows the leaders, early help and team dashboards with their groups' measures", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const leader = w.users.leader.client;
    const leaders = await get<MeasureDashboard>(leader, `/api/v1/measure-dashboards/leaders?la=${w.a.laCode}&${PERIOD}`);
    expect([leaders.board, leaders.scope.id, leaders.from, leaders.to, leaders.interval]).toEqual(["leaders", w.a.laCode, "2023-04-01", "2025-03-31", "year"]);
    expect(leaders.groups.map((g) => g.key)).toEqual(["listened-to", "happy-healthy", "safe-supported", "achieving", "resilient-prepared"]);
    expect(groupsOf(leaders)).toEqual(expectedGroups(["cypp"]));
    expect(leaders.groups.every((g) => g.measures.length > 0)).toBe(true);

    const earlyHelp = await get<MeasureDashboard>(leader, `/api/v1/measure-dashboards/early-help?la=${w.a.laCode}&${PERIOD}`);
    expect(groupsOf(earlyHelp)).toEqual(expectedGroups(["early-help", "supporting-families"]));
    expect(earlyHelp.groups).toHaveLength(14);

    // The team board defaults to the reader's team: team A's assessments are 1/2 in each year.
    const team = await get<MeasureDashboard>(leader, `/api/v1/measure-dashboards/team?${PERIOD}`);
    expect([team.scope.kind, team.scope.id]).toEqual(["team", w.a.teamId]);
    expect(groupsOf(team)).toEqual(expectedGroups(["performance"]));
    const assessments = team.groups.find((g) => g.key === "assessment")?.measures.find((m) => m.measure.id === ASSESSMENTS);
    expect(assessments?.trend.map((p) => [p.label, p.numerator, p.denominator, p.value])).toEqual([
      ["2023/24", 1, 2, 50],
      ["2024/25", 1, 2, 50],
    ]);
    // The same board for the shared service combines A and B (7/12 over the period).
    const service = await get<MeasureDashboard>(leader, `/api/v1/measure-dashboards/team?service=${w.serviceId}&${PERIOD}`);
    const combined = service.groups.flatMap((g) => g.measures).find((m) => m.measure.id === ASSESSMENTS);
    expect([combined?.value.numerator, combined?.value.denominator, combined?.value.value]).toEqual([7, 12, 58.3]);

    // Without a team of one's own the team board needs a scope; a scope outside is 404.
    const loner = await buildUser(db(), w.a, "leader", { teamId: null });
    const lonerClient = await signIn(svc.app, loner.username, TEST_PASSWORD);
    expect((await lonerClient.get(`/api/v1/measure-dashboards/team`)).statusCode).toBe(400);
    await get(lonerClient, `/api/v1/measure-dashboards/leaders`, 200);
    await get(leader, `/api/v1/measure-dashboards/leaders?la=${w.c.laCode}`, 404);
    await get(leader, `/api/v1/measure-dashboards/board-of-governors`, 400);
    await get(leader, `/api/v1/measure-dashboards/leaders?la=${w.a.laCode}&team=${w.a.teamId}`, 400);

    const audited = await db().selectFrom("audit_event").select(["entity_id", "details"]).where("la_code", "=", w.b.laCode).where("action", "=", "measure.dashboard.read").execute();
    expect(audited).toEqual([{ entity_id: "team", details: { scope: "shared-service", scopeId: w.serviceId, from: "2023-04-01", to: "2025-03-31", interval: "year", format: "json" } }]);
  });

  it("exports a measure and a dashboard as CSV, audited as exports", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const leader = w.users.leader.client;
    await w.users.analyst.client.put(`/api/v1/measures/${ASSESSMENTS}/targets/${w.a.laCode}`, { baselineValue: 48.5, baselineLabel: "2022/23", targetValue: 60, targetDate: null });
    const res = await leader.get(`/api/v1/measures/${ASSESSMENTS}/export.csv?la=${w.a.laCode}&${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${ASSESSMENTS}-${w.a.laCode.toLowerCase()}-2023-04-01-to-2025-03-31.csv"`);
    const lines = res.body.split("\r\n");
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(0, -1).map(csvFields);
    expect(rows[0]).toEqual(["measure_id", "measure", "unit", "direction", "scope", "row", "period", "from", "to", "complete", "numerator", "denominator", "value", "source", "source_date", "baseline", "target", "rag"]);
    const title = MEASURES.find((m) => m.id === ASSESSMENTS)?.title ?? "";
    const lead = [ASSESSMENTS, title, "percent", "up", w.a.name];
    expect(rows.slice(1)).toEqual([
      [...lead, "whole period", "Apr 2023 to Mar 2025", "2023-04-01", "2025-03-31", "yes", "4", "7", "57.1", "", "", "48.5", "60", "amber"],
      [...lead, "year", "2023/24", "2023-04-01", "2024-03-31", "yes", "2", "3", "66.7", "", "", "", "", ""],
      [...lead, "year", "2024/25", "2024-04-01", "2025-03-31", "yes", "2", "4", "50", "", "", "", "", ""],
    ]);

    const board = await leader.get(`/api/v1/measure-dashboards/team/export.csv?team=${w.a.teamId}&${PERIOD}&interval=quarter`);
    expect(board.statusCode, board.body).toBe(200);
    const dashboard = await get<MeasureDashboard>(leader, `/api/v1/measure-dashboards/team?team=${w.a.teamId}&${PERIOD}&interval=quarter`);
    const boardRows = board.body.split("\r\n").slice(0, -1).map(csvFields);
    expect(boardRows[0]?.[0]).toBe("group");
    // One whole-period row and eight quarters for each measure of each group.
    expect(boardRows).toHaveLength(1 + dashboard.groups.reduce((n, g) => n + g.measures.length * 9, 0));
    const q4 = boardRows.find((r) => r[1] === ASSESSMENTS && r[7] === "2024/25 Q4");
    // Team A in January to March 2025: p4 not in time (p3's assessment is team B's).
    expect(q4?.slice(11, 14)).toEqual(["0", "1", "0"]);
  });

  it("lists the scopes a reader may choose", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const leader = await get<MeasureScopeOptions>(w.users.leader.client, "/api/v1/measure-scopes");
    expect(leader.authorities.map((a) => a.code)).toEqual([w.a.laCode, ...[w.b.laCode]]);
    expect(leader.services).toEqual([{ id: w.serviceId, name: expect.any(String) as string, authorities: [w.a.laCode, w.b.laCode].sort() }]);
    expect(leader.teams[0]?.id).toBe(w.a.teamId);
    expect(leader.teams.map((t) => t.id)).toEqual(expect.arrayContaining([w.a.teamId, w.teamB, w.b.teamId]));
    const manager = await get<MeasureScopeOptions>(w.users.managerB.client, "/api/v1/measure-scopes");
    expect(manager.teams.map((t) => t.id)).toEqual([w.teamB]);
    expect(manager.authorities.map((a) => a.code)).toEqual([w.a.laCode]);
  });

  it("gives an external measure's value on the dashboard with its source", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const m = MEASURES.find((x) => x.source === "external" && x.placements.some((p) => p.framework === "cypp") && x.unit === "percent") ?? external("percent");
    await db().insertInto("measure_value").values({ la_code: w.a.laCode, measure_id: m.id, period_start: "2024-04-01", period_end: "2025-03-31", value: 61.5, numerator: 123, denominator: 200, source: "Survey", source_date: "2025-06-30" }).execute();
    const d = await get<MeasureDashboard>(w.users.leader.client, `/api/v1/measure-dashboards/leaders?la=${w.a.laCode}&${PERIOD}`);
    const v = d.groups.flatMap((g) => g.measures).find((x): x is MeasureValues => x.measure.id === m.id);
    expect([v?.value.value, v?.value.numerator, v?.value.denominator, v?.value.source, v?.value.sourceDate]).toEqual([61.5, 123, 200, "Survey", "2025-06-30"]);
  });
});
