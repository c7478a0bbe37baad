import { measureById, figureProblems, type MeasureDefinition } from "@family-story/domain";
import type { MeasureFigure, MeasureFigureInput, MeasureFigureKey, MeasureFigureList, MeasureImportJob, MeasureImportSummary, MeasureImportUpload } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { HttpProblem, badRequest, notFound } from "../../http/problem.ts";
import { KEPT_PROBLEMS } from "../../import/import-job-record.ts";
import { timeOrderedUuid } from "../../import/time-ordered-uuid.ts";
import { presentFigure, presentFigureImport, type FigureImportJobRow, type FigureRowWithUser } from "../../presenters/measure-figure-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { readFigureCsv, upsertFigures, type FigureCsv } from "./figure-import.ts";

/** Figures saved per transaction during an import. */
const BATCH = 500;
const JOB_KIND = "measure-figures";

/** The audit entity id of a figure: it is known by its measure and period (the authority is the chain). */
const figureEntityId = (measureId: string, start: string, end: string) => `${measureId}/${start}/${end}`;

/**
 * Figures of external measures for the authorities the actor works: listed (measure:read),
 * entered, corrected and deleted one at a time with If-Match, and imported from CSV as a job
 * (measure:write). Figures of a computed measure are refused: they come from the records.
 * Every read and change is audited in the authority's own chain.
 */
