import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { Actor } from "../actor.ts";
import { visiblePeople } from "../person-scope.ts";

type CaseEb = ExpressionBuilder<Database, "casework_case">;

/**
 * The record-level rule for cases: a case is visible exactly when its child (the subject
 * person) is, so casework inherits the people rule (authority, shared service, restriction,
 * partner sharing) rather than restating it.
 */
export function visibleCases(actor: Actor): (eb: CaseEb) => Expression<SqlBool> {
  return (eb) =>
    eb.exists(
      eb
        .selectFrom("person")
        .select(sql`1`.as("one"))
        .whereRef("person.la_code", "=", "casework_case.la_code")
        .whereRef("person.id", "=", "casework_case.subject_person_id")
        .where((pe) => visiblePeople(actor)(pe as unknown as ExpressionBuilder<Database, "person">)),
    );
}
