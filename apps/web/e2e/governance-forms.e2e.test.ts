import { describe, expect, it } from "vitest";
import { GovernanceFormPages } from "./pages/governance-form-pages.ts";
import { apiSignIn } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
const STRATEGY = "Children and Young People's Plan 2019–22";
const ACTION = "Run a peer review of the early help offer";
const MEASURE = "Repeat referrals to children's social care within 12 months";
const RESPONSE = "We will add the alternative vaccine's clinics to the family hubs' web pages this spring.";

describe("strategy and scrutiny forms", () => {
  it("a leader adds an action with a linked measure, changes it, and records an organisation's response to a recommendation", async () => {
    const leader = new GovernanceFormPages((await session.signedInPage("leader.wcc")).page);
    await leader.openHome();
    await leader.openStrategy(STRATEGY);

    // Add an action under the first priority; an empty form names what is missing first.
    await leader.page.getByTestId("priority").first().getByRole("link", { name: /^Add an action/ }).click();
    await leader.waitForHeading("Add an action");
    await leader.submit("Add action");
    await expectLocator(leader.errorSummary()).toHaveText("Enter what will be done | Enter who is accountable for it");
    expect(await leader.audit("governance-forms-01-action-errors")).toEqual([]);

    await leader.fill("What will be done", ACTION);
    await leader.fill("Owner", "Head of Early Help");
    await leader.fill("Start date (optional)", "2021-04-01");
    await leader.fill("Due date (optional)", "2020-03-31");
    await leader.chooseMeasure("repeat referrals", MEASURE);
    await expectLocator(leader.chosenMeasures()).toHaveCount(1);
    await leader.page.getByLabel("In progress", { exact: true }).check();
    expect(await leader.audit("governance-forms-02-action-form")).toEqual([]);
    // The due date before the start is refused on the field, as the API would.
    await leader.submit("Add action");
    await expectLocator(leader.errorSummary()).toHaveText("The due date must be on or after the start date");
    await leader.fill("Due date (optional)", "2022-03-31");
    await leader.submit("Add action");

    await leader.waitForHeading(ACTION);
    await expectLocator(leader.flash()).toContainText("Action added.");
    await expectLocator(leader.status()).toHaveText("In progress");
    await expectLocator(leader.page.getByRole("link", { name: MEASURE, exact: true })).toBeVisible();
    await expectLocator(leader.page.getByText("1 April 2021 to 31 March 2022")).toBeVisible();
    expect(await leader.audit("governance-forms-03-action-added")).toEqual([]);

    // Change its owner; the measure stays linked. Someone else moves the due date meanwhile: the
    // save is refused, says what they changed, and saving again keeps both changes.
    await leader.follow("Change the action", "Change the action");
    await expectLocator(leader.chosenMeasures()).toHaveCount(1);
    expect(await leader.audit("governance-forms-04-action-edit")).toEqual([]);
    const actionId = new URL(leader.page.url()).pathname.split("/")[3] ?? "";
    const analyst = await apiSignIn(session.url, "leader.wcc");
    const read = await analyst.call<unknown>("GET", `/api/v1/governance/actions/${actionId}`);
    expect((await analyst.call<unknown>("PATCH", `/api/v1/governance/actions/${actionId}`, { dueDate: "2022-06-30" }, { "if-match": read.etag ?? "" })).status).toBe(200);
    await leader.fill("Owner", "Director of Early Help");
    await leader.submit("Save changes");
    await expectLocator(leader.page.getByTestId("conflict-message")).toContainText("Due date: from 31 March 2022 to 30 June 2022");
    expect(await leader.page.getByLabel("Due date (optional)", { exact: true }).inputValue()).toBe("2022-06-30");
    expect(await leader.page.getByLabel("Owner", { exact: true }).inputValue()).toBe("Director of Early Help");
    expect(await leader.audit("governance-forms-04b-action-conflict")).toEqual([]);
    await leader.submit("Save again");
    await leader.waitForHeading(ACTION);
    await expectLocator(leader.flash()).toContainText("The action has been changed.");
    await expectLocator(leader.page.locator(".govuk-summary-list")).toContainText("Director of Early Help");
    await expectLocator(leader.page.locator(".govuk-summary-list")).toContainText("1 April 2021 to 30 June 2022");

    // The committee: a recommendation's second organisation has not responded yet.
    await leader.openHome();
    await leader.openCommittee("Family Services Policy and Scrutiny Committee");
    expect(await leader.audit("governance-forms-05-committee")).toEqual([]);
    await leader.follow(/^Record response\W+Central London CCG, recommendation 2$/, "Record a response");
    expect(await leader.page.getByLabel("Central London CCG", { exact: true }).isChecked()).toBe(true);
    await leader.fill("Their response", "");
    await leader.submit("Save response");
    await expectLocator(leader.errorSummary()).toHaveText("Enter the response");
    expect(await leader.audit("governance-forms-06-response-errors")).toEqual([]);
    await leader.fill("Their response", RESPONSE);
    await leader.fill("Date of the response", "2020-01-14");
    await leader.submit("Save response");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.flash()).toContainText("Response recorded from Central London CCG.");
    await expectLocator(leader.recommendationTracker()).toContainText(RESPONSE);
    await expectLocator(leader.recommendationTracker()).toContainText("14 January 2020");
    expect(await leader.audit("governance-forms-07-response-recorded")).toEqual([]);

    // A meeting whose date is to be confirmed, and an unallocated item moved to it.
    await leader.follow("Add a meeting", "Add a meeting");
    await leader.fill("Meeting", "Round nine");
    expect(await leader.audit("governance-forms-08-meeting")).toEqual([]);
    await leader.submit("Add meeting");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.page.getByTestId("meetings")).toContainText("Round nine, date to be confirmed");
    await leader.follow(/^Move\W+Suicide prevention$/, "Move an agenda item");
    await leader.page.getByLabel("Which meeting?", { exact: true }).selectOption({ label: "Round nine, date to be confirmed" });
    expect(await leader.audit("governance-forms-09-move")).toEqual([]);
    await leader.submit("Move item");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.flash()).toContainText("Suicide prevention: moved to Round nine, date to be confirmed.");
    await expectLocator(leader.workProgramme().locator("table", { hasText: "Round nine" })).toContainText("Suicide prevention");
  });

  it("a leader records a strategy and its priority, and runs the action and recommendation trackers", async () => {
    const leader = new GovernanceFormPages((await session.signedInPage("leader.wcc")).page);
    await leader.openHome();
    await leader.follow("Add a strategy", "Add a strategy");
    expect(await leader.audit("governance-forms-10-strategy")).toEqual([]);
    await leader.page.getByLabel("Westminster", { exact: false }).first().check();
    await leader.fill("Title", "Youth Strategy");
    await leader.fill("Years it covers", "2024–27");
    await leader.submit("Add strategy");
    await leader.waitForHeading("Youth Strategy 2024–27");
    await expectLocator(leader.flash()).toContainText("Strategy added.");

    await leader.follow("Add a priority", "Add a priority");
    await leader.fill("What the strategy said it would do", "Somewhere to go after school");
    await leader.submit("Add priority");
    await leader.waitForHeading("Youth Strategy 2024–27");
    await leader.follow(/^Change the priority/, "Change the priority");
    expect(await leader.audit("governance-forms-11-priority-edit")).toEqual([]);
    await leader.fill("What the strategy said it would do", "Somewhere safe to go after school");
    await leader.submit("Save changes");
    await leader.waitForHeading("Youth Strategy 2024–27");
    await expectLocator(leader.page.getByTestId("priority")).toContainText("1. Somewhere safe to go after school");

    // The action tracker: a new action, then marked completed with an update.
    await leader.openHome();
    await leader.openCommittee("Family Services Policy and Scrutiny Committee");
    await leader.follow("Add to the action tracker", "Add to the action tracker");
    await leader.page.getByLabel("Which meeting asked for it?", { exact: true }).selectOption({ label: "Round six, 21 April 2020" });
    await leader.fill("Agenda item", "Item 5: Family hubs");
    await leader.fill("Action", "Share the family hubs' opening hours with members");
    expect(await leader.audit("governance-forms-12-tracker-action")).toEqual([]);
    await leader.submit("Add action");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    const tracker = leader.page.getByTestId("action-tracker");
    await expectLocator(tracker.locator("table", { hasText: "Round six" })).toContainText("Share the family hubs' opening hours with members");
    await leader.follow(/^Update\W+Share the family hubs' opening hours with members$/, "Update a tracked action");
    await leader.page.getByLabel("Completed", { exact: true }).check();
    await leader.fill("Update", "Sent to members on 1 May");
    expect(await leader.audit("governance-forms-13-tracker-update")).toEqual([]);
    await leader.submit("Save update");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.flash()).toContainText("Tracked action updated: Completed.");
    const row = tracker.locator("tr", { hasText: "opening hours" });
    await expectLocator(row.locator(".govuk-tag")).toHaveText("Completed");
    await expectLocator(row).toContainText("Sent to members on 1 May");

    // A recommendation to two organisations, neither of which has answered yet.
    await leader.follow("Add a recommendation", "Add a recommendation");
    await leader.page.getByLabel("Which meeting made it?", { exact: true }).selectOption({ label: "Round six, 21 April 2020" });
    await leader.fill("Recommendation", "That every family hub offers a young carers' drop-in.");
    await leader.fill("Organisations asked to respond", "Central London CCG\nYoung carers' service");
    expect(await leader.audit("governance-forms-14-recommendation")).toEqual([]);
    await leader.submit("Add recommendation");
    await leader.waitForHeading("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.recommendationTracker()).toContainText("Recommendations from Round six, 21 April 2020");
    await expectLocator(leader.recommendationTracker().getByRole("link", { name: /^Record response\W+Young carers' service, recommendation 1$/ })).toBeVisible();
    expect(await leader.audit("governance-forms-15-committee-after")).toEqual([]);
  });
});
