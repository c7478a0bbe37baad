import { describeDue, dueStatus, periodsOfCare, todayIso, type Episode, type PeriodOfCare } from "@family-story/domain";
import type { LacDue } from "@family-story/schemas";
import type { Kysely, Transaction } from "kysely";
import type { CaseRow, Database } from "../../db/database-types.ts";
import { upsertWorkItem } from "../casework/work-items.ts";
import { loadEpisodeRows, toEpisode } from "./lac-episodes.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** Due items of the health, education and leaving care modules hang on the child's lac_child row. */
export const LAC_DUE_SOURCE = "lac_child";

/** What the health, permanence and leaving care modules read about a looked-after child. */
export interface LacFacts {
  laCode: string;
  personId: string;
  dob: string | null;
  caseRow: CaseRow | undefined;
  episodes: Episode[];
  periods: PeriodOfCare[];
  /** The open period of care, if the child is looked after now. */
  current: PeriodOfCare | undefined;
  /** The latest period of care, open or ended. */
  latest: PeriodOfCare | undefined;
}

/** Loads a looked-after child's date of birth, case and episodes (the caller has scoped the child). */
export async function loadLacFacts(db: Db, laCode: string, personId: string): Promise<LacFacts> {
  const [person, lac, rows] = await Promise.all([
    db.selectFrom("person").select("dob").where("la_code", "=", laCode).where("id", "=", personId).executeTakeFirst(),
    db.selectFrom("lac_child").select("case_id").where("la_code", "=", laCode).where("person_id", "=", personId).executeTakeFirst(),
    loadEpisodeRows(db, laCode, personId),
  ]);
  const caseRow = lac ? await db.selectFrom("casework_case").selectAll().where("la_code", "=", laCode).where("id", "=", lac.case_id).executeTakeFirst() : undefined;
  const episodes = rows.map(toEpisode);
  const periods = periodsOfCare(episodes);
  const latest = periods.at(-1);
  return { laCode, personId, dob: person?.dob ?? null, caseRow, episodes, periods, current: latest?.end === null ? latest : undefined, latest };
}

/** The name a record page shows: the preferred or given name and the family name. */
export function childName(person: { preferred_name: string | null; given_name: string; family_name: string }): string {
  return `${person.preferred_name ?? person.given_name} ${person.family_name}`;
}

/** One due date a module wants on the work tray; `dueDate` null means none is due now. */
export interface WantedDue {
  kind: string;
  title: string;
  dueDate: string | null;
  why: string;
}

/** A wanted due date as the API shows it, with how pressing it is today. */
export function presentDue(w: WantedDue, today = todayIso()): LacDue {
  if (w.dueDate === null) return { kind: w.kind, title: w.title, dueDate: null, status: "not_required", dueText: "Not required", why: w.why };
  return { kind: w.kind, title: w.title, dueDate: w.dueDate, status: dueStatus(w.dueDate, today), dueText: describeDue(w.dueDate, today), why: w.why };
}

/**
 * Makes the child's open work items of the given kinds exactly the wanted ones: each due date
 * set or moved (assigned to the case's worker and team), the rest cancelled. With no open
 * looked-after case nothing is due. Call inside the transaction that recorded the change.
 */
export async function applyDueItems(trx: Transaction<Database>, userId: string | null, facts: LacFacts, kinds: readonly string[], wanted: readonly WantedDue[]): Promise<void> {
  const c = facts.caseRow;
  const open = c?.status === "open" ? wanted.filter((w) => w.dueDate !== null) : [];
  const keep = new Set(open.map((w) => w.kind));
  const cancel = kinds.filter((k) => !keep.has(k));
  if (cancel.length > 0) {
    await trx
      .updateTable("work_item")
      .set((eb) => ({ status: "cancelled", version: eb("version", "+", 1) }))
      .where("la_code", "=", facts.laCode)
      .where("kind", "in", cancel)
      .where("source_entity", "=", LAC_DUE_SOURCE)
      .where("source_id", "=", facts.personId)
      .where("status", "=", "open")
      .execute();
  }
  if (!c) return;
  for (const w of open) {
    await upsertWorkItem(trx, userId, { laCode: facts.laCode, kind: w.kind, sourceEntity: LAC_DUE_SOURCE, sourceId: facts.personId, caseId: c.id, personId: facts.personId, title: w.title, dueDate: w.dueDate, assignedTo: c.allocated_to, teamId: c.team_id });
  }
}

/** Locks the child's lac_child row so changes (and due dates) for one child serialise. */
export async function lockLacChild(trx: Transaction<Database>, laCode: string, personId: string): Promise<void> {
  await trx.selectFrom("lac_child").select("person_id").where("la_code", "=", laCode).where("person_id", "=", personId).forUpdate().executeTakeFirst();
}
