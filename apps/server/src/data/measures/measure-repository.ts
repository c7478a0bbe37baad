import { MEASURE_GROUPS, MEASURES, measureById, measurePeriod, todayIso, type MeasureDefinition } from "@family-story/domain";
import type { MeasureCatalogue, MeasureDashboard, MeasureDashboardKind, MeasureDashboardQuery, MeasureQuery, MeasureScopeOptions, MeasureSubjects, MeasureSubjectsQuery, MeasureTarget, MeasureTargetInput, MeasureValues } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { badRequest, notFound } from "../../http/problem.ts";
import { presentGroup, presentMeasure } from "../../presenters/measure-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditEntry, AuditLog } from "../audit-log.ts";
import { assembleDashboard, boardMeasures } from "./measure-dashboards.ts";
import { ensureMeasuresFresh } from "./measure-refresh.ts";
import { resolveScope, scopeOptions, type ResolvedScope, type ScopeRequest } from "./measure-scope.ts";
import { measureSubjects } from "./measure-subjects.ts";
import { setMeasureTarget } from "./measure-targets.ts";
import { measureValues } from "./measure-values.ts";

/** How a read leaves the service: shown on screen (json) or exported as a file. */
export type MeasureReadFormat = "json" | "csv" | "pdf";

/**
 * The outcomes framework for one actor: definitions, values for an authority, a shared service
 * (its authorities combined) or a team, dashboards, the children behind a number and targets.
 * Scope is checked here (404 outside it); the facts are brought up to date with every write
 * before any read (measure-refresh.ts); every read is audited in each authority's chain.
 */
export class MeasureRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    /** Today in England; a test may fix it. */
    private readonly today: () => string = () => todayIso(),
  ) {}

  /** Every measure and group (definitions only; not audited, as it holds no figures). */
  catalogue(): MeasureCatalogue {
    return { measures: MEASURES.map(presentMeasure), groups: MEASURE_GROUPS.map(presentGroup) };
  }

  /** The scopes the actor may choose from. */
  scopes(): Promise<MeasureScopeOptions> {
    return scopeOptions(this.db, this.actor);
  }

  /** A measure's value over the period, its trend, target and RAG; audited as measure.read (or measure.export). */
  async values(id: string, query: MeasureQuery, format: MeasureReadFormat = "json"): Promise<MeasureValues> {
    const measure = this.measure(id);
    const scope = await this.scope(query);
    const period = measurePeriod(query.from, query.to, this.today());
    await ensureMeasuresFresh(this.db, scope.authorities);
    const [values] = await measureValues(this.db, { measures: [measure], scope, period, interval: query.interval ?? "year", today: this.today() });
    if (!values) throw notFound("Measure");
    await this.record(scope, format === "json" ? "measure.read" : "measure.export", "measure", id, { ...this.scopeDetails(scope), from: period.from, to: period.to, interval: values.interval, format });
    return values;
  }

  /**
   * A dashboard (leaders, early-help or team) for a scope; without one, the actor's authority,
   * or for the team board their team. Audited as measure.dashboard.read, or measure.export
   * when it leaves as a CSV or PDF file.
   */
  async dashboard(board: MeasureDashboardKind, query: MeasureDashboardQuery, format: MeasureReadFormat = "json"): Promise<MeasureDashboard> {
    const request: ScopeRequest = { la: query.la, service: query.service, team: query.team };
    if (board === "team" && request.la === undefined && request.service === undefined && request.team === undefined) {
      if (this.actor.teamId === null) throw badRequest("You are not in a team: choose an authority, shared service or team.", [{ field: "team", message: "Choose a team" }]);
      request.team = this.actor.teamId;
    }
    const scope = await this.scope(request);
    const period = measurePeriod(query.from, query.to, this.today());
    const interval = query.interval ?? "year";
    await ensureMeasuresFresh(this.db, scope.authorities);
    const values = await measureValues(this.db, { measures: boardMeasures(board), scope, period, interval, today: this.today() });
    const dashboard = assembleDashboard(board, values, { scope: values[0]?.scope ?? { kind: scope.kind, id: scope.id, name: scope.name, authorities: scope.authorities }, from: period.from, to: period.to, interval });
    await this.record(scope, format === "json" ? "measure.dashboard.read" : "measure.export", "measure-dashboard", board, { ...this.scopeDetails(scope), from: period.from, to: period.to, interval, format });
    return dashboard;
  }

  /**
   * The children behind a computed measure's number, as far as the actor may open their
   * records; the rest are a count. Audited as measure.drill-down in each authority's chain with
   * the ids listed from it.
   */
  async subjects(id: string, query: MeasureSubjectsQuery): Promise<MeasureSubjects> {
    const measure = this.measure(id);
    if (measure.source !== "computed") throw badRequest("Only a measure computed from the records can be listed child by child.", [{ field: "id", message: "An entered or imported measure has no children behind it here" }]);
    const scope = await this.scope(query);
    const period = measurePeriod(query.from, query.to, this.today());
    const part = query.part ?? "numerator";
    await ensureMeasuresFresh(this.db, scope.authorities);
    const { subjects, listedByLa } = await measureSubjects(this.db, this.actor, measure, scope, period, part, this.today());
    const entries: AuditEntry[] = scope.authorities.map((laCode) => ({
      laCode,
      action: "measure.drill-down",
      entity: "measure",
      entityId: id,
      details: { ...this.scopeDetails(scope), from: period.from, to: period.to, part, personIds: listedByLa.get(laCode) ?? [], hidden: subjects.hidden },
    }));
    await this.audit.record(actorForAudit(this.actor), entries);
    return subjects;
  }

  /** Sets an authority's baseline and target (If-Match: the version read; none the first time). */
  async setTarget(id: string, laCode: string, version: number | null, input: MeasureTargetInput): Promise<MeasureTarget> {
    this.measure(id);
    await this.scope({ la: laCode });
    return setMeasureTarget(this.db, this.actor, this.audit, id, laCode, version, input);
  }

  private measure(id: string): MeasureDefinition {
    const measure = measureById(id);
    if (!measure) throw notFound("Measure");
    return measure;
  }

  private scope(request: ScopeRequest): Promise<ResolvedScope> {
    return resolveScope(this.db, this.actor, request);
  }

  private scopeDetails(scope: ResolvedScope): Record<string, unknown> {
    return { scope: scope.kind, scopeId: scope.id };
  }

  private async record(scope: ResolvedScope, action: string, entity: string, entityId: string, details: Record<string, unknown>): Promise<void> {
    await this.audit.record(
      actorForAudit(this.actor),
      scope.authorities.map((laCode) => ({ laCode, action, entity, entityId, details })),
    );
  }
}
