import type { Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { ContactPage, FrontDoorQueuePage, MyRequestsPage, RequestSupportPage } from "./pages/front-door-pages.ts";
import { PersonPage } from "./pages/person-page.ts";
import { apiSignIn } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(200);
let lily: Person;

beforeAll(async () => {
  const practitioner = await apiSignIn(session.url, "sw.wcc");
  const res = await practitioner.call<Person>("POST", "/api/v1/people", { givenName: "Lily", familyName: "Fairbrook", dob: "2017-05-06", sex: "female" });
  if (res.status !== 201) throw new Error(`Could not create the child: ${String(res.status)}`);
  lily = res.body;
});

describe("the front door", () => {
  it("takes a partner's request for support to a decision the partner can see", async () => {
    // A school's safeguarding lead asks for support, with the family's consent.
    const partner = (await session.signedInPage("partner.school")).page;
    await partner.getByRole("link", { name: "Request support for a family" }).first().click();
    const request = new RequestSupportPage(partner);
    await request.waitForHeading("Request support for a family");
    await request.send();
    await expectLocator(request.errorSummary()).toContainText("Describe what you are worried about");
    expect(await request.audit("fd-01-request-errors")).toEqual([]);
    await request.fillChild("Lily", "Fairbrook", "2017-05-06");
    await request.fillConcerns("Lily has missed 12 days this term and says there is often no food at home.");
    await request.consentToAll();
    expect(await request.audit("fd-02-request-filled")).toEqual([]);
    await request.send();
    const mine = new MyRequestsPage(partner);
    await mine.waitForHeading("Your requests for support");
    await expectLocator(mine.row("Lily Fairbrook")).toContainText("Awaiting decision");
    expect(await mine.audit("fd-03-my-requests-awaiting")).toEqual([]);
    // Not shared yet: the partner cannot open Lily's record.
    const hidden = await partner.request.get(`/api/v1/people/${lily.id}`);
    expect(hidden.status()).toBe(404);

    // The front-door manager sees it in the queue with its deadline, links Lily and decides.
    const manager = (await session.signedInPage("tm.wcc")).page;
    await manager.getByRole("link", { name: "Front door" }).first().click();
    const queue = new FrontDoorQueuePage(manager);
    await queue.waitForHeading("Front door: contacts awaiting a decision");
    await expectLocator(queue.row("Lily Fairbrook")).toContainText("Due by");
    expect(await queue.audit("fd-04-queue")).toEqual([]);
    await queue.openContact("Lily Fairbrook");
    const contact = new ContactPage(manager);
    await expectLocator(contact.dueText()).toContainText("Due by");
    expect(await contact.audit("fd-05-contact")).toEqual([]);
    await contact.searchChild("Lily Fairbrook");
    await contact.linkChild("Lily Fairbrook");
    expect(await contact.audit("fd-06-child-linked")).toEqual([]);
    await contact.decide("Early help", "Level 2: additional needs", "Attendance and food poverty: a family hub worker will lead early help.");
    await expectLocator(contact.decisionSummary()).toContainText("Early help");
    await expectLocator(contact.decisionSummary()).toContainText("Tara Mensah");
    expect(await contact.audit("fd-07-decided")).toEqual([]);

    // The partner sees the outcome and, with consent, Lily's record.
    await mine.open();
    await expectLocator(mine.row("Lily Fairbrook")).toContainText("Early help");
    expect(await mine.audit("fd-08-my-requests-decided")).toEqual([]);
    await partner.goto(`/people/${lily.id}`);
    const record = new PersonPage(partner);
    await record.waitForHeading("Lily Fairbrook");
    expect(await record.audit("fd-09-partner-sees-record")).toEqual([]);
  });

  it("shows a manager the record-contact form's errors accessibly", async () => {
    const manager = (await session.signedInPage("tm.wcc")).page;
    await manager.goto("/front-door/contacts/new");
    const page = new RequestSupportPage(manager);
    await page.waitForHeading("Record a contact");
    await manager.getByRole("button", { name: "Record contact", exact: true }).click();
    await expectLocator(page.errorSummary()).toContainText("Choose the source of the contact");
    expect(await page.audit("fd-10-record-contact-errors")).toEqual([]);
  });
});
