import { randomUUID } from "node:crypto";
import { contactDecisionDue, type ReferralSource } from "@family-story/domain";
import type { ContactCreate, ContactDecisionInput, ContactDetail, ContactQueueQuery, ContactSummary, DescribedChildInput, MyRequest, RequestForSupport } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { ContactRow, Database } from "../../db/database-types.ts";
import { HttpProblem, badRequest, notFound } from "../../http/problem.ts";
import { presentContactDetail, presentContactSummary, presentMyRequest } from "../../presenters/front-door-presenter.ts";
import type { Actor } from "../actor.ts";
import { actorForAudit } from "../audit-actor.ts";
import type { AuditLog } from "../audit-log.ts";
import { loadLocalStandards } from "../casework/settings-repository.ts";
import type { PersonRepository } from "../person-repository.ts";
import { loadContactContexts, requireContact } from "./contact-context.ts";
import { decideContact } from "./contact-decision.ts";
import { insertContactChild, upsertDecisionItem } from "./contact-links.ts";
import { frontDoorTeam } from "./front-door-teams.ts";

// A partner's organisation kind gives the CIN census source of their request.
const SOURCE_BY_ORGANISATION_KIND: Record<string, ReferralSource> = { school: "2A", gp_practice: "3A", health_trust: "3F", police: "6", voluntary: "8" };

/** Rolls back a link that turned out to be there already. */
class AlreadyLinked extends Error {}

interface NewContact {
  laCode: string;
  receivedAt: Date;
  referralSource: ReferralSource;
  contactName: string;
  contactRole: string | null;
  contactOrganisation: string | null;
  contactPhone: string | null;
  via: "staff" | "partner_request";
  organisationId: string | null;
  concerns: string;
  familyDetails: string | null;
  children: DescribedChildInput[];
  consentSharing: string;
  consentEarlyHelp: string;
}

/**
 * The front door: recording contacts and partners' requests for support, the queue awaiting a
 * decision, matching the children to people, and the decision. Staff reach contacts of their
 * authorities (and shared services); a partner reaches only their own requests' outcomes.
 * Every read and change is audited.
 */
