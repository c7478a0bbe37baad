import { randomUUID } from "node:crypto";
import { addWorkingDays, todayIso } from "@family-story/domain";
import type { EhAssessmentContentInput, EhAssessmentView, EhDecision } from "@family-story/schemas";
import type { Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { EhAssessmentRow } from "../../db/early-help-types.ts";
import { HttpProblem } from "../../http/problem.ts";
import { presentAssessment } from "../../presenters/early-help-presenter.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { completeWorkItem, upsertWorkItem } from "../casework/work-items.ts";
import { applyVersionedUpdate, recordVersion } from "../versioning.ts";
import { assessmentPrefill } from "./assessment-prefill.ts";
import { auditIn, auditRead, fieldProblem, recordForChildren, stateProblem, type EhContext } from "./early-help-context.ts";
import { visibleAssessment, visibleMembers } from "./visible-members.ts";

/** Working days a manager has to authorise an assessment, plan or closure (a practice standard). */
export const AUTHORISATION_WORKING_DAYS = 5;

const snapshot = (r: EhAssessmentRow): Record<string, unknown> => ({ status: r.status, content: r.content, decisionNote: r.decision_note });

/** The team whose manager authorises the episode's work. */
export function authorisingTeam(c: CaseRow, ctx: EhContext): string | null {
  return c.team_id ?? ctx.actor.teamId;
}

/**
 * The whole-family assessment: prefilled from what is known, saved with If-Match, sent for
 * authorisation and authorised (or returned) by a team manager.
 */
export class AssessmentRepository {
  constructor(private readonly ctx: EhContext) {}

  private row(c: CaseRow): Promise<EhAssessmentRow | undefined> {
    return this.ctx.db.selectFrom("eh_assessment").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).executeTakeFirst();
  }

  private async view(c: CaseRow): Promise<EhAssessmentView> {
    const row = await this.row(c);
    const users = await loadUserNames(this.ctx.db, [row?.submitted_by ?? null, row?.authorised_by ?? null]);
    // Parts about people the actor may not open (restricted, not shared) are left out.
    const visible = row ? await visibleMembers(this.ctx, c.la_code, row.content.members.map((m) => m.personId)) : new Map<string, unknown>();
    return { caseId: c.id, assessment: row ? presentAssessment(visibleAssessment(row, visible), users) : null, prefill: await assessmentPrefill(this.ctx, c) };
  }

  /** The saved assessment alongside what is already known, so the family checks rather than retells. */
  async get(caseId: string): Promise<EhAssessmentView> {
    const c = await this.ctx.cases.requireVisibleCase(caseId, "early_help");
    const view = await this.view(c);
    await auditRead(this.ctx, { laCode: c.la_code, action: "early-help.assessment.read", personId: c.subject_person_id, entity: "eh_assessment", entityId: view.assessment?.id ?? c.id });
    return view;
  }

  /** Saves the assessment (version 0 creates it). Editing an authorised one makes it a draft again. */
  async save(caseId: string, version: number, content: EhAssessmentContentInput): Promise<EhAssessmentView> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const members = (await this.ctx.db.selectFrom("case_member").select("person_id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute()).map((m) => m.person_id);
    const visible = await visibleMembers(this.ctx, c.la_code, members);
    content.members.forEach((m, i) => {
      if (!visible.has(m.personId)) throw fieldProblem("Not a member of this family", `members.${String(i)}.personId`, "Add the person to the case before assessing them");
    });
    const before = await this.row(c);
    if (before?.status === "awaiting_authorisation") throw stateProblem("Awaiting authorisation", "The assessment is with the team manager. Ask them to return it before changing it.");
    // The actor never saw the parts about people hidden from them, so saving keeps those parts.
    const kept = before?.content.members.filter((m) => !visible.has(m.personId)) ?? [];
    const saved = { ...content, members: [...content.members, ...kept] };
    await this.ctx.db.transaction().execute(async (trx) => {
      if (!before) {
        if (version !== 0) throw new HttpProblem(412, "This record was changed by someone else", "There is no saved assessment yet; send If-Match: W/\"0\" to start one.", { currentVersion: 0 });
        const id = randomUUID();
        const created = await trx.insertInto("eh_assessment").values({ la_code: c.la_code, id, case_id: c.id, content: JSON.stringify(saved), updated_by: this.ctx.actor.userId }).returningAll().executeTakeFirstOrThrow();
        await recordVersion(trx, this.ctx.actor, c.la_code, "eh_assessment", id, created.version, snapshot(created));
        await auditIn(trx, this.ctx, [{ laCode: c.la_code, action: "early-help.assessment.create", personId: c.subject_person_id, entity: "eh_assessment", entityId: id }]);
        return;
      }
      await applyVersionedUpdate(trx, {
        actor: this.ctx.actor,
        audit: this.ctx.audit,
        laCode: c.la_code,
        entity: "eh_assessment",
        id: before.id,
        version,
        before,
        snapshot,
        update: () =>
          trx
            .updateTable("eh_assessment")
            .set((eb) => ({ content: JSON.stringify(saved), status: "draft", updated_at: new Date(), updated_by: this.ctx.actor.userId, version: eb("version", "+", 1) }))
            .where("la_code", "=", c.la_code)
            .where("id", "=", before.id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: async () => trx.selectFrom("eh_assessment").selectAll().where("la_code", "=", c.la_code).where("id", "=", before.id).executeTakeFirstOrThrow(),
        auditEntries: () => [{ laCode: c.la_code, action: "early-help.assessment.update", personId: c.subject_person_id, entity: "eh_assessment", entityId: before.id, details: { reopened: before.status === "authorised" } }],
      });
    });
    return this.view(c);
  }

  /** Sends the assessment to the team manager: an assessment_authorisation item in the team tray. */
  async submit(caseId: string, version: number): Promise<EhAssessmentView> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const before = await this.row(c);
    if (!before) throw stateProblem("No assessment yet", "Save the assessment before sending it for authorisation.");
    if (before.status !== "draft") throw stateProblem("Already sent", before.status === "authorised" ? "The assessment is already authorised." : "The assessment is already with the team manager.");
    if (before.content.members.every((m) => m.needs.length === 0)) throw fieldProblem("No needs identified", "members", "Identify at least one need for a family member before sending the assessment for authorisation");
    await this.transition(c, before, version, "awaiting_authorisation", async (trx) => {
      await upsertWorkItem(trx, this.ctx.actor.userId, { laCode: c.la_code, kind: "assessment_authorisation", sourceEntity: "eh_assessment", sourceId: before.id, caseId: c.id, personId: c.subject_person_id, title: `Authorise early help assessment: ${c.title}`, dueDate: addWorkingDays(todayIso(), AUTHORISATION_WORKING_DAYS), assignedTo: null, teamId: authorisingTeam(c, this.ctx) });
    }, { submitted_at: new Date(), submitted_by: this.ctx.actor.userId }, "early-help.assessment.submit");
    return this.view(c);
  }

  /** The manager authorises the assessment (recorded who and when) or returns it with a note. */
  async decide(caseId: string, version: number, decision: EhDecision): Promise<EhAssessmentView> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const before = await this.row(c);
    if (before?.status !== "awaiting_authorisation") throw stateProblem("Nothing to authorise", "The assessment has not been sent for authorisation.");
    const authorise = decision.decision === "authorise";
    await this.transition(c, before, version, authorise ? "authorised" : "draft", async (trx) => {
      await completeWorkItem(trx, this.ctx.actor.userId, c.la_code, "assessment_authorisation", "eh_assessment", before.id);
      if (!authorise) return;
      await completeWorkItem(trx, this.ctx.actor.userId, c.la_code, "eh_assessment_due", "early_help_case", c.id);
      await recordForChildren(trx, this.ctx, c, { kind: "eh_assessment_authorised", title: "Early help assessment authorised", occurredOn: todayIso(), sourceEntity: "eh_assessment", sourceId: before.id });
    }, authorise ? { authorised_at: new Date(), authorised_by: this.ctx.actor.userId, decision_note: decision.note ?? null } : { decision_note: decision.note ?? null }, authorise ? "early-help.assessment.authorise" : "early-help.assessment.return");
    return this.view(c);
  }

  private async transition(
    c: CaseRow,
    before: EhAssessmentRow,
    version: number,
    status: string,
    effects: (trx: Transaction<Database>) => Promise<void>,
    extra: { submitted_at?: Date; submitted_by?: string; authorised_at?: Date; authorised_by?: string; decision_note?: string | null },
    action: string,
  ): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await applyVersionedUpdate(trx, {
        actor: this.ctx.actor,
        audit: this.ctx.audit,
        laCode: c.la_code,
        entity: "eh_assessment",
        id: before.id,
        version,
        before,
        snapshot,
        update: () =>
          trx
            .updateTable("eh_assessment")
            .set((eb) => ({ ...extra, status, updated_at: new Date(), updated_by: this.ctx.actor.userId, version: eb("version", "+", 1) }))
            .where("la_code", "=", c.la_code)
            .where("id", "=", before.id)
            .where("version", "=", version)
            .returningAll()
            .executeTakeFirst(),
        current: async () => trx.selectFrom("eh_assessment").selectAll().where("la_code", "=", c.la_code).where("id", "=", before.id).executeTakeFirstOrThrow(),
        afterUpdate: () => effects(trx),
        auditEntries: () => [{ laCode: c.la_code, action, personId: c.subject_person_id, entity: "eh_assessment", entityId: before.id }],
      });
    });
  }
}
