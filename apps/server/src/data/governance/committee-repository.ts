import { randomUUID } from "node:crypto";
import type { GovCommittee, GovCommitteeCreate, GovCommitteeSummary, GovMeetingCreate, GovMeetingUpdate, GovWorkItemCreate, GovWorkItemUpdate } from "@family-story/schemas";
import type { GovMeetingRow, GovWorkItemRow } from "../../db/governance-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import { presentCommitteeSummary } from "../../presenters/governance-presenter.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { committeeView, loadCommittee, nextPosition, requireMeetingOf } from "./committee-view.ts";
import { auditIn, auditRead, authorityNames, listScope, requireAuthority, type GovContext } from "./governance-context.ts";

const meetingSnapshot = (r: GovMeetingRow): Record<string, unknown> => ({ roundLabel: r.round_label, meetsOn: r.meets_on });
const itemSnapshot = (r: GovWorkItemRow): Record<string, unknown> => ({ meetingId: r.meeting_id, title: r.title, reasons: r.reasons, representedBy: r.represented_by });

/**
 * Committees (policy and scrutiny), their meetings and the work programme: agenda items by
 * meeting, items not yet given a meeting, and task groups and studies. The action and
 * recommendation trackers are in committee-tracker-repository.ts.
 */
export class CommitteeRepository {
  constructor(private readonly ctx: GovContext) {}

  /** The committees of one authority or of every authority the actor works (audited). */
  async list(la: string | undefined): Promise<GovCommitteeSummary[]> {
    const las = listScope(this.ctx, la);
    const [rows, names] = await Promise.all([this.ctx.db.selectFrom("gov_committee").selectAll().where("la_code", "in", las).orderBy("la_code").orderBy("year_label", "desc").orderBy("name").execute(), authorityNames(this.ctx)]);
    await auditRead(this.ctx, las.map((laCode) => ({ laCode, action: "governance.committee.list", entity: "gov_committee", details: { count: rows.filter((r) => r.la_code === laCode).length } })));
    return rows.map((r) => presentCommitteeSummary(r, names.get(r.la_code) ?? r.la_code));
  }

  async create(input: GovCommitteeCreate): Promise<GovCommittee> {
    await requireAuthority(this.ctx, input.la);
    const id = randomUUID();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto("gov_committee").values({ la_code: input.la, id, name: input.name, year_label: input.yearLabel, remit: input.remit ?? null }).execute();
      await auditIn(trx, this.ctx, [{ laCode: input.la, action: "governance.committee.create", entity: "gov_committee", entityId: id, details: { name: input.name } }]);
    });
    return committeeView(this.ctx, await loadCommittee(this.ctx, id));
  }

  /** The committee with its programme and trackers (audited). */
  async get(id: string): Promise<GovCommittee> {
    const row = await loadCommittee(this.ctx, id);
    await auditRead(this.ctx, [{ laCode: row.la_code, action: "governance.committee.read", entity: "gov_committee", entityId: id }]);
    return committeeView(this.ctx, row);
  }

  async addMeeting(committeeId: string, input: GovMeetingCreate): Promise<GovCommittee> {
    const committee = await loadCommittee(this.ctx, committeeId);
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_meeting").select((eb) => eb.fn.max("position").as("p")).where("la_code", "=", committee.la_code).where("committee_id", "=", committee.id).executeTakeFirst();
      const id = randomUUID();
      await trx
        .insertInto("gov_meeting")
        .values({ la_code: committee.la_code, id, committee_id: committee.id, round_label: input.roundLabel, meets_on: input.meetsOn ?? null, position: nextPosition(last), updated_by: this.ctx.actor.userId })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: committee.la_code, action: "governance.meeting.create", entity: "gov_meeting", entityId: id, details: { committeeId } }]);
    });
    return committeeView(this.ctx, committee);
  }

  /** Changes a meeting's label or date (null: to be confirmed), If-Match. */
  async updateMeeting(id: string, version: number, input: GovMeetingUpdate): Promise<GovCommittee> {
    const before = await this.ctx.db.selectFrom("gov_meeting").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound("Meeting");
    const { actor } = this.ctx;
    await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_meeting",
        id,
        version,
        before,
        snapshot: meetingSnapshot,
        update: () =>
          trx
            .updateTable("gov_meeting")
            .set((eb) => ({ ...(input.roundLabel !== undefined && { round_label: input.roundLabel }), ...(input.meetsOn !== undefined && { meets_on: input.meetsOn }), version: eb("version", "+", 1), updated_at: new Date(), updated_by: actor.userId }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_meeting").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: before.la_code, action: "governance.meeting.update", entity: "gov_meeting", entityId: id, details: { fields: Object.keys(input) } }],
      }),
    );
    return committeeView(this.ctx, await loadCommittee(this.ctx, before.committee_id));
  }

  /** Adds an agenda item (to a meeting, or unallocated), a task group or a study to the programme. */
  async addWorkItem(committeeId: string, input: GovWorkItemCreate): Promise<GovCommittee> {
    const committee = await loadCommittee(this.ctx, committeeId);
    if (input.meetingId) await requireMeetingOf(this.ctx.db, committee, input.meetingId);
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_work_item").select((eb) => eb.fn.max("position").as("p")).where("la_code", "=", committee.la_code).where("committee_id", "=", committee.id).executeTakeFirst();
      const id = randomUUID();
      await trx
        .insertInto("gov_work_item")
        .values({
          la_code: committee.la_code,
          id,
          committee_id: committee.id,
          meeting_id: input.meetingId ?? null,
          kind: input.kind,
          title: input.title,
          reasons: input.reasons ?? null,
          represented_by: input.representedBy ?? null,
          position: nextPosition(last),
          updated_by: this.ctx.actor.userId,
        })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: committee.la_code, action: "governance.work-item.create", entity: "gov_work_item", entityId: id, details: { committeeId, kind: input.kind, meetingId: input.meetingId ?? null } }]);
    });
    return committeeView(this.ctx, committee);
  }

  /** Moves an agenda item to a meeting (or unallocates it) and edits its text, If-Match. */
  async updateWorkItem(id: string, version: number, input: GovWorkItemUpdate): Promise<GovCommittee> {
    const before = await this.ctx.db.selectFrom("gov_work_item").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!before) throw notFound("Work programme item");
    const committee = await loadCommittee(this.ctx, before.committee_id);
    if (input.meetingId) {
      if (before.kind !== "agenda_item") throw badRequest("Task groups and studies are not agenda items of a meeting.", [{ field: "meetingId", message: "Only an agenda item goes to a meeting" }]);
      await requireMeetingOf(this.ctx.db, committee, input.meetingId);
    }
    const { actor } = this.ctx;
    await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_work_item",
        id,
        version,
        before,
        snapshot: itemSnapshot,
        update: () =>
          trx
            .updateTable("gov_work_item")
            .set((eb) => ({
              ...(input.meetingId !== undefined && { meeting_id: input.meetingId }),
              ...(input.title !== undefined && { title: input.title }),
              ...(input.reasons !== undefined && { reasons: input.reasons }),
              ...(input.representedBy !== undefined && { represented_by: input.representedBy }),
              version: eb("version", "+", 1),
              updated_at: new Date(),
              updated_by: actor.userId,
            }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_work_item").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: before.la_code, action: "governance.work-item.update", entity: "gov_work_item", entityId: id, details: { fields: Object.keys(input), meetingId: input.meetingId } }],
      }),
    );
    return committeeView(this.ctx, committee);
  }
}
