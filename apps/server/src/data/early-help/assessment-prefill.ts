import { LANGUAGE_LABELS, RELATIONSHIP_INVERSE, ageOn, todayIso } from "@family-story/domain";
import type { EhPrefill } from "@family-story/schemas";
import type { ExpressionBuilder } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { outcomeLabel } from "../../presenters/early-help-presenter.ts";
import { visibleCases } from "../casework/case-scope.ts";
import { visiblePeople } from "../person-scope.ts";
import type { EhContext } from "./early-help-context.ts";
import { visibleMembers } from "./visible-members.ts";

const fullName = (p: { given_name: string; family_name: string; preferred_name: string | null }) => `${p.preferred_name ?? p.given_name} ${p.family_name}`;
const addressLine = (a: { line1: string; town: string | null; postcode: string }) => [a.line1, a.town, a.postcode].filter((x) => x !== null && x !== "").join(", ");
const language = (code: string | null) => (code === null ? null : ((LANGUAGE_LABELS as Record<string, string>)[code] ?? code));
const relationLabel = (type: string) => type.replaceAll("_", " ");

/**
 * What the record already knows about the family, so the assessment is told once: members
 * (age, language, address, the organisations working with them, relationships), the
 * household at their current addresses, earlier early help assessments of the family, and
 * other open involvements. Every person and case read here is scoped to the actor.
 */
