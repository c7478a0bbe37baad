import { addCalendarDays, todayIso } from "@family-story/domain";
import type { SocialCareRecord } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { SocialCarePage } from "./pages/social-care-pages.ts";
import { apiSignIn, type ApiSession } from "./support/api-session.ts";
import { referChild, type ReferredChild } from "./support/case-fixture.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
let practitioner: ApiSession;
let manager: ApiSession;
let referred: ReferredChild;
// The referral is dated 60 days ago (corrected over the API), so each step can be dated in order, in the past.
const day = (n: number) => addCalendarDays(todayIso(), n - 60);

beforeAll(async () => {
  practitioner = await apiSignIn(session.url, "sw.wcc");
  manager = await apiSignIn(session.url, "tm.wcc");
  referred = await referChild(practitioner, manager, "Adeyemi");
  const record = await practitioner.call<SocialCareRecord>("GET", `/api/v1/cases/${referred.caseId}/social-care`);
  expect(record.body.referral?.contactId).not.toBeNull();
  const corrected = await practitioner.call("PATCH", `/api/v1/cases/${referred.caseId}/social-care/referral`, { referralDate: day(0) }, { "if-match": String(record.body.referral?.version ?? 1) });
  expect(corrected.status).toBe(200);
});

describe("children in need and child protection", () => {
  it("records assessment, strategy discussion, s47, ICPC, CP plan and a review conference in the browser", async () => {
    const { page } = await session.signedInPage("sw.wcc");
    const sc = new SocialCarePage(page);
    const name = "Leo Adeyemi";
    await sc.openCase(referred.caseId, name);
    await expectLocator(sc.timeline()).toContainText("Referral");
    await expectLocator(sc.due()).toContainText("Complete the child and family assessment");
    expect(await sc.audit("sc-01-case")).toEqual([]);

    await sc.startStep("Start a child and family assessment");
    await sc.page.getByRole("button", { name: "Start assessment" }).click();
    await expectLocator(sc.errorSummary()).toBeVisible();
    expect(await sc.audit("sc-02-assessment-errors")).toEqual([]);
    await sc.fill("Date the assessment started", day(1));
    await sc.save("Start assessment", name);

    await sc.startStep("Record a strategy discussion");
    await sc.fill("Date of the strategy discussion", day(2));
    await sc.fill("Who took part", "Police, school, health visitor");
    await sc.choose("Start a section 47 enquiry");
    expect(await sc.audit("sc-03-strategy-discussion")).toEqual([]);
    await sc.save("Save strategy discussion", name);

    await sc.startStep("Start the section 47 enquiry");
    await sc.fill("Date the enquiry started", day(2));
    expect(await sc.audit("sc-04-s47")).toEqual([]);
    await sc.save("Start enquiry", name);

    await sc.startStep("Record the enquiry’s outcome");
    await sc.choose("Concerns substantiated: initial child protection conference");
    await sc.fill("Date of the outcome", day(5));
    expect(await sc.audit("sc-05-s47-outcome")).toEqual([]);
    await sc.save("Save outcome", name);
    await expectLocator(sc.due()).toContainText("Hold the initial child protection conference");

    await sc.startStep("Complete the assessment");
    await sc.fill("Date the assessment was completed", day(9));
    await sc.choose("Domestic abuse – the child’s parent(s) or carer(s) are the subject");
    await sc.choose("Abuse or neglect – neglect");
    await sc.select("Primary need", "Abuse or neglect");
    expect(await sc.audit("sc-06-assessment-complete")).toEqual([]);
    await sc.save("Complete assessment", name);

    await sc.startStep("Record the initial child protection conference");
    await sc.fill("Date of the conference", day(10));
    await sc.choose("Child protection plan");
    await sc.choose("Neglect");
    expect(await sc.audit("sc-07-icpc")).toEqual([]);
    await sc.save("Save conference", name);
    await expectLocator(sc.section()).toContainText("Child protection plan");
    await expectLocator(sc.due()).toContainText("Hold the child protection review conference");

    await sc.startStep("Record a review conference");
    // A review on the same day as the ICPC is refused with the reason.
    await sc.fill("Date of the review conference", day(10));
    await sc.choose("The plan continues");
    await sc.page.getByRole("button", { name: "Save review conference" }).click();
    await expectLocator(sc.errorSummary()).toContainText("must be after the plan’s last conference");
    await sc.fill("Date of the review conference", day(40));
    await sc.select("Category of abuse", "Emotional abuse");
    expect(await sc.audit("sc-08-review-conference")).toEqual([]);
    await sc.save("Save review conference", name);
    await expectLocator(sc.timeline()).toContainText("Review conference");
    await expectLocator(sc.section()).toContainText("Emotional abuse");
    expect(await sc.audit("sc-09-case-after-review")).toEqual([]);

    const record = await practitioner.call<SocialCareRecord>("GET", `/api/v1/cases/${referred.caseId}/social-care`);
    expect(record.body.cpPlans).toMatchObject([{ startDate: day(10), initialCategory: "NEG", latestCategory: "EMO", endDate: null }]);
    expect(record.body.conferences.map((k) => k.kind)).toEqual(["initial", "review"]);
  });
});
