import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import { allNames, personSearchText } from "../data/person-keys.ts";
import { nameSearchKeys } from "@family-story/domain";
import type { DemoContext } from "./seed-demo.ts";
import { WCC } from "./demo-organisation.ts";

/** Small first cut: a handful of families so the service has someone to find. */
export async function seedDemoPeople(db: Kysely<Database>, _ctx: DemoContext, options: { count: number; seed: number; onProgress?: (done: number, total: number) => void }): Promise<void> {
  const families = [
    ["Mohammed", "Rahman", "Aisha", "Rahman", "Yusuf", "Rahman"],
    ["Catherine", "Smith", "John", "Smith", "Lily", "Smith"],
  ];
  let done = 0;
  for (const f of families) {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < f.length; i += 2) {
        const id = randomUUID();
        const given = f[i] ?? "";
        const family = f[i + 1] ?? "";
        await trx.insertInto("person").values({ la_code: WCC, id, given_name: given, family_name: family, other_names: "[]", dob: i === 4 ? "2015-04-23" : "1985-01-10", sex: "unknown", search_text: personSearchText(given, family, []), current_postcode: "W2 1AB", la_child_id: null, preferred_name: null, expected_dob: null, gender: null, ethnicity: null, first_language: null, disability: null, nhs_number: null, upn: null, former_upn: null, deceased_date: null, created_by: null, updated_by: null }).execute();
        const keys = nameSearchKeys(...allNames(given, family, []));
        await trx.insertInto("person_name_key").values(keys.map((key) => ({ la_code: WCC, key, person_id: id, dob: null }))).execute();
        done++;
      }
    });
    options.onProgress?.(done, options.count);
  }
}