export class FigureRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** The measure, or 404; 400 for a computed one. */
  private external(id: string): MeasureDefinition {
    const measure = measureById(id);
    if (measure === undefined) throw notFound("Measure");
    if (measure.source === "computed") throw badRequest("This measure is computed from records: it has no entered figures.", [{ field: "id", message: "Computed from records" }]);
    return measure;
  }

  /** 404 for an authority the actor does not work, the same answer as one that does not exist. */
  private authority(laCode: string): string {
    if (!this.actor.scopeLaCodes.includes(laCode)) throw notFound("Local authority");
    return laCode;
  }

  private rows(db: Kysely<Database> | Transaction<Database>) {
    return db.selectFrom("measure_value").leftJoin("app_user", "app_user.id", "measure_value.updated_by").selectAll("measure_value").select("app_user.display_name as updated_by_name").$castTo<FigureRowWithUser>();
  }

  private async find(db: Kysely<Database> | Transaction<Database>, measureId: string, key: MeasureFigureKey): Promise<FigureRowWithUser | undefined> {
    return this.rows(db)
      .where("measure_value.la_code", "=", key.la)
      .where("measure_value.measure_id", "=", measureId)
      .where("measure_value.period_start", "=", key.periodStart)
      .where("measure_value.period_end", "=", key.periodEnd)
      .executeTakeFirst();
  }

  /** An authority's figures for a measure, newest period first; audited as a read. */
  async list(measureId: string, la: string | undefined): Promise<MeasureFigureList> {
    const measure = this.external(measureId);
    const laCode = this.authority(la ?? this.actor.laCode);
    const rows = await this.rows(this.db).where("measure_value.la_code", "=", laCode).where("measure_value.measure_id", "=", measure.id).orderBy("measure_value.period_end", "desc").orderBy("measure_value.period_start", "desc").execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode, action: "measure.figure.list", entity: "measure", entityId: measure.id, details: { figures: rows.length } }]);
    return { measure: { ...measure, placements: [...measure.placements] }, laCode, figures: rows.map(presentFigure) };
  }

  /**
   * Enters a figure, or corrects the one for the same period. A correction needs the version
   * read (If-Match) and is refused with 412 (as every versioned record, data/versioning.ts) when someone changed the figure since; a new figure
   * needs none (and 409 if someone entered one meanwhile).
   */
  async put(measureId: string, input: MeasureFigureInput, ifMatch: number | null): Promise<{ figure: MeasureFigure; created: boolean }> {
    const measure = this.external(measureId);
    const laCode = this.authority(input.la);
    const values = { value: input.value, numerator: input.numerator ?? null, denominator: input.denominator ?? null };
    const problems = figureProblems(measure, { ...values, periodStart: input.periodStart, periodEnd: input.periodEnd, sourceDate: input.sourceDate });
    if (problems.length > 0) throw badRequest(`There is a problem with: ${[...new Set(problems.map((p) => p.field))].join(", ")}`, problems);
    const key = { la: laCode, periodStart: input.periodStart, periodEnd: input.periodEnd };
    const fields = { ...values, source: input.source, source_date: input.sourceDate, note: input.note ?? null, import_job_id: null, updated_by: this.actor.userId };
    const result = await this.db.transaction().execute(async (trx) => {
      const before = await this.find(trx, measure.id, key);
      if (before === undefined) {
        if (ifMatch !== null && ifMatch !== 0) throw this.conflict(null, ifMatch);
        const inserted = await trx
          .insertInto("measure_value")
          .values({ la_code: laCode, measure_id: measure.id, period_start: key.periodStart, period_end: key.periodEnd, ...fields })
          .onConflict((oc) => oc.columns(["la_code", "measure_id", "period_start", "period_end"]).doNothing())
          .returning("version")
          .executeTakeFirst();
        if (inserted === undefined) throw new HttpProblem(409, "Someone has just entered this figure", "Another figure for this measure, authority and period was saved a moment ago. Open it and make your change there.");
        await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [this.auditEntry("measure.figure.create", laCode, measure.id, input, inserted.version)]);
        return { created: true };
      }
      if (ifMatch === null) throw new HttpProblem(428, "Version required", "This figure exists: send If-Match with the version you are changing, so nobody's work is overwritten.", { errors: [{ field: "If-Match", message: "Required" }] });
      const updated = await trx
        .updateTable("measure_value")
        .set((eb) => ({ ...fields, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("la_code", "=", laCode)
        .where("measure_id", "=", measure.id)
        .where("period_start", "=", key.periodStart)
        .where("period_end", "=", key.periodEnd)
        .where("version", "=", ifMatch)
        .returning("version")
        .executeTakeFirst();
      if (updated === undefined) throw this.conflict(before, ifMatch);
      const entry = this.auditEntry("measure.figure.update", laCode, measure.id, input, updated.version);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ ...entry, details: { ...entry.details, previousValue: Number(before.value) } }]);
      return { created: false };
    });
    const row = await this.find(this.db, measure.id, key);
    if (row === undefined) throw notFound("Figure");
    return { figure: presentFigure(row), created: result.created };
  }

  /** Deletes a figure with the version read (If-Match); 412 when it has changed since. */
  async delete(measureId: string, key: MeasureFigureKey, ifMatch: number): Promise<void> {
    const measure = this.external(measureId);
    const laCode = this.authority(key.la);
    await this.db.transaction().execute(async (trx) => {
      const before = await this.find(trx, measure.id, key);
      if (before === undefined) throw notFound("Figure");
      const deleted = await trx
        .deleteFrom("measure_value")
        .where("la_code", "=", laCode)
        .where("measure_id", "=", measure.id)
        .where("period_start", "=", key.periodStart)
        .where("period_end", "=", key.periodEnd)
        .where("version", "=", ifMatch)
        .returning("version")
        .executeTakeFirst();
      if (deleted === undefined) throw this.conflict(before, ifMatch);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode, action: "measure.figure.delete", entity: "measure_value", entityId: figureEntityId(measure.id, key.periodStart, key.periodEnd), details: { measureId: measure.id, periodStart: key.periodStart, periodEnd: key.periodEnd, value: Number(before.value), version: before.version } },
      ]);
    });
  }

  private auditEntry(action: string, laCode: string, measureId: string, input: MeasureFigureInput, version: number) {
    return {
      laCode,
      action,
      entity: "measure_value",
      entityId: figureEntityId(measureId, input.periodStart, input.periodEnd),
      details: { measureId, periodStart: input.periodStart, periodEnd: input.periodEnd, value: input.value, numerator: input.numerator ?? null, denominator: input.denominator ?? null, source: input.source, sourceDate: input.sourceDate, version } as Record<string, unknown>,
    };
  }

  /** 412 for a stale version: who changed the figure, when, and its version now. */
  private conflict(current: FigureRowWithUser | null, theirs: number): HttpProblem {
    if (current === null) return new HttpProblem(412, "This figure was deleted", `The figure you opened (version ${String(theirs)}) has been deleted since. Enter it again if it is still needed.`, { currentVersion: 0 });
    const who = current.updated_by_name ?? "someone else";
    return new HttpProblem(412, "This figure was changed by someone else", `${who} changed this figure after you opened it (you had version ${String(theirs)}; it is now version ${String(current.version)}, value ${String(Number(current.value))}). Your change was not saved: review theirs and make your change again.`, {
      changedBy: who,
      changedAt: current.updated_at.toISOString(),
      currentVersion: current.version,
    });
  }

  /**
   * Starts importing a CSV file of figures: records the job (in the actor's own authority) and
   * answers at once; the rows are checked and saved in this process, the job's progress and
   * row problems written as it goes for the page to poll.
   */
  async startImport(upload: MeasureImportUpload): Promise<MeasureImportJob> {
    const laCode = this.actor.laCode;
    const id = timeOrderedUuid();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("import_job").values({ la_code: laCode, id, kind: JOB_KIND, phase: "queued", summary: JSON.stringify({ fileName: upload.name }), problems: "[]", created_by: this.actor.userId }).execute();
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "measure.import.start", entity: "import_job", entityId: id, details: { file: upload.name } }]);
    });
    void this.runImport(id, upload);
    return this.getImport(id);
  }

  /** Runs an import to its end; never rejects (a failure is recorded as the job's status). */
  private async runImport(id: string, upload: MeasureImportUpload): Promise<void> {
    let csv: FigureCsv = { read: 0, rows: [], rejected: 0, problems: [] };
    const counts = { inserted: 0, updated: 0 };
    const authorities = new Set<string>();
    try {
      csv = readFigureCsv(upload.text, this.actor.scopeLaCodes);
      await this.progress(id, "saving", csv.read - csv.rows.length, csv.read);
      for (let i = 0; i < csv.rows.length; i += BATCH) {
        const batch = csv.rows.slice(i, i + BATCH);
        const saved = await this.db.transaction().execute((trx) => upsertFigures(trx, batch, { userId: this.actor.userId, jobId: id }));
        counts.inserted += saved.inserted;
        counts.updated += saved.updated;
        for (const r of batch) authorities.add(r.laCode);
        await this.progress(id, "saving", csv.read - csv.rows.length + i + batch.length, csv.read);
      }
      await this.finishImport(id, "done", this.summary(upload, csv, counts, authorities, null), csv);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.finishImport(id, "failed", this.summary(upload, csv, counts, authorities, message), csv).catch(() => undefined);
    }
  }

  private summary(upload: MeasureImportUpload, csv: FigureCsv, counts: { inserted: number; updated: number }, authorities: Set<string>, error: string | null): MeasureImportSummary & { fileName: string } {
    return {
      fileName: upload.name,
      rows: csv.read,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: csv.rows.length - counts.inserted - counts.updated,
      rejected: csv.rejected,
      authorities: [...authorities].sort(),
      error,
    };
  }

  private async progress(id: string, phase: string, processed: number, total: number): Promise<void> {
    await this.db.updateTable("import_job").set({ phase, processed, total }).where("la_code", "=", this.actor.laCode).where("id", "=", id).execute();
  }

  /** Audits the import in each authority whose figures it saved (and the job's own), then marks the job ended. */
  private async finishImport(id: string, status: "done" | "failed", summary: MeasureImportSummary & { fileName: string }, csv: FigureCsv): Promise<void> {
    const laCode = this.actor.laCode;
    const chains = [...new Set([laCode, ...summary.authorities])];
    await this.audit.record(
      actorForAudit(this.actor),
      chains.map((code) => ({ laCode: code, action: "measure.import", outcome: "allowed" as const, entity: "import_job", entityId: id, details: { status, file: summary.fileName, rows: summary.rows, inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, error: summary.error } })),
    );
    // Kept in the shape every import's problems have (file, line, table, child, reason), with the column.
    const problems = csv.problems.slice(0, KEPT_PROBLEMS).map((p) => ({ file: summary.fileName, line: p.line, table: "figures", child: null, reason: p.message, column: p.column }));
    await this.db
      .updateTable("import_job")
      .set((eb) => ({ status, phase: status, processed: eb.ref("total"), summary: JSON.stringify(summary), problems: JSON.stringify(problems), problem_count: csv.problems.length, finished_at: new Date() }))
      .where("la_code", "=", laCode)
      .where("id", "=", id)
      .execute();
  }

  /** A figures import of the actor's authority; 404 for any other job. */
  async getImport(id: string): Promise<MeasureImportJob> {
    const row = await this.db
      .selectFrom("import_job")
      .leftJoin("app_user", "app_user.id", "import_job.created_by")
      .selectAll("import_job")
      .select("app_user.display_name as started_by_name")
      .where("import_job.la_code", "=", this.actor.laCode)
      .where("import_job.id", "=", id)
      .where("import_job.kind", "=", JOB_KIND)
      .$castTo<FigureImportJobRow>()
      .executeTakeFirst();
    if (row === undefined) throw notFound("Import");
    return presentFigureImport(row);
  }
}
