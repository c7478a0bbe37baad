/**
 * The children of an SSDA903 import: each CHILD is a person of the authority (matched on
 * person.la_child_id, created when new), with a looked-after case and a lac_child row. Header,
 * UASC and PrevPerm rows land here; every other table hangs its rows on what this resolves.
 */
import { timeOrderedUuid } from "./time-ordered-uuid.ts";
import { nameSearchKeys } from "@family-story/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { anyUuid } from "../data/casework/name-lookup.ts";
import { personSearchText } from "../data/person-keys.ts";
import { insertRows, updateRows, type UpsertCounts } from "./set-based-upsert.ts";
import type { PreparedRow } from "./ssda903-prepare.ts";

/** The person and looked-after case a CHILD id resolves to. */
export interface ChildLink {
  personId: string;
  caseId: string | null;
}

const GIVEN_NAME = "Imported child";

/** The 903's SEX (1 or M male, 2 or F female) as the person record holds it; anything else is unknown. */
export function sexOf(code: string | number | null | undefined): "male" | "female" | "unknown" {
  // Returns up to 2024/25 code sex 1/2; from 2025/26 the DfE codes it M/F/U.
  const value = code === null || code === undefined ? "" : String(code).trim().toUpperCase();
  return value === "1" || value === "M" ? "male" : value === "2" || value === "F" ? "female" : "unknown";
}

/**
 * CHILD ids of one authority and the people they are. Loaded once per import (one indexed read
 * of the authority's people with a CHILD id) and kept current as children are created.
 */
export class ChildRegistry {
  private constructor(private readonly links: Map<string, ChildLink>) {}

  /** Reads the authority's people that carry a CHILD id; a person with a looked-after record wins a tie. */
  static async load(db: Kysely<Database>, laCode: string): Promise<ChildRegistry> {
    const rows = await db
      .selectFrom("person")
      .leftJoin("lac_child", (join) => join.onRef("lac_child.la_code", "=", "person.la_code").onRef("lac_child.person_id", "=", "person.id"))
      .select(["person.id", "person.la_child_id", "lac_child.case_id"])
      .where("person.la_code", "=", laCode)
      .where("person.la_child_id", "is not", null)
      .orderBy(sql`lac_child.case_id IS NULL`)
      .orderBy("person.created_at")
      .execute();
    const links = new Map<string, ChildLink>();
    for (const r of rows) {
      const child = r.la_child_id?.trim() ?? "";
      if (child !== "" && !links.has(child)) links.set(child, { personId: r.id, caseId: r.case_id });
    }
    return new ChildRegistry(links);
  }

  get(child: string): ChildLink | undefined {
    return this.links.get(child);
  }

  /** True when the child has a looked-after record, so their other rows can be loaded. */
  isLookedAfter(child: string): boolean {
    return (this.links.get(child)?.caseId ?? null) !== null;
  }

  set(child: string, link: ChildLink): void {
    this.links.set(child, link);
  }
}

/** UASC and PrevPerm facts of a child seen for the first time, written with their new records. */
export interface FirstFacts {
  uasc?: PreparedRow;
  prevPerm?: PreparedRow;
}

/** What writing a batch of Header rows did. */
export interface HeaderCounts extends UpsertCounts {
  matched: number;
}

/**
 * Writes one batch of Header rows in the caller's transaction: new people (with placeholder
 * names, search text and name keys), header facts of known people when they differ, and a
 * looked-after case and lac_child row for every child without one.
 */
