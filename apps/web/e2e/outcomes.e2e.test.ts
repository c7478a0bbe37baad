import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { addCalendarDays, todayIso } from "@family-story/domain";
import type { Person } from "@family-story/schemas";
import { beforeAll, describe, expect, it } from "vitest";
import { OutcomesPages } from "./pages/outcomes-pages.ts";
import { apiSignIn } from "./support/api-session.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
// Children looked after with 3 or more placements in the year, out of every child looked after
// at the month's end: a CYPP "safe and supported" measure worked out from the records.
const MEASURE = "lac-placement-stability-short";
let child: Person;

/**
 * The text a PDF draws, read back without a PDF library: each deflated content stream is
 * inflated and the hex strings of its TJ operators decoded (pdfkit writes the standard fonts'
 * text that way; the ASCII this test looks for is the same in WinAnsi).
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const pieces: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue; // not a deflated content stream (a font or image)
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) pieces.push([...(tj[1] ?? "").matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1] ?? "", "hex").toString("latin1")).join(""));
  }
  return pieces.join(" ").replace(/\s+/g, " ");
}

beforeAll(async () => {
  // A child comes into care through the API, so she is looked after at this month's end.
  const practitioner = await apiSignIn(session.url, "sw.wcc");
  const res = await practitioner.call<Person>("POST", "/api/v1/people", { givenName: "Nadia", familyName: "Marlowe", dob: "2014-06-02", sex: "female" });
  expect(res.status).toBe(201);
  child = res.body;
  const care = await practitioner.call("POST", `/api/v1/people/${child.id}/looked-after`, {
    startDate: addCalendarDays(todayIso(), -3),
    legalStatus: "C2",
    categoryOfNeed: "N1",
    place: "U1",
    placeProvider: "PR1",
    homePostcode: "W2 1AA",
    placementPostcode: "W9 2BB",
  });
  expect(care.status).toBe(201);
});

describe("outcomes dashboards", () => {
  it("a director reads the plan's outcomes, opens a measure by keyboard, follows the number to a child, and exports the dashboard", async () => {
    const leader = new OutcomesPages((await session.signedInPage("leader.wcc")).page);
    await leader.openFromNav();
    await expectLocator(leader.ragSummary()).toContainText("Green on target");
    await expectLocator(leader.page.getByTestId("dashboard-group")).toHaveCount(5);
    await expectLocator(leader.card(MEASURE)).toContainText("Good is");
    expect(await leader.audit("outcomes-01-leaders")).toEqual([]);

    // The table alternative opens from the keyboard and carries the same periods as the chart.
    const card = leader.card(MEASURE);
    await card.locator("summary").focus();
    await leader.page.keyboard.press("Enter");
    await expectLocator(card.getByTestId("trend-table")).toBeVisible();
    const periods = await card.getByTestId("trend-table").locator("tbody th").count();
    expect(await card.getByTestId("trend-point").count()).toBeLessThanOrEqual(periods);

    await leader.openMeasureByKeyboard(MEASURE);
    await expectLocator(leader.page.getByTestId("measure-definition")).toContainText("Children looked after on the last day");
    await expectLocator(leader.trendTable()).toBeVisible();
    // Each data point takes focus and names its period and value.
    const point = leader.trendPoints().last();
    await point.focus();
    expect(await leader.page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("trend-point");
    expect(await point.getAttribute("aria-label")).toMatch(/^\d{4}\/\d{2}: .*%/);
    expect(await leader.audit("outcomes-02-measure")).toEqual([]);

    // The number's denominator names the child who came into care.
    await leader.openChildren();
    expect(await leader.audit("outcomes-03-numerator")).toEqual([]);
    await leader.showDenominator();
    const row = leader.subjectsTable().locator("tbody tr").filter({ hasText: "Nadia Marlowe" });
    await expectLocator(row).toHaveCount(1);
    expect(await leader.audit("outcomes-04-denominator")).toEqual([]);
    await row.getByRole("link", { name: "Nadia Marlowe" }).click();
    await leader.waitForHeading("Nadia Marlowe");
    expect(leader.page.url()).toContain(`/people/${child.id}`);

    // Back on the dashboard: the CSV has a row per measure and period, the PDF is the committee paper.
    await leader.openFromNav();
    const csv = readFileSync(await (await leader.download("dashboard-csv")).path(), "utf8").split(/\r?\n/).filter((l) => l !== "");
    expect(csv[0]).toBe("group,measure_id,measure,unit,direction,scope,row,period,from,to,complete,numerator,denominator,value,source,source_date,baseline,target,rag");
    const rows = csv.filter((l) => l.includes(`,${MEASURE},`));
    expect(rows.filter((l) => l.includes(",whole period,"))).toHaveLength(1);
    expect(rows.filter((l) => l.includes(",year,")).length).toBeGreaterThanOrEqual(5);
    const pdf = readFileSync(await (await leader.download("dashboard-pdf")).path());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const title = ((await leader.heading().textContent()) ?? "").trim();
    expect(pdfText(pdf)).toContain(title);
  });
});
