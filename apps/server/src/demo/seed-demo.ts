import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { hashPassword } from "../auth/passwords.ts";
import type { Database } from "../db/database-types.ts";
import { DEMO_AUTHORITIES, DEMO_LOCALITIES, DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, RBKC, WCC } from "./demo-organisation.ts";
import { seedDemoPeople } from "./demo-people.ts";
import { seedDemoGovernance } from "./demo-governance.ts";
import { rebuildMeasures } from "../data/measures/measure-rebuild.ts";
import { seedDemoMeasures } from "./demo-measures.ts";
import { seedDemoHistory } from "./demo-history.ts";

/** Ids of what the organisation seed created, by the keys in demo-organisation.ts. */
export interface DemoContext {
  orgIds: Map<string, string>;
  teamIds: Map<string, string>;
  userIds: Map<string, string>;
  localityIds: Map<string, string>;
}

/** True once the demo borough has been created (first start only). */
export async function hasDemo(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("app_user").select("id").where("is_demo", "=", true).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Creates the authorities, localities, organisations, teams, shared service and demo accounts. */
export async function seedDemoOrganisation(db: Kysely<Database>): Promise<DemoContext> {
  const ctx: DemoContext = { orgIds: new Map(), teamIds: new Map(), userIds: new Map(), localityIds: new Map() };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("local_authority").values(DEMO_AUTHORITIES.map((a) => ({ la_code: a.laCode, name: a.name }))).onConflict((oc) => oc.column("la_code").doNothing()).execute();
    for (const l of DEMO_LOCALITIES) ctx.localityIds.set(l.key, randomUUID());
    await trx.insertInto("locality").values(DEMO_LOCALITIES.map((l) => ({ la_code: l.la, id: ctx.localityIds.get(l.key) ?? "", name: l.name }))).execute();
    for (const o of DEMO_ORGANISATIONS) ctx.orgIds.set(o.key, randomUUID());
    await trx
      .insertInto("organisation")
      .values(DEMO_ORGANISATIONS.map((o) => ({ la_code: o.la, id: ctx.orgIds.get(o.key) ?? "", kind: o.kind, name: o.name, urn: o.urn ?? null, ods_code: o.ods ?? null, postcode: o.postcode })))
      .execute();
    for (const t of DEMO_TEAMS) ctx.teamIds.set(t.key, randomUUID());
    await trx
      .insertInto("team")
      .values(DEMO_TEAMS.map((t) => ({ la_code: t.la, id: ctx.teamIds.get(t.key) ?? "", name: t.name, kind: t.kind, organisation_id: ctx.orgIds.get(t.org) ?? "", locality_id: t.locality ? (ctx.localityIds.get(t.locality) ?? null) : null })))
      .execute();
    const sharedId = randomUUID();
    await trx.insertInto("shared_service").values({ id: sharedId, name: "Bi-borough children's services (Westminster and Kensington and Chelsea)", from_date: "2012-04-01", to_date: null }).execute();
    await trx.insertInto("shared_service_authority").values([WCC, RBKC].map((la) => ({ shared_service_id: sharedId, la_code: la }))).execute();
    await trx
      .insertInto("shared_service_team")
      .values(DEMO_TEAMS.filter((t) => t.shared).map((t) => ({ shared_service_id: sharedId, team_id: ctx.teamIds.get(t.key) ?? "" })))
      .execute();
    for (const u of DEMO_USERS) ctx.userIds.set(u.username, randomUUID());
    await trx
      .insertInto("app_user")
      .values(
        DEMO_USERS.map((u) => ({
          la_code: u.la,
          id: ctx.userIds.get(u.username) ?? "",
          username: u.username,
          display_name: u.name,
          email: u.email,
          role: u.role,
          organisation_id: ctx.orgIds.get(u.org) ?? "",
          team_id: u.team ? (ctx.teamIds.get(u.team) ?? null) : null,
          password_hash: passwordHash,
          is_demo: true,
        })),
      )
      .execute();
  });
  return ctx;
}

/** The whole demo: organisation, then a few thousand synthetic people in families. */
export async function seedDemo(db: Kysely<Database>, options: { people: number; seed?: number; onProgress?: (done: number, total: number) => void }): Promise<DemoContext> {
  const ctx = await seedDemoOrganisation(db);
  await seedDemoPeople(db, ctx, { count: options.people, seed: options.seed ?? 20261122, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  await seedDemoGovernance(db, ctx);
  // Five years of closed-off casework history for new children, so the measures have a past.
  await seedDemoHistory(db, ctx);
  // Build the demo authorities' measures now (every new person marked them dirty); the caseload
  // recorded later through the API is applied by the refresh before the first read.
  for (const la of [WCC, RBKC]) await rebuildMeasures(db, la);
  await seedDemoMeasures(db, new Date().toISOString().slice(0, 10));
  return ctx;
}
