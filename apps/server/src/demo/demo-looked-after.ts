import { addCalendarDays, addCalendarMonths, todayIso } from "@family-story/domain";
import type { LookedAfterRecord, MissingEpisode, PlacementProviderOut } from "@family-story/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import type { DemoApi } from "./demo-api-client.ts";
import { pickDemoChildren, type DemoChild } from "./demo-casework-people.ts";

/** A date this many calendar days ago. */
const daysAgo = (n: number): string => addCalendarDays(todayIso(), -n);

/** Children of the borough with no case yet, so looked-after children are not also in the social care caseload. */
async function freeChildren(db: Kysely<Database>, laCode: string, count: number): Promise<DemoChild[]> {
  const candidates = await pickDemoChildren(db, laCode, count + 30);
  const busy = await db.selectFrom("casework_case").select("subject_person_id").where("la_code", "=", laCode).where("subject_person_id", "in", candidates.map((c) => c.id)).execute();
  const taken = new Set(busy.map((b) => b.subject_person_id));
  // Old enough (3+) for two years of care; the oldest first, so the UASC young person is a teenager.
  const oldEnough = daysAgo(3 * 365);
  return candidates.filter((c) => !taken.has(c.id) && c.dob <= oldEnough).slice(0, count).sort((x, y) => x.dob.localeCompare(y.dob));
}

/** A young person who turned 18 in the last year, with no case: the demo's care leaver. */
async function careLeaverCandidate(db: Kysely<Database>, laCode: string): Promise<DemoChild | undefined> {
  const today = todayIso();
  const row = await db
    .selectFrom("person")
    .select(["id", "la_code", "given_name", "family_name", "dob"])
    .where("la_code", "=", laCode)
    .where("restricted", "=", false)
    .where("dob", "<=", addCalendarMonths(today, -18 * 12 - 1))
    .where("dob", ">", addCalendarMonths(today, -19 * 12))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("casework_case").select("id").where("casework_case.la_code", "=", laCode).whereRef("casework_case.subject_person_id", "=", "person.id"))))
    .orderBy("id")
    .executeTakeFirst();
  return row?.dob ? { id: row.id, laCode: row.la_code, name: `${row.given_name} ${row.family_name}`, dob: row.dob } : undefined;
}

/** The latest of a date and a child's date of birth, so no demo event comes before a birth. */
const notBefore = (date: string, dob: string): string => (date < dob ? dob : date);

/**
 * Children looked after in the demo borough, recorded through the API by the social worker:
 * a long-term foster placement with visits up to date; a child who came in last week (first
 * visit due); three placements in a year with missing episodes (one interview overdue); legal
 * status changes; a UASC young person; a child who went home; a child placed for adoption; and
 * a care leaver who turned 18. Returns the children's ids. Quick: about fifty requests.
 */
