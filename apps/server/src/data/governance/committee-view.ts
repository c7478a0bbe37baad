import type { GovCommittee } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { GovCommitteeRow, GovMeetingRow } from "../../db/governance-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import { presentCommitteeAction, presentCommitteeSummary, presentMeeting, presentRecommendation, presentWorkItem } from "../../presenters/governance-presenter.ts";
import { authorityNames, type GovContext } from "./governance-context.ts";

/** The committee if the actor works its authority; 404 otherwise. */
export async function loadCommittee(ctx: GovContext, id: string): Promise<GovCommitteeRow> {
  const row = await ctx.db.selectFrom("gov_committee").selectAll().where("la_code", "in", ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Committee");
  return row;
}

/** A meeting of this committee, or a 400 naming the field that gave it. */
export async function requireMeetingOf(db: Kysely<Database> | Transaction<Database>, committee: GovCommitteeRow, meetingId: string, field = "meetingId"): Promise<GovMeetingRow> {
  const row = await db.selectFrom("gov_meeting").selectAll().where("la_code", "=", committee.la_code).where("committee_id", "=", committee.id).where("id", "=", meetingId).executeTakeFirst();
  if (!row) throw badRequest("Choose one of the committee's meetings.", [{ field, message: "Not a meeting of this committee" }]);
  return row;
}

/** The next position at the end of a list (1 for an empty one). */
export function nextPosition(last: { p: number | null } | undefined): number {
  return (last?.p ?? 0) + 1;
}

/** The whole committee: meetings, work programme, action tracker and recommendation tracker. */
export async function committeeView(ctx: GovContext, row: GovCommitteeRow): Promise<GovCommittee> {
  const where = { la: row.la_code, id: row.id };
  const [names, meetings, items, actions, recommendations] = await Promise.all([
    authorityNames(ctx),
    ctx.db.selectFrom("gov_meeting").selectAll().where("la_code", "=", where.la).where("committee_id", "=", where.id).orderBy("position").execute(),
    ctx.db.selectFrom("gov_work_item").selectAll().where("la_code", "=", where.la).where("committee_id", "=", where.id).orderBy("position").execute(),
    ctx.db.selectFrom("gov_committee_action").selectAll().where("la_code", "=", where.la).where("committee_id", "=", where.id).orderBy("position").execute(),
    ctx.db.selectFrom("gov_recommendation").selectAll().where("la_code", "=", where.la).where("committee_id", "=", where.id).orderBy("number").execute(),
  ]);
  const responses =
    recommendations.length === 0
      ? []
      : await ctx.db.selectFrom("gov_recommendation_response").selectAll().where("la_code", "=", where.la).where("recommendation_id", "in", recommendations.map((r) => r.id)).execute();
  return {
    ...presentCommitteeSummary(row, names.get(row.la_code) ?? row.la_code),
    meetings: meetings.map(presentMeeting),
    workItems: items.map(presentWorkItem),
    actions: actions.map(presentCommitteeAction),
    recommendations: recommendations.map((r) => presentRecommendation(r, responses)),
  };
}
