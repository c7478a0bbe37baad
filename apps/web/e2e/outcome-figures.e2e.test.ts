import { describe, expect, it } from "vitest";
import { FigurePages } from "./pages/figure-pages.ts";
import { setUpE2eSession } from "./support/e2e-session.ts";
import { expectLocator } from "./support/locator-expect.ts";

const session = setUpE2eSession(50);
const WCC = "E09000033";

describe("figures of external measures", () => {
  it("an analyst enters a figure, corrects it, and imports a file whose bad rows are listed by line and column", async () => {
    const analyst = new FigurePages((await session.signedInPage("analyst.wcc")).page);
    await analyst.openEntry("good-level-of-development", WCC);
    // The demo holds six years of figures for the measure.
    await expectLocator(analyst.figureList().locator("tbody tr")).toHaveCount(6);
    expect(await analyst.audit("figures-01-entry")).toEqual([]);

    await analyst.save();
    await expectLocator(analyst.errorSummary()).toContainText("Enter the first day the figure covers");
    await expectLocator(analyst.errorSummary()).toContainText("Enter the value as a number");
    expect(await analyst.audit("figures-02-errors")).toEqual([]);

    await analyst.fill("First day the figure covers", "2030-09-01");
    await analyst.fill("Last day the figure covers", "2031-08-31");
    await analyst.fill("Value", "70");
    await analyst.fill("Numerator (optional)", "1400");
    await analyst.fill("Denominator (optional)", "2000");
    await analyst.fill("Date of the source", "2031-11-20");
    await analyst.save();
    await expectLocator(analyst.successBanner()).toContainText("Children achieving a good level of development: 70 for 1 September 2030 to 31 August 2031");
    await expectLocator(analyst.figureList().locator("tbody tr")).toHaveCount(7);

    // Correcting it sends the version read with the list.
    await analyst.change("1 September 2030 to 31 August 2031");
    await analyst.fill("Value", "71");
    await analyst.fill("Numerator (optional)", "1420");
    await analyst.save();
    await expectLocator(analyst.successBanner()).toContainText(": 71 for");
    expect(await analyst.audit("figures-03-saved")).toEqual([]);

    await analyst.openImport();
    expect(await analyst.audit("figures-04-import")).toEqual([]);
    const csv = [
      "measure_id,la_code,period_start,period_end,value,numerator,denominator,source,source_date,note",
      `ks2-rwm-expected,${WCC},2030-09-01,2031-08-31,66,1089,1650,DfE KS2,2031-12-10,`,
      `ks2-rwm-expected,${WCC},2029-09-01,2030-08-31,lots,,,DfE KS2,2030-12-10,`,
      `lac-count,${WCC},2030-04-01,2031-03-31,120,,,Ours,2031-04-10,`,
    ].join("\n");
    await analyst.importCsv("figures.csv", csv);
    await expectLocator(analyst.summaryValue("New figures")).toHaveText("1");
    await expectLocator(analyst.summaryValue("Rows not saved")).toHaveText("2");
    await expectLocator(analyst.problemRows()).toHaveCount(2);
    await expectLocator(analyst.problemRows().first()).toContainText("3value");
    await expectLocator(analyst.problemRows().nth(1)).toContainText("computed from records");
    expect(await analyst.audit("figures-05-import-done")).toEqual([]);
  });
});
