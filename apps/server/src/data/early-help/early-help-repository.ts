import type { EarlyHelpEpisode, EhMemberAdd } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { caseSnapshot, type CaseRepository } from "../casework/case-repository.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { ActionRepository } from "./action-repository.ts";
import { AssessmentRepository } from "./assessment-repository.ts";
import { ClosureRepository } from "./closure-repository.ts";
import { visiblePeople } from "../person-scope.ts";
import { auditIn, auditRead, fieldProblem, stateProblem, type EhContext } from "./early-help-context.ts";
import { loadEpisode } from "./episode-reader.ts";
import { PlanRepository } from "./plan-repository.ts";
import { TafRepository } from "./taf-repository.ts";

/**
 * Early help for one actor: the episode, its whole-family assessment, Team Around the Family,
 * family plan (goals, actions, reviews) and closure. Every read and change is scoped through
 * the case (data.cases) and audited.
 */
export class EarlyHelpRepository {
  readonly assessment: AssessmentRepository;
  readonly taf: TafRepository;
  readonly actions: ActionRepository;
  readonly plan: PlanRepository;
  readonly closure: ClosureRepository;
  private readonly ctx: EhContext;

  constructor(db: Kysely<Database>, actor: Actor, audit: AuditLog, cases: CaseRepository) {
    this.ctx = { db, actor, audit, cases };
    this.assessment = new AssessmentRepository(this.ctx);
    this.taf = new TafRepository(this.ctx);
    this.actions = new ActionRepository(this.ctx, this.taf);
    this.plan = new PlanRepository(this.ctx);
    this.closure = new ClosureRepository(this.ctx);
  }

  /** The whole episode (audited read). */
  async episode(caseId: string): Promise<EarlyHelpEpisode> {
    const c = await this.ctx.cases.requireVisibleCase(caseId, "early_help");
    const episode = await loadEpisode(this.ctx, c);
    await auditRead(this.ctx, { laCode: c.la_code, action: "early-help.read", personId: c.subject_person_id, entity: "case", entityId: c.id });
    return episode;
  }

  /** Adds a family member to the episode (a parent, carer or sibling found on the record), to be assessed with the family. */
  async addMember(caseId: string, input: EhMemberAdd): Promise<EarlyHelpEpisode> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const person = await this.ctx.db.selectFrom("person").select("id").where("la_code", "=", c.la_code).where("id", "=", input.personId).where((eb) => visiblePeople(this.ctx.actor)(eb)).executeTakeFirst();
    if (!person) throw fieldProblem("Unknown person", "personId", "Choose a person on the record you can see");
    const existing = await this.ctx.db.selectFrom("case_member").select("person_id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("person_id", "=", input.personId).executeTakeFirst();
    if (existing) throw stateProblem("Already in the family", "This person is already a member of the episode.");
    await this.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto("case_member").values({ la_code: c.la_code, case_id: c.id, person_id: input.personId, role: input.role }).execute();
      await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.member.add", personId: input.personId, entity: "case", entityId: c.id, details: { role: input.role } }]);
    });
    return loadEpisode(this.ctx, c);
  }

  /** Places the episode in a family hub or locality (If-Match on the case). */
  async setLocality(caseId: string, version: number, localityId: string | null): Promise<EarlyHelpEpisode> {
    const before = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    if (localityId !== null) {
      const locality = await this.ctx.db.selectFrom("locality").select("id").where("la_code", "=", before.la_code).where("id", "=", localityId).executeTakeFirst();
      if (!locality) throw fieldProblem("Unknown locality", "localityId", "Choose one of the authority's family hubs or localities");
    }
    const row = await this.ctx.db.transaction().execute(async (trx) =>
      applyVersionedUpdate(trx, {
        actor: this.ctx.actor,
        audit: this.ctx.audit,
        laCode: before.la_code,
        entity: "case",
        id: before.id,
        version,
        before,
        snapshot: caseSnapshot,
        update: () =>
          trx
            .updateTable("casework_case")
            .set((eb) => ({ locality_id: localityId, updated_at: new Date(), version: eb("version", "+", 1) }))
            .where("la_code", "=", before.la_code)
            .where("id", "=", before.id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: () => trx.selectFrom("casework_case").selectAll().where("la_code", "=", before.la_code).where("id", "=", before.id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: before.la_code, action: "early-help.locality", personId: before.subject_person_id, entity: "case", entityId: before.id, details: { from: before.locality_id, to: localityId } }],
      }),
    );
    return loadEpisode(this.ctx, row);
  }
}
