import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { Database } from "../db/database-types.ts";
import { demoApi, type DemoApi } from "./demo-api-client.ts";
import { pickDemoChildren, type DemoChild } from "./demo-casework-people.ts";
import { assessFamily, closeWithOutcomes, planWithTaf, requestEarlyHelp, reviewPlan, stepUp, type EarlyHelpStaff } from "./demo-early-help.ts";
import { HISTORY_PERSON_FLOOR } from "./demo-history.ts";
import { RBKC, WCC } from "./demo-organisation.ts";
import { seedDemoLookedAfter } from "./demo-looked-after.ts";
import { assess, cinPlan, closeEpisode, protect, referThroughFrontDoor, reviewConference, visits, workingDaysAgo, type DemoStaff } from "./demo-social-care.ts";

/** True once the demo caseload has been recorded (any case in the demo's home authority). */
export async function hasDemoCasework(db: Kysely<Database>): Promise<boolean> {
  // The seeded history's cases (demo-history.ts) are not the caseload.
  const row = await db.selectFrom("casework_case").select("id").where("la_code", "=", WCC).where("subject_person_id", "<", HISTORY_PERSON_FLOOR).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The demo borough's caseload, recorded through the public API by the demo staff, so every due
 * date, work item, chronology entry and audit event comes from the same rules as real work:
 * contacts waiting at the front door (one overdue, one a repeat referral), social care cases in
 * every state (new and unallocated, assessing, overdue, on a CP plan with a review and a visit
 * overdue, on a CIN plan, closed, stepped down to early help) and supervision.
 */
export async function seedDemoCasework(app: FastifyInstance, db: Kysely<Database>, log: (line: string) => void): Promise<void> {
  log("Recording the demo caseload through the API…");
  const [sw, tm, swRbkc, tmRbkc, partner, ehw] = await Promise.all(["sw.wcc", "tm.wcc", "sw.rbkc", "tm.rbkc", "partner.school", "eh.wcc"].map((u) => demoApi(app, u)));
  if (!sw || !tm || !swRbkc || !tmRbkc || !partner || !ehw) throw new Error("Demo casework: a demo user is missing");
  const wcc: DemoStaff = { worker: sw, manager: tm };
  const rbkc: DemoStaff = { worker: swRbkc, manager: tmRbkc };
  const kids = await pickDemoChildren(db, WCC, 15);
  if (kids.length < 15) {
    log(`  The demo borough has only ${String(kids.length)} unrelated children in Westminster: too few for the caseload, so none is recorded.`);
    return;
  }
  const [rbkcChild] = await pickDemoChildren(db, RBKC, 1);
  const child = (i: number): DemoChild => {
    const c = kids[i];
    if (!c) throw new Error("Demo casework: not enough children");
    return c;
  };
  let step = 0;
  const progress = (what: string): void => {
    step++;
    log(`  ${String(step).padStart(2)}. ${what}`);
  };

  // New this week and waiting for a worker.
  await referThroughFrontDoor(wcc, [child(0)], { receivedDaysAgo: 2, source: "2A", from: "Edgware Road Primary School", concerns: "Bruising seen on the child's arm; the child said a parent grabbed them.", decision: "social_care_assessment", level: 3, allocateTo: null });
  progress("an unallocated new referral");

  // Assessing, in time.
  const assessing = await referThroughFrontDoor(wcc, [child(1)], { receivedDaysAgo: 12, source: "3B", from: "Health visitor", concerns: "Baby's weight faltering; mother low in mood and isolated.", decision: "social_care_assessment", level: 3, allocateTo: sw });
  await assess(wcc, assessing, { start: 10 }, { factors: ["4B"], need: "N4" });
  progress("an assessment under way");

  // Assessment overdue: referred 55 working days ago and still not complete.
  const overdue = await referThroughFrontDoor(wcc, [child(2)], { receivedDaysAgo: 55, source: "6", from: "Metropolitan Police", concerns: "Police called to a domestic incident; children present.", decision: "social_care_assessment", level: 3, allocateTo: sw });
  await assess(wcc, overdue, { start: 50 }, { factors: ["3B"], need: "N1" });
  progress("an overdue assessment");

  // On a child protection plan, reviewed, visits up to date.
  const cp = await referThroughFrontDoor(wcc, [child(3)], { receivedDaysAgo: 120, source: "2A", from: "Edgware Road Primary School", concerns: "Child disclosed being hit with a belt.", decision: "strategy_discussion", level: 4, allocateTo: sw });
  await protect(wcc, cp, { strategy: 119, s47: 118, icpc: 108 }, "PHY");
  await assess(wcc, cp, { start: 118, complete: 100, authorise: 98 }, { factors: ["3B", "17A"], need: "N1" });
  await reviewConference(wcc, cp, 45);
  await visits(sw, child(3), cp, [40, 30, 20, 9, 3]);
  progress("a child protection plan, visits up to date");

  // On a plan whose first review conference and visits are overdue.
  const cpLate = await referThroughFrontDoor(wcc, [child(4)], { receivedDaysAgo: 95, source: "3F", from: "St Mary's Hospital", concerns: "Unexplained fracture in a toddler.", decision: "strategy_discussion", level: 4, allocateTo: sw });
  await protect(wcc, cpLate, { strategy: 94, s47: 93, icpc: 80 }, "NEG");
  await assess(wcc, cpLate, { start: 93, complete: 75 }, { factors: ["15A"], need: "N1" });
  await visits(sw, child(4), cpLate, [60, 40, 25]);
  progress("a child protection plan with its review conference and visits overdue");

  // A child in need plan.
  const cin = await referThroughFrontDoor(wcc, [child(5)], { receivedDaysAgo: 90, source: "1A", from: "Neighbour", concerns: "Children often left alone in the evenings.", decision: "social_care_assessment", level: 3, allocateTo: sw });
  await assess(wcc, cin, { start: 88, complete: 60, authorise: 58 }, { factors: ["15A", "4B"], need: "N5" });
  await cinPlan(wcc, cin, 55, [15]);
  await visits(sw, child(5), cin, [30, 10]);
  progress("a child in need plan");

  // Closed after assessment (no further action); a new contact about the same child waits: a repeat referral.
  const closed = await referThroughFrontDoor(wcc, [child(6)], { receivedDaysAgo: 100, source: "2B", from: "Education welfare service", concerns: "Poor attendance and late collection.", decision: "social_care_assessment", level: 3, allocateTo: sw });
  await assess(wcc, closed, { start: 98, complete: 70, authorise: 68 }, { factors: ["21"], need: "N9" });
  await closeEpisode(wcc, closed, 66, "RC8");
  progress("a case closed after assessment");

  // Stepped down to early help at closure.
  const down = await referThroughFrontDoor(wcc, [child(7)], { receivedDaysAgo: 80, source: "3A", from: "Lisson Grove GP practice", concerns: "Parent struggling with alcohol; children's needs not always met.", decision: "social_care_assessment", level: 3, allocateTo: sw });
  await assess(wcc, down, { start: 78, complete: 50, authorise: 49 }, { factors: ["1B"], need: "N4" });
  await closeEpisode(wcc, down, 48, "RC9");
  progress("a case stepped down to early help");

  // Kensington and Chelsea: a child in need plan of their own.
  if (rbkcChild) {
    const rb = await referThroughFrontDoor(rbkc, [rbkcChild], { receivedDaysAgo: 70, source: "2A", from: "Holland Park School", concerns: "Young carer for a parent with MS; missing school.", decision: "social_care_assessment", level: 3, allocateTo: swRbkc });
    await assess(rbkc, rb, { start: 68, complete: 40, authorise: 39 }, { factors: ["7A"], need: "N3" });
    await cinPlan(rbkc, rb, 38, []);
    progress("a Kensington and Chelsea child in need plan");
  }

  // Early help, led from the family hub with the school in the Team Around the Family.
  const help: EarlyHelpStaff = { worker: ehw, manager: tm, partner };
  await requestEarlyHelp(help, child(10), "Child often late and tired; mum recently moved into temporary housing.", false);
  progress("an early help family waiting for a worker");
  const drafting = await requestEarlyHelp(help, child(11), "Younger brother's speech delay; mum says she cannot cope with the baby.", true);
  await assessFamily(help, drafting, child(11), [{ outcome: "early_years", description: "Speech and language support for the younger child" }], false);
  progress("an early help assessment in draft");
  const planned = await requestEarlyHelp(help, child(12), "Attendance 82% this term; family in rent arrears.", true);
  await assessFamily(help, planned, child(12), [{ outcome: "education", description: "Attendance below 90%" }, { outcome: "financial_stability", description: "Rent arrears" }, { outcome: "health", description: "Mum's anxiety" }], true);
  await planWithTaf(help, planned);
  await reviewPlan(help, planned);
  progress("an early help plan with a Team Around the Family, reviewed");
  const closing = await requestEarlyHelp(help, child(13), "Arguments at home are affecting the child at school.", true);
  await assessFamily(help, closing, child(13), [{ outcome: "family_relationships", description: "Conflict between the parents" }, { outcome: "education", description: "Behaviour at school" }], true);
  await closeWithOutcomes(help, closing, await planWithTaf(help, closing));
  progress("an early help episode closed with its outcomes");
  const rising = await requestEarlyHelp(help, child(14), "Home conditions poor; child often hungry.", true);
  await assessFamily(help, rising, child(14), [{ outcome: "safe_from_abuse", description: "Neglect of basic care" }], true);
  await stepUp(help, rising);
  progress("an early help family stepped up to social care");

  // The front door's queue: one overdue, one from a partner's own sign-in, one a repeat referral.
  await sw.send("POST", "/api/v1/contacts", { receivedAt: `${workingDaysAgo(2)}T09:40:00Z`, referralSource: "5A", contactName: "Adult social care", concerns: "Mother's carer reports the children are caring for her most days.", childIds: [child(8).id], consentSharing: "yes", consentEarlyHelp: "not_asked" });
  await partner.send("POST", "/api/v1/requests-for-support", { contactRole: "Designated safeguarding lead", concerns: "Child arrives hungry most days and has missed 12 days this term.", children: [{ givenName: child(9).name.split(" ")[0] ?? "Child", familyName: child(9).name.split(" ").slice(1).join(" "), dob: child(9).dob }], consentSharing: "yes", consentEarlyHelp: "yes" });
  await sw.send("POST", "/api/v1/contacts", { referralSource: "2A", contactName: "Edgware Road Primary School", concerns: "Attendance has dropped again since the case closed.", childIds: [child(6).id], consentSharing: "yes", consentEarlyHelp: "yes" });
  progress("three contacts waiting at the front door");

  await supervise(tm, sw, [cp, cpLate, cin]);
  progress("supervision for the social worker");

  // Children looked after, with placements, missing episodes and a care leaver.
  await seedDemoLookedAfter(sw, await demoApi(app, "iro.wcc"), db, WCC, progress);
}

/** The manager's supervision of a worker, two weeks ago, discussing some of their cases. */
async function supervise(manager: DemoApi, worker: DemoApi, caseIds: string[]): Promise<void> {
  await manager.send("POST", "/api/v1/supervisions", {
    workerId: worker.userId,
    supervisedOn: workingDaysAgo(10),
    reflections: "Demo supervision: caseload manageable; reflected on working with fathers who avoid contact.",
    cases: caseIds.map((caseId) => ({ caseId, note: "Plan reviewed; next steps agreed." })),
    actions: [{ title: "Book the core group meeting", ownerId: worker.userId, dueDate: workingDaysAgo(-5), caseId: caseIds[0] }],
  });
}
