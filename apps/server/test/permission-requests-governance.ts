import { randomUUID } from "node:crypto";
import type { Role } from "@family-story/domain";
import { expect } from "vitest";
import type { AuthorityRelation, MatrixFixture } from "./permission-fixture.ts";
import { req, type Req, type SessionCase } from "./permission-support.ts";

/** Roles holding governance:read and governance:write, as the policy gives them. */
const READERS: readonly Role[] = ["team_manager", "performance_analyst", "leader"];
const WRITERS: readonly Role[] = ["performance_analyst", "leader"];
const v1 = { "if-match": 'W/"1"' };

/** A strategy with one priority and one action in the authority the relation names. */
async function strategyIn(f: MatrixFixture, rel: AuthorityRelation): Promise<{ strategyId: string; priorityId: string; actionId: string }> {
  const la = f.authorities[rel].tenant.laCode;
  const strategyId = randomUUID();
  const priorityId = randomUUID();
  const actionId = randomUUID();
  await f.db.insertInto("gov_strategy").values({ la_code: la, id: strategyId, title: "Plan", period_label: "2019–22", updated_by: null }).execute();
  await f.db.insertInto("gov_priority").values({ la_code: la, id: priorityId, strategy_id: strategyId, position: 1, title: "Priority", description: null }).execute();
  await f.db.insertInto("gov_action").values({ la_code: la, id: actionId, strategy_id: strategyId, priority_id: priorityId, position: 1, title: "Action", description: null, owner: "Lead", updated_by: null }).execute();
  return { strategyId, priorityId, actionId };
}

/** A committee with a meeting, a work item, a tracked action and a recommendation to one organisation. */
async function committeeIn(f: MatrixFixture, rel: AuthorityRelation): Promise<{ committeeId: string; meetingId: string; itemId: string; actionId: string; recommendationId: string }> {
  const la = f.authorities[rel].tenant.laCode;
  const ids = { committeeId: randomUUID(), meetingId: randomUUID(), itemId: randomUUID(), actionId: randomUUID(), recommendationId: randomUUID() };
  await f.db.insertInto("gov_committee").values({ la_code: la, id: ids.committeeId, name: "Scrutiny", year_label: "2019/20", remit: null }).execute();
  await f.db.insertInto("gov_meeting").values({ la_code: la, id: ids.meetingId, committee_id: ids.committeeId, round_label: "Round one", meets_on: null, position: 1, updated_by: null }).execute();
  await f.db.insertInto("gov_work_item").values({ la_code: la, id: ids.itemId, committee_id: ids.committeeId, meeting_id: null, kind: "agenda_item", title: "Item", reasons: null, represented_by: null, position: 1, updated_by: null }).execute();
  await f.db.insertInto("gov_committee_action").values({ la_code: la, id: ids.actionId, committee_id: ids.committeeId, meeting_id: ids.meetingId, agenda_item: "Item 4", action: "Circulate", update_note: null, position: 1, updated_by: null }).execute();
  await f.db.insertInto("gov_recommendation").values({ la_code: la, id: ids.recommendationId, committee_id: ids.committeeId, meeting_id: ids.meetingId, number: 1, text: "That it be done", updated_by: null }).execute();
  await f.db.insertInto("gov_recommendation_response").values({ la_code: la, recommendation_id: ids.recommendationId, organisation: "NHS England", position: 1, response: null, responded_on: null }).execute();
  return ids;
}

/** A governance record in the relation's authority: reachable in the user's own and their shared service's, 404 in another. */
function govCase(roles: readonly Role[], ok: number, build: (f: MatrixFixture, rel: AuthorityRelation) => Promise<Req>): SessionCase {
  return { target: "authority", roles, ok, inScope: { sameLa: roles, otherLa: [], sharedService: roles }, outOfScope: 404, build: (f, _role, rel) => build(f, rel) };
}

