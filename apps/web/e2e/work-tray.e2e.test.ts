import { beforeAll, describe, expect, it } from "vitest";
import { AllocatePage, CaseNotePage, CasePage, ChronologyPage, LocalStandardsPage, SupervisionPages, WorkTrayPage } from "./pages/work-pages.ts";
import { apiSignIn } from "./support/api-session.ts";
import { referChild, type ReferredChild } from "./support/case-fixture.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(300);
let referred: ReferredChild;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const practitioner = await apiSignIn(session.url, "sw.wcc");
  const manager = await apiSignIn(session.url, "tm.wcc");
  referred = await referChild(practitioner, manager, "Okafor");
});

describe("work trays, case notes, chronology and supervision", () => {
  it("a manager allocates an unallocated case from the team tray", async () => {
    const { page } = await session.signedInPage("tm.wcc");
    const tray = new WorkTrayPage(page);
    await tray.open("team");
    await expectLocator(tray.caseRow("Leo Okafor")).toContainText("Unallocated");
    expect(await tray.audit("work-01-team-tray")).toEqual([]);
    await tray.allocate("Leo Okafor");
    const allocate = new AllocatePage(page);
    expect(await allocate.audit("work-02-allocate")).toEqual([]);
    await allocate.choose("Sam Whitfield");
    await tray.waitForHeading("Team work");
    await expectLocator(page.getByText("Leo Okafor's case is allocated to Sam Whitfield.")).toBeVisible();
    await expectLocator(tray.caseRow("Leo Okafor")).toContainText("Sam Whitfield");
  });

  it("the worker sees it in My work, adds a visit note and amends it once locked; history shows both versions", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    await page.getByRole("link", { name: "My work" }).first().click();
    const tray = new WorkTrayPage(page);
    await tray.waitForHeading("My work");
    await expectLocator(tray.caseRow("Leo Okafor")).toHaveCount(1);
    expect(await tray.audit("work-03-my-work")).toEqual([]);

    await tray.openCase("Leo Okafor");
    const casePage = new CasePage(page);
    await casePage.waitForHeading("Leo Okafor");
    await expectLocator(casePage.summaryValue("Allocated to")).toContainText("Sam Whitfield");
    expect(await casePage.audit("work-04-case-page")).toEqual([]);

    await casePage.addNote({ date: TODAY, type: "Home visit", present: "Leo, Maria (mother)", seen: true, alone: true, body: "Leo showed me his room. He said he has breakfast at school club." });
    expect(await casePage.audit("work-05-add-note")).toEqual([]);
    await casePage.saveNote();
    await casePage.waitForHeading("Leo Okafor");
    await expectLocator(casePage.notes()).toHaveCount(1);
    await expectLocator(casePage.notes().first()).toContainText("Child seen alone");

    // The note was written over a day ago, so it is locked: any change is an amendment.
    await session.db.updateTable("case_note").set({ locks_at: new Date(Date.now() - 60_000) }).where("person_id", "=", referred.child.id).execute();
    await casePage.notes().first().getByRole("link", { name: "Home visit" }).click();
    const note = new CaseNotePage(page);
    await note.waitForHeading(/^Home visit/);
    await note.amend("Leo showed me his room. He said he has breakfast at school club most days, not every day.", "Leo corrected me at the end of the visit");
    await note.waitForHeading(/^Home visit/);
    await expectLocator(page.getByText("Amendment saved as a new version.")).toBeVisible();
    await expectLocator(note.versions()).toHaveCount(2);
    await expectLocator(note.versions().first()).toContainText("Version 2: Amended by Sam Whitfield");
    await expectLocator(note.versions().first()).toContainText("Reason: Leo corrected me at the end of the visit");
    await expectLocator(note.versions().nth(1)).toContainText("Version 1: Written by Sam Whitfield");
    await expectLocator(note.versions().nth(1)).toContainText("breakfast at school club.");
    expect(await note.audit("work-06-note-history")).toEqual([]);
  });

  it("the chronology merges key events and notes, filters by type and date, and prints", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const chronology = new ChronologyPage(page);
    await chronology.open(referred.child.id);
    await chronology.waitForHeading("Leo Okafor");
    const all = await chronology.entries().count();
    expect(all).toBeGreaterThanOrEqual(2);
    expect(await chronology.audit("work-07-chronology")).toEqual([]);
    await chronology.filter(["Home visit"], "2020-01-01", TODAY);
    await expectLocator(chronology.entries()).toHaveCount(1);
    await expectLocator(chronology.entries().first()).toContainText("Home visit");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".govuk-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print chronology" }).isVisible()).toBe(false);
    await expectLocator(page.getByText(/Official – sensitive/)).toBeVisible();
    await page.screenshot({ path: "/tmp/screens/work-08-chronology-print.png", fullPage: true });
    await page.emulateMedia({ media: "screen" });
  });

  it("a manager records supervision; the case shows when it was last discussed", async () => {
    const { page } = await session.signedInPage("tm.wcc");
    const supervision = new SupervisionPages(page);
    await supervision.openTeam();
    await expectLocator(supervision.worker("Sam Whitfield")).toContainText(/Never recorded|Overdue|Due/);
    expect(await supervision.audit("work-09-team-supervision")).toEqual([]);
    await supervision.record("Sam Whitfield", TODAY, "Explored Leo's hunger: neglect or poverty? Agreed to test both.", "Leo Okafor: ", "Check free school meals eligibility.", { title: "Speak to school about breakfast club", due: "2030-01-15" });
    await supervision.waitForHeading("Team supervision");
    await expectLocator(page.getByText("Supervision with Sam Whitfield recorded.")).toBeVisible();
    await expectLocator(supervision.worker("Sam Whitfield")).notToContainText("Overdue");
    expect(await supervision.audit("work-10-supervision-recorded")).toEqual([]);

    await page.goto(`/cases/${referred.caseId}`);
    const casePage = new CasePage(page);
    await casePage.waitForHeading("Leo Okafor");
    await expectLocator(casePage.summaryValue("Last discussed in supervision")).notToContainText("Not yet discussed");
    await expectLocator(page.getByTestId("work-item").filter({ hasText: "Speak to school about breakfast club" })).toHaveCount(1);
  });

  it("an administrator changes a local standard", async () => {
    const { page } = await session.signedInPage("admin.wcc");
    await page.getByRole("link", { name: "Local standards" }).first().click();
    const standards = new LocalStandardsPage(page);
    await standards.waitForHeading("Local standards");
    expect(await standards.audit("work-11-local-standards")).toEqual([]);
    const field = standards.field(/^Supervision: weeks/);
    await field.fill("0");
    await standards.save();
    await expectLocator(page.locator(".govuk-error-summary")).toContainText("Must be at least 1");
    expect(await standards.audit("work-12-local-standards-error")).toEqual([]);
    await field.fill("3");
    await standards.save();
    await standards.waitForHeading(/^Welcome/);
    await standards.open();
    expect(await standards.field(/^Supervision: weeks/).inputValue()).toBe("3");
  });
});
