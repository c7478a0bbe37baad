import type { ReturnKind, ReturnRun } from "@family-story/schemas";
import { findingsToCsv } from "@family-story/returns";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { inReportTransaction } from "../reports/population-queries.ts";
import { generateReturn, presentReturnRun, type GeneratedFile, type GeneratedReturn } from "./return-run.ts";

/**
 * Statutory returns prepared from the casework of an authority the actor works (their own, or one
 * in a shared service with their team). A return is the authority's whole cohort, restricted
 * records included, as the DfE requires, so it is for performance analysts only and every
 * preparation and download is audited in the authority's chain.
 */
export class ReturnRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** 404 for an authority the actor does not work, the same answer as one that does not exist. */
  private async requireAuthority(laCode: string): Promise<void> {
    if (!this.actor.scopeLaCodes.includes(laCode)) throw notFound("Local authority");
    const row = await this.db.selectFrom("local_authority").select("la_code").where("la_code", "=", laCode).executeTakeFirst();
    if (!row) throw notFound("Local authority");
  }

  /** Reads the whole return in one read-only transaction, so its tables agree with each other. */
  private async generate(kind: ReturnKind, laCode: string, year: number): Promise<GeneratedReturn> {
    await this.requireAuthority(laCode);
    return inReportTransaction(this.db, (trx) => generateReturn(trx, kind, laCode, year));
  }

  private async audited(kind: ReturnKind, laCode: string, action: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(actorForAudit(this.actor), [{ laCode, action, entity: "return", entityId: kind, details }]);
  }

  /** Generates the return, validates it and audits the preparation. */
  async prepare(kind: ReturnKind, laCode: string, year: number): Promise<ReturnRun> {
    const generated = await this.generate(kind, laCode, year);
    const report = generated.validate();
    const run = presentReturnRun(generated, report, laCode, year, new Date());
    await this.audited(kind, laCode, "return.prepare", { year, ruleset: run.ruleset, findings: run.findingCount, files: run.files.map((f) => ({ name: f.name, rows: f.rows })) });
    return run;
  }

  /** One generated file, or 404 when the return has no file of that name. */
  async file(kind: ReturnKind, laCode: string, year: number, name: string): Promise<GeneratedFile> {
    const generated = await this.generate(kind, laCode, year);
    const file = generated.files.find((f) => f.name === name);
    if (file === undefined) throw notFound("Return file");
    await this.audited(kind, laCode, "return.download", { year, file: name, rows: file.rows });
    return file;
  }

  /** The findings as CSV (rule_code,table,row_id,child_id,columns,message). */
  async findingsCsv(kind: ReturnKind, laCode: string, year: number): Promise<string> {
    const generated = await this.generate(kind, laCode, year);
    const report = generated.validate();
    await this.audited(kind, laCode, "return.findings", { year, ruleset: report.ruleset, findings: report.findings.length });
    return findingsToCsv(report.findings);
  }
}