export async function writeHeaders(
  trx: Transaction<Database>,
  laCode: string,
  registry: ChildRegistry,
  rows: readonly PreparedRow[],
  context: { createdBy: string | null; openedOn: (child: string) => string; firstFacts: (child: string) => FirstFacts | undefined },
): Promise<HeaderCounts> {
  const people: Record<string, unknown>[] = [];
  const nameKeys: Record<string, unknown>[] = [];
  const changes: Record<string, unknown>[] = [];
  const newCases: Record<string, unknown>[] = [];
  const members: Record<string, unknown>[] = [];
  const lacRows: Record<string, unknown>[] = [];
  const existingLac: Record<string, unknown>[] = [];
  let matched = 0;
  for (const row of rows) {
    const f = row.fields;
    const facts = { sex: sexOf(f.sex), dob: f.dob ?? null, ethnicity: f.ethnicity ?? null, upn: f.upn ?? null };
    let link = registry.get(row.child);
    // A child new to the authority gets UASC and previous permanence with their first rows, not as updates after.
    const first = link === undefined ? context.firstFacts(row.child) : undefined;
    if (link === undefined) {
      link = { personId: timeOrderedUuid(), caseId: null };
      const familyName = row.child;
      people.push({ la_code: laCode, id: link.personId, la_child_id: row.child, given_name: GIVEN_NAME, family_name: familyName, ...facts, uasc: first?.uasc !== undefined, search_text: personSearchText(GIVEN_NAME, familyName, []), created_by: context.createdBy, updated_by: context.createdBy });
      for (const key of nameSearchKeys(GIVEN_NAME, familyName)) nameKeys.push({ la_code: laCode, key, person_id: link.personId, dob: facts.dob });
    } else {
      matched += 1;
      changes.push({ la_code: laCode, id: link.personId, ...facts });
    }
    const lac = { la_code: laCode, person_id: link.personId, mother: f.mother ?? null, mc_dob: f.mc_dob ?? null };
    if (link.caseId === null) {
      const caseId = timeOrderedUuid();
      newCases.push({ la_code: laCode, id: caseId, kind: "looked_after", subject_person_id: link.personId, title: "Looked after", opened_on: context.openedOn(row.child), created_by: context.createdBy });
      members.push({ la_code: laCode, case_id: caseId, person_id: link.personId, role: "child" });
      const perm = first?.prevPerm?.fields;
      lacRows.push({ ...lac, case_id: caseId, uasc_ceased: first?.uasc?.fields.uasc_ceased ?? null, prev_perm: perm?.prev_perm ?? null, la_perm: perm?.la_perm ?? null, date_perm: perm?.date_perm ?? null, source: "import" });
      link = { personId: link.personId, caseId };
    } else {
      existingLac.push(lac);
    }
    registry.set(row.child, link);
  }
  await insertRows(trx, "person", people);
  await insertRows(trx, "person_name_key", nameKeys);
  const changedPeople = await updateRows(trx, { table: "person", keys: ["la_code", "id"], columns: ["sex", "dob", "ethnicity", "upn"], versioned: true, touchesUpdatedAt: true }, changes);
  const changedPeopleIds = changedPeople.map((r) => r.key);
  if (changedPeopleIds.length > 0) {
    // Name keys carry the date of birth, for search by name and age.
    await sql`UPDATE person_name_key k SET dob = p.dob FROM person p
      WHERE k.la_code = ${laCode} AND k.person_id = ${anyUuid(changedPeopleIds)} AND p.la_code = k.la_code AND p.id = k.person_id AND k.dob IS DISTINCT FROM p.dob`.execute(trx);
  }
  await insertRows(trx, "casework_case", newCases);
  await insertRows(trx, "case_member", members);
  await insertRows(trx, "lac_child", lacRows);
  const changedLac = await updateRows(trx, { table: "lac_child", keys: ["la_code", "person_id"], columns: ["mother", "mc_dob"], versioned: true, touchesUpdatedAt: true }, existingLac);
  // A known person changed when their facts did, their lac_child did, or they became looked after.
  const existingIds = new Set(changes.map((c) => c.id as string));
  const changed = new Set([...changedPeopleIds, ...changedLac.map((r) => r.key), ...lacRows.map((l) => l.person_id as string).filter((id) => existingIds.has(id))]);
  return { inserted: people.length, updated: changed.size, matched };
}

