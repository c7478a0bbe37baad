import { DEFAULT_LOCAL_STANDARDS, type LocalStandards } from "@family-story/domain";
import { localStandardsSchema, type LocalStandardsInput } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";

/** The local standards as stored with their version, for the settings page. */
export interface LocalStandardsSettings extends LocalStandards {
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * Reads an authority's local standards: the defaults overlaid with what the authority set.
 * Stored values that no longer validate (a limit tightened since) fall back to the default.
 */
export async function loadLocalStandards(db: Kysely<Database>, laCode: string): Promise<LocalStandardsSettings> {
  const row = await db
    .selectFrom("la_setting")
    .leftJoin("app_user", "app_user.id", "la_setting.updated_by")
    .select(["la_setting.local_standards", "la_setting.version", "la_setting.updated_at", "app_user.display_name"])
    .where("la_setting.la_code", "=", laCode)
    .executeTakeFirst();
  const merged = { ...DEFAULT_LOCAL_STANDARDS, ...(row?.local_standards ?? {}) };
  const parsed = localStandardsSchema.safeParse(merged);
  return {
    ...(parsed.success ? parsed.data : DEFAULT_LOCAL_STANDARDS),
    version: row?.version ?? 0,
    updatedAt: row ? row.updated_at.toISOString() : null,
    updatedBy: row?.display_name ?? null,
  };
}

/** The actor's authority's local standards; administrators change them with If-Match. */
export class SettingsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The standards in force for an authority the actor works in (their own by default). */
  localStandards(laCode = this.actor.laCode): Promise<LocalStandardsSettings> {
    return loadLocalStandards(this.db, this.actor.scopeLaCodes.includes(laCode) ? laCode : this.actor.laCode);
  }

  /** Replaces the standards if the editor had the current version (0 when never set). */
  async updateLocalStandards(version: number, input: LocalStandardsInput): Promise<LocalStandardsSettings> {
    const laCode = this.actor.laCode;
    await this.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("la_setting").select(["version", "local_standards"]).where("la_code", "=", laCode).forUpdate().executeTakeFirst();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== version) {
        throw new HttpProblem(412, "The local standards were changed by someone else", `They are now at version ${String(currentVersion)}; you edited version ${String(version)}. Reload the page to see their change, then make yours again.`, { currentVersion });
      }
      if (current) {
        await trx.updateTable("la_setting").set((eb) => ({ local_standards: JSON.stringify(input), version: eb("version", "+", 1), updated_at: new Date(), updated_by: this.actor.userId })).where("la_code", "=", laCode).execute();
      } else {
        await trx.insertInto("la_setting").values({ la_code: laCode, local_standards: JSON.stringify(input), version: 1, updated_at: new Date(), updated_by: this.actor.userId }).execute();
      }
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "settings.local-standards.update", entity: "la_setting", entityId: laCode, details: { from: current?.local_standards ?? null, to: input } }]);
    });
    return loadLocalStandards(this.db, laCode);
  }
}
