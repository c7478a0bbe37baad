import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../db/database-types.ts";
import { HouseholdGenerator, type AddressSeed, type NameKeySeed, type RelationshipSeed } from "./demo-households.ts";
import { WCC } from "./demo-organisation.ts";
import type { PersonSeed } from "./demo-person-factory.ts";
import type { DemoContext } from "./seed-demo.ts";
import { SeededRandom } from "./seeded-random.ts";

const BATCH_PEOPLE = 2500;
const RESTRICTED_PEOPLE = 10;
const SCHOOL_SHARED = 40;
const GP_SHARED = 25;

interface SharingSeed { la_code: string; id: string; person_id: string; organisation_id: string; purpose: string; basis: string; granted_by: string; from_date: string; to_date: string | null; withdrawn_at: string | null; withdrawn_by: string | null }
interface NamedAccessSeed { la_code: string; person_id: string; user_id: string; granted_by: string | null }

interface Batch {
  people: PersonSeed[];
  addresses: AddressSeed[];
  relationships: RelationshipSeed[];
  nameKeys: NameKeySeed[];
  sharing: SharingSeed[];
  namedAccess: NamedAccessSeed[];
}

const emptyBatch = (): Batch => ({ people: [], addresses: [], relationships: [], nameKeys: [], sharing: [], namedAccess: [] });

const PERSON_COLUMNS = ["la_code", "id", "la_child_id", "given_name", "family_name", "other_names", "dob", "dob_estimated", "sex", "ethnicity", "first_language", "disability", "uasc", "nhs_number", "upn", "restricted", "deceased_date", "search_text", "current_postcode"];

/**
 * Many rows in one statement: the rows travel as one JSON parameter and PostgreSQL expands
 * them, so a batch costs one round trip and one parameter on PostgreSQL and PGlite alike.
 */
