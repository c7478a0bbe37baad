import { readFile } from "node:fs/promises";
import { addCalendarDays, todayIso } from "@family-story/domain";
import type { LacReviews, LookedAfterRecord, Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { LookedAfterPages } from "./pages/looked-after-pages.ts";
import { apiSignIn, type ApiSession } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
let practitioner: ApiSession;
let child: Person;
// Care starts 30 days ago, so every step can be dated in order and in the past.
const day = (n: number) => addCalendarDays(todayIso(), n - 30);
const name = "Maya Osei";

beforeAll(async () => {
  practitioner = await apiSignIn(session.url, "sw.wcc");
  const res = await practitioner.call<Person>("POST", "/api/v1/people", { givenName: "Maya", familyName: "Osei", dob: "2014-02-09", sex: "female" });
  expect(res.status).toBe(201);
  child = res.body;
});

describe("children looked after and the IRO's review", () => {
  it("a child comes into care, the placement changes, the IRO schedules and records a review, writes the letter and gets the PDF", async () => {
    const sw = new LookedAfterPages((await session.signedInPage("sw.wcc")).page);
    await sw.openRecord(child.id, name);
    expect(await sw.audit("lac-01-not-looked-after")).toEqual([]);

    // Into care: an empty form names what is missing.
    await sw.follow("Start a period of care");
    await sw.page.getByRole("button", { name: "Start the period of care" }).click();
    await expectLocator(sw.errorSummary()).toContainText("Choose the legal status");
    await sw.fill("Date the child started to be looked after", day(0));
    await sw.select("Legal status (LS)", "V2");
    await sw.choose("N1: Abuse or neglect");
    await sw.select("Placement type (PLACE)", "U3");
    await sw.select("Who provides the placement (PLACE_PROVIDER)", "PR1");
    expect(await sw.audit("lac-02-start-care")).toEqual([]);
    await sw.save("Start the period of care", name);
    await expectLocator(sw.episodes()).toHaveCount(1);

    // The placement changes to a new foster home: a new episode (RNE P) follows from it.
    await sw.follow("Record a change of placement or legal status");
    await sw.fill("Date of the change", day(12));
    await sw.select("New placement type", "U6");
    await sw.select("Who provides the placement (PLACE_PROVIDER)", "PR1");
    await sw.select("Why the placement changed", "CARPL");
    expect(await sw.audit("lac-03-change")).toEqual([]);
    await sw.save("Save the change", name);
    await expectLocator(sw.episodes()).toHaveCount(2);
    expect(await sw.audit("lac-04-record")).toEqual([]);
    const record = await practitioner.call<LookedAfterRecord>("GET", `/api/v1/people/${child.id}/looked-after`);
    expect(record.body.episodes.map((e) => [e.startDate, e.reasonNewEpisode?.code, e.place?.code, e.reasonCeased?.code ?? null])).toEqual([
      [day(0), "S", "U3", "X1"],
      [day(12), "P", "U6", null],
    ]);

    // The IRO takes the child on, schedules the first review and records it.
    const iro = new LookedAfterPages((await session.signedInPage("iro.wcc")).page);
    await iro.openReviews(child.id);
    await iro.page.getByRole("link", { name: /Assign/ }).click();
    await iro.waitForHeading("Independent reviewing officer");
    await iro.select("Who is the child’s IRO?", (await iroId(iro)) ?? "");
    await iro.save("Save", "Looked-after reviews");
    await iro.follow("Schedule the next review");
    await iro.fill("Planned date", day(25));
    expect(await iro.audit("lac-05-schedule-review")).toEqual([]);
    await iro.save("Schedule the review", "Looked-after reviews");
    await iro.follow("Record the review");
    await iro.fill("Date the review was held", day(25));
    await iro.choose("PN1: Child attended and spoke for themselves");
    await iro.choose("In the review meeting");
    await iro.fill("What the child told us", "I like my new foster home and want to keep going to my school.");
    await iro.fill("Minutes", "Placement settled. School attendance good. Contact with her brother to be arranged.");
    await iro.page.getByRole("button", { name: "Add a decision" }).click();
    await iro.fill("What was decided", "Arrange weekly contact with her brother");
    await iro.page.getByLabel("Who will do it", { exact: true }).selectOption({ label: "Sam Whitfield" });
    await iro.fill("By when", day(40));
    expect(await iro.audit("lac-06-record-review")).toEqual([]);
    // Saving the review goes straight on to the letter to the child, drafted from the review.
    await iro.save("Save the review", "Letter to the child");
    const letter = iro.page.getByLabel("Letter", { exact: true });
    expect(await letter.inputValue()).toContain("Maya");
    await letter.fill(`Dear Maya,\n\nWe met on ${day(25)}. You told us you like your new foster home and want to keep going to your school.\n\nWe agreed that Sam will arrange for you to see your brother every week.\n\nFrom Isaac`);
    expect(await iro.audit("lac-08-letter")).toEqual([]);
    await iro.save("Save the letter", /^Review of/);
    const download = await iro.downloadLetter();
    const path = await download.path();
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/StructTreeRoot");
    expect(await iro.audit("lac-09-review-with-letter")).toEqual([]);
    await iro.openReviews(child.id);
    await expectLocator(iro.reviewRows()).toHaveCount(1);
    await expectLocator(iro.reviewRows()).toContainText("On time");
    expect(await iro.audit("lac-10-reviews")).toEqual([]);

    const reviews = await practitioner.call<LacReviews>("GET", `/api/v1/people/${child.id}/lac-reviews`);
    expect(reviews.body.reviews[0]).toMatchObject({ status: "held", reviewDate: day(25), participationCode: "PN1", timeliness: "on_time" });
  });
});

/** The demo IRO's user id, read from the form's options. */
async function iroId(p: LookedAfterPages): Promise<string | null> {
  return p.page.getByLabel("Who is the child’s IRO?", { exact: true }).locator("option", { hasText: "Isaac Roberts" }).getAttribute("value");
}

describe("the rest of the looked-after, IRO, report and import pages", () => {
  it("render for the people who use them, pass axe and can be reached by keyboard", async () => {
    const sw = new LookedAfterPages((await session.signedInPage("sw.wcc")).page);
    const pages: [string, string | RegExp][] = [
      [`/people/${child.id}/looked-after/health`, "Health and education"],
      [`/people/${child.id}/looked-after/permanence`, "Permanence"],
      [`/people/${child.id}/looked-after/leaving-care`, "Leaving care"],
      [`/people/${child.id}/looked-after/iro`, "Independent reviewing officer"],
    ];
    for (const [path, heading] of pages) {
      await sw.page.goto(path);
      await sw.waitForHeading(heading);
      expect(await sw.audit(`lac-sw-${path.split("/").pop() ?? ""}`), path).toEqual([]);
    }
    // The sub-navigation is a list of links a keyboard reaches in order.
    await sw.page.goto(`/people/${child.id}/looked-after`);
    await sw.waitForHeading(name);
    const nav = sw.page.getByRole("navigation", { name: /looked-after/i });
    await nav.getByRole("link", { name: "Health and education" }).focus();
    await sw.page.keyboard.press("Enter");
    await sw.waitForHeading("Health and education");

    const iro = new LookedAfterPages((await session.signedInPage("iro.wcc")).page);
    await iro.page.goto("/iro");
    await iro.waitForHeading("IRO dashboard");
    await expectLocator(iro.page.locator("main")).toContainText("Osei");
    expect(await iro.audit("iro-dashboard")).toEqual([]);

    const analyst = new LookedAfterPages((await session.signedInPage("analyst.wcc")).page);
    for (const path of ["/reports", "/reports/iro-annual", "/reports/placement-stability", "/reports/looked-after-timeliness"]) {
      await analyst.page.goto(path);
      await analyst.heading().first().waitFor();
      expect(await analyst.audit(`report-${path.split("/").pop() ?? ""}`), path).toEqual([]);
    }
    // The IRO annual report for this year: tables drawn as charts with their data tables.
    await analyst.page.goto("/reports/iro-annual");
    await analyst.page.getByRole("button", { name: "Show report" }).click();
    await analyst.page.locator("main table").first().waitFor();
    await expectLocator(analyst.page.locator("main svg").first()).toBeVisible();
    expect(await analyst.audit("report-iro-annual-shown")).toEqual([]);

    const admin = new LookedAfterPages((await session.signedInPage("admin.wcc")).page);
    await admin.page.goto("/admin/imports");
    await admin.heading().first().waitFor();
    expect(await admin.audit("admin-imports")).toEqual([]);
  });
});
