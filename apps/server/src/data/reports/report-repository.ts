import type { Report, ReportAuthority, ReportKind } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { buildIroAnnualReport } from "./iro-annual-report.ts";
import { buildPlacementStabilityReport } from "./placement-stability-report.ts";
import { buildTimelinessReport } from "./timeliness-report.ts";

const BUILDERS: Record<ReportKind, (db: Kysely<Database>, authority: ReportAuthority, year: number) => Promise<Report>> = {
  "iro-annual": buildIroAnnualReport,
  "placement-stability": buildPlacementStabilityReport,
  "looked-after-timeliness": buildTimelinessReport,
};

/**
 * Aggregate reports on children looked after, for the authorities the actor works (their own and
 * any shared service naming their team). A report holds counts only, never a child's identity,
 * so it counts every child of the authority, restricted records included, as the DfE's returns
 * do; it is still audited, as one event per report read.
 */
export class ReportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The authorities the actor may report on, their own first. */
  async authorities(): Promise<ReportAuthority[]> {
    const rows = await this.db.selectFrom("local_authority").select(["la_code", "name"]).where("la_code", "in", this.actor.scopeLaCodes).orderBy("name").execute();
    const list = rows.map((r) => ({ code: r.la_code, name: r.name }));
    return [...list.filter((a) => a.code === this.actor.laCode), ...list.filter((a) => a.code !== this.actor.laCode)];
  }

  /** 404 for an authority the actor does not work, the same answer as one that does not exist. */
  private async requireAuthority(laCode: string): Promise<ReportAuthority> {
    if (!this.actor.scopeLaCodes.includes(laCode)) throw notFound("Local authority");
    const row = await this.db.selectFrom("local_authority").select(["la_code", "name"]).where("la_code", "=", laCode).executeTakeFirst();
    if (!row) throw notFound("Local authority");
    return { code: row.la_code, name: row.name };
  }

  /** Builds a report and audits the read (in the authority's own chain). */
  async report(kind: ReportKind, laCode: string, year: number, format: "json" | "csv" = "json"): Promise<Report> {
    const authority = await this.requireAuthority(laCode);
    const report = await BUILDERS[kind](this.db, authority, year);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: authority.code, action: "report.read", entity: "report", entityId: kind, details: { year, format } }]);
    return report;
  }
}
