import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { addCalendarDays, collectionYearOf, todayIso } from "@family-story/domain";
import { readSsda903Files, ssda903Input, ssda903Metadata, validateSsda903 } from "@family-story/returns";
import type { Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { ReturnsPages } from "./pages/returns-pages.ts";
import { apiSignIn, type ApiSession } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
const SHARED = path.resolve(import.meta.dirname, "../../../../shared/returns");
const FIXTURES = path.join(SHARED, "ssda903", "fixtures", "fake-2017-18");
const CIN_FILE = path.join(SHARED, "cin", "fixtures", "fake_CIN_data.xml");
let practitioner: ApiSession;
let child: Person;

beforeAll(async () => {
  practitioner = await apiSignIn(session.url, "sw.wcc");
  // A child whose sex is not recorded comes into care: the return flags it (rule 232).
  const res = await practitioner.call<Person>("POST", "/api/v1/people", { givenName: "Rosa", familyName: "Bright", dob: "2013-03-14" });
  expect(res.status).toBe(201);
  child = res.body;
  const care = await practitioner.call("POST", `/api/v1/people/${child.id}/looked-after`, {
    startDate: addCalendarDays(todayIso(), -20),
    legalStatus: "C2",
    categoryOfNeed: "N1",
    place: "U1",
    placeProvider: "PR1",
    homePostcode: "W2 1AA",
    placementPostcode: "W9 2BB",
  });
  expect(care.status).toBe(201);
});

describe("statutory returns", () => {
  it("an analyst prepares the SSDA903 from the records, follows a finding to the child, and sees it gone once the record is fixed", async () => {
    const analyst = new ReturnsPages((await session.signedInPage("analyst.wcc")).page);
    await analyst.openHome();
    expect(await analyst.audit("returns-01-home")).toEqual([]);
    await analyst.follow("Prepare a return");
    expect(await analyst.audit("returns-02-prepare")).toEqual([]);

    const year = collectionYearOf(todayIso());
    await analyst.prepare("SSDA903, children looked after", "Westminster", year);
    await expectLocator(analyst.runHeading()).toContainText(/\d[\d,]* findings? from \d+ rules?/);
    expect(await analyst.audit("returns-03-run")).toEqual([]);

    // Rule 232 names Rosa; its section opens from the keyboard.
    const rule = analyst.rule("232");
    await rule.locator("summary").focus();
    await analyst.page.keyboard.press("Enter");
    const row = rule.locator("tbody tr", { has: analyst.page.getByRole("link", { name: /Open record/ }) }).filter({ hasText: "Header" });
    await expectLocator(row).toHaveCount(1);
    const childId = ((await row.locator("td").nth(2).textContent()) ?? "").trim();
    expect(childId.length).toBeGreaterThan(0);
    expect(await analyst.audit("returns-04-rule-open")).toEqual([]);

    // The files to submit hold the child's episode.
    await expectLocator(analyst.files()).toContainText("episodes.csv");
    const episodes = await analyst.download(analyst.page.getByTestId("return-files").getByRole("link", { name: "episodes.csv", exact: true }));
    const text = readFileSync(await episodes.path(), "utf8");
    expect(text.split(/\r?\n/)[0]).toBe("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
    expect(text).toContain(`${childId},`);

    // Following the finding opens the child's looked-after record.
    await row.getByRole("link", { name: /Open record/ }).click();
    await analyst.waitForHeading("Rosa Bright");
    await analyst.page.goBack();
    await analyst.run().waitFor({ timeout: 60_000 });

    // The social worker records her sex; running again, rule 232 no longer names her.
    const current = await practitioner.call<Person>("GET", `/api/v1/people/${child.id}`);
    const fixed = await practitioner.call("PATCH", `/api/v1/people/${child.id}`, { sex: "female" }, { "if-match": current.etag ?? "" });
    expect(fixed.status).toBe(200);
    await analyst.page.getByRole("button", { name: "Run again" }).click();
    await analyst.run().waitFor({ timeout: 60_000 });
    await expectLocator(analyst.runHeading()).toBeVisible();
    expect(await analyst.rule("232").filter({ hasText: childId }).count()).toBe(0);

    const findings = await analyst.download(analyst.page.getByTestId("findings-csv"));
    expect(readFileSync(await findings.path(), "utf8").split("\n")[0]).toBe("rule_code,table,row_id,child_id,columns,message");
  });

  it("checks SSDA903 and CIN census files in the browser without sending them anywhere", async () => {
    const analyst = new ReturnsPages((await session.signedInPage("analyst.wcc")).page);
    await analyst.page.goto("/returns/check");
    await analyst.waitForHeading("Check a return file");
    expect(await analyst.audit("returns-05-check")).toEqual([]);

    const sent: string[] = [];
    analyst.page.on("request", (r) => {
      if (r.method() !== "GET") sent.push(`${r.method()} ${r.url()}`);
    });

    // An empty form names what is missing.
    await analyst.page.getByRole("button", { name: "Check files" }).click();
    await expectLocator(analyst.page.locator(".govuk-error-summary")).toContainText("Choose the SSDA903 files to check");

    const csvs = readdirSync(FIXTURES).filter((n) => n.endsWith(".csv")).map((n) => path.join(FIXTURES, n));
    await analyst.checkFiles("SSDA903, children looked after", csvs, 2017, "E09000027");
    // Progress is shown while the worker runs the rules.
    await analyst.page.locator("#check-progress").waitFor({ timeout: 30_000 });
    await analyst.checkHeading().waitFor({ timeout: 120_000 });
    // The browser's result is the engine's on the same files (no postcode directory in the browser).
    const expected = validateSsda903(ssda903Input({ current: readSsda903Files(csvs.map((f) => ({ name: path.basename(f), text: readFileSync(f, "utf8") }))).tables }), {
      ruleset: "lac2026_27",
      metadata: ssda903Metadata({ year: 2017, localAuthority: "E09000027" }),
    });
    const rules = new Set(expected.findings.map((f) => f.rule)).size;
    await expectLocator(analyst.checkHeading()).toHaveText(`${expected.findings.length.toLocaleString("en-GB")} findings from ${String(rules)} rules`);
    await expectLocator(analyst.rule("101")).toContainText("Rule 101: The child or young person’s reported sex is not valid.");
    await expectLocator(analyst.page.getByTestId("findings-csv")).toBeVisible();
    expect(await analyst.audit("returns-06-checked-903")).toEqual([]);

    await analyst.checkFiles("CIN census, children in need", [CIN_FILE]);
    await analyst.checkHeading().filter({ hasText: "2,020" }).waitFor({ timeout: 60_000 });
    await expectLocator(analyst.checkHeading()).toHaveText("2,020 findings from 14 rules");
    expect(await analyst.audit("returns-07-checked-cin")).toEqual([]);
    expect(sent).toEqual([]);
  });
});