/** UASC rows: the person is marked UASC and lac_child keeps when that ceased (DUC). */
export async function writeUasc(trx: Transaction<Database>, laCode: string, registry: ChildRegistry, rows: readonly PreparedRow[]): Promise<UpsertCounts> {
  const ids = rows.flatMap((r) => registry.get(r.child)?.personId ?? []);
  const marked = await sql<{ id: string }>`UPDATE person SET uasc = true, version = version + 1, updated_at = now()
    WHERE la_code = ${laCode} AND id = ${anyUuid(ids)} AND NOT uasc RETURNING id::text AS id`.execute(trx);
  const ceased = await updateRows(
    trx,
    { table: "lac_child", keys: ["la_code", "person_id"], columns: ["uasc_ceased"], versioned: true, touchesUpdatedAt: true },
    rows.flatMap((r) => {
      const link = registry.get(r.child);
      return link === undefined ? [] : [{ la_code: laCode, person_id: link.personId, uasc_ceased: r.fields.uasc_ceased ?? null }];
    }),
  );
  // Newly marked UASC counts as added; a changed DUC for a child already UASC as updated.
  const newlyMarked = new Set(marked.rows.map((r) => r.id));
  const changedOnly = ceased.filter((r) => !newlyMarked.has(r.key));
  return { inserted: newlyMarked.size, updated: changedOnly.length };
}

/** PrevPerm rows: the child's previous permanence option, authority and date, on lac_child. */
export async function writePrevPerm(trx: Transaction<Database>, laCode: string, registry: ChildRegistry, rows: readonly PreparedRow[]): Promise<UpsertCounts> {
  const values = rows.flatMap((r) => {
    const link = registry.get(r.child);
    return link === undefined ? [] : [{ la_code: laCode, person_id: link.personId, prev_perm: r.fields.prev_perm ?? null, la_perm: r.fields.la_perm ?? null, date_perm: r.fields.date_perm ?? null }];
  });
  const changed = await updateRows(trx, { table: "lac_child", keys: ["la_code", "person_id"], columns: ["prev_perm", "la_perm", "date_perm"], versioned: true, touchesUpdatedAt: true }, values);
  // Filling in what was blank counts as added; changing what was there as updated.
  const filled = changed.filter((r) => r.wasBlank).length;
  return { inserted: filled, updated: changed.length - filled };
}

interface CaseDates {
  first: string;
  lastDec: string | null;
  lastDecom: string;
  lastRec: string | null;
  open: boolean;
}

/**
 * Brings each looked-after case of these children in line with its episodes: opened at the first
 * DECOM, closed at the last DEC (with that episode's REC) when no episode is open, open otherwise.
 * Only cases whose dates or status differ are rewritten. The episodes are read by child (their
 * unique index leads with la_code, person_id) and summed up here rather than in one aggregate
 * UPDATE, whose plan on tables just filled and not yet analysed could be a nested loop over them.
 */
export async function reconcileCases(db: Kysely<Database>, laCode: string, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const episodes = await db.selectFrom("lac_episode").select(["case_id", "decom", "dec", "rec"]).where("la_code", "=", laCode).where("person_id", "=", anyUuid(personIds)).execute();
  const byCase = new Map<string, CaseDates>();
  for (const e of episodes) {
    const c = byCase.get(e.case_id);
    if (c === undefined) {
      byCase.set(e.case_id, { first: e.decom, lastDec: e.dec, lastDecom: e.decom, lastRec: e.rec, open: e.dec === null });
      continue;
    }
    if (e.decom < c.first) c.first = e.decom;
    if (e.dec === null) c.open = true;
    // The last episode to end, and of two ending the same day the later-starting one, gives the REC.
    else if (c.lastDec === null || e.dec > c.lastDec || (e.dec === c.lastDec && e.decom > c.lastDecom)) {
      c.lastDec = e.dec;
      c.lastDecom = e.decom;
      c.lastRec = e.rec;
    }
  }
  const rows = [...byCase].map(([id, c]) => ({
    la_code: laCode,
    id,
    opened_on: c.first,
    status: c.open ? "open" : "closed",
    closed_on: c.open ? null : c.lastDec,
    closure_reason: c.open ? null : c.lastRec,
  }));
  return db.transaction().execute(async (trx) => {
    const changed = await updateRows(trx, { table: "casework_case", keys: ["la_code", "id"], columns: ["opened_on", "status", "closed_on", "closure_reason"], versioned: true, touchesUpdatedAt: true }, rows);
    return changed.length;
  });
}
