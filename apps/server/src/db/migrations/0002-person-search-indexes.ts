import { sql, type Kysely } from "kysely";

/**
 * Indexes for person search at a million people:
 * - name keys with person_id included, so the key lookup (key, date-of-birth range) is an
 *   index-only scan rather than a heap visit per hit; it replaces the plain (la_code, key, dob) index;
 * - the postcode's outward code ("W2"), so a district search is an equality that any
 *   collation can serve from a btree (LIKE 'W2 %' uses one only under the C collation).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX person_name_key_search_idx ON person_name_key (la_code, key, dob) INCLUDE (person_id)`.execute(db);
  await sql`DROP INDEX IF EXISTS person_name_key_dob_idx`.execute(db);
  await sql`CREATE INDEX person_postcode_district_idx ON person (la_code, split_part(current_postcode, ' ', 1))`.execute(db);
}

/** Local resets only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS person_postcode_district_idx`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS person_name_key_dob_idx ON person_name_key (la_code, key, dob)`.execute(db);
  await sql`DROP INDEX IF EXISTS person_name_key_search_idx`.execute(db);
}
