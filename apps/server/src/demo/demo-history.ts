import { addCalendarDays, birthdayOf, todayIso } from "@family-story/domain";
import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import type { NameKeySeed } from "./demo-households.ts";
import { earlyHelpChild, socialCareChild } from "./demo-history-casework.ts";
import { lookedAfterChild } from "./demo-history-looked-after.ts";
import { emptyHistoryRows, historySpan, type HistoryAuthority, type HistoryChild, type HistoryContext, type HistoryRows } from "./demo-history-rows.ts";
import { COMMUNITIES } from "./demo-names.ts";
import { RBKC, WCC } from "./demo-organisation.ts";
import { dayOf, genderedFamily, givenName, isoDay, searchFields, spell, type PersonSeed } from "./demo-person-factory.ts";
import { SeededRandom } from "./seeded-random.ts";

/**
 * Five years of synthetic, closed-off casework history for the demo borough, so the outcome
 * measures computed from records show believable figures and trends on the leaders' dashboards
 * (docs/measures.md): a few hundred new children per authority, each with a history written
 * straight into the tables, as an import of historic data would be. The children are new people
 * (never the demo's own families, so the live caseload and its tests are untouched), and their
 * ids begin ffffffff-: they sort after every other person, and the caseload pickers leave them
 * out. Every case is closed by a week ago, except those of children still looked after today,
 * which no one is allocated and whose team no demo user works in: nothing lands on a work tray.
 */

/** Every history child's id begins with this, and no other person's does in practice. */
export const HISTORY_PERSON_PREFIX = "ffffffff";
/** The lowest history child id: a person id below it is one of the demo's own. */
export const HISTORY_PERSON_FLOOR = "ffffffff-0000-0000-0000-000000000000";

/** How many children of each kind of history an authority gets (Kensington and Chelsea: about two thirds). */
const COUNTS = { socialCare: 360, earlyHelp: 420, lookedAfter: 130, careLeavers: 34 };
const SCALE: Record<string, number> = { [WCC]: 1, [RBKC]: 0.65 };

/** The demo's teams and users by key, as seed-demo.ts created them. */
export interface HistoryIds {
  teamIds: ReadonlyMap<string, string>;
  userIds: ReadonlyMap<string, string>;
}

/** Everything the history writes: the people, their name keys, and the casework rows per authority. */
export interface DemoHistory {
  people: PersonSeed[];
  nameKeys: NameKeySeed[];
  rows: HistoryRows[];
}

function authorities(ids: HistoryIds): HistoryAuthority[] {
  const team = (key: string): string | null => ids.teamIds.get(key) ?? null;
  const teams = (...keys: string[]): string[] => keys.map((k) => ids.teamIds.get(k)).filter((t): t is string => t !== undefined);
  const user = (name: string): string => {
    const id = ids.userIds.get(name);
    if (id === undefined) throw new Error(`Demo history: the demo user ${name} is missing`);
    return id;
  };
  return [
    { laCode: WCC, frontDoorTeam: team("wcc-front-door"), socialWorkTeams: teams("wcc-sw-north", "wcc-sw-south"), earlyHelpTeams: teams("wcc-hub-bessborough", "wcc-hub-church", "wcc-hub-queens", "wcc-early-help"), lookedAfterTeam: team("wcc-cla"), stillLookedAfterTeam: team("wcc-cla"), recorder: user("sw.wcc"), decider: user("tm.wcc") },
    // Kensington and Chelsea's children still looked after are in no team: its only social work team has a demo manager.
    { laCode: RBKC, frontDoorTeam: team("wcc-front-door"), socialWorkTeams: teams("rbkc-sw"), earlyHelpTeams: teams("rbkc-early-help"), lookedAfterTeam: team("rbkc-sw"), stillLookedAfterTeam: null, recorder: user("sw.rbkc"), decider: user("tm.rbkc") },
  ];
}

const COMMUNITY_WEIGHTS = COMMUNITIES.map((c) => ({ weight: c.weight, value: c }));

/** Makes history children: new person rows with the demo's names, ids beginning ffffffff-. */
class ChildMaker {
  private made = 0;
  readonly people: PersonSeed[] = [];
  readonly nameKeys: NameKeySeed[] = [];

  constructor(private readonly rng: SeededRandom) {}

  child(laCode: string, dob: string): HistoryChild {
    const rng = this.rng;
    const community = rng.weighted(COMMUNITY_WEIGHTS);
    const sex = rng.chance(0.5) ? "male" : "female";
    const given = givenName(rng, community, sex).name;
    const family = genderedFamily(spell(rng, rng.pick(community.family)).name, sex, community);
    const id = `${HISTORY_PERSON_PREFIX}${rng.uuid().slice(8)}`;
    this.made++;
    const p: PersonSeed = { la_code: laCode, id, la_child_id: `${laCode === RBKC ? "K" : "W"}H${String(this.made).padStart(6, "0")}`, given_name: given, family_name: family, other_names: [], dob, dob_estimated: false, sex, ethnicity: community.ethnicity, first_language: community.language, disability: rng.chance(0.06), uasc: false, nhs_number: null, upn: null, restricted: false, deceased_date: null, search_text: "", current_postcode: null };
    const fields = searchFields(p);
    p.search_text = fields.search_text;
    this.people.push(p);
    for (const key of fields.keys) this.nameKeys.push({ la_code: laCode, key, person_id: id, dob });
    return { id, dob };
  }
}

