import { todayIso } from "@family-story/domain";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../db/database-types.ts";
import { hasAuthorityWideScope, roleCan } from "../policy/policy.ts";
import type { Actor } from "./actor.ts";

type PersonEb = ExpressionBuilder<Database, "person">;

/**
 * The record-level rule for people, as one SQL predicate on `person`:
 * - staff see their authority's people, and another authority's only where a shared service
 *   names their team (resolved into actor.scopeLaCodes);
 * - partners see only people with a sharing record for their organisation, in date and not
 *   withdrawn;
 * - a restricted person is visible only to the users named on it;
 * - everyone else sees no one.
 */
export function visiblePeople(actor: Actor): (eb: PersonEb) => Expression<SqlBool> {
  return (eb) => {
    if (!roleCan(actor.role, "person:read")) return sql<SqlBool>`false`;
    const notRestricted = eb.or([
      eb("person.restricted", "=", false),
      eb.exists(
        eb
          .selectFrom("person_named_access as na")
          .select(sql`1`.as("one"))
          .whereRef("na.la_code", "=", "person.la_code")
          .whereRef("na.person_id", "=", "person.id")
          .where("na.user_id", "=", actor.userId),
      ),
    ]);
    if (hasAuthorityWideScope(actor.role)) {
      return eb.and([eb("person.la_code", "in", actor.scopeLaCodes), notRestricted]);
    }
    const today = todayIso();
    return eb.and([
      eb.exists(
        eb
          .selectFrom("sharing as s")
          .select(sql`1`.as("one"))
          .whereRef("s.la_code", "=", "person.la_code")
          .whereRef("s.person_id", "=", "person.id")
          .where("s.organisation_id", "=", actor.organisationId)
          .where("s.withdrawn_at", "is", null)
          .where("s.from_date", "<=", today)
          .where((w) => w.or([w("s.to_date", "is", null), w("s.to_date", ">=", today)])),
      ),
      notRestricted,
    ]);
  };
}
