import { todayIso } from "@family-story/domain";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database, SharingTable } from "../db/database-types.ts";
import { hasAuthorityWideScope, roleCan } from "../policy/policy.ts";
import type { Actor } from "./actor.ts";

type PersonEb = ExpressionBuilder<Database, "person">;
type SharingEb = ExpressionBuilder<{ s: SharingTable }, "s">;

/**
 * Sharing (aliased `s`) in force today for an organisation: not withdrawn, started, not ended.
 * Callers join it to their own person reference; this is what lets a partner see a person.
 */
export function sharingInForce(organisationId: string): (eb: SharingEb) => Expression<SqlBool> {
  const today = todayIso();
  return (w) => w.and([w("s.organisation_id", "=", organisationId), w("s.withdrawn_at", "is", null), w("s.from_date", "<=", today), w.or([w("s.to_date", "is", null), w("s.to_date", ">=", today)])]);
}

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
    return eb.and([
      eb.exists(
        eb
          .selectFrom("sharing as s")
          .select(sql`1`.as("one"))
          .whereRef("s.la_code", "=", "person.la_code")
          .whereRef("s.person_id", "=", "person.id")
          .where(sharingInForce(actor.organisationId)),
      ),
      notRestricted,
    ]);
  };
}
