import { addCalendarDays, todayIso } from "@family-story/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import { HISTORY_PERSON_FLOOR } from "./demo-history.ts";

/** A child picked for a demo case, with the parents recorded for them. */
export interface DemoChild {
  id: string;
  laCode: string;
  name: string;
  dob: string;
}

/**
 * Children for the demo caseload: unrestricted, aged 1 to 15, one per family (no two picked
 * children are related), taken in id order so the same borough gives the same caseload.
 * Fewer than asked for when the borough is small.
 */
export async function pickDemoChildren(db: Kysely<Database>, laCode: string, count: number): Promise<DemoChild[]> {
  const today = todayIso();
  const rows = await db
    .selectFrom("person")
    .select(["id", "la_code", "given_name", "family_name", "dob"])
    .where("la_code", "=", laCode)
    .where("restricted", "=", false)
    // Never a child of the seeded history (demo-history.ts): their story is already told.
    .where("id", "<", HISTORY_PERSON_FLOOR)
    .where("dob", ">=", addCalendarDays(today, -15 * 365))
    .where("dob", "<=", addCalendarDays(today, -365))
    .orderBy("id")
    .limit(count * 8)
    .execute();
  const links = await db
    .selectFrom("relationship")
    .select(["person_id", "related_person_id"])
    .where("la_code", "=", laCode)
    .where((eb) => eb.or([eb("person_id", "in", rows.map((r) => r.id)), eb("related_person_id", "in", rows.map((r) => r.id))]))
    .execute();
  const related = new Map<string, Set<string>>();
  for (const l of links) {
    related.set(l.person_id, (related.get(l.person_id) ?? new Set()).add(l.related_person_id));
    related.set(l.related_person_id, (related.get(l.related_person_id) ?? new Set()).add(l.person_id));
  }
  const taken = new Set<string>();
  const picked: DemoChild[] = [];
  for (const r of rows) {
    if (picked.length === count) break;
    if (taken.has(r.id) || r.dob === null) continue;
    picked.push({ id: r.id, laCode: r.la_code, name: `${r.given_name} ${r.family_name}`, dob: r.dob });
    taken.add(r.id);
    // Siblings' families are the same family: leave them out, and their relatives' too.
    for (const other of related.get(r.id) ?? []) {
      taken.add(other);
      for (const second of related.get(other) ?? []) taken.add(second);
    }
  }
  return picked;
}
