import type { Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { EditPersonPage } from "./pages/edit-person-page.ts";
import { FindPersonPage } from "./pages/find-person-page.ts";
import { PersonPage } from "./pages/person-page.ts";
import { RecordFormsPage } from "./pages/record-forms-page.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { expectLocator } from "./support/locator-expect.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { apiSignIn, type ApiSession } from "./support/api-session.ts";
import { createFamily, type Family } from "./support/family-fixture.ts";

const session = setUpE2eSession(300);
let family: Family;
let practitioner: ApiSession;

beforeAll(async () => {
  practitioner = await apiSignIn(session.url, "sw.wcc");
  family = await createFamily(practitioner);
});

describe("a practitioner's day", () => {
  it("signs in and searches using only the keyboard", async () => {
    const watched = await session.openWatched();
    const { page } = watched;
    const signIn = new SignInPage(page);
    await signIn.open();
    await expectLocator(signIn.demoAccounts()).toBeVisible();
    expect(await signIn.audit("01-sign-in")).toEqual([]);
    await signIn.signInByKeyboard("sw.wcc");
    await signIn.waitForHeading("Welcome, Sam Whitfield");
    expect(await signIn.audit("02-home-practitioner")).toEqual([]);

    // Tab to "Find a person" in the navigation and follow it with Enter.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (focused === "Find a person") break;
    }
    await page.keyboard.press("Enter");
    const find = new FindPersonPage(page);
    await find.waitForHeading("Find a person");
    // Focus moves to the main content on the route change; the name box is the next stop.
    await page.waitForFunction(() => document.activeElement?.id === "main-content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("Yusef Chowdury");
    await page.keyboard.press("Enter");
    await page.locator("#results-heading").waitFor();
    await expectLocator(find.result("Yusuf Chowdhury")).toHaveCount(1);
  });

  it("finds a person by a misspelt and by a transliterated name, and opens their record", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const find = new FindPersonPage(page);
    await find.open();
    expect(await find.audit("03-find-person")).toEqual([]);

    await find.search("Yusuf Chowdry");
    await expectLocator(find.result("Yusuf Chowdhury")).toHaveCount(1);
    expect(await find.audit("04-search-misspelt")).toEqual([]);

    await find.search("Yousef Choudhury");
    const card = find.result("Yusuf Chowdhury");
    await expectLocator(card).toHaveCount(1);
    await expectLocator(card).toContainText("W2");
    await expectLocator(card).toContainText("Matched on");
    await find.openResult("Yusuf Chowdhury");

    const person = new PersonPage(page);
    await expectLocator(person.summaryValue("NHS number")).toHaveText("943 476 5919");
    await expectLocator(person.summaryValue("Ethnicity")).toHaveText("Bangladeshi");
    await expectLocator(person.summaryValue("First language")).toHaveText("Bengali");
    await expectLocator(person.addressTimeline()).toContainText("14 Harrow Road");

    const diagram = person.diagram();
    await expectLocator(diagram).toHaveAttribute("role", "img");
    await expectLocator(diagram.locator("title")).toHaveText("Family diagram for Yusuf Chowdhury");
    await expectLocator(person.diagramNodes("subject")).toHaveCount(1);
    await expectLocator(person.diagramNodes("parent")).toHaveCount(2);
    await expectLocator(person.diagramNodes("grandparent")).toHaveCount(1);
    await expectLocator(person.diagramNodes("sibling")).toHaveCount(1);
    await expectLocator(person.diagramNodes("half_sibling")).toHaveCount(1);
    // Mother and sister share Yusuf's address: the household boundary is drawn.
    expect(await diagram.locator(".app-genogram__household").count()).toBeGreaterThan(0);
    // The grandmother died: her shape is crossed through.
    await expectLocator(person.diagramNodes("grandparent").locator(".app-genogram__deceased")).toHaveCount(2);
    await person.showFamilyTable();
    await expectLocator(person.familyTable().locator("tbody tr")).toHaveCount(6);
    await expectLocator(person.familyTable()).toContainText("Rahima Begum (died)");
    expect(await person.audit("05-person-record")).toEqual([]);

    // On a phone the same record still reads in order and passes axe.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await person.audit("05-person-record-phone")).toEqual([]);
  });

  it("changes details, then reads who changed what when someone else saved first", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const person = new PersonPage(page);
    await person.open(family.child.id);
    await person.changeDetails();
    const edit = new EditPersonPage(page);
    expect(await edit.audit("06-edit-person")).toEqual([]);
    await edit.setField("Known as (optional)", "Yusi");
    await edit.save();
    await expectLocator(person.successBanner()).toContainText("The details have been saved");
    await expectLocator(person.summaryValue("Name")).toContainText("known as Yusi");

    // Open the form, then a team manager changes the record behind the browser's back.
    await person.changeDetails();
    const manager = await apiSignIn(session.url, "tm.wcc");
    const current = await manager.call<Person>("GET", `/api/v1/people/${family.child.id}`);
    const changed = await manager.call<Person>("PATCH", `/api/v1/people/${family.child.id}`, { firstLanguage: "eng" }, { "if-match": current.etag ?? "" });
    expect(changed.status).toBe(200);

    await edit.setField("Known as (optional)", "Yus");
    await edit.save();
    await expectLocator(edit.conflict()).toBeVisible();
    await expectLocator(edit.conflict()).toContainText("Someone else changed this record while you were editing it");
    await expectLocator(edit.conflict()).toContainText("Tara Mensah");
    await expectLocator(edit.conflictChanges().filter({ hasText: "First language" })).toHaveCount(1);
    await expectLocator(edit.conflictChanges().filter({ hasText: "First language" })).toContainText(/from .+ to .+/);
    // The user's own change is kept on top of the newest version.
    expect(await edit.fieldValue("Known as (optional)")).toBe("Yus");
    expect(await edit.audit("07-edit-conflict")).toEqual([]);

    await edit.save();
    await expectLocator(person.successBanner()).toContainText("The details have been saved");
    await expectLocator(person.summaryValue("Name")).toContainText("known as Yus)");
    await expectLocator(person.summaryValue("First language")).toHaveText("English");
  });

  it("shows invalid input beside the field with an error summary", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const person = new PersonPage(page);
    await person.open(family.child.id);
    await person.changeDetails();
    const edit = new EditPersonPage(page);
    await edit.setField("NHS number (optional)", "123 456 7890");
    await edit.save();
    await expectLocator(page.locator(".govuk-error-summary")).toContainText("Enter a valid NHS number");
    await expectLocator(page.locator("#nhsNumber-error")).toContainText("Enter a valid NHS number");
    expect(await edit.audit("08-edit-errors")).toEqual([]);
  });

  it("refuses a school a record that has not been shared with it, and shows a shared one with others anonymous", async () => {
    const { page } = await session.signedInPage("partner.school");
    const person = new PersonPage(page);
    await person.open(family.mother.id);
    await expectLocator(person.refusal()).toBeVisible();
    expect(await person.audit("09-partner-refused")).toEqual([]);

    const find = new FindPersonPage(page);
    await find.open();
    await find.search("Nasreen Chowdhury");
    await expectLocator(find.result("Nasreen Chowdhury")).toHaveCount(0);

    // Share Yusuf with the school: his record opens, his family stay anonymous.
    const school = await apiSignIn(session.url, "partner.school");
    const shared = await practitioner.call("POST", `/api/v1/people/${family.child.id}/sharing`, { organisationId: school.user.organisationId, purpose: "Safeguarding support at school", basis: "safeguarding", fromDate: "2026-01-01" });
    expect(shared.status).toBe(201);
    await person.open(family.child.id);
    await person.waitForHeading("Yusuf Chowdhury");
    await expectLocator(person.diagram().locator(".app-genogram__node--anonymous")).toHaveCount(5);
    await expectLocator(person.diagram()).notToContainText("Nasreen");
    expect(await person.audit("10-partner-shared-record")).toEqual([]);
  });

  it("shares a record with a school through the form, and withdrawing it refuses the school at once", async () => {
    const sw = await session.signedInPage("sw.wcc");
    const person = new PersonPage(sw.page);
    await person.open(family.sister.id);
    await person.waitForHeading("Amina Chowdhury");
    const forms = new RecordFormsPage(sw.page);
    await forms.follow("Share with a partner organisation", "Share this record with a partner");
    await forms.press("Share record");
    await expectLocator(forms.errorSummary()).toContainText("Choose the organisation to share with");
    expect(await forms.audit("23-share-errors")).toEqual([]);
    await forms.select("Organisation", "Edgware Road Primary School (School)");
    await forms.fill("Why are you sharing it?", "Team around the family: school attendance");
    await forms.press("Share record");
    await person.waitForHeading("Amina Chowdhury");
    await expectLocator(sw.page.locator("#sharing-heading").locator("..")).toContainText("Edgware Road Primary School");

    const school = await session.signedInPage("partner.school");
    const schoolView = new PersonPage(school.page);
    await schoolView.open(family.sister.id);
    await schoolView.waitForHeading("Amina Chowdhury");

    await sw.page.getByRole("button", { name: /Withdraw sharing with Edgware Road Primary School/ }).click();
    await expectLocator(sw.page.locator("#sharing-heading").locator("..")).toContainText("Withdrawn or ended");
    await schoolView.open(family.sister.id);
    await expectLocator(schoolView.refusal()).toBeVisible();
  });

  it("records a new person, adds and corrects an address and a relationship, and removes the relationship", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const forms = new RecordFormsPage(page);
    await forms.openNewPerson();
    expect(await forms.audit("18-new-person")).toEqual([]);
    await forms.press("Record person");
    await expectLocator(forms.errorSummary()).toContainText("Enter their first name");
    await expectLocator(forms.errorSummary()).toContainText("Enter their last name");
    expect(await forms.audit("19-new-person-errors")).toEqual([]);

    await forms.fill("First name(s)", "Ilyas");
    await forms.fill("Last name", "Chowdhury");
    await forms.fill("Date of birth (optional)", "2024-02-29");
    await forms.choose("Male");
    await forms.press("Record person");
    const person = new PersonPage(page);
    await person.waitForHeading("Ilyas Chowdhury");
    await expectLocator(person.successBanner()).toContainText("Ilyas Chowdhury has been recorded");

    await forms.follow("Add an address", "Add an address");
    await forms.fill("Address line 1", "14 Harrow Road");
    await forms.fill("Postcode", "w2 5eu");
    await forms.fill("Lived here from", "2024-03-01");
    expect(await forms.audit("20-add-address")).toEqual([]);
    await forms.press("Add address");
    await expectLocator(person.addressTimeline()).toContainText("14 Harrow Road");
    await expectLocator(person.addressTimeline()).toContainText("1 March 2024 to now");

    await forms.follow("Add a relationship", "Add a relationship");
    await forms.fill("Related person's name", "Nasreen Chowdhury");
    await forms.press("Search");
    await page.getByLabel(/^Nasreen Chowdhury, born 20 November 1987/).check();
    await forms.select("They are this person's", "Parent");
    expect(await forms.audit("21-add-relationship")).toEqual([]);
    await forms.press("Add relationship");
    await expectLocator(person.successBanner()).toContainText("The relationship has been added");
    await expectLocator(person.diagramNodes("parent")).toHaveCount(1);
    await expectLocator(page.getByTestId("relationships")).toContainText("Nasreen Chowdhury");
    expect(await person.audit("22-new-person-record")).toEqual([]);

    await page.getByRole("link", { name: "Change the relationship with Nasreen Chowdhury" }).click();
    await forms.waitForHeading("Change a relationship");
    await forms.fill("Since (optional)", "2024-02-29");
    expect(await forms.audit("25-change-relationship")).toEqual([]);
    await forms.press("Save changes");
    await expectLocator(person.successBanner()).toContainText("The relationship has been changed");
    await expectLocator(page.getByTestId("relationships")).toContainText("29 February 2024");

    await page.getByRole("link", { name: "Correct the address 14 Harrow Road" }).click();
    await forms.waitForHeading("Correct an address");
    await forms.fill("Postcode", "not a postcode");
    await forms.press("Save correction");
    await expectLocator(forms.errorSummary()).toContainText("Enter a real postcode");
    expect(await forms.audit("26-correct-address-error")).toEqual([]);
    await forms.fill("Address line 1", "16 Harrow Road");
    await forms.fill("Postcode", "W2 5EU");
    await forms.press("Save correction");
    await expectLocator(person.successBanner()).toContainText("The address has been corrected");
    await expectLocator(person.addressTimeline()).toContainText("16 Harrow Road");

    await page.getByRole("button", { name: "Remove the relationship with Nasreen Chowdhury" }).click();
    await page.getByRole("button", { name: "Yes, remove the relationship with Nasreen Chowdhury" }).click();
    await expectLocator(page.getByText("No relationships recorded.")).toBeVisible();

    await page.getByRole("link", { name: "Record a move out of 16 Harrow Road" }).click();
    await forms.waitForHeading("Record a move out");
    await forms.fill("Date they moved out", "2024-01-01");
    await forms.press("Save");
    await expectLocator(forms.errorSummary()).toContainText("on or after 1 March 2024");
    expect(await forms.audit("24-end-address-error")).toEqual([]);
    await forms.fill("Date they moved out", "2025-06-30");
    await forms.press("Save");
    await expectLocator(person.successBanner()).toContainText("The move has been recorded");
    await expectLocator(person.addressTimeline()).toContainText("1 March 2024 to 30 June 2025");
  });

  it("lets a team manager restrict a record, which others then see only as an anonymous family member", async () => {
    const manager = await session.signedInPage("tm.wcc");
    const managerPerson = new PersonPage(manager.page);
    await managerPerson.open(family.sister.id);
    await managerPerson.changeDetails();
    await manager.page.getByLabel("Restrict this record").check();
    expect(await managerPerson.audit("23-restrict-record")).toEqual([]);
    await manager.page.getByRole("button", { name: "Save changes" }).click();
    await expectLocator(managerPerson.successBanner()).toContainText("The details have been saved");
    await expectLocator(managerPerson.heading()).toContainText("Restricted");

    const { page } = await session.signedInPage("sw.wcc");
    const person = new PersonPage(page);
    await person.open(family.child.id);
    await person.waitForHeading("Yusuf Chowdhury");
    await expectLocator(person.diagram().locator(".app-genogram__node--anonymous")).toHaveCount(1);
    await expectLocator(person.diagram()).notToContainText("Amina");
    await person.open(family.sister.id);
    await expectLocator(person.refusal()).toBeVisible();

    // The manager, named on the record by restricting it, names the social worker too.
    await managerPerson.open(family.sister.id);
    await expectLocator(manager.page.getByTestId("named-access")).toContainText("Tara Mensah");
    await manager.page.getByLabel("Name someone else on this record").selectOption({ label: "Sam Whitfield, practitioner, Locality Social Work North" });
    await manager.page.getByRole("button", { name: "Name on record" }).click();
    await expectLocator(manager.page.getByTestId("named-access")).toContainText("Sam Whitfield");
    expect(await managerPerson.audit("27-named-access")).toEqual([]);
    await person.open(family.sister.id);
    await person.waitForHeading("Amina Chowdhury");
  });
});