/** Strategy and scrutiny: strategies, actions and their progress, committees and their trackers. */
export const GOVERNANCE_CASES: Record<string, SessionCase> = {
  "GET /api/v1/governance/authorities": {
    target: "none",
    roles: READERS,
    ok: 200,
    build: () => req("/api/v1/governance/authorities"),
    // The authorities the user works: their own and the shared service's, never an unconnected one.
    check: (res, f) => {
      expect(res.json<{ code: string }[]>().map((a) => a.code).sort()).toEqual([f.home.laCode, f.shared.laCode].sort());
    },
  },
  "GET /api/v1/governance/strategies": govCase(READERS, 200, (f, rel) => req(`/api/v1/governance/strategies?la=${f.authorities[rel].tenant.laCode}`)),
  "POST /api/v1/governance/strategies": govCase(WRITERS, 201, (f, rel) => req("/api/v1/governance/strategies", { la: f.authorities[rel].tenant.laCode, title: "New plan", periodLabel: "2024–27" })),
  "GET /api/v1/governance/strategies/:id": govCase(READERS, 200, async (f, rel) => req(`/api/v1/governance/strategies/${(await strategyIn(f, rel)).strategyId}`)),
  "PATCH /api/v1/governance/strategies/:id": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/strategies/${(await strategyIn(f, rel)).strategyId}`, { title: "Renamed" }, v1)),
  "POST /api/v1/governance/strategies/:id/priorities": govCase(WRITERS, 201, async (f, rel) => req(`/api/v1/governance/strategies/${(await strategyIn(f, rel)).strategyId}/priorities`, { title: "Another priority" })),
  "PATCH /api/v1/governance/priorities/:id": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/priorities/${(await strategyIn(f, rel)).priorityId}`, { title: "Renamed priority" }, v1)),
  "GET /api/v1/governance/strategies/:id/report": govCase(READERS, 200, async (f, rel) => req(`/api/v1/governance/strategies/${(await strategyIn(f, rel)).strategyId}/report`)),
  "GET /api/v1/governance/strategies/:id/report.csv": govCase(READERS, 200, async (f, rel) => req(`/api/v1/governance/strategies/${(await strategyIn(f, rel)).strategyId}/report.csv`)),
  "POST /api/v1/governance/priorities/:id/actions": govCase(WRITERS, 201, async (f, rel) => req(`/api/v1/governance/priorities/${(await strategyIn(f, rel)).priorityId}/actions`, { title: "Do it", owner: "Lead" })),
  "GET /api/v1/governance/actions/:id": govCase(READERS, 200, async (f, rel) => req(`/api/v1/governance/actions/${(await strategyIn(f, rel)).actionId}`)),
  "PATCH /api/v1/governance/actions/:id": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/actions/${(await strategyIn(f, rel)).actionId}`, { owner: "Another lead" }, v1)),
  "POST /api/v1/governance/actions/:id/progress": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/actions/${(await strategyIn(f, rel)).actionId}/progress`, { status: "in_progress", note: "Started" }, v1)),
  "GET /api/v1/governance/committees": govCase(READERS, 200, (f, rel) => req(`/api/v1/governance/committees?la=${f.authorities[rel].tenant.laCode}`)),
  "POST /api/v1/governance/committees": govCase(WRITERS, 201, (f, rel) => req("/api/v1/governance/committees", { la: f.authorities[rel].tenant.laCode, name: "Scrutiny", yearLabel: "2024/25" })),
  "GET /api/v1/governance/committees/:id": govCase(READERS, 200, async (f, rel) => req(`/api/v1/governance/committees/${(await committeeIn(f, rel)).committeeId}`)),
  "POST /api/v1/governance/committees/:id/meetings": govCase(WRITERS, 201, async (f, rel) => req(`/api/v1/governance/committees/${(await committeeIn(f, rel)).committeeId}/meetings`, { roundLabel: "Round two" })),
  "PATCH /api/v1/governance/meetings/:id": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/meetings/${(await committeeIn(f, rel)).meetingId}`, { meetsOn: "2025-01-20" }, v1)),
  "POST /api/v1/governance/committees/:id/work-items": govCase(WRITERS, 201, async (f, rel) => req(`/api/v1/governance/committees/${(await committeeIn(f, rel)).committeeId}/work-items`, { kind: "task_group", title: "A task group" })),
  "PATCH /api/v1/governance/work-items/:id": govCase(WRITERS, 200, async (f, rel) => {
    const c = await committeeIn(f, rel);
    return req(`/api/v1/governance/work-items/${c.itemId}`, { meetingId: c.meetingId }, v1);
  }),
  "POST /api/v1/governance/committees/:id/actions": govCase(WRITERS, 201, async (f, rel) => {
    const c = await committeeIn(f, rel);
    return req(`/api/v1/governance/committees/${c.committeeId}/actions`, { meetingId: c.meetingId, agendaItem: "Item 5", action: "Report back" });
  }),
  "PATCH /api/v1/governance/committee-actions/:id": govCase(WRITERS, 200, async (f, rel) => req(`/api/v1/governance/committee-actions/${(await committeeIn(f, rel)).actionId}`, { status: "completed" }, v1)),
  "POST /api/v1/governance/committees/:id/recommendations": govCase(WRITERS, 201, async (f, rel) => {
    const c = await committeeIn(f, rel);
    return req(`/api/v1/governance/committees/${c.committeeId}/recommendations`, { meetingId: c.meetingId, text: "That it be reviewed", organisations: ["NHS England"] });
  }),
  "PUT /api/v1/governance/recommendations/:id/response": govCase(WRITERS, 200, async (f, rel) =>
    req(`/api/v1/governance/recommendations/${(await committeeIn(f, rel)).recommendationId}/response`, { organisation: "NHS England", response: "Agreed", respondedOn: "2020-01-10" }, v1),
  ),
};
