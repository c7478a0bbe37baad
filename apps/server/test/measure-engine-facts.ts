import type { FactWindow, MeasureDefinition, MeasureFact, SubjectRecords } from "@family-story/domain";

/**
 * Stand-in measures for the engine's tests: simple, hand-checkable rules over every list a
 * SubjectRecords holds, flow and stock, so the engine's bookkeeping (dirty queue, deltas, month
 * roll, rebuild) is tested on facts that exist whatever the real catalogue holds yet.
 */

const base = { description: "Test measure", numerator: "n", denominator: "d", unit: "count", direction: "none", source: "computed", placements: [], dataSource: null } as const;
export const TEST_MEASURES: MeasureDefinition[] = [
  { ...base, id: "t-referrals", title: "Referrals", kind: "flow" },
  { ...base, id: "t-open-social-care", title: "Open social care cases at month end", kind: "stock" },
  { ...base, id: "t-in-care", title: "In care at month end", kind: "stock" },
  { ...base, id: "t-assessed-45", title: "Assessments in 45 days", kind: "flow" },
  { ...base, id: "t-eh-goals-met", title: "Early help goals met", kind: "flow" },
  { ...base, id: "t-repeat-contacts", title: "Repeat contacts", kind: "flow" },
  { ...base, id: "t-sdq", title: "SDQ", kind: "flow" },
  { ...base, id: "t-missing", title: "Missing", kind: "flow" },
  { ...base, id: "t-conferences", title: "Conferences", kind: "flow" },
  { ...base, id: "t-reviews", title: "Reviews", kind: "flow" },
  { ...base, id: "t-oc3", title: "OC3", kind: "flow" },
];

/** Every month of the window, with its last day. */
function monthEnds(window: FactWindow): { month: string; end: string }[] {
  const out: { month: string; end: string }[] = [];
  let [y, m] = window.firstMonth.split("-").map(Number) as [number, number];
  for (;;) {
    const month = `${String(y)}-${String(m).padStart(2, "0")}`;
    if (month > window.lastMonth) return out;
    out.push({ month, end: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The stand-in facts of one child, merged by (measure, month, team) as measureFacts merges. */
export function testFacts(r: SubjectRecords, window: FactWindow): MeasureFact[] {
  const teamOf = new Map(r.cases.map((c) => [c.id, c.teamId]));
  const team = (caseId: string | null): string | null => (caseId === null ? null : (teamOf.get(caseId) ?? null));
  const raw: MeasureFact[] = [];
  const flow = (measureId: string, date: string, numerator: number, denominator: number, teamId: string | null): void => {
    raw.push({ measureId, month: date.slice(0, 7), numerator, denominator, teamId });
  };
  for (const ref of r.referrals) flow("t-referrals", ref.referralDate, 1, 1, team(ref.caseId));
  for (const a of r.assessments) if (a.completedDate) flow("t-assessed-45", a.completedDate, days(a.startDate, a.completedDate) <= 45 ? 1 : 0, 1, team(a.caseId));
  for (const eh of r.earlyHelp) if (eh.closure) flow("t-eh-goals-met", eh.closure.closedOn, eh.goals.filter((g) => g.status === "met").length, eh.goals.length, eh.teamId);
  for (const c of r.contacts) flow("t-repeat-contacts", c.receivedOn, c.repeatReferral ? 1 : 0, 1, null);
  for (const c of r.checks) if (c.kind === "sdq" && c.sdqScore !== null) flow("t-sdq", c.checkDate, c.sdqScore, 1, null);
  for (const m of r.missing) flow("t-missing", m.startDate, 1, 1, null);
  for (const c of r.conferences) flow("t-conferences", c.conferenceDate, c.outcome === "plan" ? 1 : 0, 1, team(c.caseId));
  for (const v of r.lacReviews) if (v.status === "held" && v.reviewDate) flow("t-reviews", v.reviewDate, 1, 1, null);
  for (const o of r.oc3) flow("t-oc3", `${String(o.year)}-04-01`, o.inTouch === "YES" ? 1 : 0, 1, null);
  for (const { month, end } of monthEnds(window)) {
    for (const c of r.cases) {
      if (c.kind === "social_care" && c.openedOn <= end && (c.closedOn === null || c.closedOn > end)) raw.push({ measureId: "t-open-social-care", month, numerator: 1, denominator: 1, teamId: c.teamId });
    }
    const episode = r.episodes.find((e) => e.decom <= end && (e.dec === null || e.dec > end));
    if (episode) raw.push({ measureId: "t-in-care", month, numerator: episode.place === "U4" ? 1 : 0, denominator: 1, teamId: team(episode.caseId) });
  }
  const merged = new Map<string, MeasureFact>();
  for (const f of raw) {
    if (f.month < window.firstMonth || f.month > window.lastMonth) continue;
    const key = `${f.measureId}|${f.month}|${f.teamId ?? ""}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, numerator: seen.numerator + f.numerator, denominator: seen.denominator + f.denominator } : { ...f });
  }
  return [...merged.values()];
}
