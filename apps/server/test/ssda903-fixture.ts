import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../src/db/database-types.ts";

/** The shared synthetic SSDA903 year (tests may read ../shared; the product never does). */
export const FIXTURE_DIR = path.resolve(import.meta.dirname, "../../../../shared/returns/ssda903/fixtures/fake-2017-18");

/** The fixture's CSV files as the importer takes them (name and text). */
export function fixtureCsvFiles(): { name: string; text: string }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(FIXTURE_DIR, name), "utf8") }));
}

/** One fixture file's text. */
export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURE_DIR, name), "utf8");
}

/** A CSV without quotes (as the fixtures are) as header-keyed records with their line numbers. */
export function csvRecords(text: string): { line: number; values: Record<string, string> }[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const out: { line: number; values: Record<string, string> }[] = [];
  lines.slice(1).forEach((l, i) => {
    if (l.trim() === "") return;
    const cells = l.split(",");
    out.push({ line: i + 2, values: Object.fromEntries(header.map((h, c) => [h, (cells[c] ?? "").trim()])) });
  });
  return out;
}

/** dd/mm/yyyy → yyyy-mm-dd; blank → null. */
export function iso(date: string): string | null {
  if (date === "") return null;
  const [d, m, y] = date.split("/");
  return `${y ?? ""}-${m ?? ""}-${d ?? ""}`;
}

/** Rows per table of one tenant, as the import writes them. */
export async function tenantCounts(db: Kysely<Database>, laCode: string): Promise<Record<string, number>> {
  const count = async (table: "person" | "lac_child" | "lac_episode" | "lac_review" | "lac_oc2" | "lac_oc3" | "lac_ad1" | "lac_placed_adoption" | "lac_missing" | "lac_sw_episode" | "lac_dolo"): Promise<number> => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", laCode).executeTakeFirstOrThrow();
    return row.n;
  };
  const uasc = await db.selectFrom("person").select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", laCode).where("uasc", "=", true).executeTakeFirstOrThrow();
  const prevPerm = await db.selectFrom("lac_child").select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", laCode).where("prev_perm", "is not", null).executeTakeFirstOrThrow();
  const cases = await db.selectFrom("casework_case").select((eb) => eb.fn.countAll<number>().as("n")).where("la_code", "=", laCode).where("kind", "=", "looked_after").executeTakeFirstOrThrow();
  return {
    Header: await count("person"),
    lacChild: await count("lac_child"),
    cases: cases.n,
    Episodes: await count("lac_episode"),
    Reviews: await count("lac_review"),
    OC2: await count("lac_oc2"),
    OC3: await count("lac_oc3"),
    AD1: await count("lac_ad1"),
    PlacedAdoption: await count("lac_placed_adoption"),
    Missing: await count("lac_missing"),
    SWEpisodes: await count("lac_sw_episode"),
    DoLo: await count("lac_dolo"),
    UASC: uasc.n,
    PrevPerm: prevPerm.n,
  };
}

/** Every versioned row of a tenant the import writes, as "table:id" → version. */
export async function tenantVersions(db: Kysely<Database>, laCode: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await db.selectFrom("person").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`person:${r.id}`, r.version);
  for (const r of await db.selectFrom("lac_child").select(["person_id", "version"]).where("la_code", "=", laCode).execute()) out.set(`lac_child:${r.person_id}`, r.version);
  for (const r of await db.selectFrom("casework_case").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`case:${r.id}`, r.version);
  for (const r of await db.selectFrom("lac_episode").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`episode:${r.id}`, r.version);
  for (const r of await db.selectFrom("lac_review").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`review:${r.id}`, r.version);
  for (const r of await db.selectFrom("lac_missing").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`missing:${r.id}`, r.version);
  for (const r of await db.selectFrom("lac_oc3").select(["person_id", "version"]).where("la_code", "=", laCode).execute()) out.set(`oc3:${r.person_id}`, r.version);
  for (const r of await db.selectFrom("lac_ad1").select(["person_id", "version"]).where("la_code", "=", laCode).execute()) out.set(`ad1:${r.person_id}`, r.version);
  for (const r of await db.selectFrom("lac_placed_adoption").select(["id", "version"]).where("la_code", "=", laCode).execute()) out.set(`placed:${r.id}`, r.version);
  return out;
}
