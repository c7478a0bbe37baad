import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GovernancePages } from "./pages/governance-pages.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
const ACTION = "Start the transitions project for the Church Street area";
const NOTE = "Project board met; the first cohort of Year 6 pupils is chosen.";

describe("strategy and scrutiny", () => {
  it("a leader records progress on an action and reads what we said and what we did", async () => {
    const leader = new GovernancePages((await session.signedInPage("leader.wcc")).page);
    await leader.openHome();
    expect(await leader.audit("governance-01-home")).toEqual([]);

    await leader.openStrategy("Children and Young People's Plan 2019–22");
    expect(await leader.audit("governance-02-strategy")).toEqual([]);

    // The action has not started; the leader reports it under way, with a note kept in its history.
    await leader.openAction(ACTION);
    await expectLocator(leader.status()).toHaveText("Not started");
    await expectLocator(leader.history()).toHaveCount(0);
    expect(await leader.audit("governance-03-action")).toEqual([]);
    await leader.recordProgress("In progress", NOTE);
    await expectLocator(leader.status()).toHaveText("In progress");
    await expectLocator(leader.history()).toHaveCount(1);
    await expectLocator(leader.history().first()).toContainText(NOTE);
    await expectLocator(leader.history().first()).toContainText("Recorded by Lena Marsh");
    expect(await leader.audit("governance-04-progress")).toEqual([]);

    // The report counts it as in progress: 15 actions, 6 complete, 7 in progress, 2 not started.
    await leader.page.getByRole("link", { name: "Children and Young People's Plan", exact: true }).click();
    await leader.waitForHeading("Children and Young People's Plan 2019–22");
    await leader.openReport();
    await expectLocator(leader.summary()).toContainText("Of 15 actions, 6 are complete (40%), 7 in progress (47%) and 2 not started (13%).");
    await expectLocator(leader.chart()).toBeVisible();
    expect(await leader.chart().getAttribute("role")).toBe("img");
    await expectLocator(leader.chart().locator("desc")).toContainText("All priorities: 2 not started, 7 in progress, 6 complete");
    await expectLocator(leader.counts().locator("tbody tr").last()).toContainText("All priorities");
    await expectLocator(leader.page.getByTestId("said-did").first()).toContainText(NOTE);
    expect(await leader.audit("governance-05-report")).toEqual([]);

    const csv = readFileSync(await (await leader.downloadCsv()).path(), "utf8").split("\r\n");
    expect(csv[0]).toBe("strategy,priority,action,owner,status,due_date,progress_date,progress_note,progress_by");
    expect(csv.filter((l) => l.includes(ACTION))).toEqual([expect.stringContaining(`,In progress,2022-03-31,`)]);
    expect(csv.find((l) => l.includes(ACTION))).toContain(`${NOTE},Lena Marsh (Director of Children's Services)`);

    // The committee's programme and trackers.
    await leader.openHome();
    await leader.openCommittee("Family Services Policy and Scrutiny Committee");
    await expectLocator(leader.page.getByTestId("work-programme")).toContainText("Unallocated items");
    await expectLocator(leader.page.getByTestId("work-programme")).toContainText("Task groups and studies");
    await expectLocator(leader.page.getByTestId("recommendation-tracker")).toContainText("No response yet");
    expect(await leader.audit("governance-06-committee")).toEqual([]);
  });
});
