import { todayIso } from "@family-story/domain";
import type { LookedAfterRecord } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database, PersonRow } from "../../db/database-types.ts";
import { presentLookedAfterRecord } from "../../presenters/looked-after-presenter.ts";
import { anyUuid, loadUserNames } from "../casework/name-lookup.ts";
import type { LacChildRow } from "./lac-scope.ts";
import { loadEpisodeRows, toEpisode } from "./lac-episodes.ts";
import { LAC_VISIT_KIND, latestLacVisit } from "./lac-visit-due.ts";

/** Names of placement providers by id, in one query. */
export async function loadProviderNames(db: Kysely<Database>, laCode: string, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("placement_provider").select(["id", "name"]).where("la_code", "=", laCode).where("id", "=", anyUuid(wanted)).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Loads and presents a child's looked-after record (the caller has scoped the person and
 * audits the read). A child never looked after gets an empty record with status "never".
 */
export async function loadLookedAfterRecord(db: Kysely<Database>, person: PersonRow, lac: LacChildRow | undefined): Promise<LookedAfterRecord> {
  const laCode = person.la_code;
  const [rows, missing, caseRow, visitItem] = await Promise.all([
    loadEpisodeRows(db, laCode, person.id),
    db.selectFrom("lac_missing").selectAll().where("la_code", "=", laCode).where("person_id", "=", person.id).orderBy("start_date", "desc").execute(),
    lac ? db.selectFrom("casework_case").selectAll().where("la_code", "=", laCode).where("id", "=", lac.case_id).executeTakeFirst() : Promise.resolve(undefined),
    lac
      ? db.selectFrom("work_item").select(["due_date"]).where("la_code", "=", laCode).where("kind", "=", LAC_VISIT_KIND).where("source_entity", "=", "casework_case").where("source_id", "=", lac.case_id).where("status", "=", "open").executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const [providers, users, lastVisit] = await Promise.all([
    loadProviderNames(db, laCode, rows.map((r) => r.provider_id)),
    loadUserNames(db, [caseRow?.allocated_to ?? null, lac?.iro_id ?? null]),
    caseRow ? latestLacVisit(db, laCode, caseRow.id, person.id, null) : Promise.resolve(null),
  ]);
  return presentLookedAfterRecord({
    person,
    lac,
    caseRow,
    rows,
    episodes: rows.map(toEpisode),
    missing,
    providers,
    users,
    visit: { last: lastVisit, nextDue: visitItem?.due_date ?? null },
    today: todayIso(),
  });
}
