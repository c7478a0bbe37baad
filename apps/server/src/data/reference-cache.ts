import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";

/**
 * Names of local authorities, loaded once: they change only by migration or seeding, and
 * every person presented needs its authority's name.
 */
export class ReferenceCache {
  private laNames = new Map<string, string>();

  constructor(private readonly db: Kysely<Database>) {}

  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom("local_authority").select(["la_code", "name"]).execute();
    this.laNames = new Map(rows.map((r) => [r.la_code, r.name]));
  }

  /** Every authority's code: lets a lookup by id use indexes that lead with la_code. */
  allLaCodes(): string[] {
    return [...this.laNames.keys()];
  }

  laName(laCode: string): string {
    return this.laNames.get(laCode) ?? laCode;
  }
}
