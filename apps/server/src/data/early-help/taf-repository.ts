import { randomUUID } from "node:crypto";
import { addCalendarMonths, todayIso } from "@family-story/domain";
import type { TafMemberCreate } from "@family-story/schemas";
import { sql, type Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import type { EhTafMemberRow } from "../../db/early-help-types.ts";
import { notFound } from "../../http/problem.ts";
import type { AuditEntry } from "../audit-log.ts";
import { caseSnapshot } from "../casework/case-repository.ts";
import { applyVersionedUpdate } from "../versioning.ts";
import { childrenOf, auditIn, fieldProblem, stateProblem, type EhContext } from "./early-help-context.ts";

/** Roles a Team Around the Family member who signs in may hold (anyone who works with families). */
const TAF_ROLES = ["practitioner", "team_manager", "iro", "youth_justice_worker", "partner_practitioner"];

/**
 * The Team Around the Family: members from any organisation (users, or named people outside
 * the system) and one lead professional, who may be a partner.
 */
export class TafRepository {
  constructor(private readonly ctx: EhContext) {}

  /** Users who can join a Team Around the Family: practitioners and partners in the actor's scope. */
  async candidates(): Promise<{ id: string; name: string; organisationName: string; role: string }[]> {
    const rows = await this.ctx.db
      .selectFrom("app_user as u")
      .innerJoin("organisation as o", "o.id", "u.organisation_id")
      .select(["u.id", "u.display_name", "u.role", "o.name as org_name"])
      .where("u.la_code", "in", this.ctx.actor.scopeLaCodes)
      .where("u.active", "=", true)
      .where("u.role", "in", TAF_ROLES)
      .orderBy("o.name")
      .orderBy("u.display_name")
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.display_name, organisationName: r.org_name, role: r.role }));
  }

  /** A current (not removed) member of the episode's team, or 404. */
  async requireMember(trx: Transaction<Database> | EhContext["db"], c: CaseRow, memberId: string): Promise<EhTafMemberRow> {
    const row = await trx.selectFrom("eh_taf_member").selectAll().where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("id", "=", memberId).where("removed_at", "is", null).executeTakeFirst();
    if (!row) throw notFound("Team Around the Family member");
    return row;
  }

  /**
   * Adds a member. A partner who joins is shared the family's children (basis consent, purpose
   * Team Around the Family, for a year), so their actions reach their work tray and they can
   * open the episode, but only with the family's consent: given at the front door, or confirmed
   * by the practitioner now. Without it a partner cannot join.
   */
  async add(caseId: string, input: TafMemberCreate): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    let member: { userId: string | null; name: string; organisationId: string | null; organisationName: string | null; partner: boolean };
    if (input.userId !== undefined) {
      const u = await this.ctx.db
        .selectFrom("app_user as u")
        .innerJoin("organisation as o", "o.id", "u.organisation_id")
        .select(["u.id", "u.display_name", "u.role", "u.active", "u.la_code", "o.id as org_id", "o.name as org_name"])
        .where("u.id", "=", input.userId)
        .executeTakeFirst();
      if (!u || !u.active || !this.ctx.actor.scopeLaCodes.includes(u.la_code) || !TAF_ROLES.includes(u.role)) {
        throw fieldProblem("Cannot add that person", "userId", "Choose an active practitioner or partner in your authority or shared service");
      }
      const dup = await this.ctx.db.selectFrom("eh_taf_member").select("id").where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("user_id", "=", u.id).where("removed_at", "is", null).executeTakeFirst();
      if (dup) throw stateProblem("Already in the team", `${u.display_name} is already a member of the Team Around the Family.`);
      member = { userId: u.id, name: u.display_name, organisationId: u.org_id, organisationName: input.organisationName ?? u.org_name, partner: u.role === "partner_practitioner" };
    } else {
      if (input.name === undefined) throw fieldProblem("Name the member", "name", "Enter the name of someone outside the system, or choose a user");
      member = { userId: null, name: input.name, organisationId: null, organisationName: input.organisationName ?? null, partner: false };
    }
    if (member.partner && input.familyConsents !== true && (await this.frontDoorConsent(c)) !== "yes") {
      throw fieldProblem("The family has not agreed to share with partners", "familyConsents", "Ask the family whether they agree to share their children's records with this partner, and confirm it, before adding them");
    }
    const id = randomUUID();
    await this.ctx.db.transaction().execute(async (trx) => {
      if (input.isLead) await trx.updateTable("eh_taf_member").set({ is_lead: false }).where("la_code", "=", c.la_code).where("case_id", "=", c.id).execute();
      await trx
        .insertInto("eh_taf_member")
        .values({ la_code: c.la_code, id, case_id: c.id, user_id: member.userId, name: member.name, organisation_id: member.organisationId, organisation_name: member.organisationName, role: input.role, contact: input.contact ?? null, is_lead: input.isLead, added_by: this.ctx.actor.userId })
        .execute();
      const shared = member.partner && member.organisationId !== null ? await this.shareWith(trx, c, member.organisationId) : [];
      await auditIn(trx, this.ctx, [
        { laCode: c.la_code, action: "early-help.taf.add", personId: c.subject_person_id, entity: "eh_taf_member", entityId: id, details: { userId: member.userId, isLead: input.isLead, sharedWith: shared.length } },
        ...shared.map((s) => ({ laCode: c.la_code, action: "sharing.grant", personId: s.personId, entity: "sharing", entityId: s.id, details: { organisationId: member.organisationId, basis: "consent", purpose: "Team Around the Family" } })),
      ]);
    });
  }

  /** What the family said about sharing when the contact that opened this episode came in. */
  private async frontDoorConsent(c: CaseRow): Promise<string | null> {
    if (c.contact_id === null) return null;
    const contact = await this.ctx.db.selectFrom("contact").select("consent_sharing").where("la_code", "=", c.la_code).where("id", "=", c.contact_id).executeTakeFirst();
    return contact?.consent_sharing ?? null;
  }

  /** Shares the episode's children with a partner organisation where no sharing is in force. */
  private async shareWith(trx: Transaction<Database>, c: CaseRow, organisationId: string): Promise<{ personId: string; id: string }[]> {
    const today = todayIso();
    const created: { personId: string; id: string }[] = [];
    for (const personId of await childrenOf(trx, c)) {
      const existing = await trx
        .selectFrom("sharing")
        .select("id")
        .where("la_code", "=", c.la_code)
        .where("person_id", "=", personId)
        .where("organisation_id", "=", organisationId)
        .where("withdrawn_at", "is", null)
        .where("from_date", "<=", today)
        .where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">=", today)]))
        .executeTakeFirst();
      if (existing) continue;
      const id = randomUUID();
      await trx.insertInto("sharing").values({ la_code: c.la_code, id, person_id: personId, organisation_id: organisationId, purpose: "Team Around the Family", basis: "consent", granted_by: this.ctx.actor.userId, from_date: today, to_date: addCalendarMonths(today, 12) }).execute();
      created.push({ personId, id });
    }
    return created;
  }

  /**
   * Changes the team under the case's version (If-Match): the case's version moves on, so of two
   * people changing the team at once, the second gets a 412 rather than silently undoing the first.
   */
  private async underCaseVersion(c: CaseRow, version: number, change: (trx: Transaction<Database>) => Promise<void>, audit: AuditEntry[]): Promise<void> {
    await this.ctx.db.transaction().execute(async (trx) => {
      await applyVersionedUpdate(trx, {
        actor: this.ctx.actor,
        audit: this.ctx.audit,
        laCode: c.la_code,
        entity: "case",
        id: c.id,
        version,
        before: c,
        snapshot: caseSnapshot,
        update: () => trx.updateTable("casework_case").set((eb) => ({ updated_at: new Date(), version: eb("version", "+", 1) })).where("la_code", "=", c.la_code).where("id", "=", c.id).where("version", "=", version).returningAll().executeTakeFirst(),
        current: () => trx.selectFrom("casework_case").selectAll().where("la_code", "=", c.la_code).where("id", "=", c.id).executeTakeFirstOrThrow(),
        afterUpdate: () => change(trx),
        auditEntries: () => audit,
      });
    });
  }

  /** Removes a member (If-Match on the case); not the lead professional, nor someone who still owns open actions. */
  async remove(caseId: string, memberId: string, version: number): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const m = await this.requireMember(this.ctx.db, c, memberId);
    if (m.is_lead) throw stateProblem("This is the lead professional", "Name another lead professional before removing this member.");
    const open = await this.ctx.db.selectFrom("eh_action").select("description").where("la_code", "=", c.la_code).where("owner_member_id", "=", m.id).where("status", "in", ["not_started", "in_progress"]).execute();
    if (open.length > 0) throw stateProblem("They still own actions", `${m.name} owns ${String(open.length)} open action(s). Give them to another member, or record them done or not done, first.`);
    await this.underCaseVersion(c, version, async (trx) => {
      await trx.updateTable("eh_taf_member").set({ removed_at: new Date(), removed_by: this.ctx.actor.userId }).where("la_code", "=", c.la_code).where("id", "=", m.id).where("removed_at", "is", null).execute();
    }, [{ laCode: c.la_code, action: "early-help.taf.remove", personId: c.subject_person_id, entity: "eh_taf_member", entityId: m.id }]);
  }

  /** Names the lead professional (any member, a partner included), If-Match on the case. */
  async setLead(caseId: string, memberId: string, version: number): Promise<void> {
    const c = await this.ctx.cases.requireOpenCase(caseId, "early_help");
    const m = await this.requireMember(this.ctx.db, c, memberId);
    await this.underCaseVersion(c, version, async (trx) => {
      await trx.updateTable("eh_taf_member").set({ is_lead: sql<boolean>`id = ${m.id}` }).where("la_code", "=", c.la_code).where("case_id", "=", c.id).where("removed_at", "is", null).execute();
    }, [{ laCode: c.la_code, action: "early-help.taf.lead", personId: c.subject_person_id, entity: "eh_taf_member", entityId: m.id, details: { name: m.name } }]);
  }
}
