import type { CaseDetail, CaseSummary, Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { EarlyHelpPage } from "./pages/early-help-pages.ts";
import { apiSignIn, type ApiSession } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(200);
const TITLE = "Amara Okafor";
let caseId: string;
let partner: ApiSession;

/**
 * A school asks for support; the front door decides early help; the episode is allocated to the
 * family hub worker and the child's mother added, all over the API, as it would arrive in practice.
 */
beforeAll(async () => {
  partner = await apiSignIn(session.url, "partner.school");
  const worker = await apiSignIn(session.url, "eh.wcc");
  const manager = await apiSignIn(session.url, "tm.wcc");
  const req = await partner.call<{ id: string }>("POST", "/api/v1/requests-for-support", { contactRole: "Designated safeguarding lead", concerns: "Amara's attendance has dropped to 80% since the family moved.", children: [{ givenName: "Amara", familyName: "Okafor", dob: "2015-09-12" }], consentSharing: "yes", consentEarlyHelp: "yes" });
  if (req.status !== 201) throw new Error(`request: ${String(req.status)} ${JSON.stringify(req.body)}`);
  const person = async (body: Record<string, unknown>) => (await worker.call<Person>("POST", "/api/v1/people", body)).body;
  const child = await person({ givenName: "Amara", familyName: "Okafor", dob: "2015-09-12", sex: "female" });
  const mother = await person({ givenName: "Grace", familyName: "Okafor", dob: "1986-02-03", sex: "female" });
  await manager.call("POST", `/api/v1/contacts/${req.body.id}/children`, { personId: child.id });
  const contact = await manager.call("GET", `/api/v1/contacts/${req.body.id}`);
  const decided = await manager.call("POST", `/api/v1/contacts/${req.body.id}/decision`, { decision: "early_help", thresholdLevel: 3, reasons: "Attendance and a recent move: a Team Around the Family." }, { "if-match": contact.etag ?? "" });
  if (decided.status !== 200) throw new Error(`decision: ${String(decided.status)} ${JSON.stringify(decided.body)}`);
  const cases = await manager.call<CaseSummary[]>("GET", `/api/v1/people/${child.id}/cases`);
  const open = cases.body.find((c) => c.kind === "early_help" && c.status === "open");
  if (!open) throw new Error("no early help case");
  caseId = open.id;
  const detail = await manager.call<CaseDetail>("GET", `/api/v1/cases/${caseId}`);
  await manager.call("PUT", `/api/v1/cases/${caseId}/allocation`, { userId: worker.user.id }, { "if-match": detail.etag ?? "" });
  await worker.call("POST", `/api/v1/cases/${caseId}/early-help/members`, { personId: mother.id, role: "parent" });
});

describe("early help", () => {
  it("assesses the family, builds the TAF and plan, takes a partner's update, reviews and closes with outcomes", async () => {
    const worker = new EarlyHelpPage((await session.signedInPage("eh.wcc")).page);
    await worker.openCase(caseId, TITLE);
    expect(await worker.audit("eh-01-episode")).toEqual([]);

    // The assessment shows what is known to check, then each member's needs.
    await worker.follow("Assess", "Whole-family assessment");
    await expectLocator(worker.knownFacts()).toContainText("Grace Okafor");
    await expectLocator(worker.knownFacts()).toContainText("Amara Okafor");
    expect(await worker.audit("eh-02-assessment-prefilled")).toEqual([]);
    await worker.page.getByRole("button", { name: "Add a need for Amara Okafor" }).click();
    await worker.fillFor("Amara Okafor", "Need 1: what is the need?", "Attendance has fallen to 80% since the move");
    await worker.fillFor("Amara Okafor", "What the family confirmed or corrected of what we knew", "Address and school confirmed");
    await worker.save("Save assessment", TITLE);
    await worker.press("Send assessment for authorisation", "Awaiting authorisation");

    const manager = new EarlyHelpPage((await session.signedInPage("tm.wcc")).page);
    await manager.openCase(caseId, TITLE);
    await manager.follow("Authorise assessment", "Authorise the assessment");
    await manager.choose("Authorise");
    expect(await manager.audit("eh-03-authorise-assessment")).toEqual([]);
    await manager.save("Record decision", TITLE);
    await expectLocator(manager.section()).toContainText("authorised by Tara Mensah");

    // Team Around the Family with the school's lead as lead professional.
    await worker.openCase(caseId, TITLE);
    await worker.follow("Add a member or change the lead professional", "Add a member to the Team Around the Family");
    await worker.select("A practitioner or partner who signs in", /^Priya Shah/);
    await worker.fill("Their role with the family", "Designated safeguarding lead");
    await worker.choose("Make them the lead professional");
    expect(await worker.audit("eh-04-taf")).toEqual([]);
    await worker.save("Add member", TITLE);
    await expectLocator(worker.section()).toContainText("lead professional");

    // The family plan: a goal under an outcome, with the partner's action.
    await worker.follow("Add a goal", "Add a goal");
    await worker.choose("Getting a good education (attendance, behaviour, engagement)");
    await worker.fill("What will be different?", "Amara attends 95% of school days");
    expect(await worker.audit("eh-05-goal")).toEqual([]);
    await worker.save("Add goal", TITLE);
    await worker.follow("Add an action", "Add an action");
    await worker.select("Who will do it?", /^Priya Shah/);
    await worker.fill("What will they do?", "Daily check-in with Amara at the gate");
    await worker.fill("By when?", new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10));
    expect(await worker.audit("eh-06-action")).toEqual([]);
    await worker.save("Add action", TITLE);
    await worker.press("Send plan for authorisation", "Awaiting authorisation");

    await manager.openCase(caseId, TITLE);
    await manager.follow("Authorise plan", "Authorise the family plan");
    await manager.choose("Authorise");
    await manager.save("Record decision", TITLE);
    await expectLocator(manager.nextReviewDue()).notToContainText("Not set");

    // The school updates its own action from its own sign-in.
    const school = new EarlyHelpPage((await session.signedInPage("partner.school")).page);
    await school.openCase(caseId, TITLE);
    expect(await school.audit("eh-07-partner-episode")).toEqual([]);
    await school.follow("Update", "Update an action");
    await school.choose("Done");
    await school.fill("Progress", "Checked in every morning; attendance 96% over two weeks");
    expect(await school.audit("eh-08-partner-update")).toEqual([]);
    await school.save("Save update", TITLE);
    await expectLocator(school.section()).toContainText("Checked in every morning");

    // Review, then closure with each goal's outcome, authorised by the manager.
    await worker.openCase(caseId, TITLE);
    await worker.follow("Record a review", "Record a review");
    await worker.fill("Progress against the plan", "Attendance back to 96%");
    await worker.fill("The family’s views", "Grace says mornings are calmer");
    expect(await worker.audit("eh-09-review")).toEqual([]);
    await worker.save("Save review", TITLE);
    await expectLocator(worker.section()).toContainText("Attendance back to 96%");
    await worker.follow("Close the episode", "Close the episode");
    await worker.choose("Outcomes achieved");
    await worker.choose("Met");
    expect(await worker.audit("eh-10-closure")).toEqual([]);
    await worker.save("Ask the manager to authorise closure", TITLE);

    await manager.openCase(caseId, TITLE);
    await manager.follow("Authorise closure", "Authorise the closure");
    await manager.choose("Authorise");
    await manager.save("Record decision", TITLE);
    await expectLocator(manager.closure()).toContainText("100% of goals met");
    expect(await manager.audit("eh-11-closed")).toEqual([]);
    expect(partner.user.displayName).toContain("Priya Shah");
  });

  it("lets a team manager step a family up to social care, keeping one history", async () => {
    const manager = await apiSignIn(session.url, "tm.wcc");
    const child = (await manager.call<Person>("POST", "/api/v1/people", { givenName: "Kofi", familyName: "Mensah-Clarke", dob: "2014-05-02", sex: "male" })).body;
    const contact = await manager.call<{ id: string; version: number }>("POST", "/api/v1/contacts", { referralSource: "2A", contactName: "Edgware Road Primary School", concerns: "Often hungry; poor hygiene.", childIds: [child.id], consentSharing: "yes", consentEarlyHelp: "yes" });
    await manager.call("POST", `/api/v1/contacts/${contact.body.id}/decision`, { decision: "early_help", thresholdLevel: 2, reasons: "Family hub support first." }, { "if-match": `W/"${String(contact.body.version)}"` });
    const cases = await manager.call<CaseSummary[]>("GET", `/api/v1/people/${child.id}/cases`);
    const episode = cases.body.find((c) => c.kind === "early_help");
    if (!episode) throw new Error("no early help case");

    const page = new EarlyHelpPage((await session.signedInPage("tm.wcc")).page);
    await page.openCase(episode.id, "Kofi Mensah-Clarke");
    await page.follow("Step up to social care", "Step up to social care");
    await page.page.getByRole("button", { name: "Step up" }).click();
    await expectLocator(page.page.locator(".govuk-error-summary")).toContainText("Choose what social care should do");
    expect(await page.audit("eh-12-step-up-errors")).toEqual([]);
    await page.choose("A child and family assessment");
    await page.fill("Why early help is no longer enough", "Neglect continuing despite the plan.");
    await page.page.getByRole("button", { name: "Step up" }).click();
    await page.waitForHeading("Kofi Mensah-Clarke");
    const history = page.page.getByRole("list", { name: "Cases in this history" });
    await expectLocator(history).toContainText("Social care");
    await expectLocator(history).toContainText("Early help");
    expect(await page.audit("eh-13-stepped-up")).toEqual([]);
  });
});
