import type { ImportJob, ImportJobList, ImportProblem, ImportSummary, Ssda903Upload } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import { HttpProblem, notFound } from "../http/problem.ts";
import { finishImportJob, recordImportProgress, startImportJob } from "../import/import-job-record.ts";
import { importSsda903, type ImportProgress } from "../import/ssda903-import.ts";
import { presentImportJob, presentImportJobItem, type ImportJobWithUser } from "../presenters/import-presenter.ts";
import type { Actor } from "./actor.ts";
import { actorForAudit } from "./audit-actor.ts";
import type { AuditLog } from "./audit-log.ts";

/** How often a running job writes its progress, at most. */
const PROGRESS_EVERY_MS = 250;

/**
 * Import jobs of the administrator's own authority. Starting one records the job and returns at
 * once; the import runs in this process, writing its phase and progress to the job row, which
 * the page polls. Everything is audited: who started which import, and what it did.
 */
export class ImportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
  ) {}

  /** Starts an SSDA903 import of uploaded files into the actor's authority. 409 while another is running. */
  async startSsda903(upload: Ssda903Upload): Promise<ImportJob> {
    const laCode = this.actor.laCode;
    const id = await this.db.transaction().execute(async (trx) => {
      // One start at a time per authority, so two uploads cannot both see none running.
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`import_job:${laCode}`}))`.execute(trx);
      const running = await trx.selectFrom("import_job").select("id").where("la_code", "=", laCode).where("kind", "=", "ssda903").where("status", "=", "running").executeTakeFirst();
      if (running !== undefined) {
        throw new HttpProblem(409, "An import is already running", "Another SSDA903 import for your authority is still running. Wait for it to finish, then try again.", { errors: [{ field: "files", message: "Another import is running" }] });
      }
      const jobId = await startImportJob(trx, laCode, this.actor.userId);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode, action: "import.ssda903.start", entity: "import_job", entityId: jobId, details: { files: upload.files.map((f) => f.name), year: upload.year ?? null } }]);
      return jobId;
    });
    void this.run(id, upload);
    return this.get(id);
  }

  /** Runs the import and records how it ended; never rejects (a failure is the job's status). */
  private async run(id: string, upload: Ssda903Upload): Promise<void> {
    const laCode = this.actor.laCode;
    let lastWrite = 0;
    const onProgress = async (p: ImportProgress): Promise<void> => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS && p.processed < p.total) return;
      lastWrite = now;
      await recordImportProgress(this.db, laCode, id, p);
    };
    try {
      const { summary, problems } = await importSsda903(this.db, {
        laCode,
        years: [{ label: "upload", year: upload.year ?? null, files: upload.files }],
        createdBy: this.actor.userId,
        onProgress,
      });
      await this.finish(id, "done", summary, problems);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const summary: ImportSummary = { years: [], tables: [], children: { created: 0, matched: 0 }, placementFieldsDerived: false, warnings: [], error: message };
      await this.finish(id, "failed", summary, []).catch(() => undefined);
    }
  }

  /** Audits how the job ended, then marks it ended (so whoever sees it finished also finds the audit). */
  private async finish(id: string, status: "done" | "failed", summary: ImportSummary, problems: ImportProblem[]): Promise<void> {
    const laCode = this.actor.laCode;
    await this.audit.record(actorForAudit(this.actor), [
      { laCode, action: "import.ssda903", outcome: "allowed", entity: "import_job", entityId: id, details: { status, tables: summary.tables, children: summary.children, rejected: problems.length, error: summary.error ?? null } },
    ]);
    await finishImportJob(this.db, laCode, id, status, summary, problems);
  }

  /** The authority's imports, newest first. */
  async list(): Promise<ImportJobList> {
    const rows = await this.query().orderBy("import_job.started_at", "desc").limit(50).execute();
    return { jobs: rows.map(presentImportJobItem) };
  }

  /** One import of the actor's authority, with its summary and the rows it could not load. */
  async get(id: string): Promise<ImportJob> {
    const row = await this.query().where("import_job.id", "=", id).executeTakeFirst();
    if (row === undefined) throw notFound("Import");
    return presentImportJob(row);
  }

  private query() {
    return this.db
      .selectFrom("import_job")
      .leftJoin("app_user", "app_user.id", "import_job.created_by")
      .selectAll("import_job")
      .select("app_user.display_name as started_by_name")
      .where("import_job.la_code", "=", this.actor.laCode)
      // The table also holds imports of outcome figures, which have pages of their own.
      .where("import_job.kind", "=", "ssda903")
      .$castTo<ImportJobWithUser>();
  }
}