export class FrontDoorRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly actor: Actor,
    private readonly audit: AuditLog,
    private readonly people: PersonRepository,
  ) {}

  private async insert(input: NewContact, childIds: string[], action: string): Promise<ContactRow> {
    const standards = await loadLocalStandards(this.db, input.laCode);
    const dueAt = new Date(contactDecisionDue(input.receivedAt.toISOString(), standards));
    const teamId = await frontDoorTeam(this.db, input.laCode);
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("contact")
        .values({
          la_code: input.laCode,
          id: randomUUID(),
          received_at: input.receivedAt,
          referral_source: input.referralSource,
          contact_name: input.contactName,
          contact_role: input.contactRole,
          contact_organisation: input.contactOrganisation,
          contact_phone: input.contactPhone,
          via: input.via,
          submitted_by: this.actor.userId,
          submitted_by_organisation_id: input.organisationId,
          concerns: input.concerns,
          family_details: input.familyDetails,
          described_children: JSON.stringify(input.children.map((c) => ({ givenName: c.givenName, familyName: c.familyName, dob: c.dob ?? null, notes: c.notes ?? null }))),
          consent_sharing: input.consentSharing,
          consent_early_help: input.consentEarlyHelp,
          due_at: dueAt,
          team_id: teamId,
          updated_at: new Date(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const personId of childIds) await insertContactChild(trx, this.actor, row, personId);
      await upsertDecisionItem(trx, this.actor, row);
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [
        { laCode: row.la_code, action, entity: "contact", entityId: row.id, details: { via: row.via, referralSource: row.referral_source, dueAt: dueAt.toISOString(), children: childIds.length } },
        ...childIds.map((personId) => ({ laCode: row.la_code, action: "contact.child.link", personId, entity: "contact", entityId: row.id })),
      ]);
      return row;
    });
  }

  private async present(row: ContactRow): Promise<ContactDetail> {
    const ctx = (await loadContactContexts(this.db, this.actor, [row])).get(row.id);
    if (!ctx) throw notFound("Contact");
    return presentContactDetail(row, ctx);
  }

  /** Records a contact received by the front door (a call, an email, a visit). */
  async record(input: ContactCreate): Promise<ContactDetail> {
    const laCode = input.laCode ?? this.actor.laCode;
    if (!this.actor.scopeLaCodes.includes(laCode)) throw badRequest("You can record contacts only for your authority or one your shared service covers.", [{ field: "laCode", message: "Not an authority you work for" }]);
    const receivedAt = input.receivedAt === undefined ? new Date() : new Date(input.receivedAt);
    // A minute's grace for clocks that disagree; a contact cannot be received in the future.
    if (receivedAt.getTime() > Date.now() + 60_000) throw badRequest("The contact cannot have been received in the future.", [{ field: "receivedAt", message: "Must be now or in the past" }]);
    const childIds = [...new Set(input.childIds)];
    for (const personId of childIds) {
      const person = await this.people.findVisibleRow(personId);
      if (person?.la_code !== laCode) throw new HttpProblem(422, "Cannot link that child", "Link only people of the contact's authority whose records you can open.", { errors: [{ field: "childIds", message: "Not a person you can link to this contact" }] });
    }
    const row = await this.insert(
      {
        laCode,
        receivedAt,
        referralSource: input.referralSource,
        contactName: input.contactName,
        contactRole: input.contactRole ?? null,
        contactOrganisation: input.contactOrganisation ?? null,
        contactPhone: input.contactPhone ?? null,
        via: "staff",
        organisationId: null,
        concerns: input.concerns,
        familyDetails: input.familyDetails ?? null,
        children: input.children,
        consentSharing: input.consentSharing,
        consentEarlyHelp: input.consentEarlyHelp,
      },
      childIds,
      "contact.create",
    );
    return this.present(row);
  }

  /** A partner's request for support, from their own sign-in: it joins their authority's front-door queue. */
  async submitRequest(input: RequestForSupport): Promise<MyRequest> {
    const org = await this.db.selectFrom("organisation").select("kind").where("la_code", "=", this.actor.laCode).where("id", "=", this.actor.organisationId).executeTakeFirst();
    const row = await this.insert(
      {
        laCode: this.actor.laCode,
        receivedAt: new Date(),
        referralSource: input.referralSource ?? SOURCE_BY_ORGANISATION_KIND[org?.kind ?? ""] ?? "8",
        contactName: this.actor.displayName,
        contactRole: input.contactRole ?? null,
        contactOrganisation: this.actor.organisationName,
        contactPhone: input.contactPhone ?? null,
        via: "partner_request",
        organisationId: this.actor.organisationId,
        concerns: input.concerns,
        familyDetails: input.familyDetails ?? null,
        children: input.children,
        consentSharing: input.consentSharing,
        consentEarlyHelp: input.consentEarlyHelp,
      },
      [],
      "request.submit",
    );
    return presentMyRequest(row);
  }

  /** The requests for support the actor submitted, newest first: status and outcome only. */
  async myRequests(): Promise<MyRequest[]> {
    const rows = await this.db
      .selectFrom("contact")
      .selectAll()
      .where("la_code", "=", this.actor.laCode)
      .where("submitted_by", "=", this.actor.userId)
      .where("via", "=", "partner_request")
      .orderBy("received_at", "desc")
      .limit(200)
      .execute();
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "request.list.read", entity: "user", entityId: this.actor.userId, details: { count: rows.length } }]);
    return rows.map((r) => presentMyRequest(r));
  }

  /** The queue: contacts awaiting a decision, most urgent (earliest due) first; or the latest decided. */
  async queue(query: ContactQueueQuery): Promise<ContactSummary[]> {
    let select = this.db.selectFrom("contact").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("status", "=", query.status);
    select = query.status === "awaiting_decision" ? select.orderBy("due_at").orderBy("received_at") : select.orderBy("decided_at", "desc");
    const rows = await select.limit(500).execute();
    const contexts = await loadContactContexts(this.db, this.actor, rows);
    await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "contact.queue.read", entity: "contact", details: { status: query.status, count: rows.length } }]);
    const now = new Date();
    return rows.map((r) => presentContactSummary(r, contexts.get(r.id) ?? { visibleChildren: [], hiddenChildren: 0 }, now));
  }

  /** Opens a contact (audited against each child it is about). */
  async get(id: string): Promise<ContactDetail> {
    const row = await this.db.selectFrom("contact").selectAll().where("la_code", "in", this.actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
    if (!row) {
      await this.audit.record(actorForAudit(this.actor), [{ laCode: this.actor.laCode, action: "contact.read", outcome: "denied", entity: "contact", entityId: id }]);
      throw notFound("Contact");
    }
    const detail = await this.present(row);
    const people = detail.children.map((c) => c.person.id);
    await this.audit.record(
      actorForAudit(this.actor),
      (people.length > 0 ? people : [null]).map((personId) => ({ laCode: row.la_code, action: "contact.read", personId, entity: "contact", entityId: row.id })),
    );
    return detail;
  }

  private async requireAwaiting(id: string): Promise<ContactRow> {
    const row = await requireContact(this.db, this.actor, id);
    if (row.status !== "awaiting_decision") throw new HttpProblem(409, "This contact has been decided", "The children of a decided contact cannot be changed. Record a new contact if there is more to add.");
    return row;
  }

  /**
   * Matches a child the contact is about to a person the actor may open, in the contact's
   * authority. Idempotent: linking a child already linked (a retry, or two people at once)
   * changes nothing and answers with the contact as it is.
   */
  async linkChild(id: string, personId: string): Promise<ContactDetail> {
    const contact = await this.requireAwaiting(id);
    const person = await this.people.requireVisibleRow(personId);
    if (person.la_code !== contact.la_code) throw new HttpProblem(422, "Cannot link that child", "The child must be recorded in the contact's authority.", { errors: [{ field: "personId", message: "Not a person of this contact's authority" }] });
    const linked = await this.db
      .transaction()
      .execute(async (trx) => {
        const bumped = await trx.updateTable("contact").set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() })).where("la_code", "=", contact.la_code).where("id", "=", id).where("status", "=", "awaiting_decision").returningAll().executeTakeFirst();
        if (!bumped) throw new HttpProblem(409, "This contact has been decided", "It was decided while you were linking children.");
        // Nothing linked: roll back the version bump so nobody's open edit goes stale for a no-op.
        if (!(await insertContactChild(trx, this.actor, bumped, personId))) throw new AlreadyLinked();
        await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: contact.la_code, action: "contact.child.link", personId, entity: "contact", entityId: id }]);
        return bumped;
      })
      .catch(async (error: unknown) => {
        if (!(error instanceof AlreadyLinked)) throw error;
        return requireContact(this.db, this.actor, id);
      });
    return this.present(linked);
  }

  /** Unlinks a child matched by mistake; the contact leaves their chronology. */
  async unlinkChild(id: string, personId: string): Promise<ContactDetail> {
    const contact = await this.requireAwaiting(id);
    await this.people.requireVisibleRow(personId);
    const row = await this.db.transaction().execute(async (trx) => {
      const removed = await trx.deleteFrom("contact_child").where("la_code", "=", contact.la_code).where("contact_id", "=", id).where("person_id", "=", personId).returning("person_id").executeTakeFirst();
      if (!removed) throw notFound("Linked child");
      await trx.deleteFrom("case_event").where("la_code", "=", contact.la_code).where("person_id", "=", personId).where("kind", "=", "contact").where("source_entity", "=", "contact").where("source_id", "=", id).execute();
      const bumped = await trx.updateTable("contact").set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() })).where("la_code", "=", contact.la_code).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
      await this.audit.appendInTransaction(trx, actorForAudit(this.actor), [{ laCode: contact.la_code, action: "contact.child.unlink", personId, entity: "contact", entityId: id }]);
      return bumped;
    });
    return this.present(row);
  }

  /** Decides a contact, once (see contact-decision.ts for the rules). */
  async decide(id: string, version: number, input: ContactDecisionInput): Promise<ContactDetail> {
    const contact = await requireContact(this.db, this.actor, id);
    const row = await decideContact(this.db, this.actor, this.audit, contact, version, input);
    return this.present(row);
  }
}