/** A date of birth giving an age of `years` (and some days) on `day`. */
function bornYearsBefore(rng: SeededRandom, day: string, years: number): string {
  return isoDay(dayOf(day) - Math.round(years * 365.25) - rng.int(0, 360));
}

/** A day from `from` to `to`, a little more often late than early (demand grows over the years). */
function growingDay(rng: SeededRandom, from: string, to: string): string {
  return isoDay(dayOf(from) + Math.floor(rng.next() ** 0.85 * (dayOf(to) - dayOf(from) + 1)));
}

function authorityHistory(ctx: HistoryContext, maker: ChildMaker, scale: number): void {
  const { rng, start, lastDay, la } = ctx;
  const n = (count: number): number => Math.round(count * scale);
  for (let i = 0; i < n(COUNTS.socialCare); i++) {
    const received = growingDay(rng, addCalendarDays(start, -90), addCalendarDays(lastDay, -80));
    socialCareChild(ctx, maker.child(la.laCode, bornYearsBefore(rng, received, rng.int(0, 16))), received);
  }
  for (let i = 0; i < n(COUNTS.earlyHelp); i++) {
    const received = growingDay(rng, addCalendarDays(start, -60), addCalendarDays(lastDay, -30));
    earlyHelpChild(ctx, maker.child(la.laCode, bornYearsBefore(rng, received, rng.int(0, 15))), received);
  }
  for (let i = 0; i < n(COUNTS.lookedAfter); i++) {
    const began = growingDay(rng, addCalendarDays(start, -3 * 365), addCalendarDays(lastDay, -10));
    const age = rng.weighted([
      { weight: 25, value: rng.int(0, 4) },
      { weight: 25, value: rng.int(5, 10) },
      { weight: 37, value: rng.int(11, 15) },
      { weight: 13, value: 16 },
    ]);
    const child = maker.child(la.laCode, bornYearsBefore(rng, began, age));
    const eighteenth = birthdayOf(child.dob, 18);
    const kind = rng.weighted([
      { weight: 33, value: "home" },
      { weight: 22, value: "order" },
      { weight: 45, value: "long" },
    ] as const);
    let end = kind === "home" ? addCalendarDays(began, rng.int(30, 240)) : kind === "order" ? addCalendarDays(began, rng.int(240, 900)) : eighteenth;
    let reason = kind === "home" ? rng.pick(["E4A", "E4A", "E4B"] as const) : kind === "order" ? (age < 6 ? rng.pick(["E11", "E12", "E45"] as const) : rng.pick(["E41", "E45", "E13", "E4A"] as const)) : rng.pick(["E5", "E6", "E17", "E5"] as const);
    if (end >= eighteenth) {
      end = eighteenth;
      reason = "E5";
    }
    lookedAfterChild(ctx, child, began, end, reason);
  }
  // Young people who left care at 18 in the years before and during history: the care leavers.
  for (let i = 0; i < n(COUNTS.careLeavers); i++) {
    const eighteenth = growingDay(rng, addCalendarDays(start, -3 * 365), addCalendarDays(lastDay, -20));
    const child = maker.child(la.laCode, addCalendarDays(eighteenth, -Math.round(18 * 365.25)));
    const dob = child.dob;
    const began = addCalendarDays(birthdayOf(dob, rng.int(13, 15)), rng.int(0, 300));
    lookedAfterChild(ctx, child, began, birthdayOf(dob, 18), rng.pick(["E5", "E6", "E17"] as const));
  }
}

/**
 * The whole history for `today`, reproducibly: the same day gives the same people and rows.
 * Pure (no database), so a test can look at what the seed would write.
 */
export function buildDemoHistory(ids: HistoryIds, today: string): DemoHistory {
  const rng = new SeededRandom(20_261_124);
  const maker = new ChildMaker(rng);
  const span = historySpan(today);
  const rows = authorities(ids).map((la) => {
    const ctx: HistoryContext = { rng, today, ...span, rows: emptyHistoryRows(), la };
    authorityHistory(ctx, maker, SCALE[la.laCode] ?? 1);
    return ctx.rows;
  });
  return { people: maker.people, nameKeys: maker.nameKeys, rows };
}

/** Many rows in one statement, as demo-people.ts writes people: one JSON parameter per table. */
async function insertJson(trx: Transaction<Database>, table: keyof Database, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  await sql`INSERT INTO ${sql.table(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

/**
 * Writes the demo's casework history (before the measures are built). A few thousand rows in a
 * statement per table, in one transaction. Returns how many children it added.
 */
export async function seedDemoHistory(db: Kysely<Database>, ids: HistoryIds, today: string = todayIso()): Promise<number> {
  const history = buildDemoHistory(ids, today);
  await db.transaction().execute(async (trx) => {
    await insertJson(trx, "person", history.people);
    await insertJson(trx, "person_name_key", history.nameKeys);
    for (const rows of history.rows) {
      for (const [table, list] of Object.entries(rows) as [keyof HistoryRows, object[]][]) await insertJson(trx, table, list);
    }
  });
  return history.people.length;
}
