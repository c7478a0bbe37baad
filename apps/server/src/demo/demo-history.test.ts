import { addWorkingDays } from "@family-story/domain";
import { describe, expect, it } from "vitest";
import { HISTORY_PERSON_FLOOR, HISTORY_PERSON_PREFIX, buildDemoHistory } from "./demo-history.ts";
import { DEMO_TEAMS, DEMO_USERS } from "./demo-organisation.ts";

type Row = Record<string, unknown>;
const today = "2026-11-23";
const ids = {
  teamIds: new Map(DEMO_TEAMS.map((t, i) => [t.key, `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`])),
  userIds: new Map(DEMO_USERS.map((u, i) => [u.username, `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`])),
};
const history = buildDemoHistory(ids, today);
const all = (table: keyof (typeof history.rows)[number]): Row[] => history.rows.flatMap((r) => r[table] as Row[]);
const share = (rows: Row[], test: (r: Row) => boolean): number => rows.filter(test).length / rows.length;

describe("the demo's casework history", () => {
  it("is the same for the same day, and only new children with ids after every demo person's", () => {
    expect(buildDemoHistory(ids, today)).toEqual(history);
    expect(history.people.length).toBeGreaterThan(1000);
    expect(history.people.every((p) => p.id.startsWith(`${HISTORY_PERSON_PREFIX}-`) && p.id > HISTORY_PERSON_FLOOR)).toBe(true);
    expect(new Set(history.people.map((p) => p.id)).size).toBe(history.people.length);
    expect(new Set(history.people.map((p) => p.la_child_id)).size).toBe(history.people.length);
    const children = new Set(history.people.map((p) => p.id));
    expect(all("casework_case").every((c) => children.has(c.subject_person_id as string))).toBe(true);
  });

  it("closes every case before today, but for children still looked after, whose cases no one is allocated", () => {
    const cases = all("casework_case");
    const open = cases.filter((c) => c.status === "open");
    expect(open.length).toBeGreaterThan(20);
    const stillIn = new Set(all("lac_episode").filter((e) => e.dec === null).map((e) => e.person_id));
    for (const c of open) {
      expect(c).toMatchObject({ kind: "looked_after", allocated_to: null, closed_on: null });
      expect([ids.teamIds.get("wcc-cla"), null]).toContain(c.team_id);
      expect(stillIn.has(c.subject_person_id)).toBe(true);
    }
    for (const c of cases.filter((x) => x.status === "closed")) expect((c.closed_on as string) < today).toBe(true);
    expect(all("eh_closure").every((c) => c.status === "authorised")).toBe(true);
    expect(all("eh_goal").every((g) => g.status === "met" || g.status === "not_met")).toBe(true);
    expect(all("contact").every((c) => c.status === "decided")).toBe(true);
    const dates = [...all("cin_assessment").map((a) => a.completed_date), ...all("lac_review").map((r) => r.review_date), ...all("cp_plan").map((p) => p.end_date), ...all("cin_plan").map((p) => p.end_date)];
    expect(dates.every((d) => typeof d === "string" && d < today)).toBe(true);
  });

  it("keeps most timescales, but not all", () => {
    const referrals = new Map(all("cin_referral").map((r) => [r.case_id, r.referral_date as string]));
    const assessed = share(all("cin_assessment"), (a) => (a.completed_date as string) <= addWorkingDays(referrals.get(a.case_id) ?? "", 45));
    expect(assessed).toBeGreaterThan(0.75);
    expect(assessed).toBeLessThan(0.95);
    const discussions = new Map(all("strategy_discussion").map((d) => [d.id, d.discussion_date as string]));
    const s47s = new Map(all("s47_enquiry").map((s) => [s.id, discussions.get(s.strategy_discussion_id) ?? ""]));
    const icpcs = all("cp_conference").filter((c) => c.kind === "initial");
    const inTime = share(icpcs, (c) => (c.conference_date as string) <= addWorkingDays(s47s.get(c.s47_id) ?? "", 15));
    expect(inTime).toBeGreaterThan(0.65);
    expect(inTime).toBeLessThan(0.95);
    const met = share(all("eh_goal"), (g) => g.status === "met");
    expect(met).toBeGreaterThan(0.55);
    expect(met).toBeLessThan(0.85);
    expect(all("lac_episode").filter((e) => e.rne === "P").length).toBeGreaterThan(50);
    expect(all("lac_missing").some((m) => m.rhi_accepted === true)).toBe(true);
    expect(all("lac_oc3").length).toBeGreaterThan(50);
  });
});
