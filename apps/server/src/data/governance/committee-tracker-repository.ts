import { randomUUID } from "node:crypto";
import type { GovCommittee, GovCommitteeActionCreate, GovCommitteeActionUpdate, GovRecommendationCreate, GovResponseInput } from "@family-story/schemas";
import type { GovCommitteeActionRow, GovRecommendationRow } from "../../db/governance-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { committeeView, loadCommittee, nextPosition, requireMeetingOf } from "./committee-view.ts";
import { auditIn, type GovContext } from "./governance-context.ts";

// A response is kept in its own row; the recommendation's history records its text.
const recommendationSnapshot = (r: GovRecommendationRow): Record<string, unknown> => ({ text: r.text });
const actionSnapshot = (r: GovCommitteeActionRow): Record<string, unknown> => ({ status: r.status, update: r.update_note });

/**
 * A committee's trackers: the actions each meeting asked for (In progress or Completed, with an
 * update), and its recommendations with each organisation's response. Changes are If-Match;
 * a response is part of its recommendation, so recording one moves the recommendation's version.
 */
export class CommitteeTrackerRepository {
  constructor(private readonly ctx: GovContext) {}

  async addAction(committeeId: string, input: GovCommitteeActionCreate): Promise<GovCommittee> {
    const committee = await loadCommittee(this.ctx, committeeId);
    const meeting = await requireMeetingOf(this.ctx.db, committee, input.meetingId);
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_committee_action").select((eb) => eb.fn.max("position").as("p")).where("la_code", "=", committee.la_code).where("committee_id", "=", committee.id).executeTakeFirst();
      const id = randomUUID();
      await trx
        .insertInto("gov_committee_action")
        .values({
          la_code: committee.la_code,
          id,
          committee_id: committee.id,
          meeting_id: meeting.id,
          agenda_item: input.agendaItem,
          action: input.action,
          status: input.status ?? "in_progress",
          update_note: input.update ?? null,
          position: nextPosition(last),
          updated_by: this.ctx.actor.userId,
        })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: committee.la_code, action: "governance.committee-action.create", entity: "gov_committee_action", entityId: id, details: { committeeId, meetingId: meeting.id } }]);
    });
    return committeeView(this.ctx, committee);
  }

  /** Records where a tracked action stands (If-Match). */
  async updateAction(id: string, version: number, input: GovCommitteeActionUpdate): Promise<GovCommittee> {
    const before = await this.ctx.db.selectFrom("gov_committee_action").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound("Committee action");
    const { actor } = this.ctx;
    await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_committee_action",
        id,
        version,
        before,
        snapshot: actionSnapshot,
        update: () =>
          trx
            .updateTable("gov_committee_action")
            .set((eb) => ({ status: input.status, ...(input.update !== undefined && { update_note: input.update }), version: eb("version", "+", 1), updated_at: new Date(), updated_by: actor.userId }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_committee_action").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: before.la_code, action: "governance.committee-action.update", entity: "gov_committee_action", entityId: id, details: { from: before.status, to: input.status } }],
      }),
    );
    return committeeView(this.ctx, await loadCommittee(this.ctx, before.committee_id));
  }

  /** Adds a meeting's recommendation (numbered in the meeting) and the organisations asked to respond. */
  async addRecommendation(committeeId: string, input: GovRecommendationCreate): Promise<GovCommittee> {
    const committee = await loadCommittee(this.ctx, committeeId);
    const meeting = await requireMeetingOf(this.ctx.db, committee, input.meetingId);
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_recommendation").select((eb) => eb.fn.max("number").as("p")).where("la_code", "=", committee.la_code).where("meeting_id", "=", meeting.id).executeTakeFirst();
      const id = randomUUID();
      const number = nextPosition(last);
      await trx.insertInto("gov_recommendation").values({ la_code: committee.la_code, id, committee_id: committee.id, meeting_id: meeting.id, number, text: input.text, updated_by: this.ctx.actor.userId }).execute();
      await trx
        .insertInto("gov_recommendation_response")
        .values(input.organisations.map((organisation, i) => ({ la_code: committee.la_code, recommendation_id: id, organisation, position: i + 1, response: null, responded_on: null })))
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: committee.la_code, action: "governance.recommendation.create", entity: "gov_recommendation", entityId: id, details: { committeeId, meetingId: meeting.id, number, organisations: input.organisations } }]);
    });
    return committeeView(this.ctx, committee);
  }

  /** Records (or corrects) one organisation's response to a recommendation (If-Match on the recommendation). */
  async respond(id: string, version: number, input: GovResponseInput): Promise<GovCommittee> {
    const before = await this.ctx.db.selectFrom("gov_recommendation").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound("Recommendation");
    const responses = await this.ctx.db.selectFrom("gov_recommendation_response").selectAll().where("la_code", "=", before.la_code).where("recommendation_id", "=", id).execute();
    const asked = responses.find((r) => r.organisation.toLowerCase() === input.organisation.toLowerCase());
    if (!asked) throw badRequest("Record a response from an organisation the recommendation was made to.", [{ field: "organisation", message: `Not asked to respond: choose ${responses.map((r) => r.organisation).join(", ")}` }]);
    const { actor } = this.ctx;
    await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_recommendation",
        id,
        version,
        before,
        snapshot: recommendationSnapshot,
        update: () =>
          trx
            .updateTable("gov_recommendation")
            .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date(), updated_by: actor.userId }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_recommendation").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        afterUpdate: async () => {
          await trx
            .updateTable("gov_recommendation_response")
            .set({ response: input.response, responded_on: input.respondedOn })
            .where("la_code", "=", before.la_code)
            .where("recommendation_id", "=", id)
            .where("organisation", "=", asked.organisation)
            .execute();
        },
        auditEntries: () => [{ laCode: before.la_code, action: "governance.recommendation.respond", entity: "gov_recommendation", entityId: id, details: { organisation: asked.organisation, respondedOn: input.respondedOn } }],
      }),
    );
    return committeeView(this.ctx, await loadCommittee(this.ctx, before.committee_id));
  }
}
