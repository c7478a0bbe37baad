/**
 * The OC3 cohort of a year that has no row recorded yet: care leavers (by the domain's rule) with
 * a 17th to 21st birthday in the year on which they were not looked after. The DfE wants a row
 * for every one of them, so they are returned with IN_TOUCH, ACTIV and ACCOM blank and the rules
 * name what is missing, rather than being left out of the return unseen.
 */
import { careLeaverBirthdays } from "@family-story/domain";
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Database } from "../../db/database-types.ts";
import type { LacOc3Table } from "../../db/looked-after-types.ts";
import { anyUuid } from "../casework/name-lookup.ts";
import { toEpisode } from "../looked-after/lac-episodes.ts";
import type { YearSpan } from "./ssda903-queries.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The people owed an OC3 row for the year who have none. Nobody when the year's OC3 was imported:
 * the imported file is that year's cohort, and the care before the first imported year, which
 * decides who is a care leaver, is not on record.
 */
export async function loadUnrecordedCareLeavers(db: Db, laCode: string, span: YearSpan, recorded: readonly Selectable<LacOc3Table>[]): Promise<string[]> {
  if (recorded.some((r) => r.source === "import")) return [];
  const have = new Set(recorded.map((r) => r.person_id));
  // A 17th to 21st birthday in the year: born from 22 years before its start (room for 29 February) to 17 years before its end.
  const candidates = await sql<{ id: string; dob: string }>`
    SELECT p.id, to_char(p.dob, 'YYYY-MM-DD') AS dob FROM person p
    WHERE p.la_code = ${laCode} AND p.dob >= ${`${String(span.year - 22)}-04-01`}::date AND p.dob <= ${`${String(span.year - 16)}-03-31`}::date
      AND EXISTS (SELECT 1 FROM lac_episode e WHERE e.la_code = p.la_code AND e.person_id = p.id)`.execute(db);
  const wanted = candidates.rows.filter((c) => !have.has(c.id));
  if (wanted.length === 0) return [];
  const ids = anyUuid(wanted.map((c) => c.id));
  const [episodes, died] = await Promise.all([
    db.selectFrom("lac_episode").selectAll().where("la_code", "=", laCode).where("person_id", "=", ids).where("decom", "<=", span.to).orderBy("person_id").orderBy("decom").execute(),
    // No contact is owed after a death is recorded.
    db.selectFrom("lac_oc3").select("person_id").where("la_code", "=", laCode).where("person_id", "=", ids).where("year", "<", span.year).where("in_touch", "=", "DIED").execute(),
  ]);
  const dead = new Set(died.map((d) => d.person_id));
  const episodesOf = new Map<string, (typeof episodes)[number][]>();
  for (const e of episodes) {
    const list = episodesOf.get(e.person_id);
    if (list === undefined) episodesOf.set(e.person_id, [e]);
    else list.push(e);
  }
  return wanted
    .filter((c) => !dead.has(c.id))
    .filter((c) => careLeaverBirthdays(c.dob, (episodesOf.get(c.id) ?? []).map(toEpisode)).some((b) => b.year === span.year && b.required))
    .map((c) => c.id);
}