async function insertJson(trx: Transaction<Database>, table: keyof Database, columns: string[], rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  await sql`INSERT INTO ${sql.table(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(trx);
}

async function writeBatch(db: Kysely<Database>, b: Batch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertJson(trx, "person", PERSON_COLUMNS, b.people);
    await insertJson(trx, "person_name_key", ["la_code", "key", "person_id", "dob"], b.nameKeys);
    await insertJson(trx, "address", ["la_code", "id", "person_id", "line1", "line2", "town", "postcode", "from_date", "to_date"], b.addresses);
    await insertJson(trx, "relationship", ["la_code", "id", "person_id", "related_person_id", "type", "from_date"], b.relationships);
    await insertJson(trx, "sharing", ["la_code", "id", "person_id", "organisation_id", "purpose", "basis", "granted_by", "from_date", "to_date", "withdrawn_at", "withdrawn_by"], b.sharing);
    await insertJson(trx, "person_named_access", ["la_code", "person_id", "user_id", "granted_by"], b.namedAccess);
  });
}

/**
 * Picks, as people are generated, the few that demo the access rules: restricted records
 * named to the Westminster team manager, children a school sees with consent, people the GP
 * practice sees. Spread through the whole population by a stride so any size shows them.
 */
class AccessPicker {
  private wccChildren = 0;
  private wccPupils = 0;
  private wccPeople = 0;
  private restricted = 0;
  private school = 0;
  private gp = 0;
  private readonly childStride: number;
  private readonly pupilStride: number;
  private readonly peopleStride: number;

  constructor(count: number, private readonly ctx: DemoContext, private readonly rng: SeededRandom, private readonly today: string) {
    // About a quarter of people are Westminster children and a tenth Westminster children of
    // primary age: strides spread the picks across the whole population at any size.
    this.childStride = Math.max(2, Math.floor((count * 0.25) / (RESTRICTED_PEOPLE + 2)));
    this.pupilStride = Math.max(1, Math.floor((count * 0.09) / (SCHOOL_SHARED + 5)));
    this.peopleStride = Math.max(2, Math.floor((count * 0.6) / (GP_SHARED + 2)));
  }

  visit(p: PersonSeed, batch: Batch): void {
    if (p.la_code !== WCC) return;
    const age = Number(this.today.slice(0, 4)) - Number(p.dob.slice(0, 4));
    const school = this.ctx.orgIds.get("school-edgware");
    const gp = this.ctx.orgIds.get("gp-church");
    const sw = this.ctx.userIds.get("sw.wcc");
    const tm = this.ctx.userIds.get("tm.wcc");
    if (age < 18 && this.wccChildren++ % this.childStride === 1 && tm && this.restricted < RESTRICTED_PEOPLE) {
      this.restricted++;
      p.restricted = true;
      batch.namedAccess.push({ la_code: WCC, person_id: p.id, user_id: tm, granted_by: tm });
      return;
    }
    if (age >= 5 && age <= 11 && this.wccPupils++ % this.pupilStride === 0 && school && sw && this.school < SCHOOL_SHARED + 3) {
      // The last three were shared once and the consent since withdrawn: the school no longer sees them.
      const withdrawn = this.school >= SCHOOL_SHARED;
      this.school++;
      batch.sharing.push(this.share(p, school, sw, "Early help: team around the family", "consent", withdrawn));
      return;
    }
    if (this.wccPeople++ % this.peopleStride === 0 && gp && sw && this.gp < GP_SHARED) {
      this.gp++;
      batch.sharing.push(this.share(p, gp, sw, "Health: GP liaison for the family plan", this.gp % 4 === 0 ? "safeguarding" : "consent", false));
    }
  }

  private share(p: PersonSeed, org: string, by: string, purpose: string, basis: string, withdrawn: boolean): SharingSeed {
    const from = `${Number(this.today.slice(0, 4)) - 1}-${String(this.rng.int(1, 12)).padStart(2, "0")}-${String(this.rng.int(1, 28)).padStart(2, "0")}`;
    return { la_code: p.la_code, id: this.rng.uuid(), person_id: p.id, organisation_id: org, purpose, basis, granted_by: by, from_date: from, to_date: null, withdrawn_at: withdrawn ? `${this.today}T09:00:00Z` : null, withdrawn_by: withdrawn ? by : null };
  }
}

/**
 * Seeds `count` invented people in families across Westminster and Kensington and Chelsea,
 * reproducibly from `seed`, in multi-row batches (one transaction each). While one batch is
 * being written the next is generated, so PostgreSQL and the generator work side by side.
 */
export async function seedDemoPeople(db: Kysely<Database>, ctx: DemoContext, options: { count: number; seed: number; onProgress?: (done: number, total: number) => void }): Promise<void> {
  const referenceDate = "2026-09-01";
  const generator = new HouseholdGenerator(options.seed, options.count, referenceDate);
  const picker = new AccessPicker(options.count, ctx, new SeededRandom(options.seed ^ 0x5eed), referenceDate);
  let batch = emptyBatch();
  let writing: Promise<void> | null = null;
  let written = 0;
  let failure: Error | null = null;
  const settle = async (): Promise<void> => {
    if (writing) await writing;
    if (failure !== null) throw failure;
  };
  const flush = async (): Promise<void> => {
    const full = batch;
    batch = emptyBatch();
    await settle();
    // The error is kept and rethrown at the next flush, so a failed batch is never left unhandled.
    writing = writeBatch(db, full).then(
      () => {
        written += full.people.length;
        options.onProgress?.(written, options.count);
      },
      (error: unknown) => {
        failure = error instanceof Error ? error : new Error(String(error));
      },
    );
  };
  for (let rows = generator.next(); rows; rows = generator.next()) {
    for (const p of rows.people) picker.visit(p, batch);
    batch.people.push(...rows.people);
    batch.addresses.push(...rows.addresses);
    batch.relationships.push(...rows.relationships);
    batch.nameKeys.push(...rows.nameKeys);
    if (batch.people.length >= BATCH_PEOPLE) await flush();
  }
  if (batch.people.length > 0) await flush();
  await settle();
}
