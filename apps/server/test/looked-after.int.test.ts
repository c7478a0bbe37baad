import type { LookedAfterRecord, MissingEpisode, PlacementProviderOut } from "@family-story/schemas";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildPartnerOrg, buildPerson, buildSharedService, buildSharing, buildTeam, buildTenant, buildUser, type Tenant } from "./factories.ts";
import { DATABASE_KINDS, createTestService, signIn, type Client, type TestService } from "./harness.ts";

interface Problem { title: string; detail?: string; errors?: { field: string; message: string }[] }

/** The value, failing the test when it is missing. */
function defined<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error("expected a value");
  return value;
}

// Two synthetic postcodes 10 miles apart (16,093.44 m east), in two authorities, for PL_LA and PL_DISTANCE.
const HOME_PC = "ZZ9 9LA";
const PLACE_PC = "ZZ9 9LB";

/** A foster placement with a provider code: the usual starting placement of these tests. */
const START = { startDate: "2025-03-03", legalStatus: "C1", categoryOfNeed: "N1", place: "U6", placeProvider: "PR1", homePostcode: "W2 1AA", placementPostcode: "W9 2BB" } as const;

describe.each(DATABASE_KINDS)("children looked after on %s", (kind) => {
  let svc: TestService;
  let tenant: Tenant;
  let other: Tenant;
  let sw: Client;
  let swId: string;
  let otherSw: Client;
  let partner: Client;
  let partnerOrg: string;
  let managerId: string;

  beforeAll(async () => {
    svc = await createTestService(kind, { LOG_LEVEL: "error" });
    tenant = await buildTenant(svc.services);
    other = await buildTenant(svc.services, "Other Borough");
    const u = await buildUser(svc.services.db, tenant, "practitioner");
    swId = u.id;
    sw = await signIn(svc.app, u.username, TEST_PASSWORD);
    managerId = (await buildUser(svc.services.db, tenant, "team_manager")).id;
    otherSw = await signIn(svc.app, (await buildUser(svc.services.db, other, "practitioner")).username, TEST_PASSWORD);
    partnerOrg = await buildPartnerOrg(svc.services.db, tenant);
    partner = await signIn(svc.app, (await buildUser(svc.services.db, tenant, "partner_practitioner", { orgId: partnerOrg, teamId: null })).username, TEST_PASSWORD);
    await svc.services.db
      .insertInto("ons_postcode")
      .values([
        { pcd: HOME_PC, easting: 500000, northing: 200000, laua: "E09000001" },
        { pcd: PLACE_PC, easting: 516093, northing: 200000, laua: "E09000002" },
      ])
      .onConflict((oc) => oc.column("pcd").doNothing())
      .execute();
  });
  afterAll(async () => {
    await svc.services.db.deleteFrom("ons_postcode").where("pcd", "in", [HOME_PC, PLACE_PC]).execute();
    await svc.close();
  });

  const db = () => svc.services.db;
  const url = (personId: string, rest = "") => `/api/v1/people/${personId}/looked-after${rest}`;
  async function ok(res: Promise<LightMyRequestResponse>, status = 200): Promise<LookedAfterRecord> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return r.json<LookedAfterRecord>();
  }
  async function refused(res: Promise<LightMyRequestResponse>, status: number): Promise<Problem> {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers["content-type"]).toMatch(/problem\+json/);
    return r.json<Problem>();
  }
  async function items(personId: string) {
    return db().selectFrom("work_item").select(["kind", "due_date", "status", "assigned_to", "source_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
  }
  /** A child in care since 3 March 2025 in a U6 foster placement. */
  async function inCare(): Promise<{ personId: string; rec: LookedAfterRecord }> {
    const personId = await buildPerson(db(), tenant);
    return { personId, rec: await ok(sw.post(url(personId), START), 201) };
  }

  it("starts a period of care: the looked-after case, the child's record, episode S, the chronology, the first visit and an audited read", async () => {
    const personId = await buildPerson(db(), tenant);
    const never = await ok(sw.get(url(personId)));
    expect(never).toMatchObject({ status: "never", caseId: null, episodes: [], currentEpisode: null });

    const rec = await ok(sw.post(url(personId), START), 201);
    expect(rec.status).toBe("looked_after");
    expect(rec.allocatedTo?.id).toBe(swId);
    const episode = defined(rec.currentEpisode);
    expect(episode).toMatchObject({ startDate: "2025-03-03", endDate: null, reasonNewEpisode: { code: "S" }, legalStatus: { code: "C1", label: "Interim care order" }, place: { code: "U6" }, placeProvider: { code: "PR1" }, homePostcode: "W2 1AA", placementPostcode: "W9 2BB" });
    // The ONS directory does not know these postcodes: the derived fields are not known.
    expect(episode).toMatchObject({ placementLa: null, placementLocation: null, distanceMiles: null });

    const c = await db().selectFrom("casework_case").selectAll().where("la_code", "=", tenant.laCode).where("id", "=", defined(rec.caseId)).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ kind: "looked_after", subject_person_id: personId, status: "open", allocated_to: swId, opened_on: "2025-03-03" });
    const members = await db().selectFrom("case_member").selectAll().where("la_code", "=", tenant.laCode).where("case_id", "=", c.id).execute();
    expect(members.map((m) => [m.person_id, m.role])).toEqual([[personId, "child"]]);
    const lac = await db().selectFrom("lac_child").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", personId).executeTakeFirstOrThrow();
    expect(lac.case_id).toBe(c.id);
    const events = await db().selectFrom("case_event").selectAll().where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(events).toEqual([expect.objectContaining({ service: "looked_after", kind: "lac_episode", occurred_on: "2025-03-03", case_id: c.id })]);
    // Visit within a week of the placement starting; the first review within 20 working days
    // (with no IRO named yet, on the social worker's tray).
    // Starting care also sets the health and education due dates (their rules are tested in
    // looked-after-health.int.test.ts).
    const due = await items(personId);
    expect(due.map((i) => i.kind).sort()).toEqual(["lac_dental_due", "lac_health_due", "lac_pep_due", "lac_review_due", "lac_sdq_due", "lac_visit_due"]);
    expect(due).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: "lac_visit_due", due_date: "2025-03-10", status: "open", assigned_to: swId }),
      expect.objectContaining({ kind: "lac_review_due", due_date: "2025-03-31", status: "open", assigned_to: swId }),
    ]));

    const audit = await db().selectFrom("audit_event").select(["action", "person_id"]).where("la_code", "=", tenant.laCode).where("person_id", "=", personId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["looked_after.read", "looked_after.start"]));

    // Starting again while looked after is refused; a case already open is not duplicated.
    await refused(sw.post(url(personId), { ...START, startDate: "2025-04-01" }), 409);
  });

  it("derives episodes from changes: placement P with X1 and a reason on the old, T, L, B, a same-day change amending, and ceasing with REC", async () => {
    const { personId } = await inCare();
    // A change of placement without a reason is refused, naming the field.
    const noReason = await refused(sw.post(url(personId, "/changes"), { changeDate: "2025-04-07", place: "K2", placeProvider: "PR4" }), 422);
    expect(noReason.errors?.[0]?.field).toBe("reasonPlaceChange");

    let rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-04-07", place: "K2", placeProvider: "PR4", placementPostcode: "E7 5YR", urn: "SC123456", reasonPlaceChange: "CHILD" }));
    expect(rec.episodes.map((e) => [e.startDate, e.endDate, e.reasonNewEpisode?.code, e.reasonCeased?.code ?? null, e.reasonPlaceChange?.code ?? null])).toEqual([
      ["2025-03-03", "2025-04-07", "S", "X1", "CHILD"],
      ["2025-04-07", null, "P", null, null],
    ]);
    // The first visit in the new placement is due within a week of it.
    expect((await items(personId)).find((i) => i.kind === "lac_visit_due")).toMatchObject({ due_date: "2025-04-14", status: "open" });

    // Same carers, new placement: T.
    rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-05-01", place: "K2", placeProvider: "PR4", placementPostcode: "E7 5YS", sameCarers: true, reasonPlaceChange: "PLACE" }));
    expect(rec.currentEpisode?.reasonNewEpisode?.code).toBe("T");
    // Legal status only: L.
    rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-06-02", legalStatus: "C2" }));
    expect(rec.currentEpisode).toMatchObject({ reasonNewEpisode: { code: "L" }, legalStatus: { code: "C2" }, place: { code: "K2" } });
    // Both, with new carers: B.
    rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-07-01", legalStatus: "E1", place: "U4", placeProvider: "PR1", reasonPlaceChange: "CARPL" }));
    expect(rec.currentEpisode?.reasonNewEpisode?.code).toBe("B");
    expect(rec.episodes).toHaveLength(5);
    expect(rec.placements).toHaveLength(4);
    expect(rec.placementCounts.currentPeriod).toBe(4);

    // A second change the same day amends today's episode instead of adding one of no length.
    rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-07-01", place: "U1", placeProvider: "PR1", reasonPlaceChange: "CARPL" }));
    expect(rec.episodes).toHaveLength(5);
    expect(rec.currentEpisode).toMatchObject({ startDate: "2025-07-01", reasonNewEpisode: { code: "B" }, place: { code: "U1" }, legalStatus: { code: "E1" } });

    // Ceasing: the open episode closes with the REC; no more visits are due.
    rec = await ok(sw.post(url(personId, "/cease"), { endDate: "2025-09-30", reasonCeased: "E4A" }));
    expect(rec.status).toBe("ceased");
    expect(rec.currentEpisode).toBeNull();
    expect(rec.episodes.at(-1)).toMatchObject({ endDate: "2025-09-30", reasonCeased: { code: "E4A" } });
    expect(rec.periods).toHaveLength(1);
    expect(rec.periods[0]).toMatchObject({ startDate: "2025-03-03", endDate: "2025-09-30", reasonCeased: { code: "E4A" }, episodes: 5, placements: 4 });
    expect((await items(personId)).find((i) => i.kind === "lac_visit_due")?.status).toBe("cancelled");
    const ceased = await db().selectFrom("case_event").select(["kind", "occurred_on"]).where("la_code", "=", tenant.laCode).where("person_id", "=", personId).where("kind", "=", "lac_ceased").execute();
    expect(ceased).toEqual([{ kind: "lac_ceased", occurred_on: "2025-09-30" }]);

    // Ceasing again, or changing, with no open episode: 409.
    await refused(sw.post(url(personId, "/cease"), { endDate: "2025-10-01", reasonCeased: "E8" }), 409);
    await refused(sw.post(url(personId, "/changes"), { changeDate: "2025-10-01", legalStatus: "C2" }), 409);

    // A new period reuses the same case.
    const again = await ok(sw.post(url(personId), { ...START, startDate: "2025-11-03" }), 201);
    expect(again.caseId).toBe(rec.caseId);
    expect(again.periods).toHaveLength(2);
  });

  it("refuses invalid codes with a 400 naming the field, and a child never looked after with a 409", async () => {
    const personId = await buildPerson(db(), tenant);
    const bad = await refused(sw.post(url(personId), { ...START, legalStatus: "C9", place: "Q1" }), 400);
    expect(bad.errors?.map((e) => e.field).sort()).toEqual(["legalStatus", "place"]);
    const noProvider = await refused(sw.post(url(personId), { ...START, placeProvider: undefined }), 400);
    expect(noProvider.errors?.map((e) => e.field)).toEqual(["placeProvider"]);
    const future = await refused(sw.post(url(personId), { ...START, startDate: "2099-01-01" }), 422);
    expect(future.errors?.[0]?.field).toBe("startDate");
    const badRec = await refused(sw.post(url(personId, "/cease"), { endDate: "2025-05-01", reasonCeased: "X1" }), 400);
    expect(badRec.errors?.[0]?.field).toBe("reasonCeased");
    await refused(sw.post(url(personId, "/cease"), { endDate: "2025-05-01", reasonCeased: "E8" }), 409);
    const nothing = await refused(sw.post(url(personId, "/changes"), { changeDate: "2025-05-01" }), 400);
    expect(nothing.errors?.[0]?.field).toBe("legalStatus");
  });

  it("corrects an episode with If-Match: 428 without, 412 when stale, the placement's other episodes and RNEs following, PL fields from the ONS directory", async () => {
    const { personId } = await inCare();
    await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-04-07", legalStatus: "C2" }));
    let rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-05-05", place: "K2", placeProvider: "PR4", reasonPlaceChange: "CHILD" }));
    const [first, second, third] = [defined(rec.episodes[0]), defined(rec.episodes[1]), defined(rec.episodes[2])];
    const path = (e: { id: string }) => url(personId, `/episodes/${e.id}`);
    const match = (v: number) => ({ "if-match": `W/"${String(v)}"` });
    expect((await sw.patch(path(first), { categoryOfNeed: "N4" })).statusCode).toBe(428);
    const stale = await refused(sw.patch(path(first), { categoryOfNeed: "N4" }, match(first.version + 5)), 412);
    expect(stale.title).toMatch(/changed/);

    // A corrected placement postcode is the whole placement's: the legal-status-only episode after it follows.
    rec = await ok(sw.patch(path(first), { categoryOfNeed: "N4", homePostcode: HOME_PC, placementPostcode: PLACE_PC, reason: "Recorded wrongly" }, match(first.version)));
    expect(rec.episodes[0]).toMatchObject({ categoryOfNeed: { code: "N4" }, placementPostcode: PLACE_PC, placementLa: "E09000002", placementLocation: "OUT", distanceMiles: 10, version: first.version + 1 });
    expect(rec.episodes[1]).toMatchObject({ categoryOfNeed: { code: "N1" }, placementPostcode: PLACE_PC, placementLa: "E09000002", reasonNewEpisode: { code: "L" }, version: second.version + 1 });
    expect(rec.episodes[2]).toMatchObject({ placementPostcode: null, version: third.version });

    // A correction that leaves nothing changed between two episodes is refused, naming the field.
    const same = await refused(sw.patch(path(second), { legalStatus: "C1" }, match(second.version + 1)), 422);
    expect(same.errors?.[0]?.field).toBe("legalStatus");
    const samePlace = await refused(sw.patch(path(third), { place: "U6", placeProvider: "PR1", placementPostcode: PLACE_PC }, match(third.version)), 422);
    expect(samePlace.errors?.[0]?.field).toBe("legalStatus");
    // The reason for a placement change belongs to the episode that ended with it.
    rec = await ok(sw.patch(path(second), { reasonPlaceChange: "CARPL" }, match(second.version + 1)));
    expect(rec.episodes[1]?.reasonPlaceChange?.code).toBe("CARPL");
    const open = await refused(sw.patch(path(third), { reasonPlaceChange: "CARPL" }, match(third.version)), 422);
    expect(open.errors?.[0]?.field).toBe("reasonPlaceChange");
  });

  it("keeps providers, UASC status and missing episodes with the return home interview due 72 hours after the return", async () => {
    const created = await sw.post("/api/v1/placement-providers", { name: "Oak House", kind: "childrens_home", placeProvider: "PR4", urn: "sc654321", postcode: PLACE_PC });
    expect(created.statusCode, created.body).toBe(201);
    const provider = created.json<PlacementProviderOut>();
    expect(provider).toMatchObject({ urn: "SC654321", placeProvider: "PR4", laCode: tenant.laCode });
    const listed = (await sw.get("/api/v1/placement-providers?q=oak")).json<PlacementProviderOut[]>();
    expect(listed.map((p) => p.id)).toContain(provider.id);
    expect((await otherSw.get("/api/v1/placement-providers?q=oak")).json<PlacementProviderOut[]>().map((p) => p.id)).not.toContain(provider.id);

    const { personId } = await inCare();
    // Placed with the provider: its PR code, postcode and URN fill the placement.
    let rec = await ok(sw.post(url(personId, "/changes"), { changeDate: "2025-04-07", place: "K2", providerId: provider.id, reasonPlaceChange: "CARPL" }));
    expect(rec.currentEpisode).toMatchObject({ provider: { id: provider.id, name: "Oak House" }, placeProvider: { code: "PR4" }, urn: "SC654321", placementPostcode: PLACE_PC, placementLa: "E09000002" });

    rec = await ok(sw.put(url(personId, "/uasc"), { uasc: true, ceasedOn: "2025-08-01" }));
    expect(rec.child).toMatchObject({ uasc: true, uascCeased: "2025-08-01" });
    expect((await db().selectFrom("person").select("uasc").where("id", "=", personId).executeTakeFirstOrThrow()).uasc).toBe(true);

    const before = await refused(sw.post(url(personId, "/missing"), { missingType: "M", startDate: "2025-01-01" }), 422);
    expect(before.errors?.[0]?.field).toBe("startDate");
    const res = await sw.post(url(personId, "/missing"), { missingType: "M", startDate: "2025-04-20", endDate: "2025-04-22" });
    expect(res.statusCode, res.body).toBe(201);
    const missing = res.json<MissingEpisode>();
    expect(missing).toMatchObject({ missingType: { code: "M" }, rhiDue: "2025-04-25", rhiOverdue: true });
    expect((await items(personId)).find((i) => i.kind === "rhi_due")).toMatchObject({ due_date: "2025-04-25", status: "open", assigned_to: swId, source_id: missing.id });
    // Overdue, it is on the worker's tray.
    const tray = (await sw.get("/api/v1/work-tray")).json<{ items: { kind: string; dueStatus: string; person: { id: string } | null }[] }>();
    expect(tray.items.find((i) => i.kind === "rhi_due" && i.person?.id === personId)?.dueStatus).toBe("overdue");

    await refused(sw.patch(url(personId, `/missing/${missing.id}`), { rhiOfferedOn: "2025-04-23", rhiAccepted: true }, { "if-match": 'W/"9"' }), 412);
    const patched = await sw.patch(url(personId, `/missing/${missing.id}`), { rhiOfferedOn: "2025-04-23", rhiAccepted: true }, { "if-match": `W/"${String(missing.version)}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<MissingEpisode>()).toMatchObject({ rhiOfferedOn: "2025-04-23", rhiAccepted: true, rhiOverdue: false });
    expect((await items(personId)).find((i) => i.kind === "rhi_due")?.status).toBe("done");
    const record = await ok(sw.get(url(personId)));
    expect(record.missing.map((m) => m.id)).toEqual([missing.id]);
  });

  it("moves the visit due date from a visit note on the looked-after case", async () => {
    const { personId, rec } = await inCare();
    const note = await sw.post(`/api/v1/people/${personId}/case-notes`, { caseId: rec.caseId, noteDate: "2025-03-07", noteType: "home_visit", childSeen: true, body: "Visited Sam in placement." });
    expect(note.statusCode, note.body).toBe(201);
    // Every six weeks in the placement's first year.
    expect((await items(personId)).find((i) => i.kind === "lac_visit_due")).toMatchObject({ due_date: "2025-04-18", status: "open" });
    const after = await ok(sw.get(url(personId)));
    expect(after.visits).toMatchObject({ last: "2025-03-07", nextDue: "2025-04-18", overdue: true });
  });

  it("answers 404 for another authority's child, 403 for a partner, and allocates to the worker given", async () => {
    const theirs = await buildPerson(db(), other);
    await refused(sw.get(url(theirs)), 404);
    await refused(sw.post(url(theirs), START), 404);
    const shared = await buildPerson(db(), tenant);
    await buildSharing(db(), tenant, shared, partnerOrg, managerId);
    await refused(partner.get(url(shared)), 403);
    await refused(partner.post(url(shared), START), 403);
    await refused(partner.get("/api/v1/placement-providers"), 403);

    const personId = await buildPerson(db(), tenant);
    const rec = await ok(sw.post(url(personId), { ...START, allocatedTo: managerId }), 201);
    expect(rec.allocatedTo?.id).toBe(managerId);
    const badIro = await refused(sw.post(url(await buildPerson(db(), tenant)), { ...START, iroId: swId }), 422);
    expect(badIro.errors?.[0]?.field).toBe("iroId");
  });

  it("makes only an IRO of the child's own authority their IRO, even for a worker whose shared service spans another", async () => {
    const home = await buildTenant(svc.services, "Home Borough");
    const neighbour = await buildTenant(svc.services, "Neighbour Borough");
    const team = await buildTeam(db(), home);
    await buildSharedService(db(), [home.laCode, neighbour.laCode], [team]);
    const worker = await signIn(svc.app, (await buildUser(db(), home, "practitioner", { teamId: team })).username, TEST_PASSWORD);
    const theirIro = (await buildUser(db(), neighbour, "iro")).id;
    const ourIro = (await buildUser(db(), home, "iro")).id;
    const personId = await buildPerson(db(), home);
    const refusedIro = await refused(worker.post(url(personId), { ...START, iroId: theirIro }), 422);
    expect(refusedIro.errors?.[0]?.field).toBe("iroId");
    expect(await db().selectFrom("lac_child").select("person_id").where("person_id", "=", personId).execute()).toEqual([]);
    const rec = await ok(worker.post(url(personId), { ...START, iroId: ourIro }), 201);
    expect(rec.iro?.id).toBe(ourIro);
  });
});
