import type { EhAssessmentRow } from "../../db/early-help-types.ts";
import { visiblePeople } from "../person-scope.ts";
import type { EhContext } from "./early-help-context.ts";

/** How an episode shows a person the actor may not open (restricted, or not shared with them). */
export const HIDDEN_MEMBER = "A family member you cannot open";

/**
 * Of the given people, those the actor may see (the people rule), with name and date of birth,
 * in one query. Being a member of a visible episode does not make a person visible: a
 * restricted parent stays hidden from everyone not named on them.
 */
export async function visibleMembers(ctx: EhContext, laCode: string, ids: Iterable<string | null>): Promise<Map<string, { name: string; dob: string | null }>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom("person")
    .select(["id", "given_name", "family_name", "preferred_name", "dob"])
    .where("la_code", "=", laCode)
    .where("id", "in", wanted)
    .where((eb) => visiblePeople(ctx.actor)(eb))
    .execute();
  return new Map(rows.map((r) => [r.id, { name: `${r.preferred_name ?? r.given_name} ${r.family_name}`, dob: r.dob }]));
}

/** The saved assessment with only the members' parts the actor may see (the others are omitted). */
export function visibleAssessment(row: EhAssessmentRow, visible: Map<string, unknown>): EhAssessmentRow {
  return { ...row, content: { ...row.content, members: row.content.members.filter((m) => visible.has(m.personId)) } };
}

/** Names for goal persons: visible ones by name, the rest as a family member the actor cannot open. */
export function namesOrHidden(ids: Iterable<string | null>, visible: Map<string, { name: string }>): Map<string, { name: string }> {
  return new Map([...ids].flatMap((id) => (id === null ? [] : [[id, visible.get(id) ?? { name: HIDDEN_MEMBER }] as const])));
}
