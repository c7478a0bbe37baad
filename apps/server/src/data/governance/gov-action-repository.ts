import { randomUUID } from "node:crypto";
import { todayIso } from "@family-story/domain";
import type { GovAction, GovActionCreate, GovActionProgress, GovActionUpdate } from "@family-story/schemas";
import type { Transaction, Updateable } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { GovActionRow, GovActionTable } from "../../db/governance-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import { measureIdsOf, presentAction } from "../../presenters/governance-presenter.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { auditIn, auditRead, checkMeasureIds, type GovContext } from "./governance-context.ts";

const snapshot = (r: GovActionRow): Record<string, unknown> => ({
  title: r.title,
  description: r.description,
  status: r.status,
  owner: r.owner,
  startDate: r.start_date,
  dueDate: r.due_date,
  measureIds: measureIdsOf(r),
});

/**
 * The actions that deliver a strategy's priorities. Each has a status (Not started, In
 * progress, Complete), an owner, dates and the measures that evidence it; progress is recorded
 * as dated notes kept as history, each with the status it reported.
 */
export class GovActionRepository {
  constructor(private readonly ctx: GovContext) {}

  private async load(id: string): Promise<GovActionRow> {
    const row = await this.ctx.db.selectFrom("gov_action").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("Action");
    return row;
  }

  private async view(row: GovActionRow): Promise<GovAction> {
    const [strategy, priority, notes] = await Promise.all([
      this.ctx.db.selectFrom("gov_strategy").select("title").where("la_code", "=", row.la_code).where("id", "=", row.strategy_id).executeTakeFirstOrThrow(),
      this.ctx.db.selectFrom("gov_priority").select("title").where("la_code", "=", row.la_code).where("id", "=", row.priority_id).executeTakeFirstOrThrow(),
      this.ctx.db.selectFrom("gov_action_note").selectAll().where("la_code", "=", row.la_code).where("action_id", "=", row.id).orderBy("noted_on", "desc").orderBy("recorded_at", "desc").execute(),
    ]);
    return presentAction(row, { strategy: strategy.title, priority: priority.title }, notes);
  }

  /** Adds an action at the end of a priority's list. */
  async add(priorityId: string, input: GovActionCreate): Promise<GovAction> {
    const priority = await this.ctx.db.selectFrom("gov_priority").select(["la_code", "id", "strategy_id"]).where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", priorityId).executeTakeFirst();
    if (!priority) throw notFound("Priority");
    checkMeasureIds(input.measureIds);
    const id = randomUUID();
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_action").select((eb) => eb.fn.max("position").as("p")).where("la_code", "=", priority.la_code).where("priority_id", "=", priority.id).executeTakeFirst();
      await trx
        .insertInto("gov_action")
        .values({
          la_code: priority.la_code,
          id,
          strategy_id: priority.strategy_id,
          priority_id: priority.id,
          position: (last?.p ?? 0) + 1,
          title: input.title,
          description: input.description ?? null,
          status: input.status ?? "not_started",
          owner: input.owner,
          start_date: input.startDate ?? null,
          due_date: input.dueDate ?? null,
          measure_ids: JSON.stringify(input.measureIds ?? []),
          updated_by: this.ctx.actor.userId,
        })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: priority.la_code, action: "governance.action.create", entity: "gov_action", entityId: id, details: { priorityId, status: input.status ?? "not_started" } }]);
    });
    return this.view(await this.load(id));
  }

  /** One action with its progress history (audited). */
  async get(id: string): Promise<GovAction> {
    const row = await this.load(id);
    await auditRead(this.ctx, [{ laCode: row.la_code, action: "governance.action.read", entity: "gov_action", entityId: id }]);
    return this.view(row);
  }

  /** Runs one If-Match change of an action in the caller's transaction. */
  private change(trx: Transaction<Database>, before: GovActionRow, version: number, set: Updateable<GovActionTable>, audit: { action: string; details: Record<string, unknown> }, after?: (row: GovActionRow) => Promise<void>): Promise<GovActionRow> {
    const { actor } = this.ctx;
    return applyVersionedUpdate(trx, {
      actor,
      audit: this.ctx.audit,
      laCode: before.la_code,
      entity: "gov_action",
      id: before.id,
      version,
      before,
      snapshot,
      update: () =>
        trx
          .updateTable("gov_action")
          .set((eb) => ({ ...set, version: eb("version", "+", 1), updated_at: new Date(), updated_by: actor.userId }))
          .where("la_code", "=", before.la_code)
          .where("id", "=", before.id)
          .where("version", "=", version)
          .returningAll()
          .executeTakeFirst(),
      current: () => trx.selectFrom("gov_action").selectAll().where("la_code", "=", before.la_code).where("id", "=", before.id).executeTakeFirstOrThrow(),
      ...(after && { afterUpdate: after }),
      auditEntries: () => [{ laCode: before.la_code, action: audit.action, entity: "gov_action", entityId: before.id, details: audit.details }],
    });
  }

  /** Changes an action's title, description, owner, dates or measures (If-Match). */
  async update(id: string, version: number, input: GovActionUpdate): Promise<GovAction> {
    const before = await this.load(id);
    checkMeasureIds(input.measureIds);
    const startDate = input.startDate === undefined ? before.start_date : input.startDate;
    const dueDate = input.dueDate === undefined ? before.due_date : input.dueDate;
    if (startDate && dueDate && dueDate < startDate) throw badRequest("The due date must be on or after the start date.", [{ field: "dueDate", message: "The due date must be on or after the start date" }]);
    const set = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.owner !== undefined && { owner: input.owner }),
      ...(input.startDate !== undefined && { start_date: input.startDate }),
      ...(input.dueDate !== undefined && { due_date: input.dueDate }),
      ...(input.measureIds !== undefined && { measure_ids: JSON.stringify(input.measureIds) }),
    };
    const row = await this.ctx.db.transaction().execute((trx) => this.change(trx, before, version, set, { action: "governance.action.update", details: { fields: Object.keys(input) } }));
    return this.view(row);
  }

  /** Records progress: a dated note kept as history, and the status it reports (If-Match). */
  async progress(id: string, version: number, input: GovActionProgress): Promise<GovAction> {
    const before = await this.load(id);
    const notedOn = input.notedOn ?? todayIso();
    if (notedOn > todayIso()) throw badRequest("Progress is reported for today or an earlier day.", [{ field: "notedOn", message: "Must not be in the future" }]);
    const { actor } = this.ctx;
    const row = await this.ctx.db.transaction().execute((trx) =>
      this.change(trx, before, version, { status: input.status }, { action: "governance.action.progress", details: { from: before.status, to: input.status, notedOn } }, async (updated) => {
        await trx
          .insertInto("gov_action_note")
          .values({ la_code: updated.la_code, id: randomUUID(), action_id: updated.id, noted_on: notedOn, status: input.status, note: input.note, recorded_by: actor.userId, recorded_by_name: actor.displayName })
          .execute();
      }),
    );
    return this.view(row);
  }
}
