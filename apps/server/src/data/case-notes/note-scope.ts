import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { visiblePeople } from "../person-scope.ts";

type NoteEb = ExpressionBuilder<Database, "case_note">;

/**
 * The record-level rule for case notes: a note is visible exactly when its person is. Seeing a
 * case (its child) is not enough: a note about a restricted parent on the child's case stays
 * with the users named on the parent.
 */
export function visibleNotes(actor: Actor): (eb: NoteEb) => Expression<SqlBool> {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom("person")
        .select(sql`1`.as("one"))
        .whereRef("person.la_code", "=", "case_note.la_code")
        .whereRef("person.id", "=", "case_note.person_id")
        .where((pe) => visiblePeople(actor)(pe as unknown as ExpressionBuilder<Database, "person">)),
    );
}
