import { monthEnd, monthOf, monthStart, type MeasureDefinition, type MeasurePeriod } from "@family-story/domain";
import type { MeasureSubjects } from "@family-story/schemas";
import { sql, type Kysely } from "kysely";
import type { Database } from "../../db/database-types.ts";
import { presentMeasure } from "../../presenters/measure-presenter.ts";
import type { Actor } from "../actor.ts";
import { visiblePeople } from "../person-scope.ts";
import type { ResolvedScope } from "./measure-scope.ts";

export type SubjectsPart = MeasureSubjects["part"];

/** The drill-down and the ids it listed, by authority (for the audit). */
export interface SubjectsResult {
  subjects: MeasureSubjects;
  listedByLa: Map<string, string[]>;
}

/**
 * The children behind a computed measure's number: those with facts counting in the numerator
 * (or denominator) in the period's months (a stock measure: its last month only, the month
 * its value is read at), in the scope's authorities and team. Each is listed only if the
 * reader may open their record (the people rule, data/person-scope.ts); the rest are counted
 * in `hidden` and never named.
 */
export async function measureSubjects(db: Kysely<Database>, actor: Actor, measure: MeasureDefinition, scope: ResolvedScope, period: MeasurePeriod, part: SubjectsPart, today: string): Promise<SubjectsResult> {
  const currentMonth = monthOf(today);
  const lastMonth = period.lastMonth < currentMonth ? period.lastMonth : currentMonth;
  const firstMonth = measure.kind === "stock" ? lastMonth : period.firstMonth;
  const base = { measure: presentMeasure(measure), scope: { kind: scope.kind, id: scope.id, name: scope.name, authorities: scope.authorities }, from: period.from, to: period.to, part };
  if (lastMonth < firstMonth) return { subjects: { ...base, total: 0, children: [], hidden: 0 }, listedByLa: new Map() };

  const column = part === "numerator" ? "f.numerator" : "f.denominator";
  const rows = await db
    .selectFrom((eb) => {
      let facts = eb
        .selectFrom("measure_fact as f")
        .select([
          "f.la_code",
          "f.person_id",
          sql<string>`sum(f.numerator)`.as("numerator"),
          sql<string>`sum(f.denominator)`.as("denominator"),
          sql<string[]>`array_agg(DISTINCT to_char(f.month, 'YYYY-MM'))`.as("months"),
        ])
        .where("f.la_code", "in", scope.authorities)
        .where("f.measure_id", "=", measure.id)
        .where("f.month", ">=", monthStart(firstMonth))
        .where("f.month", "<=", monthEnd(lastMonth))
        .where(column, ">", 0);
      if (scope.teamId !== null) facts = facts.where("f.team_id", "=", scope.teamId);
      return facts.groupBy(["f.la_code", "f.person_id"]).as("agg");
    })
    .innerJoin("person", (j) => j.onRef("person.la_code", "=", "agg.la_code").onRef("person.id", "=", "agg.person_id"))
    .select(["agg.la_code", "agg.person_id", "agg.numerator", "agg.denominator", "agg.months", "person.given_name", "person.family_name", "person.dob"])
    .select((eb) => sql<boolean>`(${visiblePeople(actor)(eb as never)})`.as("visible"))
    .orderBy("person.family_name")
    .orderBy("person.given_name")
    .orderBy("agg.person_id")
    .execute();

  const listed = rows.filter((r) => r.visible);
  const listedByLa = new Map<string, string[]>();
  for (const r of listed) listedByLa.set(r.la_code, [...(listedByLa.get(r.la_code) ?? []), r.person_id]);
  const children = listed.map((r) => ({
    personId: r.person_id,
    laCode: r.la_code,
    name: `${r.given_name} ${r.family_name}`,
    dateOfBirth: r.dob,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    months: [...r.months].sort(),
  }));
  return { subjects: { ...base, total: rows.length, children, hidden: rows.length - listed.length }, listedByLa };
}