export async function assessmentPrefill(ctx: EhContext, c: CaseRow): Promise<EhPrefill> {
  const la = c.la_code;
  const today = todayIso();
  const memberRows = await ctx.db.selectFrom("case_member").select(["person_id", "role"]).where("la_code", "=", la).where("case_id", "=", c.id).execute();
  const visible = (eb: ExpressionBuilder<Database, "person">) => visiblePeople(ctx.actor)(eb);
  // Only members the actor may see (one query): a restricted or unshared member's address,
  // organisations, relationships and other cases are not used either.
  const people = memberRows.length === 0 ? [] : await ctx.db.selectFrom("person").selectAll().where("la_code", "=", la).where("id", "in", memberRows.map((m) => m.person_id)).where(visible).execute();
  const ids = people.map((p) => p.id);
  if (ids.length === 0) return { members: [], household: [], previousAssessments: [], openInvolvements: [] };
  const [addresses, sharing, relations] = await Promise.all([
    ctx.db.selectFrom("address").selectAll().where("la_code", "=", la).where("person_id", "in", ids).where("from_date", "<=", today).where((eb) => eb.or([eb("to_date", "is", null), eb("to_date", ">=", today)])).execute(),
    ctx.db
      .selectFrom("sharing as s")
      .innerJoin("organisation as o", "o.id", "s.organisation_id")
      .select(["s.person_id", "o.id as organisation_id", "o.name"])
      .where("s.la_code", "=", la)
      .where("s.person_id", "in", ids)
      .where("s.withdrawn_at", "is", null)
      .where("s.from_date", "<=", today)
      .where((eb) => eb.or([eb("s.to_date", "is", null), eb("s.to_date", ">=", today)]))
      .execute(),
    // Relationships are stored once ("A is the type of B"); read both directions.
    ctx.db
      .selectFrom("relationship as r")
      .innerJoin("person", (j) => j.onRef("person.la_code", "=", "r.la_code").on((eb) => eb.or([eb.and([eb("r.person_id", "in", ids), eb("person.id", "=", eb.ref("r.related_person_id"))]), eb.and([eb("r.related_person_id", "in", ids), eb("person.id", "=", eb.ref("r.person_id"))])])))
      .select(["r.person_id", "r.related_person_id", "r.type", "person.id as other_id", "person.given_name", "person.family_name", "person.preferred_name"])
      .where("r.la_code", "=", la)
      .where((eb) => eb.or([eb("r.person_id", "in", ids), eb("r.related_person_id", "in", ids)]))
      .where((eb) => eb.or([eb("r.to_date", "is", null), eb("r.to_date", ">=", today)]))
      .where(visible)
      .execute(),
  ]);
  const roles = new Map(memberRows.map((m) => [m.person_id, m.role]));
  const members = people.map((p) => {
    const address = addresses.find((a) => a.person_id === p.id);
    return {
      personId: p.id,
      name: fullName(p),
      role: roles.get(p.id) ?? "other",
      dob: p.dob,
      age: p.dob === null ? null : ageOn(p.dob, today),
      sex: p.sex,
      firstLanguage: language(p.first_language),
      address: address ? addressLine(address) : null,
      organisations: [...new Set(sharing.filter((s) => s.person_id === p.id).map((s) => s.name))],
      relationships: relations.flatMap((r) => {
        // "A is the type of B": seen from A the other is B's inverse role; seen from B, A is the type.
        if (r.person_id === p.id && r.other_id === r.related_person_id) return [`${relationLabel((RELATIONSHIP_INVERSE as Record<string, string | undefined>)[r.type] ?? r.type)}: ${fullName(r)}`];
        if (r.related_person_id === p.id && r.other_id === r.person_id) return [`${relationLabel(r.type)}: ${fullName(r)}`];
        return [];
      }),
    };
  });
  // The household: everyone (visible) living now at one of the family's current addresses.
  const postcodes = [...new Set(addresses.map((a) => a.postcode))];
  const household =
    postcodes.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom("address")
            .innerJoin("person", (j) => j.onRef("person.la_code", "=", "address.la_code").onRef("person.id", "=", "address.person_id"))
            .select(["person.id", "person.given_name", "person.family_name", "person.preferred_name", "address.line1", "address.town", "address.postcode"])
            .where("address.la_code", "=", la)
            .where("address.postcode", "in", postcodes)
            .where("address.from_date", "<=", today)
            .where((eb) => eb.or([eb("address.to_date", "is", null), eb("address.to_date", ">=", today)]))
            .where(visible)
            .execute()
        )
          .filter((h) => addresses.some((a) => a.postcode === h.postcode && a.line1.toLowerCase() === h.line1.toLowerCase()))
          .map((h) => ({ personId: h.id, name: fullName(h), address: addressLine(h) }));
  const otherCases = await ctx.db
    .selectFrom("casework_case")
    .selectAll()
    .where("la_code", "=", la)
    .where("id", "!=", c.id)
    .where("id", "in", (eb) => eb.selectFrom("case_member").select("case_id").where("la_code", "=", la).where("person_id", "in", ids))
    .where(visibleCases(ctx.actor))
    .orderBy("opened_on", "desc")
    .execute();
  const previous = otherCases.length === 0 ? [] : await ctx.db.selectFrom("eh_assessment").selectAll().where("la_code", "=", la).where("case_id", "in", otherCases.map((o) => o.id)).execute();
  // Earlier needs only of people the actor may see; the others are left out.
  const names = new Map([...(await visibleMembers(ctx, la, previous.flatMap((a) => a.content.members.map((m) => m.personId))))].map(([id, p]) => [id, p.name]));
  const workers = otherCases.flatMap((o) => (o.allocated_to === null ? [] : [o.allocated_to]));
  const workerNames = workers.length === 0 ? new Map<string, string>() : new Map((await ctx.db.selectFrom("app_user").select(["id", "display_name"]).where("id", "in", workers).execute()).map((u) => [u.id, u.display_name]));
  const subjects = await ctx.db.selectFrom("person").select(["id", "given_name", "family_name", "preferred_name"]).where("la_code", "=", la).where("id", "in", [c.subject_person_id, ...otherCases.map((o) => o.subject_person_id)]).execute();
  const subjectNames = new Map(subjects.map((s) => [s.id, fullName(s)]));
  return {
    members,
    household,
    previousAssessments: previous.map((a) => {
      const from = otherCases.find((o) => o.id === a.case_id);
      return {
        caseId: a.case_id,
        caseTitle: from?.title ?? "Earlier episode",
        kind: from?.kind ?? "early_help",
        openedOn: from?.opened_on ?? "",
        closedOn: from?.closed_on ?? null,
        status: a.status,
        summary: a.content.summary,
        needs: a.content.members.flatMap((m) => {
          const person = names.get(m.personId);
          return person === undefined ? [] : m.needs.map((n) => ({ person, outcome: outcomeLabel(n.outcome), description: n.description }));
        }),
      };
    }),
    openInvolvements: otherCases
      .filter((o) => o.status === "open")
      .map((o) => ({ caseId: o.id, kind: o.kind, title: o.title, person: subjectNames.get(o.subject_person_id) ?? "Unknown", openedOn: o.opened_on, allocatedTo: o.allocated_to === null ? null : (workerNames.get(o.allocated_to) ?? "Unknown") })),
  };
}
