import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContactSummary, WorkTray } from "@family-story/schemas";
import { seedDemoCasework } from "../src/demo/demo-casework.ts";
import { DEMO_PASSWORD } from "../src/demo/demo-organisation.ts";
import { seedDemo } from "../src/demo/seed-demo.ts";
import { createTestService, signIn, type TestService } from "./harness.ts";

// The demo borough uses fixed authority codes and usernames: a fresh in-memory PGlite only.
describe("the demo borough's caseload (PGlite)", () => {
  let svc: TestService;
  const lines: string[] = [];

  beforeAll(async () => {
    svc = await createTestService("pglite", { LOGIN_RATE_LIMIT: "1000" });
    await seedDemo(svc.services.db, { people: 1500 });
    await svc.services.refs.refresh();
    await seedDemoCasework(svc.app, svc.services.db, (l) => lines.push(l));
  }, 120_000);
  afterAll(async () => svc.close());

  it("reports its progress step by step", () => {
    expect(lines[0]).toMatch(/demo caseload/);
    expect(lines.filter((l) => /^\s+\d+\. /.test(l)).length).toBeGreaterThanOrEqual(10);
  });

  it("gives the social worker a tray with overdue work first", async () => {
    const sw = await signIn(svc.app, "sw.wcc", DEMO_PASSWORD);
    const tray = (await sw.get("/api/v1/work-tray")).json<WorkTray>();
    expect(tray.cases.length).toBeGreaterThanOrEqual(5);
    expect(tray.counts.overdue).toBeGreaterThan(0);
    expect(tray.items[0]?.dueStatus).toBe("overdue");
    const kinds = new Set(tray.items.map((i) => i.kind));
    for (const k of ["assessment_due", "review_conference_due", "visit_due"]) expect(kinds).toContain(k);
  });

  it("gives the manager an unallocated case and authorisations in the team tray", async () => {
    const tm = await signIn(svc.app, "tm.wcc", DEMO_PASSWORD);
    const tray = (await tm.get("/api/v1/work-tray?scope=team")).json<WorkTray>();
    expect(tray.counts.unallocated).toBeGreaterThanOrEqual(1);
    expect(tray.items.some((i) => i.kind === "assessment_authorisation")).toBe(true);
  });

  it("leaves contacts waiting at the front door, one overdue and one a repeat referral", async () => {
    const tm = await signIn(svc.app, "tm.wcc", DEMO_PASSWORD);
    const queue = (await tm.get("/api/v1/contacts?status=awaiting_decision")).json<ContactSummary[]>();
    expect(queue.length).toBe(3);
    expect(queue.some((c) => c.dueStatus === "overdue")).toBe(true);
    expect(queue.some((c) => c.repeatReferral)).toBe(true);
    expect(queue.some((c) => c.via === "partner_request")).toBe(true);
  });

  it("gives the family hub worker early help families and the school its Team Around the Family action", async () => {
    const eh = await signIn(svc.app, "eh.wcc", DEMO_PASSWORD);
    const tray = (await eh.get("/api/v1/work-tray")).json<WorkTray>();
    expect(tray.cases.filter((c) => c.kind === "early_help").length).toBeGreaterThanOrEqual(2);
    const school = await signIn(svc.app, "partner.school", DEMO_PASSWORD);
    const theirs = (await school.get("/api/v1/work-tray")).json<WorkTray>();
    expect(theirs.items.map((i) => i.kind)).toContain("taf_action");
  });
});
