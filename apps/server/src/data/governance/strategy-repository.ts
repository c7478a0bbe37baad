import { randomUUID } from "node:crypto";
import type { GovPriorityCreate, GovPriorityUpdate, GovReport, GovStrategy, GovStrategyCreate, GovStrategySummary, GovStrategyUpdate } from "@family-story/schemas";
import type { GovActionNoteRow, GovActionRow, GovStrategyRow } from "../../db/governance-types.ts";
import { notFound } from "../../http/problem.ts";
import { countStatuses, presentAction, presentNote, presentStrategySummary } from "../../presenters/governance-presenter.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { auditIn, auditRead, authorityNames, listScope, requireAuthority, type GovContext } from "./governance-context.ts";

const snapshot = (r: GovStrategyRow): Record<string, unknown> => ({ title: r.title, periodLabel: r.period_label, startsOn: r.starts_on, endsOn: r.ends_on, summary: r.summary });

/**
 * Strategies (the Children and Young People's Plan, the Early Help strategy…), their priorities,
 * and the "what we said / what we did" report. A strategy belongs to one authority and is seen
 * by those who work it; every read and change is audited in that authority's chain.
 */
export class StrategyRepository {
  constructor(private readonly ctx: GovContext) {}

  /** The strategy if the actor works its authority; 404 otherwise. */
  async load(id: string): Promise<GovStrategyRow> {
    const row = await this.ctx.db.selectFrom("gov_strategy").selectAll().where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row) throw notFound("Strategy");
    return row;
  }

  /** The strategies of one authority or of every authority the actor works, with counts by status. */
  async list(la: string | undefined): Promise<GovStrategySummary[]> {
    const las = listScope(this.ctx, la);
    const [rows, actions, names] = await Promise.all([
      this.ctx.db.selectFrom("gov_strategy").selectAll().where("la_code", "in", las).orderBy("la_code").orderBy("starts_on", "desc").orderBy("title").execute(),
      this.ctx.db.selectFrom("gov_action").select(["la_code", "strategy_id", "status"]).where("la_code", "in", las).execute(),
      authorityNames(this.ctx),
    ]);
    await auditRead(this.ctx, las.map((laCode) => ({ laCode, action: "governance.strategy.list", entity: "gov_strategy", details: { count: rows.filter((r) => r.la_code === laCode).length } })));
    return rows.map((r) => presentStrategySummary(r, names.get(r.la_code) ?? r.la_code, countStatuses(actions.filter((a) => a.la_code === r.la_code && a.strategy_id === r.id))));
  }

  /** Records a new strategy for an authority the actor works. */
  async create(input: GovStrategyCreate): Promise<GovStrategy> {
    await requireAuthority(this.ctx, input.la);
    const id = randomUUID();
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("gov_strategy")
        .values({ la_code: input.la, id, title: input.title, period_label: input.periodLabel, starts_on: input.startsOn ?? null, ends_on: input.endsOn ?? null, summary: input.summary ?? null, updated_by: this.ctx.actor.userId })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: input.la, action: "governance.strategy.create", entity: "gov_strategy", entityId: id, details: { title: input.title } }]);
    });
    return this.build(await this.load(id));
  }

  /** The strategy with its priorities, actions and their progress notes (audited). */
  async get(id: string): Promise<GovStrategy> {
    const row = await this.load(id);
    await auditRead(this.ctx, [{ laCode: row.la_code, action: "governance.strategy.read", entity: "gov_strategy", entityId: id }]);
    return this.build(row);
  }

  /** Changes the strategy's title, period or summary (If-Match: 412 when stale). */
  async update(id: string, version: number, input: GovStrategyUpdate): Promise<GovStrategy> {
    const before = await this.load(id);
    const { actor } = this.ctx;
    const updated = await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_strategy",
        id,
        version,
        before,
        snapshot,
        update: () =>
          trx
            .updateTable("gov_strategy")
            .set((eb) => ({
              ...(input.title !== undefined && { title: input.title }),
              ...(input.periodLabel !== undefined && { period_label: input.periodLabel }),
              ...(input.startsOn !== undefined && { starts_on: input.startsOn }),
              ...(input.endsOn !== undefined && { ends_on: input.endsOn }),
              ...(input.summary !== undefined && { summary: input.summary }),
              version: eb("version", "+", 1),
              updated_at: new Date(),
              updated_by: actor.userId,
            }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_strategy").selectAll().where("la_code", "=", before.la_code).where("id", "=", id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: before.la_code, action: "governance.strategy.update", entity: "gov_strategy", entityId: id, details: { fields: Object.keys(input) } }],
      }),
    );
    return this.build(updated);
  }

  /** Adds a priority at the end of the strategy's list. */
  async addPriority(strategyId: string, input: GovPriorityCreate): Promise<GovStrategy> {
    const strategy = await this.load(strategyId);
    await this.ctx.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom("gov_priority").select((eb) => eb.fn.max("position").as("p")).where("la_code", "=", strategy.la_code).where("strategy_id", "=", strategy.id).executeTakeFirst();
      const id = randomUUID();
      await trx
        .insertInto("gov_priority")
        .values({ la_code: strategy.la_code, id, strategy_id: strategy.id, position: (last?.p ?? 0) + 1, title: input.title, description: input.description ?? null })
        .execute();
      await auditIn(trx, this.ctx, [{ laCode: strategy.la_code, action: "governance.priority.create", entity: "gov_priority", entityId: id, details: { strategyId } }]);
    });
    return this.build(strategy);
  }

  /**
   * Changes a priority's title or description. A priority is part of its strategy, so the edit
   * is If-Match on the strategy's version and moves it on (as a response moves its recommendation).
   */
  async updatePriority(id: string, version: number, input: GovPriorityUpdate): Promise<GovStrategy> {
    const priority = await this.ctx.db.selectFrom("gov_priority").select(["la_code", "id", "strategy_id"]).where("la_code", "in", this.ctx.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!priority) throw notFound("Priority");
    const before = await this.load(priority.strategy_id);
    const { actor } = this.ctx;
    const updated = await this.ctx.db.transaction().execute((trx) =>
      applyVersionedUpdate(trx, {
        actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "gov_strategy",
        id: before.id,
        version,
        before,
        snapshot,
        update: () =>
          trx
            .updateTable("gov_strategy")
            .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date(), updated_by: actor.userId }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", before.id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("gov_strategy").selectAll().where("la_code", "=", before.la_code).where("id", "=", before.id).executeTakeFirstOrThrow(),
        afterUpdate: async () => {
          await trx
            .updateTable("gov_priority")
            .set({ ...(input.title !== undefined && { title: input.title }), ...(input.description !== undefined && { description: input.description }) })
            .where("la_code", "=", priority.la_code)
            .where("id", "=", id)
            .execute();
        },
        auditEntries: () => [{ laCode: before.la_code, action: "governance.priority.update", entity: "gov_priority", entityId: id, details: { strategyId: before.id, fields: Object.keys(input) } }],
      }),
    );
    return this.build(updated);
  }

  /** The strategy's rows, loaded in one query per table. */
  private async parts(row: GovStrategyRow): Promise<{ priorities: { id: string; title: string; description: string | null }[]; actions: GovActionRow[]; notes: GovActionNoteRow[] }> {
    const [priorities, actions] = await Promise.all([
      this.ctx.db.selectFrom("gov_priority").select(["id", "title", "description"]).where("la_code", "=", row.la_code).where("strategy_id", "=", row.id).orderBy("position").execute(),
      this.ctx.db.selectFrom("gov_action").selectAll().where("la_code", "=", row.la_code).where("strategy_id", "=", row.id).orderBy("position").execute(),
    ]);
    const notes =
      actions.length === 0
        ? []
        : await this.ctx.db.selectFrom("gov_action_note").selectAll().where("la_code", "=", row.la_code).where("action_id", "in", actions.map((a) => a.id)).orderBy("noted_on", "desc").orderBy("recorded_at", "desc").execute();
    return { priorities, actions, notes };
  }

  private async build(row: GovStrategyRow): Promise<GovStrategy> {
    const [{ priorities, actions, notes }, names] = await Promise.all([this.parts(row), authorityNames(this.ctx)]);
    return {
      ...presentStrategySummary(row, names.get(row.la_code) ?? row.la_code, countStatuses(actions)),
      priorities: priorities.map((p) => {
        const mine = actions.filter((a) => a.priority_id === p.id);
        return {
          id: p.id,
          title: p.title,
          description: p.description,
          counts: countStatuses(mine),
          actions: mine.map((a) => presentAction(a, { strategy: row.title, priority: p.title }, notes.filter((n) => n.action_id === a.id))),
        };
      }),
    };
  }

  /** What we said (each priority and its actions) and what we did (each action's latest note), with counts (audited). */
  async report(id: string, format: "json" | "csv"): Promise<GovReport> {
    const row = await this.load(id);
    const [{ priorities, actions, notes }, names] = await Promise.all([this.parts(row), authorityNames(this.ctx)]);
    await auditRead(this.ctx, [{ laCode: row.la_code, action: "governance.report.read", entity: "gov_strategy", entityId: id, details: { format } }]);
    return {
      strategy: presentStrategySummary(row, names.get(row.la_code) ?? row.la_code, countStatuses(actions)),
      generatedAt: new Date().toISOString(),
      priorities: priorities.map((p) => {
        const mine = actions.filter((a) => a.priority_id === p.id);
        return {
          id: p.id,
          title: p.title,
          counts: countStatuses(mine),
          actions: mine.map((a) => {
            // Notes are newest first, so the first of the action's is its latest.
            const latest = notes.find((n) => n.action_id === a.id);
            return { id: a.id, title: a.title, owner: a.owner, status: a.status, dueDate: a.due_date, latestNote: latest ? presentNote(latest) : null };
          }),
        };
      }),
    };
  }
}
