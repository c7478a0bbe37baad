import { randomUUID } from "node:crypto";
import type { PlacementProviderCreate, PlacementProviderOut } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { presentProvider } from "../../presenters/looked-after-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { recordVersion } from "../versioning.ts";

/**
 * Carers and providers children are placed with: foster households, children's homes and the
 * like. They belong to an authority; staff see those of the authorities they work.
 */
export class PlacementProviderRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** Active providers of the actor's authorities, by name, optionally those whose name contains `q` (audited). */
  async list(q?: string): Promise<PlacementProviderOut[]> {
    let query = this.db.selectFrom("placement_provider").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("active", "=", true);
    if (q !== undefined && q !== "") query = query.where((eb) => eb(eb.fn("lower", ["name"]), "like", `%${q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
    const rows = await query.orderBy((eb) => eb.fn("lower", ["name"])).limit(500).execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "placement_provider.list", details: { count: rows.length } }]);
    return rows.map(presentProvider);
  }

  /** Adds a carer or provider to the actor's own authority. */
  async create(input: PlacementProviderCreate): Promise<PlacementProviderOut> {
    const row = await this.db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("placement_provider")
        .values({ la_code: this.actor.laCode, id: randomUUID(), name: input.name, kind: input.kind, place_provider: input.placeProvider, urn: input.urn ?? null, postcode: input.postcode ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordVersion(trx, this.actor, created.la_code, "placement_provider", created.id, created.version, { name: created.name, kind: created.kind, placeProvider: created.place_provider, urn: created.urn, postcode: created.postcode });
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: created.la_code, action: "placement_provider.create", entity: "placement_provider", entityId: created.id, details: { kind: created.kind } }]);
      return created;
    });
    return presentProvider(row);
  }
}