export async function seedDemoLookedAfter(sw: DemoApi, iro: DemoApi | undefined, db: Kysely<Database>, laCode: string, log: (what: string) => void): Promise<string[]> {
  const kids = await freeChildren(db, laCode, 7);
  const leaver = await careLeaverCandidate(db, laCode);
  if (kids.length < 7) {
    log("too few children without a case for the looked-after demo: none recorded");
    return [];
  }
  const [e, a, b, c, d, f, g] = kids as [DemoChild, DemoChild, DemoChild, DemoChild, DemoChild, DemoChild, DemoChild];
  const provider = (name: string, kind: string, placeProvider: string, postcode: string, urn?: string) => sw.send<PlacementProviderOut>("POST", "/api/v1/placement-providers", { name, kind, placeProvider, postcode, ...(urn !== undefined && { urn }) });
  const okafor = await provider("Grace and Daniel Okafor (foster carers)", "foster_carer", "PR1", "W9 3RB");
  const hill = await provider("Hill family (foster carers)", "foster_carer", "PR4", "NW6 4TE");
  const maple = await provider("Maple Lodge children’s home", "childrens_home", "PR4", "HA0 2JB", "SC482913");
  const bridge = await provider("Bridge House supported accommodation", "semi_independent", "PR5", "W10 5PA");
  const url = (child: DemoChild, rest = "") => `/api/v1/people/${child.id}/looked-after${rest}`;
  const start = (child: DemoChild, startDate: string, body: Record<string, unknown>) =>
    sw.send<LookedAfterRecord>("POST", url(child), { startDate: notBefore(startDate, child.dob), homePostcode: "W2 5HA", ...(iro ? { iroId: iro.userId } : {}), ...body });
  const change = (child: DemoChild, changeDate: string, body: Record<string, unknown>) => sw.send<LookedAfterRecord>("POST", url(child, "/changes"), { changeDate, ...body });
  const visit = async (child: DemoChild, caseId: string | null, dates: string[]) => {
    for (const noteDate of dates) await sw.send("POST", `/api/v1/people/${child.id}/case-notes`, { caseId, noteDate, noteType: "home_visit", present: "Child, carers", childSeen: true, seenAlone: true, body: `Demo visit: saw ${child.name} in placement; talked about school, contact with family and how things are with the carers.` });
  };

  // Long-term fostering after a first placement; visits up to date.
  let rec = await start(a, daysAgo(700), { legalStatus: "C2", categoryOfNeed: "N1", place: "U6", providerId: hill.id });
  await change(a, daysAgo(400), { place: "U4", providerId: okafor.id, reasonPlaceChange: "CARPL" });
  await visit(a, rec.caseId, [daysAgo(60), daysAgo(20)]);
  log("a child in a long-term foster placement");

  // Came into care last week under section 20: the first visit is due.
  await start(b, daysAgo(8), { legalStatus: "V2", categoryOfNeed: "N4", place: "U6", providerId: okafor.id });
  log("a child who came into care last week");

  // Three placements in the year, and missing episodes: one interview overdue.
  rec = await start(c, daysAgo(330), { legalStatus: "C1", categoryOfNeed: "N5", place: "U6", providerId: hill.id });
  await change(c, daysAgo(240), { place: "K2", providerId: maple.id, reasonPlaceChange: "CREQB" });
  await change(c, daysAgo(200), { legalStatus: "C2" });
  await change(c, daysAgo(90), { place: "U6", providerId: okafor.id, reasonPlaceChange: "CARPL" });
  await visit(c, rec.caseId, [daysAgo(85), daysAgo(40)]);
  const gone = await sw.send<MissingEpisode>("POST", url(c, "/missing"), { missingType: "M", startDate: daysAgo(60), endDate: daysAgo(59), notes: "Demo: did not come home from school; found by police at a friend's flat." });
  await sw.send("PATCH", url(c, `/missing/${gone.id}`), { rhiOfferedOn: daysAgo(58), rhiAccepted: true }, gone.version);
  await sw.send("POST", url(c, "/missing"), { missingType: "A", startDate: daysAgo(12), endDate: daysAgo(10), notes: "Demo: stayed out overnight without permission." });
  log("a child with three placements this year and missing episodes");

  // Legal status changes only: section 20, then interim and full care orders.
  rec = await start(d, daysAgo(420), { legalStatus: "V2", categoryOfNeed: "N1", place: "U3", placeProvider: "PR1" });
  await visit(d, rec.caseId, [daysAgo(30)]);
  await change(d, daysAgo(380), { legalStatus: "C1" });
  await change(d, daysAgo(180), { legalStatus: "C2" });
  log("a child whose legal status changed twice in the same placement");

  // An unaccompanied asylum-seeking young person in supported accommodation.
  rec = await start(e, daysAgo(250), { legalStatus: "V2", categoryOfNeed: "N8", place: "K3", providerId: bridge.id });
  await visit(e, rec.caseId, [daysAgo(25)]);
  await sw.send("PUT", url(e, "/uasc"), { uasc: true });
  log("an unaccompanied asylum-seeking child");

  // Went home as part of the care plan.
  await start(f, daysAgo(300), { legalStatus: "C1", categoryOfNeed: "N4", place: "U6", providerId: hill.id });
  await sw.send("POST", url(f, "/cease"), { endDate: daysAgo(45), reasonCeased: "E4A" });
  log("a child who returned home");

  // Placed for adoption under a placement order.
  rec = await start(g, daysAgo(500), { legalStatus: "C1", categoryOfNeed: "N1", place: "U6", providerId: okafor.id });
  await change(g, daysAgo(300), { legalStatus: "E1" });
  await change(g, daysAgo(100), { place: "A6", placeProvider: "PR1", reasonPlaceChange: "CARPL" });
  await visit(g, rec.caseId, [daysAgo(95), daysAgo(35)]);
  log("a child placed for adoption");

  if (leaver) {
    const eighteenth = addCalendarMonths(leaver.dob, 18 * 12);
    await start(leaver, addCalendarMonths(eighteenth, -30), { legalStatus: "V2", categoryOfNeed: "N5", place: "U6", providerId: hill.id });
    await change(leaver, addCalendarMonths(eighteenth, -8), { place: "K3", providerId: bridge.id, reasonPlaceChange: "CARPL" });
    await sw.send("POST", url(leaver, "/cease"), { endDate: eighteenth, reasonCeased: "E5" });
    log("a care leaver who turned 18");
  }
  return [...kids, ...(leaver ? [leaver] : [])].map((k) => k.id);
}
