import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import type { LacChildTable } from "../../db/looked-after-types.ts";
import { notFound } from "../../http/problem.ts";
import type { Actor } from "../actor.ts";
import { visiblePeople } from "../person-scope.ts";

export type LacChildRow = Selectable<LacChildTable>;

/** A looked-after child the actor may see: the person and their looked-after facts. */
export interface LookedAfterSubject {
  person: PersonRow;
  lac: LacChildRow;
}

/**
 * The person if the actor may see them, else 404 (the same answer as no such person), so the
 * looked-after modules inherit the people rule rather than restating it.
 */
export async function requireVisiblePerson(db: Kysely<Database> | Transaction<Database>, actor: Actor, personId: string): Promise<PersonRow> {
  const person = await db
    .selectFrom("person")
    .selectAll()
    .where("person.la_code", "in", actor.scopeLaCodes)
    .where("person.id", "=", personId)
    .where(visiblePeople(actor))
    .executeTakeFirst();
  if (!person) throw notFound("Person");
  return person;
}

/** The child's looked-after record if they have one and the actor may see them. */
export async function findLookedAfterChild(db: Kysely<Database> | Transaction<Database>, actor: Actor, personId: string): Promise<LookedAfterSubject | undefined> {
  const person = await requireVisiblePerson(db, actor, personId);
  const lac = await db.selectFrom("lac_child").selectAll().where("la_code", "=", person.la_code).where("person_id", "=", person.id).executeTakeFirst();
  return lac ? { person, lac } : undefined;
}

/** As findLookedAfterChild, but 404 when the child has never been looked after. */
export async function requireLookedAfterChild(db: Kysely<Database> | Transaction<Database>, actor: Actor, personId: string): Promise<LookedAfterSubject> {
  const found = await findLookedAfterChild(db, actor, personId);
  if (!found) throw notFound("Looked-after record");
  return found;
}
