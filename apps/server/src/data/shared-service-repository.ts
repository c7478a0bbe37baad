import type { SharedService } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import { HttpProblem, notFound } from "../http/problem.ts";
import type { Actor } from "./actor.ts";
import { requireAction } from "./admin-repository.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";
import { conflictProblem, ensureVersionRecorded, recordVersion } from "./versioning.ts";

type SharedServiceView = SharedService;

/**
 * Shared-service arrangements as an administrator sees them: those their authority belongs
 * to. Each administrator names or un-names only their own authority's teams; the other
 * authority's choices are theirs to make, so cross-authority access is never granted by accident.
 */
export class SharedServiceRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<SharedServiceView[]> {
    requireAction(this.actor, "admin:read");
    const ids = await this.db.selectFrom("shared_service_authority").select("shared_service_id").where("la_code", "=", this.actor.laCode).execute();
    return this.load(this.db, ids.map((r) => r.shared_service_id));
  }

  private async load(db: Kysely<Database>, ids: string[]): Promise<SharedServiceView[]> {
    if (ids.length === 0) return [];
    const services = await db.selectFrom("shared_service").selectAll().where("id", "in", ids).orderBy("name").execute();
    const las = await db.selectFrom("shared_service_authority").selectAll().where("shared_service_id", "in", ids).orderBy("la_code").execute();
    const teams = await db.selectFrom("shared_service_team").selectAll().where("shared_service_id", "in", ids).orderBy("team_id").execute();
    return services.map((s) => ({
      id: s.id,
      name: s.name,
      fromDate: s.from_date,
      toDate: s.to_date,
      authorities: las.filter((a) => a.shared_service_id === s.id).map((a) => a.la_code),
      teamIds: teams.filter((t) => t.shared_service_id === s.id).map((t) => t.team_id),
      version: s.version,
    }));
  }

  /**
   * Sets which teams the arrangement names. The list is the whole set: teams of other
   * authorities must appear exactly as they are now (this administrator cannot add or remove them).
   */
  async setTeams(id: string, version: number, teamIds: string[]): Promise<SharedServiceView> {
    requireAction(this.actor, "admin:write");
    const laCode = this.actor.laCode;
    const wanted = [...new Set(teamIds)];
    await this.db.transaction().execute(async (trx) => {
      const member = await trx.selectFrom("shared_service_authority").select("la_code").where("shared_service_id", "=", id).where("la_code", "=", laCode).executeTakeFirst();
      if (!member) throw notFound("Shared service");
      const service = await trx.selectFrom("shared_service").selectAll().where("id", "=", id).forUpdate().executeTakeFirstOrThrow();
      const current = (await trx.selectFrom("shared_service_team").select("team_id").where("shared_service_id", "=", id).execute()).map((r) => r.team_id);
      const snapshot = { teamIds: [...current].sort() };
      if (service.version !== version) {
        await ensureVersionRecorded(trx, laCode, "shared_service", id, service.version, snapshot);
        throw await conflictProblem(trx, laCode, "shared_service", id, version, snapshot, service.version);
      }
      const involved = [...new Set([...current, ...wanted])];
      const owners = new Map(
        involved.length === 0 ? [] : (await trx.selectFrom("team").select(["id", "la_code"]).where("id", "in", involved).execute()).map((t) => [t.id, t.la_code]),
      );
      const errors: { field: string; message: string }[] = [];
      wanted.forEach((teamId, i) => {
        const owner = owners.get(teamId);
        if (owner === undefined) errors.push({ field: `teamIds.${i}`, message: "No such team" });
        else if (owner !== laCode && !current.includes(teamId)) errors.push({ field: `teamIds.${i}`, message: "A team of another authority: only that authority's administrator can add it" });
      });
      for (const teamId of current) {
        if (owners.get(teamId) !== laCode && !wanted.includes(teamId)) errors.push({ field: "teamIds", message: `Team ${teamId} belongs to another authority: only that authority's administrator can remove it` });
      }
      if (errors.length > 0) {
        const status = errors.some((e) => e.message.startsWith("No such")) ? 400 : 403;
        throw new HttpProblem(status, status === 403 ? "Forbidden" : "Check your input", `There is a problem with: ${[...new Set(errors.map((e) => e.field))].join(", ")}`, { errors });
      }
      const added = wanted.filter((t) => !current.includes(t));
      const removed = current.filter((t) => !wanted.includes(t));
      await ensureVersionRecorded(trx, laCode, "shared_service", id, service.version, snapshot);
      if (removed.length > 0) await trx.deleteFrom("shared_service_team").where("shared_service_id", "=", id).where("team_id", "in", removed).execute();
      if (added.length > 0) await trx.insertInto("shared_service_team").values(added.map((t) => ({ shared_service_id: id, team_id: t }))).execute();
      const next = service.version + 1;
      await trx.updateTable("shared_service").set({ version: next }).where("id", "=", id).execute();
      await recordVersion(trx, this.actor, laCode, "shared_service", id, next, { teamIds: [...wanted].sort() });
      // Every authority in the arrangement sees the change in its own log: it widens or narrows who works their records.
      const authorities = (await trx.selectFrom("shared_service_authority").select("la_code").where("shared_service_id", "=", id).execute()).map((r) => r.la_code);
      await this.audit.appendInTransaction(
        trx,
        actorForAudit(this.actor),
        authorities.map((la) => ({ laCode: la, action: "admin.shared_service.teams", entity: "shared_service", entityId: id, details: { added, removed, version: next } })),
      );
    });
    const [view] = await this.load(this.db, [id]);
    if (!view) throw notFound("Shared service");
    return view;
  }
}
