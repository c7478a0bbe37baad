import { randomUUID } from "node:crypto";
import { upnCheckLetter } from "@family-story/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildSharing, buildTenant, buildUser, grantNamedAccess, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Result { id: string; name: string; score: number; matchedOn: string[]; otherNames: string[]; postcodeDistrict: string | null; familyMembers: { name: string; relationship: string }[] }

const rest = "213200015001";
const UPN = `${upnCheckLetter(rest)}${rest}`;

describe.each(DATABASE_KINDS)("person search on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let sw: Client;
  let school: Client;
  let named: Client;
  const ids: Record<string, string> = {};

  async function search(client: Client, params: Record<string, string>): Promise<Result[]> {
    const res = await client.get(`/api/v1/people?${new URLSearchParams(params).toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ results: Result[] }>().results;
  }
  const names = (results: Result[]) => results.map((r) => r.name);

  beforeAll(async () => {
    svc = await createTestService(kind);
    const db = svc.services.db;
    tenant = await buildTenant(svc.services);
    const practitioner = await buildUser(db, tenant, "practitioner");
    const manager = await buildUser(db, tenant, "team_manager");
    const schoolOrg = await buildPartnerOrg(db, tenant, "school");
    const dsl = await buildUser(db, tenant, "partner_practitioner", { orgId: schoolOrg, teamId: null });
    ids.mohammed = await buildPerson(db, tenant, { givenName: "Mohammed", familyName: "Rahman", dob: "2015-04-23", nhsNumber: "9434765919", postcode: "W2 1AB" });
    ids.muhammad = await buildPerson(db, tenant, { givenName: "Muhammad", familyName: "Rehman", dob: "2012-09-01", postcode: "W9 2QQ" });
    ids.mohamedAli = await buildPerson(db, tenant, { givenName: "Mohamed", familyName: "Ali", dob: "2015-06-14", upn: UPN, postcode: "W2 5XY" });
    ids.aisha = await buildPerson(db, tenant, { givenName: "Aisha", familyName: "Rahman", dob: "2017-01-30", postcode: "W2 1AB" });
    ids.nguyen = await buildPerson(db, tenant, { givenName: "Minh", familyName: "Nguyễn", dob: "2011-11-04", otherNames: [{ givenName: "Minh", familyName: "Nguyen", kind: "transliteration" }], postcode: "W10 6TT" });
    ids.chowdhury = await buildPerson(db, tenant, { givenName: "Fatema", familyName: "Chowdhury", dob: "1988-03-12", postcode: "NW8 8AB" });
    ids.smith = await buildPerson(db, tenant, { givenName: "Catherine", familyName: "Smith", dob: "2014-07-19", postcode: "SW1V 2AA" });
    ids.hidden = await buildPerson(db, tenant, { givenName: "Yusuf", familyName: "Hussain", dob: "2013-02-02", restricted: true });
    ids.hussein = await buildPerson(db, tenant, { givenName: "Omar", familyName: "Hussein", dob: "2013-05-05" });
    // Noise that shares keys with the searches below, so ranking has work to do.
    for (let i = 0; i < 25; i++) await buildPerson(db, tenant, { givenName: i % 2 ? "Mohammad" : "Mahmood", familyName: i % 3 ? "Khan" : "Rahim", dob: `20${10 + (i % 9)}-0${1 + (i % 9)}-1${i % 9}` });
    await buildSharing(db, tenant, ids.aisha, schoolOrg, practitioner.id);
    await buildSharing(db, tenant, ids.mohamedAli, schoolOrg, practitioner.id, { withdrawn: true });
    await grantNamedAccess(db, tenant, ids.hidden, manager.id);
    // Aisha's brother is Mohammed; Yusuf (restricted) is recorded as Aisha's father.
    const link = (person: string, related: string, type: string) => ({ la_code: tenant.laCode, id: randomUUID(), person_id: person, related_person_id: related, type, from_date: null, to_date: null, notes: null });
    await db.insertInto("relationship").values([link(ids.aisha, ids.mohammed, "sibling"), link(ids.aisha, ids.hidden, "parent"), link(ids.chowdhury, ids.aisha, "child")]).execute();
    sw = await signIn(svc.app, practitioner.username, TEST_PASSWORD);
    school = await signIn(svc.app, dsl.username, TEST_PASSWORD);
    named = await signIn(svc.app, manager.username, TEST_PASSWORD);
  });
  afterAll(async () => svc.close());

  it("finds a misspelt name", async () => {
    const results = await search(sw, { q: "Mohamad Rahmen" });
    expect(results[0]?.id).toBe(ids.mohammed);
    expect(names(await search(sw, { q: "Catherne Smtih" }))[0]).toBe("Catherine Smith");
  });

  it("finds every transliteration of Mohammed, the exact spelling first", async () => {
    const results = await search(sw, { q: "Mohammed" });
    const found = names(results);
    expect(found).toEqual(expect.arrayContaining(["Mohammed Rahman", "Muhammad Rehman", "Mohamed Ali"]));
    expect(found[0]).toBe("Mohammed Rahman");
    expect(results[1]?.matchedOn).toContain("name spelling");
    expect(names(await search(sw, { q: "Choudhury" }))).toEqual(["Fatema Chowdhury"]);
    expect(names(await search(sw, { q: "nguyen" }))).toEqual(["Minh Nguyễn"]);
    expect(names(await search(sw, { q: "Hussein" }))).toEqual(["Omar Hussein"]);
  });

  it("finds names typed the other way round, the right way round ranked first", async () => {
    const results = await search(sw, { q: "Rahman Mohammed" });
    expect(results[0]?.id).toBe(ids.mohammed);
    expect(names(await search(sw, { q: "Nguyen Minh" }))[0]).toBe("Minh Nguyễn");
  });

  it("narrows by a full, partial or approximate date of birth", async () => {
    expect(names(await search(sw, { q: "Mohammed", dob: "2015-04-23" }))).toEqual(["Mohammed Rahman"]);
    const year = names(await search(sw, { q: "Mohammed", dob: "2015" }));
    expect(year).toEqual(expect.arrayContaining(["Mohamed Ali", "Mohammed Rahman", "Mohammad Khan"]));
    expect(year).not.toContain("Muhammad Rehman");
    // Mahmood shares Mohammed's consonants but is another name: it comes last.
    expect(year[year.length - 1]).toBe("Mahmood Khan");
    const month = names(await search(sw, { q: "Mohammed", dob: "2015-06" }));
    expect(month).toContain("Mohamed Ali");
    expect(month).not.toContain("Mohammed Rahman");
    const about = await search(sw, { q: "Mohammed Ali", dob: "~2016-06-14" });
    expect(about[0]?.id).toBe(ids.mohamedAli);
    expect(names(await search(sw, { dob: "2011-11" }))).toEqual(["Minh Nguyễn"]);
    const bad = await sw.get("/api/v1/people?q=Ali&dob=2015-02-30");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("dob");
  });

  it("finds by NHS number (spaces allowed) and by UPN, even when the name is spelt differently", async () => {
    const nhs = await search(sw, { nhsNumber: "943 476 5919" });
    expect(nhs.map((r) => r.id)).toEqual([ids.mohammed]);
    expect(nhs[0]?.matchedOn).toContain("NHS number");
    expect((await search(sw, { nhsNumber: "9434765919", q: "Mo Raman" })).map((r) => r.id)).toEqual([ids.mohammed]);
    const upn = await search(sw, { upn: UPN.toLowerCase() });
    expect(upn.map((r) => r.id)).toEqual([ids.mohamedAli]);
  });

  it("finds by full postcode or district, alone or with a name", async () => {
    expect(names(await search(sw, { postcode: "w21ab" })).sort()).toEqual(["Aisha Rahman", "Mohammed Rahman"]);
    expect(names(await search(sw, { postcode: "W2" })).sort()).toEqual(["Aisha Rahman", "Mohamed Ali", "Mohammed Rahman"]);
    expect(names(await search(sw, { q: "Mohammed", postcode: "W2" })).sort()).toEqual(["Mohamed Ali", "Mohammed Rahman"]);
    const district = await search(sw, { q: "Rahman", postcode: "W2 1AB" });
    expect(district.every((r) => r.postcodeDistrict === "W2")).toBe(true);
  });

  it("ranks name and date of birth together above a name alone", async () => {
    const results = await search(sw, { q: "Mohammed Rahman", dob: "~2015" });
    expect(results[0]?.id).toBe(ids.mohammed);
    expect(results[0]?.matchedOn).toEqual(expect.arrayContaining(["name", "date of birth"]));
    const scores = results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const rahman = await search(sw, { q: "Rahman" });
    expect(names(rahman).slice(0, 2).sort()).toEqual(["Aisha Rahman", "Mohammed Rahman"]);
  });

  it("names each result's family members the searcher may also open, seen from the result", async () => {
    const results = await search(sw, { q: "Rahman" });
    const aisha = results.find((r) => r.id === ids.aisha);
    expect(aisha?.familyMembers).toEqual(expect.arrayContaining([{ name: "Mohammed", relationship: "sibling" }, { name: "Fatema", relationship: "parent" }]));
    expect(aisha?.familyMembers).toHaveLength(2);
    expect(results.find((r) => r.id === ids.mohammed)?.familyMembers).toEqual([{ name: "Aisha", relationship: "sibling" }]);
    const fatema = await search(sw, { q: "Fatema Chowdhury" });
    expect(fatema[0]?.familyMembers).toEqual([{ name: "Aisha", relationship: "child" }]);
    const manager = await search(named, { q: "Aisha Rahman" });
    expect(manager[0]?.familyMembers).toEqual(expect.arrayContaining([{ name: "Yusuf", relationship: "parent" }]));
  });

  it("shows a partner only the people shared with their organisation, not after consent is withdrawn", async () => {
    expect(names(await search(school, { q: "Rahman" }))).toEqual(["Aisha Rahman"]);
    expect(await search(school, { q: "Mohamed Ali" })).toEqual([]);
    expect(await search(school, { upn: UPN })).toEqual([]);
    expect(names(await search(school, { postcode: "W2" }))).toEqual(["Aisha Rahman"]);
  });

  it("hides a restricted person from everyone but the users named on it", async () => {
    expect(names(await search(sw, { q: "Yusuf Hussain" }))).not.toContain("Yusuf Hussain");
    expect(names(await search(sw, { dob: "2013-02-02" }))).toEqual([]);
    expect(names(await search(named, { q: "Yusuf Hussain" }))[0]).toBe("Yusuf Hussain");
  });

  it("asks for something to search for, and refuses unknown parameters", async () => {
    const empty = await sw.get("/api/v1/people?q=%20");
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("q");
    expect((await sw.get("/api/v1/people?q=M")).statusCode).toBe(400);
    expect((await sw.get("/api/v1/people?name=Ali")).statusCode).toBe(400);
    const initial = await search(sw, { q: "M Rahman" });
    expect(initial[0]?.id).toBe(ids.mohammed);
  });
});
