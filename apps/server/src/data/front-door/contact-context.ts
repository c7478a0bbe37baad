import { sql, type Kysely } from "kysely";
import type { ContactChildRow, ContactRow, Database } from "../../db/database-types.ts";
import { notFound } from "../../http/problem.ts";
import type { ContactContext } from "../../presenters/front-door-presenter.ts";
import type { Actor } from "../actor.ts";
import { loadUserNames } from "../casework/name-lookup.ts";
import { visiblePeople } from "../person-scope.ts";

/** A contact in one of the actor's authorities, or 404 (the same answer as one that does not exist). */
export async function requireContact(db: Kysely<Database>, actor: Actor, id: string): Promise<ContactRow> {
  const row = await db.selectFrom("contact").selectAll().where("la_code", "in", actor.scopeLaCodes).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Contact");
  return row;
}

/** The children linked to the given contacts, with who of them the actor may open. */
async function linkedChildren(db: Kysely<Database>, actor: Actor, rows: ContactRow[]) {
  if (rows.length === 0) return [];
  const laCodes = [...new Set(rows.map((r) => r.la_code))];
  return db
    .selectFrom("contact_child as cc")
    .innerJoin("person", (j) => j.onRef("person.la_code", "=", "cc.la_code").onRef("person.id", "=", "cc.person_id"))
    .selectAll("cc")
    .select(["person.given_name", "person.preferred_name", "person.family_name", "person.dob"])
    .select((eb) => sql<boolean>`(${visiblePeople(actor)(eb as never)})`.as("visible"))
    .where("cc.la_code", "in", laCodes)
    .where("cc.contact_id", "in", rows.map((r) => r.id))
    .orderBy("cc.linked_at")
    .execute();
}

/** The cases each decided contact opened, by child (an early help case counts for every child in it). */
async function casesByChild(db: Kysely<Database>, rows: ContactRow[]): Promise<Map<string, string>> {
  const decided = rows.filter((r) => r.status === "decided");
  const out = new Map<string, string>();
  if (decided.length === 0) return out;
  const cases = await db
    .selectFrom("casework_case as c")
    .innerJoin("case_member as m", (j) => j.onRef("m.la_code", "=", "c.la_code").onRef("m.case_id", "=", "c.id"))
    .select(["c.contact_id", "c.id", "m.person_id"])
    .where("c.la_code", "in", [...new Set(decided.map((r) => r.la_code))])
    .where("c.contact_id", "in", decided.map((r) => r.id))
    .where("m.role", "=", "child")
    .execute();
  for (const c of cases) if (c.contact_id !== null) out.set(`${c.contact_id}/${c.person_id}`, c.id);
  return out;
}

/**
 * Everything presenting these contacts needs, by contact id: the linked children the actor
 * may open (a restricted child they are not named on is only counted), user and organisation names.
 */
export async function loadContactContexts(db: Kysely<Database>, actor: Actor, rows: ContactRow[]): Promise<Map<string, ContactContext>> {
  const [children, cases] = await Promise.all([linkedChildren(db, actor, rows), casesByChild(db, rows)]);
  const orgIds = rows.flatMap((r) => r.override_organisation_ids ?? []);
  const [users, orgs] = await Promise.all([
    loadUserNames(db, rows.flatMap((r) => [r.submitted_by, r.decided_by, r.overridden_by])),
    orgIds.length === 0 ? Promise.resolve([]) : db.selectFrom("organisation").select(["id", "name"]).where("id", "in", orgIds).execute(),
  ]);
  const organisations = new Map(orgs.map((o) => [o.id, o.name]));
  const out = new Map<string, ContactContext>();
  for (const r of rows) out.set(r.id, { visibleChildren: [], hiddenChildren: 0, users, organisations });
  for (const c of children) {
    const ctx = out.get(c.contact_id);
    if (!ctx) continue;
    if (!c.visible) {
      ctx.hiddenChildren += 1;
      continue;
    }
    const row: ContactChildRow = { la_code: c.la_code, contact_id: c.contact_id, person_id: c.person_id, repeat_referral: c.repeat_referral, previous_referral_date: c.previous_referral_date, linked_by: c.linked_by, linked_at: c.linked_at };
    ctx.visibleChildren.push({ row, name: `${c.preferred_name ?? c.given_name} ${c.family_name}`, dob: c.dob, caseId: cases.get(`${c.contact_id}/${c.person_id}`) ?? null });
  }
  return out;
}
