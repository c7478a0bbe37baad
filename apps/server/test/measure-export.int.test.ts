import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, createTestService, type TestService } from "./harness.ts";
import { ASSESSMENTS, buildPinnedWorld } from "./measures-api-fixture.ts";
import { pdfText } from "./pdf-text.ts";

/**
 * The dashboard as a committee paper (GET /api/v1/measure-dashboards/:board/export.pdf), on
 * facts pinned by hand (measures-api-fixture.ts), read back as text.
 */
describe.each(DATABASE_KINDS)("dashboard PDF export on %s", (kind) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await createTestService(kind);
  });
  afterAll(async () => svc.close());
  const db = () => svc.services.db;

  const PERIOD = "from=2023-04-01&to=2025-03-31";

  it("prints the team board's figures, target and RAG for an authority, and audits the export", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const target = { baselineValue: 48.5, baselineLabel: "2022/23", targetValue: 65, targetDate: "2025-03-31" };
    const put = await w.users.analyst.client.put(`/api/v1/measures/${ASSESSMENTS}/targets/${w.a.laCode}`, target);
    expect(put.statusCode, put.body).toBe(200);

    const res = await w.users.leader.client.get(`/api/v1/measure-dashboards/team/export.pdf?la=${w.a.laCode}&${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="team-${w.a.laCode.toLowerCase()}-2023-04-01-to-2025-03-31.pdf"`);
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Team performance");
    expect(text).toContain(`Scope: ${w.a.name} (authority)`);
    expect(text).toContain("Period: 1 April 2023 to 31 March 2025, trend by financial year");
    expect(text).toContain("2. Assessment");
    // The latest year, 2024/25: 2 of 4 in time (50.0%), 15 short of 65, beyond 5% of it: red.
    // The whole period: 4 of 7 (57.1%).
    expect(text).toContain("Child and family assessments completed within 45 working days Percent, higher is better 50.0% 2024/25 2 4 57.1% 48.5% (2022/23) 65.0% by March 2025 Red");
    // Its chart: 2023/24 2 of 3, 2024/25 2 of 4.
    expect(text).toMatch(/Child and family assessments completed within 45 working days 0\.0% 50\.0% 100\.0% 66\.7% 50\.0% 23\/24 24\/25/);
    expect(text).toMatch(/Page 1 of \d+/);

    const audited = await db().selectFrom("audit_event").select(["entity", "entity_id", "details", "actor_user_id"]).where("la_code", "=", w.a.laCode).where("action", "=", "measure.export").execute();
    expect(audited).toEqual([{ entity: "measure-dashboard", entity_id: "team", actor_user_id: w.users.leader.id, details: expect.objectContaining({ format: "pdf", from: "2023-04-01", to: "2025-03-31", scope: "authority", scopeId: w.a.laCode }) as unknown }]);
  });

  it("answers 404 outside the reader's authorities, 400 naming a bad field, 403 without measure:read", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const leader = w.users.leader.client;
    expect((await leader.get(`/api/v1/measure-dashboards/leaders/export.pdf?la=${w.c.laCode}`)).statusCode).toBe(404);
    const badBoard = await leader.get(`/api/v1/measure-dashboards/everything/export.pdf?la=${w.a.laCode}`);
    expect(badBoard.statusCode).toBe(400);
    expect(badBoard.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("board");
    const backwards = await leader.get(`/api/v1/measure-dashboards/leaders/export.pdf?la=${w.a.laCode}&from=2025-01-01&to=2024-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain("to");
    expect((await w.users.practitioner.client.get(`/api/v1/measure-dashboards/leaders/export.pdf?la=${w.a.laCode}`)).statusCode).toBe(403);
  });

  it("prints the leaders' five outcomes for a shared service, its authorities combined", async () => {
    const { w } = await buildPinnedWorld(svc.services, svc.app);
    const res = await w.users.leader.client.get(`/api/v1/measure-dashboards/leaders/export.pdf?service=${w.serviceId}&${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Children and young people's plan: outcomes");
    expect(text).toContain("(shared service, its authorities' figures combined)");
    for (const n of [1, 2, 3, 4, 5]) expect(text).toMatch(new RegExp(`${String(n)}\\. \\S`));
    const audited = await db().selectFrom("audit_event").select("la_code").where("la_code", "in", [w.a.laCode, w.b.laCode]).where("action", "=", "measure.export").execute();
    expect(audited.map((r) => r.la_code).sort()).toEqual([w.a.laCode, w.b.laCode].sort());
  });
});
